// The MIDI door's way back: the state a binding shows, sent when it changes (MidiFeedback
// decides the bytes and the echo rule), all of it on connect and on a song change.
#include <chrono>
#include <optional>

#include "ActionReplies.h"
#include "stemdeck/app/control/MidiDoor.h"
#include "stemdeck/control/StemRef.h"
#include "stemdeck/control/backend/MidiOutput.h"

namespace stemdeck::app {

namespace {

std::optional<std::size_t> stemOf(const control::ControlState& state,
                                  const control::midi::MidiBinding& binding) {
    const auto it = binding.args.find("stem");
    if (it == binding.args.end()) return std::nullopt;
    std::string ref;
    if (const auto* text = std::get_if<std::string>(&it->second))
        ref = *text;
    else if (const auto* number = std::get_if<std::int64_t>(&it->second))
        ref = std::to_string(*number);
    else
        return std::nullopt;
    std::vector<std::string> names;
    for (const auto& stem : state.stems) names.push_back(stem.name);
    return control::resolveStem(names, ref).index;
}

// What a binding's LED or fader shows of `state`, in the units MidiFeedback takes: 0/1 for
// toggles, the action's value parameter otherwise. None for actions without a state.
std::optional<double> shownValue(const control::ControlState& state,
                                 const control::midi::MidiBinding& binding) {
    const std::string& a = binding.action;
    const auto flag = [](bool on) { return on ? 1.0 : 0.0; };
    if (a == "play_pause") return flag(state.playing);
    if (a == "click") return flag(state.click);
    if (a == "loop") return flag(state.loop);
    if (a == "vamp") return flag(state.vamp);
    if (a == "lock") return flag(state.lock);
    if (a == "stage") return flag(state.stage);
    if (a == "tempo") return state.tempo;
    if (a == "pitch") return state.pitchCents / 100.0;  // its value parameter is semitones
    if (a == "master.gain") return state.masterDb;
    if (a == "stem.mute" || a == "stem.solo" || a == "stem.gain") {
        const auto stem = stemOf(state, binding);
        if (!stem) return std::nullopt;
        const auto& s = state.stems[*stem];
        if (a == "stem.mute") return flag(s.mute);
        if (a == "stem.solo") return flag(s.solo);
        return s.gainDb;
    }
    return std::nullopt;
}

}  // namespace

void MidiDoor::stateChanged(const control::ControlState& before,
                            const control::ControlState& after) {
    // Another song's stems (or a fresh mix) can change every fader and LED: show them all.
    const bool newSong = before.song != after.song || before.setIndex != after.setIndex;
    sendFeedback(newSong ? nullptr : &before, after);
}

std::optional<double> MidiDoor::targetValue(const control::midi::MidiBinding& binding) const {
    return shownValue(port_.state(), binding);
}

void MidiDoor::refreshFeedback() {
    sendFeedback(nullptr, port_.state());
}

void MidiDoor::sendFeedback(const control::ControlState* before,
                            const control::ControlState& after) {
    if (!output_ || !output_->isOpen() || !feedback_) return;
    const std::int64_t now = replies::steadyNowNs();
    const auto& bindings = mapping_.bindings;
    for (std::size_t i = 0; i < bindings.size(); ++i) {
        const auto& binding = bindings[i];
        if (!binding.feedback) continue;
        // MidiFeedback answers for every binding of an action and its args at once.
        bool seen = false;
        for (std::size_t j = 0; j < i && !seen; ++j)
            seen = bindings[j].feedback && bindings[j].action == binding.action &&
                   bindings[j].args == binding.args;
        if (seen) continue;
        const auto value = shownValue(after, binding);
        if (!value) continue;
        if (before && shownValue(*before, binding) == value) continue;
        for (const auto& bytes : feedback_->changed(binding.action, binding.args, *value, now))
            output_->send(bytes);
        if (mapper_) mapper_->feedbackSent(binding.action, binding.args, *value);
    }
}

}  // namespace stemdeck::app
