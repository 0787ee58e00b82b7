#pragma once

#include <cstdint>

#include "stemdeck/audio/core/LinearRamp.h"
#include "stemdeck/audio/stretch/TimeStretcher.h"
#include "stemdeck/audio/transport/LoopPlayer.h"

namespace stemdeck::audio {

// One output pair's path from song frames to output frames: the A-B loop and scheduled jumps
// (song time), then tempo and pitch. The Transport has one per output pair in use and drives
// them all with the same loop bounds, jumps, tempo and pitch, so without stretching they stay
// sample-locked. Audio thread only, after prepare().
class BusChain {
  public:
    // Control thread, while no audio thread uses it. `stretch`: build the time stretcher
    // (0.1-0.2 s, once per rate; kept across songs); without it tempo and pitch are ignored.
    void prepare(int sampleRate, int maxChunk, bool stretch);
    bool canStretch() const { return stretcher_.prepared(); }

    LoopPlayer& loop() { return loop_; }
    TimeStretcher& stretcher() { return stretcher_; }
    // Master gain as applied by this chain's source when the mix is split over several pairs
    // (the Mixer's own master ramp is then not used, so each chain ramps its own copy).
    LinearRamp& master() { return master_; }

    // The next song frame the loop player reads.
    std::int64_t position() const { return position_; }
    // The song frame the listener hears now: position() less what the stretcher still holds.
    std::int64_t heardPosition() const noexcept;
    // Audio thread. Jumps without a seam (at the bottom of the transport's fade), forgetting
    // buffered audio, seams under way and scheduled jumps; the stretcher restarts `how`. A
    // frame before the start means the start.
    void jump(std::int64_t frame,
              TimeStretcher::Restart how = TimeStretcher::Restart::AtOnce) noexcept;

    // Audio thread: render() of n frames would be the source's n frames at position(), as
    // they are (stretcher passing through, no loop seam or jump): the pipeline's steady path
    // then renders them itself and moves the chain on with advance(n).
    bool passesThrough(int n) const noexcept {
        return loop_.steadyAt(position_, n) && stretcher_.passesThrough();
    }
    void advance(int n) noexcept { position_ += n; }

    // Audio thread: n output frames into left/right; `source` renders song frames.
    void render(float* left, float* right, int n, LoopPlayer::Source source) noexcept;
    // Audio thread: the stretcher's share of a spread restart for n frames, without output
    // (while a count-in plays).
    void prime(int n, LoopPlayer::Source source) noexcept;

  private:
    LoopPlayer loop_;
    TimeStretcher stretcher_;
    LinearRamp master_;
    std::int64_t position_ = 0;
    int sampleRate_ = 0;
};

}  // namespace stemdeck::audio
