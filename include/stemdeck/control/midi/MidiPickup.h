#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace stemdeck::control::midi {

// Soft takeover for absolute bindings (docs/design/CONTROL.md §5, `"takeover": "pickup"`): a
// fader whose position is not the value it controls (moved since by the window, a scene or
// another door) does not make the value jump; it takes over once it reaches the value: within
// one step of it, or crossing it between two messages. A value that changes while the fader
// holds it (not to what the fader last sent) lets it go again. Pure; control thread only.
class MidiPickup {
  public:
    explicit MidiPickup(std::size_t bindings = 0) : faders_(bindings) {}

    // Whether binding `index`'s fader, now at `value` (0..127), may set its target, whose
    // current value in the same units is `current` (none: not known, the fader acts).
    bool pass(std::size_t index, int value, std::optional<int> current);
    // Feedback moved binding `index`'s motor fader to `value`: it holds its target there.
    void moved(std::size_t index, int value);

  private:
    struct Fader {
        int position = -1;  // its last value, -1 before the first message
        int sent = -1;      // the last value it set while it held the target
        bool holding = false;
    };
    std::vector<Fader> faders_;
};

}  // namespace stemdeck::control::midi
