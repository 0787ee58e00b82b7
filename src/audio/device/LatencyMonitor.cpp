#include "stemdeck/audio/device/LatencyMonitor.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace stemdeck::audio {

void LatencyMonitor::configure(int sampleRate, int framesPerBuffer, double outputLatencySeconds) {
    sampleRate_.store(sampleRate, std::memory_order_relaxed);
    framesPerBuffer_.store(framesPerBuffer, std::memory_order_relaxed);
    outputLatency_.store(outputLatencySeconds, std::memory_order_relaxed);
}

void LatencyMonitor::record(std::int64_t durationNs, int frames) noexcept {
    const std::uint64_t n = written_.load(std::memory_order_relaxed);
    ring_[n & (kCapacity - 1)].store(durationNs, std::memory_order_relaxed);
    written_.store(n + 1, std::memory_order_release);
    const int rate = sampleRate_.load(std::memory_order_relaxed);
    // Late: more than 80 % of this callback's own budget (frames / rate) spent rendering.
    if (rate > 0 &&
        static_cast<double>(durationNs) > kLateFraction * 1e9 * static_cast<double>(frames) / rate)
        late_.fetch_add(1, std::memory_order_relaxed);
}

void LatencyMonitor::reset() {
    baseWritten_.store(written_.load(std::memory_order_acquire), std::memory_order_relaxed);
    baseLate_.store(late_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    baseUnderflows_.store(underflows_.load(std::memory_order_relaxed), std::memory_order_relaxed);
}

namespace {
double percentile(const std::vector<std::int64_t>& sorted, double p) {
    // Nearest-rank on the sorted window.
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * sorted.size()));
    return static_cast<double>(sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1]);
}
}  // namespace

void LatencyMonitor::summarise(const std::vector<std::int64_t>& durationsNs, double budgetMs,
                               LatencyStats& out) {
    out.window = durationsNs.size();
    out.budgetMs = budgetMs;
    if (durationsNs.empty()) {
        out.meanMs = out.minMs = out.maxMs = out.p50Ms = out.p95Ms = out.p99Ms = 0;
        out.loadPct = out.peakLoadPct = out.dspLoadPct = 0;
        return;
    }
    constexpr double kNsPerMs = 1e6;
    std::vector<std::int64_t> sorted = durationsNs;
    std::sort(sorted.begin(), sorted.end());
    const double sum = std::accumulate(sorted.begin(), sorted.end(), 0.0);
    out.meanMs = sum / sorted.size() / kNsPerMs;
    out.minMs = sorted.front() / kNsPerMs;
    out.maxMs = sorted.back() / kNsPerMs;
    out.p50Ms = percentile(sorted, 50) / kNsPerMs;
    out.p95Ms = percentile(sorted, 95) / kNsPerMs;
    out.p99Ms = percentile(sorted, 99) / kNsPerMs;
    if (budgetMs <= 0) {
        out.loadPct = out.peakLoadPct = out.dspLoadPct = 0;
        return;
    }
    out.loadPct = 100.0 * out.meanMs / budgetMs;
    out.peakLoadPct = 100.0 * out.maxMs / budgetMs;
    // Ardour's DSP load: a new peak shows at once, otherwise the figure decays slowly, so a
    // single spike stays visible for a while. Walk the window oldest to newest.
    double load = 0;
    for (const auto d : durationsNs) {
        const double now = 100.0 * (d / kNsPerMs) / budgetMs;
        load = now > load ? now : load + 0.05 * (now - load);
    }
    out.dspLoadPct = load;
}

LatencyStats LatencyMonitor::stats() const {
    LatencyStats s;
    s.enabled = enabled();
    s.sampleRate = sampleRate_.load(std::memory_order_relaxed);
    s.framesPerBuffer = framesPerBuffer_.load(std::memory_order_relaxed);
    s.outputLatencyMs = outputLatency_.load(std::memory_order_relaxed) * 1000.0;

    const std::uint64_t written = written_.load(std::memory_order_acquire);
    const std::uint64_t base = std::min(baseWritten_.load(std::memory_order_relaxed), written);
    s.callbacks = written - base;
    s.lateCallbacks =
        late_.load(std::memory_order_relaxed) - baseLate_.load(std::memory_order_relaxed);
    s.underflows = underflows_.load(std::memory_order_relaxed) -
                   baseUnderflows_.load(std::memory_order_relaxed);

    // The newest entries still in the ring; an entry the writer may be overwriting right now
    // (it can lap us by at most a few slots) is dropped by keeping a small safety margin.
    constexpr std::uint64_t kMargin = 8;
    const std::uint64_t available = std::min<std::uint64_t>(s.callbacks, kCapacity - kMargin);
    std::vector<std::int64_t> window;
    window.reserve(available);
    for (std::uint64_t i = written - available; i < written; ++i)
        window.push_back(ring_[i & (kCapacity - 1)].load(std::memory_order_relaxed));

    const double budgetMs = s.sampleRate > 0 ? 1000.0 * s.framesPerBuffer / s.sampleRate : 0.0;
    summarise(window, budgetMs, s);
    return s;
}

}  // namespace stemdeck::audio
