// stemdeck_soak: plays an 8-stem song on the default output (the JACK dummy server of
// scripts/soak.sh) with the latency monitor on, while a driver thread changes the mix many
// times a second and seeks now and then, for SECONDS; the song starts over at its end. Prints
// one JSON object and exits 1 when the callback's own cost is not far below its budget, when
// late callbacks are more than isolated outliers, on a lost device or on memory growth.
//
//   stemdeck_soak [--seconds S] [--block N] [--changes-per-second N]

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/loader/StemPeaks.h"

namespace {

using namespace stemdeck::audio;
using Clock = std::chrono::steady_clock;

constexpr int kStems = 8;
constexpr double kSongSeconds = 20.0;
// RSS may move by a page table or a stats() buffer; a leak per mix change or per callback
// over a minute would be far more.
constexpr std::int64_t kAllowedGrowthKb = 1024;
// The callback's own cost: its 99th percentile, in every window of the monitor's 4096 callbacks,
// must stay under this share of the budget (measured: ~0.6 % at 128 frames).
constexpr double kMaxP99Share = 0.25;
constexpr std::size_t kMinWindow = 1000;  // smaller windows (just after a reset) are noise
// A callback later than 80 % of its budget (wall clock). On this shared 2-core VM even a
// SCHED_FIFO thread doing constant work is now and then held up for 2-3 ms while other
// processes compile (measured at 128 frames: 1 in 224,000 callbacks over 600 s, 2 in 6,700
// over 20 s under load, none when the machine was quiet), each time 300 times the median: the
// machine's doing, not the callback's. Such isolated outliers are allowed up to one per 1,000
// callbacks (at least one per run); a callback that is itself slow or blocks shows up as a
// high p99 or as many more late callbacks, which fail.
constexpr std::uint64_t kCallbacksPerAllowedLate = 1000;

struct Options {
    double seconds = 600.0;
    int block = 128;
    int changesPerSecond = 100;
};

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const char* value = argv[i + 1];
        if (key == "--seconds")
            o.seconds = std::atof(value);
        else if (key == "--block")
            o.block = std::atoi(value);
        else if (key == "--changes-per-second")
            o.changesPerSecond = std::atoi(value);
        else
            return false;
    }
    return argc % 2 == 1 && o.seconds > 0 && o.block >= 16 && o.changesPerSecond > 0;
}

std::int64_t residentKb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    std::int64_t kb = 0;
    while (status >> key) {
        if (key == "VmRSS:" && status >> kb) return kb;
        status.ignore(1 << 12, '\n');
    }
    return -1;
}

// Eight stereo stems of band-limited noise and tones at a modest level, generated here.
Song makeSong(int rate) {
    Song song;
    song.sampleRate = rate;
    song.frames = static_cast<std::int64_t>(kSongSeconds * rate);
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> noise(-0.02f, 0.02f);
    for (int s = 0; s < kStems; ++s) {
        Stem stem;
        stem.name = "stem" + std::to_string(s);
        stem.sourceChannels = 2;
        stem.sourceRate = rate;
        stem.sourceFrames = song.frames;
        std::vector<std::vector<float>> channels(
            2, std::vector<float>(static_cast<std::size_t>(song.frames)));
        const double hz = 55.0 * (s + 1);
        for (std::size_t i = 0; i < channels[0].size(); ++i) {
            const float tone = 0.05f * static_cast<float>(std::sin(6.283185307 * hz * i / rate));
            channels[0][i] = tone + noise(rng);
            channels[1][i] = tone + noise(rng);
        }
        stem.audio = StemAudio::fromPlanar(channels);
        computePeaks(stem);
        song.stems.push_back(std::move(stem));
    }
    return song;
}

// Changes one control at a time, `perSecond` times a second, until `stop`.
void driveMix(Engine& engine, int perSecond, std::atomic<bool>& stop,
              std::atomic<std::uint64_t>& changes, std::atomic<std::uint64_t>& seeks) {
    std::mt19937 rng(42);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    const auto period = std::chrono::microseconds(1000000 / perSecond);
    auto next = Clock::now();
    for (std::uint64_t i = 0; !stop.load(); ++i) {
        MixControls& mix = engine.mix();
        const std::size_t s = rng() % mix.stemCount();
        switch (i % 6) {
            case 0:
                mix.setGainDb(s, -30.0f + 36.0f * unit(rng));
                break;
            case 1:
                mix.setPan(s, 2.0f * unit(rng) - 1.0f);
                break;
            case 2:
                mix.setMuted(s, rng() % 4 == 0);
                break;
            case 3:
                mix.setSolo(s, rng() % 8 == 0);
                break;
            case 4:
                mix.setMasterGainDb(-12.0f + 12.0f * unit(rng));
                break;
            case 5:
                if (rng() % 20 == 0) mix.clearSolo();
                break;
        }
        changes.fetch_add(1, std::memory_order_relaxed);
        if (i % (static_cast<std::uint64_t>(perSecond) * 3) == 0 && i > 0) {  // every ~3 s
            engine.seekSeconds(unit(rng) * kSongSeconds * 0.9);
            seeks.fetch_add(1, std::memory_order_relaxed);
        }
        next += period;
        std::this_thread::sleep_until(next);
    }
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse(argc, argv, options)) {
        std::fprintf(stderr, "usage: %s [--seconds S] [--block N] [--changes-per-second N]\n",
                     argv[0]);
        return 2;
    }
    Engine engine;
    try {
        engine.openOutput({"", 0, options.block});
        engine.setSong(makeSong(engine.sampleRate()));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "stemdeck_soak: %s\n", e.what());
        return 1;
    }
    engine.setLatencyMonitorEnabled(true);
    engine.play();

    std::atomic<bool> stop{false};
    std::atomic<std::uint64_t> changes{0}, seeks{0};
    std::thread driver(driveMix, std::ref(engine), options.changesPerSecond, std::ref(stop),
                       std::ref(changes), std::ref(seeks));
    // RSS is taken once playback and the driver have run for a moment (first touches done).
    const auto start = Clock::now();
    const auto warmUp = start + std::chrono::seconds(2);
    const auto end = start + std::chrono::duration_cast<Clock::duration>(
                                 std::chrono::duration<double>(options.seconds));
    std::int64_t rssStart = -1;
    std::string deviceError;
    std::uint64_t restarts = 0;
    LatencyStats stats;
    // Over the whole run: the stats' own max and p99 cover the last 4096 callbacks.
    double maxMs = 0, worstP99Ms = 0;
    while (Clock::now() < end) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the GUI timer's pace
        if (engine.consumeEndOfSong()) {
            engine.play();
            ++restarts;
        }
        if (!engine.service()) {
            deviceError = engine.deviceError();
            break;
        }
        if (rssStart < 0 && Clock::now() >= warmUp) {
            rssStart = residentKb();
            engine.resetLatencyStats();  // the figures cover the steady state only
        }
        stats = engine.latencyStats();
        if (rssStart >= 0) maxMs = std::max(maxMs, stats.maxMs);
        if (rssStart >= 0 && stats.window >= kMinWindow)
            worstP99Ms = std::max(worstP99Ms, stats.p99Ms);
    }
    const double played = std::chrono::duration<double>(Clock::now() - start).count();
    stop = true;
    driver.join();
    stats = engine.latencyStats();
    maxMs = std::max(maxMs, stats.maxMs);
    const std::int64_t rssEnd = residentKb();
    engine.stop();
    engine.closeOutput();

    const std::int64_t growth = rssStart >= 0 ? rssEnd - rssStart : 0;
    const std::uint64_t lateAllowed =
        std::max<std::uint64_t>(1, stats.callbacks / kCallbacksPerAllowedLate);
    const bool ok = deviceError.empty() && growth <= kAllowedGrowthKb &&
                    stats.lateCallbacks <= lateAllowed &&
                    worstP99Ms < kMaxP99Share * stats.budgetMs;
    std::printf(
        "{\"seconds\": %.1f, \"block\": %d, \"sample_rate\": %d, \"stems\": %d, "
        "\"callbacks\": %llu, \"underflows\": %llu, \"late_callbacks\": %llu, "
        "\"late_allowed\": %llu, \"mean_ms\": %.4f, \"worst_p99_ms\": %.4f, \"max_ms\": %.4f, "
        "\"budget_ms\": %.4f, "
        "\"mix_changes\": %llu, \"seeks\": %llu, \"song_restarts\": %llu, "
        "\"rss_start_kb\": %lld, \"rss_end_kb\": %lld, \"rss_growth_kb\": %lld, "
        "\"device_error\": \"%s\", \"ok\": %s}\n",
        played, options.block, engine.sampleRate(), kStems,
        static_cast<unsigned long long>(stats.callbacks),
        static_cast<unsigned long long>(stats.underflows),
        static_cast<unsigned long long>(stats.lateCallbacks),
        static_cast<unsigned long long>(lateAllowed), stats.meanMs, worstP99Ms, maxMs,
        stats.budgetMs, static_cast<unsigned long long>(changes.load()),
        static_cast<unsigned long long>(seeks.load()), static_cast<unsigned long long>(restarts),
        static_cast<long long>(rssStart), static_cast<long long>(rssEnd),
        static_cast<long long>(growth), deviceError.c_str(), ok ? "true" : "false");
    return ok ? 0 : 1;
}
