// What time-stretching the mix costs per callback: TimeStretcher::render of 256 frames at
// 48 kHz (5.33 ms of budget), stereo, on a noisy multi-tone "mix" (whose synthesis, ~8 us a
// block, is included: it is what the bypass case measures). Google Benchmark reports the
// mean; the counters add the mean, 99th percentile and worst single block in thread CPU time
// (so a busy machine's preemptions do not count as work), because Rubber Band works in bursts
// (one FFT hop every block or two). Restart is a seek while stretching: at once, its first
// block does the start pad, start delay and the hops before any output; spread, that work is
// shared among the next blocks (how real-time playback restarts).
//
//   build/bench/stemdeck_bench --benchmark_filter=Stretch --benchmark_min_time=2

#include <benchmark/benchmark.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

#include "stemdeck/audio/stretch/TimeStretcher.h"

namespace {

using stemdeck::audio::TimeStretcher;

constexpr int kRate = 48000;
constexpr int kBlock = 256;

// A few partials and some noise: Rubber Band's cost barely depends on the content, but
// silence would take shortcuts.
class Mix {
  public:
    void operator()(float* left, float* right, int frames) {
        for (int i = 0; i < frames; ++i, ++n_) {
            const double t = static_cast<double>(n_) / kRate;
            state_ = state_ * 1664525u + 1013904223u;
            const double noise = static_cast<double>(state_ >> 8) / 8388608.0 - 1.0;
            const double tone = 0.2 * std::sin(2 * std::numbers::pi * 110.0 * t) +
                                0.1 * std::sin(2 * std::numbers::pi * 660.0 * t);
            left[i] = static_cast<float>(tone + 0.05 * noise);
            right[i] = static_cast<float>(tone - 0.05 * noise);
        }
    }

  private:
    std::int64_t n_ = 0;
    std::uint32_t state_ = 1;
};

// This thread's CPU time, in microseconds.
double cpuMicros() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

void reportTimes(benchmark::State& state, std::vector<double>& micros) {
    if (micros.empty()) return;
    std::sort(micros.begin(), micros.end());
    state.counters["worst_us"] = micros.back();
    state.counters["p99_us"] = micros[micros.size() * 99 / 100];
    double sum = 0.0;
    for (double m : micros) sum += m;
    const double mean = sum / static_cast<double>(micros.size());
    state.counters["mean_us"] = mean;
    state.counters["budget_pct"] = 100.0 * mean / (1e6 * kBlock / kRate);
}

// A prepared stretcher at a tempo and pitch, its source and output block, and room for the
// per-block times: what every benchmark here starts from.
struct StretchRig {
    StretchRig(double tempo, double cents, std::size_t timings) {
        stretcher.prepare(kRate);
        stretcher.setTempo(tempo);
        stretcher.setPitchCents(cents);
        micros.reserve(timings);
    }
    // One timed block.
    void timeBlock() {
        const double start = cpuMicros();
        stretcher.render(left.data(), right.data(), kBlock, mix);
        const double end = cpuMicros();
        benchmark::DoNotOptimize(left.data());
        if (micros.size() < micros.capacity()) micros.push_back(end - start);
    }
    TimeStretcher stretcher;
    Mix mix;
    std::vector<float> left = std::vector<float>(kBlock), right = std::vector<float>(kBlock);
    std::vector<double> micros;
};

// Steady playback at a tempo (and pitch, in cents): the per-callback cost.
void BM_Stretch(benchmark::State& state) {
    StretchRig rig(static_cast<double>(state.range(0)) / 100.0, static_cast<double>(state.range(1)),
                   1 << 20);
    for (int i = 0; i < 200; ++i)
        rig.stretcher.render(rig.left.data(), rig.right.data(), kBlock, rig.mix);
    for (auto _ : state) rig.timeBlock();
    reportTimes(state, rig.micros);
}
BENCHMARK(BM_Stretch)
    ->ArgNames({"tempo%", "cents"})
    ->Args({100, 0})  // bypass
    ->Args({80, 0})
    ->Args({120, 0})
    ->Args({50, 0})
    ->Args({100, 300})
    ->Args({80, -200})
    ->Unit(benchmark::kMicrosecond);

// A seek (reset) while stretching. At once (offline renders): the first block does the pad,
// the start delay and the hops needed before any output. Spread (real-time playback): every
// block until the output is back, and the first one after; worst_us is the worst of them.
void BM_StretchRestart(benchmark::State& state) {
    const bool spread = state.range(0) != 0;
    StretchRig rig(0.8, 0.0, 1 << 16);
    for (auto _ : state) {
        rig.stretcher.reset(spread ? TimeStretcher::Restart::Spread
                                   : TimeStretcher::Restart::AtOnce);
        rig.timeBlock();
        while (rig.stretcher.priming()) rig.timeBlock();
        if (spread) rig.timeBlock();
    }
    reportTimes(state, rig.micros);
}
BENCHMARK(BM_StretchRestart)->ArgName("spread")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace
