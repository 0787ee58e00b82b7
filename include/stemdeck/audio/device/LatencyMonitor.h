#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace stemdeck::audio {

struct LatencyStats {
    bool enabled = false;
    std::uint64_t callbacks = 0;  // timed callbacks since the last reset
    std::size_t window = 0;       // callbacks the time figures below are computed over
    double meanMs = 0, minMs = 0, maxMs = 0, p50Ms = 0, p95Ms = 0, p99Ms = 0;
    double budgetMs = 0;              // block length: frames / sample rate
    double loadPct = 0;               // mean callback time over the budget
    double peakLoadPct = 0;           // max callback time over the budget
    double dspLoadPct = 0;            // Ardour-style: rises at once, decays slowly (newest last)
    std::uint64_t underflows = 0;     // real underflows reported by PortAudio (paOutputUnderflow)
    std::uint64_t lateCallbacks = 0;  // callbacks that took more than 80 % of their budget
    double outputLatencyMs = 0;       // as the stream reports it
    int sampleRate = 0;
    int framesPerBuffer = 0;
};

// Callback timings in a fixed, pre-allocated ring. Off by default; when off the audio thread
// reads no clock and writes nothing but the underflow count. Stats are computed by readers.
class LatencyMonitor {
  public:
    static constexpr std::size_t kCapacity = 4096;  // power of two: index by mask
    static constexpr double kLateFraction = 0.8;

    // Control thread: describes the stream the timings come from.
    void configure(int sampleRate, int framesPerBuffer, double outputLatencySeconds);

    // Any thread.
    void setEnabled(bool on) { enabled_.store(on, std::memory_order_relaxed); }
    bool enabled() const { return enabled_.load(std::memory_order_relaxed); }
    // Stats start over from now. Never writes what the audio thread writes.
    void reset();
    LatencyStats stats() const;  // allocates: never from the audio thread

    // Audio thread.
    bool active() const noexcept { return enabled_.load(std::memory_order_relaxed); }
    void record(std::int64_t durationNs, int frames) noexcept;
    void countUnderflow() noexcept { underflows_.fetch_add(1, std::memory_order_relaxed); }

    // Pure: fills the time figures of `out` from durations (ns, oldest first) and a budget.
    static void summarise(const std::vector<std::int64_t>& durationsNs, double budgetMs,
                          LatencyStats& out);

  private:
    std::array<std::atomic<std::int64_t>, kCapacity> ring_{};
    std::atomic<std::uint64_t> written_{0};  // total records ever; next slot = written & mask
    std::atomic<std::uint64_t> late_{0};
    std::atomic<std::uint64_t> underflows_{0};
    std::atomic<bool> enabled_{false};
    std::atomic<int> sampleRate_{0};
    std::atomic<int> framesPerBuffer_{0};
    std::atomic<double> outputLatency_{0.0};
    // Reader-side baselines taken by reset().
    std::atomic<std::uint64_t> baseWritten_{0};
    std::atomic<std::uint64_t> baseLate_{0};
    std::atomic<std::uint64_t> baseUnderflows_{0};
};

}  // namespace stemdeck::audio
