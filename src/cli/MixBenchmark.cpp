#include "MixBenchmark.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::cli {

namespace {

using Clock = std::chrono::steady_clock;
using audio::Song;

constexpr double kMinRunSeconds = 0.3;  // repeat passes until the mix was timed this long
constexpr int kMaxPasses = 200;

// Keeps the read-bound sums observable so the compiler cannot drop the loads.
volatile float g_sink = 0.0f;

// Sum of samples with eight independent accumulators: the adds overlap (and vectorise), so
// the loop is limited by the memory reads, not by the latency of one chain of adds. int16
// samples are summed as 16-bit integers that wrap (one packed add per 8): reading them is the
// bound, not converting them.
template <typename T, typename Acc>
Acc sumSamples(const T* p, std::int64_t n) {
    Acc acc[8] = {};
    std::int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        for (int k = 0; k < 8; ++k) acc[k] += p[i + k];
    for (; i < n; ++i) acc[0] += p[i];
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

// The next block's bytes of a run asked for now, a cache line at a time, as the render's
// kernel asks for them: the bound is the fastest read of the bytes, not one waiting on memory.
void prefetchNext(const audio::StemAudio::Run& run, audio::SampleFormat format) {
    const std::size_t bytes = static_cast<std::size_t>(run.frames) * audio::bytesPerSample(format);
    const char* next = static_cast<const char*>(run.data) + bytes;
    for (std::size_t off = 0; off < bytes; off += 64) __builtin_prefetch(next + off);
}

// The stored samples of one channel run, whatever their format.
float sumRun(const audio::StemAudio::Run& run, audio::SampleFormat format) {
    prefetchNext(run, format);
    if (format == audio::SampleFormat::Int16)
        return static_cast<float>(sumSamples<std::uint16_t, std::uint16_t>(
            reinterpret_cast<const std::uint16_t*>(run.int16()), run.frames));
    return sumSamples<float, float>(run.float32(), run.frames);
}

// Times whole passes: reading the clock per block would cost as much as reading a small
// block's samples (~50 ns per clock read on a VM).
class PassTimer {
  public:
    PassTimer(const Song& song, int block, std::int64_t blocks)
        : song_(song), block_(block), blocks_(blocks), readPosition_(song.frames / 2) {}

    // Microseconds per block over one pass of Transport::process.
    double mixPass(audio::Transport& transport, std::vector<float>& buffer) const {
        const auto start = Clock::now();
        for (std::int64_t b = 0; b < blocks_; ++b) {
            {
                const audio::RealtimeScope realtime;  // as the audio callback runs it
                transport.process(buffer.data(), block_, 2);
            }
            if (transport.consumeEndOfSong()) {  // loop back to the top like a repeat
                transport.stop();
                transport.play();
            }
        }
        return perBlock(Clock::now() - start);
    }

    // Microseconds per block over one pass that only reads the samples. Walks block ranges
    // as the transport does (on from where the last pass ended, back to 0 past the end) but
    // half a song away: both passes stream from memory, where reading the ranges the mix had
    // just read would find them in cache and flatter the bound.
    double readPass() {
        const auto start = Clock::now();
        for (std::int64_t b = 0; b < blocks_; ++b) {
            float acc = 0.0f;
            for (const auto& stem : song_.stems) {
                const std::int64_t n =
                    std::min<std::int64_t>(block_, stem.frames() - readPosition_);
                if (n <= 0) continue;
                for (int c = 0; c < stem.audio.channels(); ++c)
                    acc += sumRun(stem.audio.run(c, readPosition_, n), stem.audio.format());
            }
            g_sink = acc;
            readPosition_ += block_;
            if (readPosition_ >= song_.frames) readPosition_ = 0;
        }
        return perBlock(Clock::now() - start);
    }

  private:
    double perBlock(Clock::duration d) const {
        return std::chrono::duration<double, std::micro>(d).count() / static_cast<double>(blocks_);
    }

    const Song& song_;
    int block_;
    std::int64_t blocks_;
    std::int64_t readPosition_;
};

double median(std::vector<double> values) {
    const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    return *mid;
}

double mean(const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

}  // namespace

MixTimings benchmarkMix(const Song& song, int block, double seconds) {
    MixTimings result;
    result.blocksPerPass =
        std::max<std::int64_t>(1, static_cast<std::int64_t>(seconds * song.sampleRate) / block);

    audio::MixControls mix(song.stems.size());
    audio::Transport transport;
    transport.prepare(&song, &mix, song.sampleRate);
    transport.play();
    std::vector<float> buffer(static_cast<std::size_t>(block) * 2);
    PassTimer timer(song, block, result.blocksPerPass);

    // One figure per pass; the median over passes shrugs off passes another process disturbed.
    std::vector<double> mixUs, readUs;
    double mixTotalUs = 0.0;
    while (result.passes < kMaxPasses && mixTotalUs < kMinRunSeconds * 1e6) {
        mixUs.push_back(timer.mixPass(transport, buffer));
        readUs.push_back(timer.readPass());
        mixTotalUs += mixUs.back() * static_cast<double>(result.blocksPerPass);
        ++result.passes;
    }
    result.mixMedianUs = median(mixUs);
    result.mixMeanUs = mean(mixUs);
    result.readMedianUs = median(readUs);
    result.readMeanUs = mean(readUs);
    return result;
}

std::uint64_t residentBytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (!line.starts_with("VmRSS:")) continue;
        std::istringstream fields(line.substr(6));
        std::uint64_t kb = 0;
        fields >> kb;
        return kb * 1024;
    }
    return 0;
}

}  // namespace stemdeck::cli
