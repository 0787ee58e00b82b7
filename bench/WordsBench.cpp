// What lyrics and chord sheets cost (issue 14): parsing a 10 000-line enhanced LRC (what a
// song load pays once) and the lookups the GUI tick makes every frame.
//
//   build/bench/stemdeck_bench --benchmark_filter=Lrc --benchmark_min_time=0.05

#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "stemdeck/words/ChordName.h"
#include "stemdeck/words/LrcFile.h"

namespace {

using stemdeck::words::LrcFile;

std::string longLrc(int lines) {
    std::string text = "[ti:long]\n[offset:+120]\n";
    for (int i = 0; i < lines; ++i) {
        const int cs = i * 37;
        char stamp[16];
        std::snprintf(stamp, sizeof stamp, "%02d:%02d.%02d", cs / 6000, cs / 100 % 60, cs % 100);
        text += "[" + std::string(stamp) + "]<" + stamp + ">line <" + stamp + ">number " +
                std::to_string(i) + " of the song\n";
    }
    return text;
}

void BM_LrcParse(benchmark::State& state) {
    const std::string text = longLrc(static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(LrcFile::parse(text));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LrcParse)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_LrcLineAndWordAt(benchmark::State& state) {
    const LrcFile lrc = LrcFile::parse(longLrc(static_cast<int>(state.range(0))));
    double t = 0.0;
    for (auto _ : state) {
        const int line = lrc.lineAt(t);
        benchmark::DoNotOptimize(lrc.wordAt(line, t));
        t = t > 3700.0 ? 0.0 : t + 0.016;
    }
}
BENCHMARK(BM_LrcLineAndWordAt)->Arg(100)->Arg(10000);

void BM_Transpose(benchmark::State& state) {
    const stemdeck::words::Transposer up3(3, stemdeck::words::MusicKey::parse("A minor"));
    for (auto _ : state) benchmark::DoNotOptimize(up3.chord("F#m7b5/C"));
}
BENCHMARK(BM_Transpose);

}  // namespace
