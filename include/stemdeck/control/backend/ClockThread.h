#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <thread>

#include "stemdeck/audio/core/AtomicSnapshot.h"
#include "stemdeck/audio/device/ClockAnchor.h"
#include "stemdeck/control/midi/ClockSchedule.h"

namespace stemdeck::control::backend {

// Where a ClockThread's messages go: RtMidi's ALSA output (AlsaClockPort), or a test's
// recorder. send() runs on the clock thread and may block (RtMidi's ALSA send can).
class ClockSink {
  public:
    virtual ~ClockSink() = default;
    virtual bool send(const std::uint8_t* bytes, std::size_t size) = 0;
};

// MIDI clock from a thread of its own (CONTROL.md §6), for outputs that cannot be written
// from the audio callback (RtMidi's ALSA send may block): every slot (1 ms) it runs the same
// ClockSchedule as JackClockPort against the engine's latest ClockAnchor, then sleeps on the
// steady clock until each message is due and spins the last kSpinNs, so a message goes out
// at most about one scheduler wake-up late, never early. Control thread: all but the thread.
class ClockThread {
  public:
    static constexpr std::int64_t kSlotNs = 1'000'000;
    static constexpr std::int64_t kSpinNs = 200'000;
    static constexpr int kPriority = 5;  // SCHED_FIFO, below JACK's own threads

    // `anchors` and `sink` must outlive the thread.
    ClockThread(const audio::AtomicSnapshot<audio::ClockAnchor>& anchors, ClockSink& sink);
    ~ClockThread();
    ClockThread(const ClockThread&) = delete;
    ClockThread& operator=(const ClockThread&) = delete;

    void start();
    // Joins the thread (within one slot); what is due later is not sent.
    void stop();
    bool running() const { return thread_.joinable(); }
    // The thread got real-time priority (SCHED_FIFO) at start().
    bool realtime() const { return realtime_; }
    // Any thread: messages sent so far, those the sink refused, and the latest a message went
    // out after its due time (ns).
    std::uint64_t sentCount() const { return sent_.load(std::memory_order_relaxed); }
    std::uint64_t refusedCount() const { return refused_.load(std::memory_order_relaxed); }
    std::int64_t worstLateNs() const { return worstLateNs_.load(std::memory_order_relaxed); }

  private:
    void run();
    // Returns once CLOCK_MONOTONIC_RAW reads `dueNs` (or stop() was asked).
    void waitUntil(std::int64_t dueNs);

    static constexpr int kMaxEvents = 16;  // per 1 ms slot: at most one tick plus a jump's 3

    const audio::AtomicSnapshot<audio::ClockAnchor>& anchors_;
    ClockSink& sink_;
    std::thread thread_;
    std::atomic<bool> stopping_{false};
    bool realtime_ = false;
    // The thread's alone.
    midi::ClockSchedule schedule_;
    midi::ClockEvent events_[kMaxEvents];
    std::atomic<std::uint64_t> sent_{0};
    std::atomic<std::uint64_t> refused_{0};
    std::atomic<std::int64_t> worstLateNs_{0};
};

}  // namespace stemdeck::control::backend
