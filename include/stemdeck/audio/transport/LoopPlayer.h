#pragma once

#include <cstdint>
#include <vector>

#include "stemdeck/audio/core/FunctionRef.h"
#include "stemdeck/audio/timeline/LoopRegion.h"

namespace stemdeck::audio {

// Plays a song position forward through the A-B loop: at B it continues from A,
// sample-accurately, with a short equal-power crossfade from the audio after B (the "tail")
// into the audio at A, so the seam never clicks. A pass lasts exactly B - A frames: the seam
// sits at B and the crossfade runs over the first frames after A, after which the output is
// the song at A + k untouched. The same seam makes one-shot jumps (scheduleJump), e.g. a jump
// to a marker that waits for the next bar.
//
// It renders nothing itself: the caller's source (the Mixer) renders song frames on request,
// so the loop knows nothing of stems. A loop engages when playback reaches B from before it;
// a position at or after B plays on (as in a DAW when the playhead is past the loop).
class LoopPlayer {
  public:
    static constexpr double kCrossfadeMs = 5.0;
    static_assert(kCrossfadeMs <= LoopRegion::kMinLengthMs, "a seam must fit inside a pass");

    // Writes song frames [position, position + frames) into left/right (overwriting them);
    // frames past the song's end must be silence. Called with frames <= maxChunk. During a
    // crossfade it is called twice per output run (the audio at A, the tail after B), so a
    // source with per-call ramps (the Mixer's gains) moves them at double speed for 5 ms.
    using Source = FunctionRef<void(std::int64_t position, int frames, float* left, float* right)>;

    // Control thread, while no audio thread uses the player. Allocates the crossfade buffers
    // for runs of up to maxChunk frames (the source's limit, e.g. Mixer::kMaxChunk). `region`
    // may be null (no loop: only scheduled jumps).
    void prepare(const LoopRegion* region, int sampleRate, int maxChunk);
    int crossfadeFrames() const { return static_cast<int>(fadeIn_.size()); }

    // Audio thread. Renders n frames of the song from `position` into left/right (overwritten),
    // any n, and advances `position`, wrapping at the loop end and taking a scheduled jump.
    void render(std::int64_t& position, int n, float* left, float* right, Source source) noexcept;

    // Audio thread. When playback reaches frame `at` (a frame already passed means now),
    // continue from `to` through the seam crossfade. If an active loop's B comes first, the
    // jump is taken at B instead of the wrap. A new call replaces a pending jump.
    void scheduleJump(std::int64_t at, std::int64_t to) noexcept;
    bool jumpPending() const noexcept { return jumpAt_ >= 0; }
    std::int64_t jumpAt() const noexcept { return jumpAt_; }
    std::int64_t jumpTarget() const noexcept { return jumpTo_; }
    // Audio thread. Forgets a crossfade under way and a scheduled jump: call it when the
    // transport jumps by itself (a seek at the bottom of its fade).
    void reset() noexcept;
    bool crossfading() const noexcept { return fadeDone_ < crossfadeFrames(); }
    // Audio thread: render() of n frames from `position` is one plain source run (no region
    // to read, no loop ahead, no jump, no seam sounding): the steady state of most blocks.
    bool steadyAt(std::int64_t position, int n) const noexcept {
        const bool loopAhead = bounds_.enabled && bounds_.length() > 0 && position < bounds_.end;
        return !region_ && !loopAhead && jumpAt_ < 0 && !crossfading() && n <= maxChunk_;
    }
    // Audio thread: the bounds to loop with, for a player prepared without a region (several
    // players that must follow the same bounds in the same block: the transport's bus chains).
    void setBounds(const LoopBounds& bounds) noexcept { bounds_ = bounds; }

  private:
    void startSeam(std::int64_t tail) noexcept;
    void renderRun(std::int64_t position, int n, float* left, float* right, Source source) noexcept;

    const LoopRegion* region_ = nullptr;
    int maxChunk_ = 0;
    std::vector<float> fadeIn_;  // equal-power gains; the fade-out is the same table reversed
    std::vector<float> tailLeft_, tailRight_;

    // Audio-thread state.
    LoopBounds bounds_;         // last consistent read of region_
    std::int64_t tailPos_ = 0;  // next frame of the audio after the seam being faded out
    int fadeDone_ = 0;          // frames of the current crossfade already played
    std::int64_t jumpAt_ = -1;  // scheduled jump, -1 for none
    std::int64_t jumpTo_ = 0;
};

// Length of an offline `render --loop A-B --loops N`: exactly N * (B - A) frames.
std::int64_t loopPassesLength(const LoopBounds& bounds, int loops);

// Any thread but the audio thread (it allocates): renders `loops` passes of `region`'s loop,
// on or off, from A, with the live player's crossfade at each seam and ending at B, in runs of
// at most maxChunk frames handed to sink(left, right, frames) in order. Returns the frames
// rendered: loopPassesLength(), or 0 when the region has no valid loop or loops < 1.
std::int64_t renderLoopPasses(
    const LoopRegion& region, int loops, int maxChunk, LoopPlayer::Source source,
    FunctionRef<void(const float* left, const float* right, int frames)> sink);

}  // namespace stemdeck::audio
