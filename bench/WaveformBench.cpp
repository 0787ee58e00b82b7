// What one waveform update costs the GUI thread while a song decodes (issue 11):
// PlaybackManager::growPeaks copies the set of pyramids (views may still hold the previous
// one) and fills the strip that grew in every stem. The set: 8 stems x 4 minutes at 48 kHz.
//
//   build/bench/stemdeck_waveform_bench --benchmark_repetitions=5 --benchmark_min_time=0.2

#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "stemdeck/app/WaveformPeaks.h"
#include "stemdeck/audio/loader/StemAudio.h"

namespace {

using stemdeck::app::WaveformPeaks;
using stemdeck::audio::SampleFormat;
using stemdeck::audio::StemAudio;

constexpr int kRate = 48000;
constexpr int kStems = 8;
constexpr std::int64_t kFrames = std::int64_t{4} * 60 * kRate;

// One mono stem's audio, shared by every stem's fill (what is read does not matter here).
const StemAudio& audio() {
    static const StemAudio stem = [] {
        std::vector<float> samples(static_cast<std::size_t>(kFrames));
        std::uint32_t state = 12345u;
        for (auto& s : samples) {
            state = state * 1664525u + 1013904223u;
            s = static_cast<float>(state >> 8) / 8388608.0f - 1.0f;
        }
        return StemAudio::fromPlanar({samples}, SampleFormat::Int16);
    }();
    return stem;
}

// growPeaks' work for one poll: copy the set, fill `strip` frames further in every stem.
void BM_WaveformUpdate(benchmark::State& state) {
    const std::int64_t strip = state.range(0);
    auto peaks = std::make_shared<std::vector<WaveformPeaks>>();
    for (int i = 0; i < kStems; ++i) peaks->emplace_back(kFrames, kRate);
    const StemAudio& source = audio();  // made before the timing
    std::int64_t at = 0;
    for (auto _ : state) {
        auto next = std::make_shared<std::vector<WaveformPeaks>>(*peaks);
        for (auto& p : *next) p.fill(source, at, at + strip);
        peaks = std::move(next);  // the previous set is released, as views let it go
        at = at + strip < kFrames ? at + strip : 0;
        benchmark::DoNotOptimize(peaks.get());
    }
}

BENCHMARK(BM_WaveformUpdate)
    ->ArgName("strip_frames")
    ->Arg(4800)
    ->Arg(48000)
    ->Arg(480000)
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
