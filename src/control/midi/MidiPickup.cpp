#include "stemdeck/control/midi/MidiPickup.h"

#include <cstdlib>

namespace stemdeck::control::midi {

bool MidiPickup::pass(std::size_t index, int value, std::optional<int> current) {
    if (index >= faders_.size()) faders_.resize(index + 1);
    Fader& f = faders_[index];
    const int before = f.position;
    f.position = value;
    if (!current) {
        f.holding = true;
        f.sent = value;
        return true;
    }
    const int c = *current;
    // Changed by someone else since this fader set it: it has to reach the value again.
    if (f.holding && std::abs(c - f.sent) > 1) f.holding = false;
    if (!f.holding) {
        const bool near = std::abs(value - c) <= 1;
        const bool crossed =
            before >= 0 && ((before < c && value >= c) || (before > c && value <= c));
        f.holding = near || crossed;
    }
    if (f.holding) f.sent = value;
    return f.holding;
}

void MidiPickup::moved(std::size_t index, int value) {
    if (index >= faders_.size()) faders_.resize(index + 1);
    faders_[index] = Fader{value, value, true};
}

}  // namespace stemdeck::control::midi
