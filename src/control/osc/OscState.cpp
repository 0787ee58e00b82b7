#include "stemdeck/control/osc/OscState.h"

#include <cstdint>
#include <functional>
#include <string>

namespace stemdeck::control::osc {
namespace {

using Emit = std::function<void(OscMessage)>;

OscMessage field(const char* key, OscArg value) {
    return makeMessage(std::string("/stemdeck/state/") + key, {std::move(value)});
}

std::int32_t flag(bool on) {
    return on ? 1 : 0;
}

// One entry per diff() key: the OSC messages it becomes. Keys absent here (stems, set songs)
// are handled apart or not sent over OSC (markers: the web page's list; OSC has
// marker.goto and the section names).
void fieldMessages(const std::string& key, const ControlState& s, std::vector<OscMessage>& out) {
    if (key == "state")
        out.push_back(field("state", s.state));
    else if (key == "playing")
        out.push_back(field("playing", flag(s.playing)));
    else if (key == "position")
        out.push_back(field("position", static_cast<float>(s.position)));
    else if (key == "duration")
        out.push_back(field("duration", static_cast<float>(s.duration)));
    else if (key == "song")
        out.push_back(field("song", s.song));
    else if (key == "set") {
        out.push_back(field("song/index", std::int32_t{s.setIndex < 0 ? 0 : s.setIndex + 1}));
        out.push_back(field("set", s.setName));
    } else if (key == "set_time_left")
        out.push_back(field("set_time_left", static_cast<float>(s.setTimeLeft)));
    else if (key == "section")
        out.push_back(field("section", s.section));
    else if (key == "next_section")
        out.push_back(field("next_section", s.nextSection));
    else if (key == "bar_beat")
        out.push_back(field("bar_beat", s.barBeat));
    else if (key == "count_in")
        out.push_back(field("count_in", std::int32_t{s.countIn}));
    else if (key == "time_left")
        out.push_back(field("time_left", static_cast<float>(s.timeLeft)));
    else if (key == "loop")
        out.push_back(field("loop", flag(s.loop)));
    else if (key == "vamp")
        out.push_back(field("vamp", flag(s.vamp)));
    else if (key == "tempo")
        out.push_back(field("tempo", static_cast<float>(s.tempo)));
    // Semitones, as /stemdeck/pitch takes them.
    else if (key == "pitch_cents")
        out.push_back(field("pitch", static_cast<float>(s.pitchCents / 100.0)));
    else if (key == "click")
        out.push_back(field("click", flag(s.click)));
    else if (key == "bpm")
        out.push_back(field("bpm", static_cast<float>(s.bpm)));
    else if (key == "master_db")
        out.push_back(makeMessage("/stemdeck/master/gain", {static_cast<float>(s.masterDb)}));
    else if (key == "lock")
        out.push_back(field("lock", flag(s.lock)));
    else if (key == "stage")
        out.push_back(field("stage", flag(s.stage)));
}

void stemMessages(const ControlState::Stem& stem, const ControlState::Stem* before,
                  std::vector<OscMessage>& out) {
    const std::string base = "/stemdeck/stem/" + stem.name + "/";
    if (!before || before->gainDb != stem.gainDb)
        out.push_back(makeMessage(base + "gain", {static_cast<float>(stem.gainDb)}));
    if (!before || before->mute != stem.mute)
        out.push_back(makeMessage(base + "mute", {flag(stem.mute)}));
    if (!before || before->solo != stem.solo)
        out.push_back(makeMessage(base + "solo", {flag(stem.solo)}));
}

bool sameStemList(const ControlState& a, const ControlState& b) {
    if (a.stems.size() != b.stems.size()) return false;
    for (std::size_t i = 0; i < a.stems.size(); ++i)
        if (a.stems[i].name != b.stems[i].name) return false;
    return true;
}

}  // namespace

std::vector<OscMessage> stateMessages(const ControlState& state) {
    std::vector<OscMessage> out;
    const nlohmann::json all = toJson(state);
    for (auto it = all.begin(); it != all.end(); ++it) fieldMessages(it.key(), state, out);
    for (const auto& stem : state.stems) stemMessages(stem, nullptr, out);
    return out;
}

std::vector<OscMessage> changeMessages(const ControlState& before, const ControlState& after) {
    std::vector<OscMessage> out;
    const nlohmann::json changes = diff(before, after);
    for (auto it = changes.begin(); it != changes.end(); ++it) fieldMessages(it.key(), after, out);
    const bool sameList = sameStemList(before, after);
    for (std::size_t i = 0; i < after.stems.size(); ++i)
        stemMessages(after.stems[i], sameList ? &before.stems[i] : nullptr, out);
    return out;
}

}  // namespace stemdeck::control::osc
