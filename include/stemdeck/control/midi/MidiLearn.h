#pragma once

#include <cstdint>
#include <optional>

#include "stemdeck/control/ActionSpec.h"
#include "stemdeck/control/midi/MidiBinding.h"

namespace stemdeck::control::midi {

// MIDI learn: press Learn on an action, move the pedal. The first note, CC or program change
// after start() is the source; a release of that source (note off, CC value < 64) within
// 400 ms means a momentary pedal, none means a latching one. Control thread only.
class MidiLearn {
  public:
    static constexpr std::int64_t kMomentaryWindowNs = 400'000'000;

    struct Result {
        MidiSource source;
        bool momentary = false;
    };

    void start(std::int64_t nowNs);
    void cancel();
    bool active() const { return active_; }
    // Feeds one message; returns the result as soon as it is known (a release in time, or a
    // program change, which has no release).
    std::optional<Result> feed(const MidiMessage& message, std::int64_t nowNs);
    // Called from a timer: once the window has passed with no release, the pedal is latching.
    std::optional<Result> poll(std::int64_t nowNs);

    // The binding learn suggests for an action: mode and press from its kind and the pedal.
    // Trigger: momentary → trigger/high, latching → trigger/any (each step of the pedal fires);
    // Toggle: momentary → toggle, latching → follow; Value → absolute. Program change →
    // trigger/any.
    static MidiBinding suggest(const ActionSpec& spec, const Result& result);

  private:
    bool active_ = false;
    bool heard_ = false;
    MidiSource source_;
    std::int64_t firstNs_ = 0;
};

}  // namespace stemdeck::control::midi
