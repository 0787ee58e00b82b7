#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "stemdeck/audio/mix/LevelMeters.h"
#include "stemdeck/audio/mix/MixControls.h"

namespace stemdeck::audio {
class Engine;
}

namespace stemdeck::app {

// The current song's mixer as the widgets see it: its stems, the mix controls, the meters and
// the output routes. The PlaybackManager hands it out so that widgets never reach into the
// engine. GUI thread (the MixControls it hands out may be set from any thread).
class MixerFacade {
  public:
    explicit MixerFacade(audio::Engine& engine) : engine_(engine) {}

    bool hasSong() const;
    std::vector<std::string> stemNames() const;
    // The current song's mix. A new song (or the same one at another rate) replaces it: look
    // it up again for every change instead of keeping the reference.
    audio::MixControls& controls();
    const audio::MixControls& controls() const;
    // Peak levels since the previous call (stems post-fader, master): for the GUI tick only.
    audio::MeterReading takeMeterReading();

    // Output routing: `source` is a stem index or clickSource(); pair 0 = outputs 1-2, pair p
    // = outputs 2p+1, 2p+2. setRoute is false for a pair the open device does not have.
    std::size_t clickSource() const;
    int route(std::size_t source) const;
    bool setRoute(std::size_t source, int pair);
    // Channels of the open output (0 when closed).
    int outputChannels() const;

  private:
    audio::Engine& engine_;
};

}  // namespace stemdeck::app
