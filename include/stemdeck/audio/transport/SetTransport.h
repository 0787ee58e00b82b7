#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "stemdeck/audio/mix/InterleavedLimiter.h"
#include "stemdeck/audio/transport/SongUnit.h"

namespace stemdeck::audio {

// A set's songs in one stream: the current song's unit and a cued next one, mixed in output
// time. Each song renders through its own Transport (its mix, loop, tempo, click, limiter and
// fade); the set joins their outputs as the current song's transition says:
//
//   Stop       at the current song's end the next becomes current, silent until play()
//   Gap        gap frames of silence after the end, then the next plays (no count-in)
//   Segue      the next plays from the frame after the current one's last (the same block)
//   Crossfade  the next starts crossfadeFrames before the current one's end; the two are
//              summed with equal-power gains (sin / cos) over the overlap
//
// Hand-over, lock-free: cue() publishes a unit built off the audio thread through an atomic
// pointer; at the transition the audio thread makes it current and hands the finished one
// back through another; collect() (and the next cue()) frees it on the control thread. The
// audio thread never allocates nor frees. A next song whose start is not decoded yet buffers
// in silence (its Transport's BufferGate, as a fresh play does) and fades in once decoded.
// Two loud songs summed in a crossfade can pass full scale, so the set has a limiter of its
// own (InterleavedLimiter, each output pair) on the runs that mix two songs and on its release
// after them; a song alone, already limited by its Transport, passes it untouched.
class SetTransport {
  public:
    // What the set is doing between songs (as of the last block).
    enum class Phase {
        Single,       // no next song cued
        Cued,         // a next song waits for the current one's transition
        Gap,          // the silence between two songs
        Crossfading,  // both songs sound
    };
    // Longest run process() renders at once (it splits longer blocks).
    static constexpr int kMaxRun = 4096;

    // Control thread: scratch buffers for `maxChannels` device channels.
    explicit SetTransport(int maxChannels = 2);
    ~SetTransport();
    SetTransport(const SetTransport&) = delete;
    SetTransport& operator=(const SetTransport&) = delete;

    // Control thread, while no audio thread runs process(): the set starts with `first`
    // (replacing everything, the cued song too).
    void start(std::unique_ptr<SongUnit> first);
    // Control thread, while the audio thread may run: cue the song after the current one.
    // Frees a song handed back first (unless !collectFirst: an owner that still reads the
    // song handed back takes it with takeRetired()). Returns false (keeping nothing) while a
    // cued song has not been taken yet or no song was started.
    bool cue(std::unique_ptr<SongUnit> next, bool collectFirst = true);
    // Control thread: frees a finished song the audio thread handed back (Engine::service()).
    void collect();
    // Control thread: the song handed back (a finished one, or a cued one dropped), if any.
    std::unique_ptr<SongUnit> takeRetired();
    // Control thread, while the audio thread may run: the cued song is let go of at the next
    // block (handed back through takeRetired() / collect()), unless its transition is under
    // way (a gap or a crossfade), which then plays on. hasCued() says when it is gone.
    void requestUncue();
    // Control thread, while no audio thread runs process(): the cued song, now.
    std::unique_ptr<SongUnit> uncueNow();

    // Control thread: the current song (valid until the control thread's next collect() or
    // cue() after songChanged); null before start().
    SongUnit* current() const { return current_.load(std::memory_order_acquire); }
    // Any thread: a next song is cued and not yet current.
    bool hasCued() const { return cued_.load(std::memory_order_acquire) != nullptr; }
    // Control thread: the cued song (valid as current(): only this thread frees units).
    SongUnit* cued() const { return cued_.load(std::memory_order_acquire); }
    Phase phase() const { return phase_.load(std::memory_order_acquire); }
    // Any thread: true once per hand-over (the current song changed), then clear.
    bool consumeSongChanged() { return songChanged_.exchange(false, std::memory_order_acq_rel); }
    // Any thread: true once after a song ended on a Stop lead-out and the next song became
    // current without playing (raised after the hand-over it follows), then clear.
    bool consumeStoppedHandOver() {
        return stoppedHandOver_.exchange(false, std::memory_order_acq_rel);
    }
    // Any thread: songs handed over since start().
    int handOvers() const { return handOvers_.load(std::memory_order_acquire); }

    // Any thread: play and pause the set (the songs sounding now; pause ends a gap at once,
    // leaving the next song cued as after a stop).
    void play();
    void pause();
    // Any thread: after a Stop transition the next song plays at once (an offline render,
    // which has nobody to press play; it counts in as a play would).
    void setPlayOnAfterStop(bool on) { playOnAfterStop_.store(on, std::memory_order_relaxed); }

    // Audio thread (or an offline renderer), inside a RealtimeScope. Renders `frames`
    // interleaved frames of `channels` (at most the constructor's maxChannels) channels.
    void process(float* out, int frames, int channels) noexcept;
    // Audio thread: frames of audio (not the silence after the set's end) the last process()
    // call wrote.
    int lastRenderedFrames() const noexcept { return lastRendered_; }

  private:
    // Returns where the songs' audio ended in the run (0: silent).
    int processRun(float* out, int n, int channels) noexcept;
    // The frames of the run before the transition; returns how many it rendered (<= n).
    int renderCurrent(float* out, int n, int channels) noexcept;
    int renderOverlap(float* out, int n, int channels) noexcept;
    bool handOver() noexcept;
    void dropCued() noexcept;
    void startNext(SongUnit& next) noexcept;
    void publishPhase() noexcept;

    int maxChannels_;
    std::vector<float> scratchA_, scratchB_;
    InterleavedLimiter limiter_;
    std::atomic<SongUnit*> current_{nullptr};
    std::atomic<SongUnit*> cued_{nullptr};
    std::atomic<SongUnit*> retired_{nullptr};
    std::atomic<bool> playWanted_{false};
    std::atomic<bool> playOnAfterStop_{false};
    std::atomic<bool> songChanged_{false};
    std::atomic<bool> stoppedHandOver_{false};
    std::atomic<bool> uncueWanted_{false};
    std::atomic<int> handOvers_{0};
    std::atomic<Phase> phase_{Phase::Single};

    // Audio-thread state.
    std::int64_t gapLeft_ = -1;    // frames of the gap still to play (-1: not in a gap)
    std::int64_t overlapAt_ = -1;  // frames into the crossfade (-1: not crossfading)
    std::int64_t fadeLength_ = 0;  // frames of the crossfade under way
    bool ended_ = false;           // the current song played to its end
    bool mixed_ = false;           // the run being rendered summed two songs
    int lastRendered_ = 0;
};

}  // namespace stemdeck::audio
