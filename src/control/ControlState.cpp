#include "stemdeck/control/ControlState.h"

#include <cmath>

namespace stemdeck::control {

nlohmann::json toJson(const ControlState& s) {
    nlohmann::json stems = nlohmann::json::array();
    for (const auto& stem : s.stems)
        stems.push_back({{"name", stem.name},
                         {"gain_db", stem.gainDb},
                         {"mute", stem.mute},
                         {"solo", stem.solo}});
    nlohmann::json markers = nlohmann::json::array();
    for (const auto& marker : s.markers)
        markers.push_back({{"name", marker.name}, {"seconds", marker.seconds}});
    nlohmann::json songs = nlohmann::json::array();
    for (const auto& song : s.setSongs)
        songs.push_back({{"title", song.title}, {"duration", song.duration}});
    return {{"state", s.state},
            {"playing", s.playing},
            {"position", s.position},
            {"duration", s.duration},
            {"song", s.song},
            {"set", {{"name", s.setName}, {"index", s.setIndex}, {"songs", songs}}},
            {"set_time_left", s.setTimeLeft},
            {"section", s.section},
            {"next_section", s.nextSection},
            {"markers", markers},
            {"bar_beat", s.barBeat},
            {"count_in", s.countIn},
            {"time_left", s.timeLeft},
            {"loop", s.loop},
            {"vamp", s.vamp},
            {"tempo", s.tempo},
            {"pitch_cents", s.pitchCents},
            {"click", s.click},
            {"bpm", s.bpm},
            {"stems", stems},
            {"master_db", s.masterDb},
            {"lock", s.lock},
            {"stage", s.stage}};
}

nlohmann::json diff(const ControlState& before, const ControlState& after, double positionStep) {
    const nlohmann::json a = toJson(before);
    const nlohmann::json b = toJson(after);
    nlohmann::json changes = nlohmann::json::object();
    for (auto it = b.begin(); it != b.end(); ++it) {
        if (it.key() == "position") {
            if (std::abs(after.position - before.position) >= positionStep)
                changes["position"] = after.position;
            continue;
        }
        if (a.at(it.key()) != it.value()) changes[it.key()] = it.value();
    }
    return changes;
}

}  // namespace stemdeck::control
