// What a block of audio costs the engine. Mix: Transport::process on an in-memory song of
// 2-32 stereo stems at 48 kHz (at least 4 s and 64 MiB), block by block, streaming through
// memory like playback (wraps at the end), with the latency monitor off or on (on = exactly what
// the Engine's callback adds: two clock reads and LatencyMonitor::record). ReadBound: merely
// reading the samples the same block mixes, the floor any mixer sits on. Load: StemLoader::load of
// real files.
//
//   build/bench/stemdeck_bench --benchmark_min_time=0.05

#include <benchmark/benchmark.h>
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/device/LatencyMonitor.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/audio/loader/StemPeaks.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/transport/Transport.h"

namespace {

using namespace stemdeck::audio;

constexpr int kRate = 48000;
constexpr double kMinSongSeconds = 4.0;
// Songs at least this big stream from main memory as a real song does (a 4-minute stereo stem
// alone is ~92 MB), instead of sitting in a large last-level cache.
constexpr std::int64_t kMinSongBytes = std::int64_t{64} << 20;

std::int64_t syntheticFrames(int stems) {
    const std::int64_t bytesPerFrame = std::int64_t{stems} * 2 * sizeof(float);
    return std::max(static_cast<std::int64_t>(kMinSongSeconds * kRate),
                    kMinSongBytes / bytesPerFrame);
}

// Deterministic low-level noise per stem: the mix stays well below the limiter's ceiling, so
// the benchmark measures the mixing and not the safety limiter's gain riding.
std::vector<float> stemSignal(int stem, int channel, std::int64_t frames, float amplitude) {
    std::vector<float> out(static_cast<std::size_t>(frames));
    std::uint32_t state = 0x9e3779b9u * static_cast<std::uint32_t>(2 * stem + channel + 1);
    for (auto& s : out) {
        state = state * 1664525u + 1013904223u;
        s = amplitude * (static_cast<float>(state >> 8) / 8388608.0f - 1.0f);
    }
    return out;
}

// One synthetic song per stem count and storage, built once and shared by every benchmark
// using it. int16: the samples a 16-bit source would give, stored as the loader stores them.
const Song& syntheticSong(int stems, SampleFormat format = SampleFormat::Float32) {
    static std::map<std::pair<int, SampleFormat>, std::unique_ptr<Song>> songs;
    auto& song = songs[{stems, format}];
    if (!song) {
        const std::int64_t frames = syntheticFrames(stems);
        song = std::make_unique<Song>();
        song->sampleRate = kRate;
        song->frames = frames;
        const float amplitude = 0.5f / static_cast<float>(stems);
        for (int i = 0; i < stems; ++i) {
            Stem stem;
            stem.name = "stem" + std::to_string(i);
            stem.sourceChannels = 2;
            stem.sourceRate = kRate;
            stem.sourceFrames = frames;
            stem.audio = StemAudio::fromPlanar(
                {stemSignal(i, 0, frames, amplitude), stemSignal(i, 1, frames, amplitude)}, format);
            computePeaks(stem);  // as the loader does: the meters read this table
            song->stems.push_back(std::move(stem));
        }
    }
    return *song;
}

void setCounters(benchmark::State& state, int stems, int frames) {
    const auto blocks = static_cast<std::int64_t>(state.iterations());
    state.SetItemsProcessed(blocks * frames);  // frames per second
    state.SetBytesProcessed(blocks * frames * stems * 2 * static_cast<std::int64_t>(sizeof(float)));
    // The real-time budget of one block, to read the Time column against.
    state.counters["budget_us"] = 1e6 * frames / kRate;
}

void BM_Mix(benchmark::State& state) {
    const int stems = static_cast<int>(state.range(0));
    const int frames = static_cast<int>(state.range(1));
    const bool monitorOn = state.range(2) != 0;
    const Song& song = syntheticSong(stems);
    MixControls mix(song.stems.size());
    Transport transport;
    transport.prepare(&song, &mix, kRate);
    transport.play();
    LatencyMonitor monitor;
    monitor.configure(kRate, frames, 0.0);
    monitor.setEnabled(monitorOn);
    std::vector<float> out(static_cast<std::size_t>(frames) * 2);

    for (auto _ : state) {
        const RealtimeScope realtime;
        if (monitor.active()) {
            const auto start = std::chrono::steady_clock::now();
            transport.process(out.data(), frames, 2);
            const auto elapsed = std::chrono::steady_clock::now() - start;
            monitor.record(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count(),
                           frames);
        } else {
            transport.process(out.data(), frames, 2);
        }
        benchmark::DoNotOptimize(out.data());
        if (transport.consumeEndOfSong()) {  // wrap: keep streaming
            state.PauseTiming();
            transport.stop();
            transport.play();
            state.ResumeTiming();
        }
    }
    setCounters(state, stems, frames);
}

// Eight independent sums so the adds overlap (and vectorise): bound by the loads, not by the
// latency of one chain of adds. Local accumulators stay in registers.
float sumSamples(const float* p, int n) {
    float acc[8] = {};
    int i = 0;
    for (; i + 8 <= n; i += 8)
        for (int k = 0; k < 8; ++k) acc[k] += p[i + k];
    for (; i < n; ++i) acc[0] += p[i];
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

void BM_ReadBound(benchmark::State& state) {
    const int stems = static_cast<int>(state.range(0));
    const int frames = static_cast<int>(state.range(1));
    const Song& song = syntheticSong(stems);
    std::int64_t position = 0;

    for (auto _ : state) {
        float sum = 0.0f;
        for (const auto& stem : song.stems)
            for (int c = 0; c < stem.audio.channels(); ++c)
                sum += sumSamples(stem.audio.run(c, position, frames).float32(), frames);
        benchmark::DoNotOptimize(sum);
        position += frames;
        if (position + frames > song.frames) position = 0;
    }
    setCounters(state, stems, frames);
}

// The bound for the stored bytes of a block, whatever their format: int16 summed as 16-bit
// integers that wrap (one packed add per 8 samples: reading them is all it costs).
std::uint16_t sumSamples(const std::int16_t* p, int n) {
    std::uint16_t acc[8] = {};
    int i = 0;
    for (; i + 8 <= n; i += 8)
        for (int k = 0; k < 8; ++k) acc[k] += static_cast<std::uint16_t>(p[i + k]);
    for (; i < n; ++i) acc[0] += static_cast<std::uint16_t>(p[i]);
    return static_cast<std::uint16_t>(((acc[0] + acc[1]) + (acc[2] + acc[3])) +
                                      ((acc[4] + acc[5]) + (acc[6] + acc[7])));
}

// The next block's bytes of a run asked for now, a cache line at a time, as the render's kernel
// asks for them: the bound is the fastest read of the bytes, not one that waits on memory.
void prefetchNext(const void* data, std::size_t bytes) {
    const char* next = static_cast<const char*>(data) + bytes;
    for (std::size_t off = 0; off < bytes; off += 64) __builtin_prefetch(next + off);
}

float readBlock(const Song& song, std::int64_t position, int frames) {
    float sum = 0.0f;
    for (const auto& stem : song.stems)
        for (int c = 0; c < stem.audio.channels(); ++c) {
            const auto run = stem.audio.run(c, position, frames);
            prefetchNext(run.data, static_cast<std::size_t>(run.frames) *
                                       bytesPerSample(stem.audio.format()));
            sum += stem.audio.format() == SampleFormat::Int16
                       ? static_cast<float>(sumSamples(run.int16(), static_cast<int>(run.frames)))
                       : sumSamples(run.float32(), static_cast<int>(run.frames));
        }
    return sum;
}

// Issue 11 item 5: the whole render path (Transport::process: mix, master, bus chain,
// limiter, interleave) against the memory-read bound of the same stored bytes, measured in
// alternating passes of one run so the ratio shrugs off the machine's mood. Both passes stream
// from main memory: the read pass runs half a song away from the render (a pass covers at most
// 16 MiB, the song at least 64 MiB), so it never re-reads from cache the blocks the render has
// just fetched, which made the bound look faster than memory is. Counters: render_ns and
// read_ns per block, ratio = render / read (target <= 1.5).
void BM_RenderVsRead(benchmark::State& state) {
    const int stems = static_cast<int>(state.range(0));
    const int frames = static_cast<int>(state.range(1));
    const auto format = state.range(2) ? SampleFormat::Int16 : SampleFormat::Float32;
    const Song& song = syntheticSong(stems, format);
    MixControls mix(song.stems.size());
    Transport transport;
    transport.prepare(&song, &mix, kRate);
    transport.play();
    std::vector<float> out(static_cast<std::size_t>(frames) * 2);
    constexpr int kBlocks = 2048;  // per pass: a clock read per pass, not per block
    using Clock = std::chrono::steady_clock;
    double renderNs = 0.0, readNs = 0.0;
    std::int64_t position = song.frames / 2;  // the read pass: half a song from the render
    for (auto _ : state) {
        auto start = Clock::now();
        {
            const RealtimeScope realtime;
            for (int b = 0; b < kBlocks; ++b) {
                transport.process(out.data(), frames, 2);
                if (transport.consumeEndOfSong()) transport.stop(), transport.play();
            }
        }
        benchmark::DoNotOptimize(out.data());
        renderNs += std::chrono::duration<double, std::nano>(Clock::now() - start).count();
        start = Clock::now();
        float sum = 0.0f;
        for (int b = 0; b < kBlocks; ++b) {
            sum += readBlock(song, position, frames);
            position += frames;
            if (position + frames > song.frames) position = 0;
        }
        benchmark::DoNotOptimize(sum);
        readNs += std::chrono::duration<double, std::nano>(Clock::now() - start).count();
    }
    const double blocks = static_cast<double>(state.iterations()) * kBlocks;
    state.counters["render_ns"] = renderNs / blocks;
    state.counters["read_ns"] = readNs / blocks;
    state.counters["ratio"] = readNs > 0 ? renderNs / readNs : 0.0;
}

void mixArguments(benchmark::internal::Benchmark* b) {
    for (int stems : {2, 8, 16, 32})
        for (int frames : {64, 256, 1024})
            for (int monitor : {0, 1}) b->Args({stems, frames, monitor});
    b->ArgNames({"stems", "frames", "monitor"});
}

void readArguments(benchmark::internal::Benchmark* b) {
    for (int stems : {2, 8, 16, 32})
        for (int frames : {64, 256, 1024}) b->Args({stems, frames});
    b->ArgNames({"stems", "frames"});
}

BENCHMARK(BM_Mix)->Apply(mixArguments);
BENCHMARK(BM_RenderVsRead)
    ->ArgNames({"stems", "frames", "int16"})
    ->Args({4, 256, 0})
    ->Args({4, 256, 1})
    ->Args({2, 64, 0})
    ->Args({2, 64, 1});
BENCHMARK(BM_ReadBound)->Apply(readArguments);

// --- loading ---

// A folder of generated stems, written once, removed at exit.
class LoadFixture {
  public:
    static constexpr int kStems = 8;
    static constexpr double kSeconds = 10.0;

    static const LoadFixture& get() {
        static const LoadFixture fixture;
        return fixture;
    }
    std::filesystem::path folder(const std::string& kind) const { return root_ / kind; }
    std::uint64_t bytes(const std::string& kind) const { return bytes_.at(kind); }

    ~LoadFixture() {
        std::error_code ignored;
        std::filesystem::remove_all(root_, ignored);
    }
    LoadFixture(const LoadFixture&) = delete;
    LoadFixture& operator=(const LoadFixture&) = delete;

  private:
    LoadFixture()
        : root_(std::filesystem::temp_directory_path() /
                ("stemdeck-bench-" + std::to_string(::getpid()))) {
        write("wav48", SF_FORMAT_WAV | SF_FORMAT_FLOAT, kRate);
        write("flac48", SF_FORMAT_FLAC | SF_FORMAT_PCM_24, kRate);
        write("wav44", SF_FORMAT_WAV | SF_FORMAT_FLOAT, 44100);  // resampled to 48 kHz on load
    }

    void write(const std::string& kind, int format, int rate) {
        const auto dir = root_ / kind;
        std::filesystem::create_directories(dir);
        const auto frames = static_cast<std::int64_t>(kSeconds * rate);
        std::uint64_t total = 0;
        for (int i = 0; i < kStems; ++i) {
            const auto file =
                dir / ("stem" + std::to_string(i) + (format & SF_FORMAT_FLAC ? ".flac" : ".wav"));
            SF_INFO info{};
            info.samplerate = rate;
            info.channels = 2;
            info.format = format;
            SNDFILE* sf = sf_open(file.c_str(), SFM_WRITE, &info);
            if (!sf) throw std::runtime_error("cannot write " + file.string());
            const auto left = stemSignal(i, 0, frames, 0.25f);
            const auto right = stemSignal(i, 1, frames, 0.25f);
            std::vector<float> interleaved(static_cast<std::size_t>(frames) * 2);
            for (std::int64_t f = 0; f < frames; ++f) {
                interleaved[2 * f] = left[f];
                interleaved[2 * f + 1] = right[f];
            }
            sf_writef_float(sf, interleaved.data(), frames);
            sf_close(sf);
            total += std::filesystem::file_size(file);
        }
        bytes_[kind] = total;
    }

    std::filesystem::path root_;
    std::map<std::string, std::uint64_t> bytes_;
};

void BM_Load(benchmark::State& state, const std::string& kind) {
    const auto& fixture = LoadFixture::get();
    LoadOptions options;
    options.targetRate = kRate;
    std::int64_t frames = 0;
    for (auto _ : state) {
        const Song song = StemLoader::load(fixture.folder(kind), options);
        frames = song.frames * static_cast<std::int64_t>(song.stems.size());
        benchmark::DoNotOptimize(song.stems.data());
    }
    const auto loads = static_cast<std::int64_t>(state.iterations());
    state.SetItemsProcessed(loads * frames);  // stem frames decoded per second
    state.SetBytesProcessed(loads * static_cast<std::int64_t>(fixture.bytes(kind)));  // file bytes
}

BENCHMARK_CAPTURE(BM_Load, wav_float_48k, std::string("wav48"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Load, flac24_48k, std::string("flac48"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Load, wav_float_44k_resampled, std::string("wav44"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
