#pragma once

#include <cstdint>
#include <vector>

#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::audio {

struct Song;
class MixControls;

// How a song of a set leads into the next one, in output time (after the song's own tempo).
struct SongTransition {
    enum class Kind {
        Stop,       // the song ends; the next is cued and starts on the next play (count-in)
        Gap,        // the next starts by itself after `gapSeconds` of silence (no count-in)
        Segue,      // the next song's first sample follows this song's last one
        Crossfade,  // the next starts `crossfadeSeconds` before this one ends, equal-power
    };
    Kind kind = Kind::Stop;
    double gapSeconds = 0.0;
    double crossfadeSeconds = 0.0;
};

// One song of a set as it plays: its own Transport (mixer, bus chains, loop player, time
// stretcher, buffer gate, click grid, play state), the mix it reads, and how it leads into the
// next song. Built, and freed, off the audio thread; the SetTransport hands it to the audio
// thread through an atomic pointer.
class SongUnit {
  public:
    // Control thread. Allocates everything (Transport::prepare, the crossfade's gains). `song`
    // and `controls` must outlive the unit. Throws std::invalid_argument for a negative gap or
    // crossfade, or a rate Transport::prepare refuses.
    SongUnit(const Song& song, const MixControls& controls, int sampleRate,
             const SongTransition& leadOut, const TransportSetup& setup = {});

    // Any thread: the unit's transport (its commands are atomics).
    Transport& transport() { return transport_; }
    const Transport& transport() const { return transport_; }
    const Song& song() const { return *song_; }
    const MixControls& controls() const { return *controls_; }
    const SongTransition& leadOut() const { return leadOut_; }
    // Output frames of the gap / of the crossfade into the next song (0 for other kinds).
    std::int64_t gapFrames() const { return gapFrames_; }
    int crossfadeFrames() const { return static_cast<int>(fadeIn_.size()); }
    // Audio thread: the next song's equal-power fade-in gain at frame i of the crossfade (the
    // fade-out is the same table read backwards, so the squares sum to 1).
    float fadeInGain(std::int64_t i) const noexcept {
        return i < 0 ? 0.0f : i >= crossfadeFrames() ? 1.0f : fadeIn_[static_cast<std::size_t>(i)];
    }
    float fadeOutGain(std::int64_t i) const noexcept {
        return fadeInGain(static_cast<std::int64_t>(crossfadeFrames()) - 1 - i);
    }

  private:
    const Song* song_;
    const MixControls* controls_;
    SongTransition leadOut_;
    std::int64_t gapFrames_ = 0;
    std::vector<float> fadeIn_;
    Transport transport_;
};

}  // namespace stemdeck::audio
