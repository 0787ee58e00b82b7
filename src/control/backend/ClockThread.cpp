#include "stemdeck/control/backend/ClockThread.h"

#include <pthread.h>
#include <sched.h>

#include <chrono>

namespace stemdeck::control::backend {

ClockThread::ClockThread(const audio::AtomicSnapshot<audio::ClockAnchor>& anchors, ClockSink& sink)
    : anchors_(anchors), sink_(sink) {}

ClockThread::~ClockThread() {
    stop();
}

void ClockThread::start() {
    stop();
    stopping_.store(false, std::memory_order_relaxed);
    schedule_ = midi::ClockSchedule();
    thread_ = std::thread([this] { run(); });
    // Real-time priority where the system grants it (as JACK's clients have it): a loaded
    // machine then wakes the clock on time. Refused (no rtprio limit): it runs on, later.
    sched_param param{};
    param.sched_priority = kPriority;
    realtime_ = pthread_setschedparam(thread_.native_handle(), SCHED_FIFO, &param) == 0;
}

void ClockThread::stop() {
    if (!thread_.joinable()) return;
    stopping_.store(true, std::memory_order_relaxed);
    thread_.join();
}

void ClockThread::run() {
    using audio::ClockAnchorPublisher;
    audio::ClockAnchor anchor{};
    while (!stopping_.load(std::memory_order_relaxed)) {
        // tryLoad, not load(): spinning on a write the engine's thread was preempted in would
        // hold the core it needs to finish (this thread may be real-time). A read that
        // overlapped a write keeps the last anchor.
        anchors_.tryLoad(anchor);
        const std::int64_t slotStart = ClockAnchorPublisher::rawNowNs();
        const int n = schedule_.advance(anchor, slotStart + kSlotNs, events_, kMaxEvents);
        for (int i = 0; i < n && !stopping_.load(std::memory_order_relaxed); ++i) {
            const midi::ClockEvent& e = events_[i];
            if (e.dueNs > 0) waitUntil(e.dueNs);
            if (sink_.send(e.bytes, e.size))
                sent_.fetch_add(1, std::memory_order_relaxed);
            else
                refused_.fetch_add(1, std::memory_order_relaxed);
            if (e.dueNs > 0) {
                const std::int64_t late = ClockAnchorPublisher::rawNowNs() - e.dueNs;
                if (late > worstLateNs_.load(std::memory_order_relaxed))
                    worstLateNs_.store(late, std::memory_order_relaxed);
            }
        }
        waitUntil(slotStart + kSlotNs);
    }
}

// The schedule counts CLOCK_MONOTONIC_RAW (JACK's base); the sleep is on the steady clock
// (CLOCK_MONOTONIC), so the distance is converted at each wait: the two drift by ppm only.
void ClockThread::waitUntil(std::int64_t dueNs) {
    using audio::ClockAnchorPublisher;
    const std::int64_t ahead = dueNs - ClockAnchorPublisher::rawNowNs();
    if (ahead > kSpinNs)
        std::this_thread::sleep_until(std::chrono::steady_clock::now() +
                                      std::chrono::nanoseconds(ahead - kSpinNs));
    // A short spin, not yield(): a yield on a busy machine can give the core away for a slice.
    while (ClockAnchorPublisher::rawNowNs() < dueNs && !stopping_.load(std::memory_order_relaxed)) {
    }
}

}  // namespace stemdeck::control::backend
