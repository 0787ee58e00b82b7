#pragma once

#include <atomic>
#include <cstdint>

#include "stemdeck/audio/core/AtomicSnapshot.h"

namespace stemdeck::audio {

class Transport;

// Where the song is against JACK's clock, as of one audio block: a MIDI clock sender
// (control::midi::ClockSchedule) extrapolates the due time of any song frame from it. A plain
// value of 8 words (it crosses threads in an AtomicSnapshot).
struct ClockAnchor {
    std::int64_t outFrames = 0;  // output frames rendered since the anchor was enabled
    // CLOCK_MONOTONIC_RAW ns (JACK's time base, jack_get_time() * 1000) at which `songFrame`
    // is heard: the block's callback time plus its length plus the output latency.
    std::int64_t rawNs = 0;
    std::int64_t songFrame = 0;          // the song frame heard at rawNs
    double songFramesPerOutFrame = 1.0;  // tempo x (song rate / output rate)
    double bpm = 120.0;                  // the song's grid (the click's): quarters per minute
    std::int64_t gridOrigin = 0;         // song frame of beat 1 of bar 1
    std::int32_t sampleRate = 48000;     // output frames per second
    std::uint32_t epoch = 0;             // ++ on a seek, a jump or a song change
    std::uint32_t rolling = 0;           // 1: the song plays (not paused, counting in, buffering)
    // Counting in (rolling 0): output frames of the count-in still to be heard after rawNs;
    // `songFrame` is then where the song will start. A sender ticks through it at the tempo.
    std::uint32_t countInLeft = 0;
};

// The engine's clock anchor: the audio thread publishes one per block, only while enabled.
class ClockAnchorPublisher {
  public:
    // Any thread. Off by default; while off the audio thread does one relaxed load per block.
    void setEnabled(bool on) { enabled_.store(on, std::memory_order_relaxed); }
    bool enabled() const { return enabled_.load(std::memory_order_relaxed); }
    // Control thread: the open stream's output latency, added to each anchor's time.
    void setOutputLatencyNs(std::int64_t ns) { latencyNs_.store(ns, std::memory_order_relaxed); }
    // Any thread: the latest anchor (tryLoad on a real-time thread: wait-free).
    const AtomicSnapshot<ClockAnchor>& anchors() const { return anchors_; }

    // Audio thread, after a block of `frames` output frames was rendered from `transport`
    // (null: no song). Real-time safe: reads the transport's atomics, one vDSO clock read.
    void publish(Transport* transport, int frames) noexcept;

    // Any thread: CLOCK_MONOTONIC_RAW now, in ns (JACK's clock).
    static std::int64_t rawNowNs() noexcept;

  private:
    std::atomic<bool> enabled_{false};
    std::atomic<std::int64_t> latencyNs_{0};
    AtomicSnapshot<ClockAnchor> anchors_;
    // Audio-thread state: what the previous block left, to notice seeks and song changes.
    const Transport* lastTransport_ = nullptr;
    std::int64_t expectedFrame_ = -1;
    std::int64_t lastPosition_ = -1;
    std::int64_t outFrames_ = 0;
    std::uint32_t epoch_ = 0;
    bool wasRolling_ = false;
    bool wasCountingIn_ = false;
    double outNs_ = 0.0;      // smoothed: when the last block's end is heard
    double songFrame_ = 0.0;  // smoothed: the song frame heard then
    std::int64_t timeReadings_ = 0;
    std::int64_t songReadings_ = 0;
};

}  // namespace stemdeck::audio
