// Renders blocks through audio::renderCallback, the body of the engine's audio callback, on an
// in-memory song: the driver scripts/callgrind-monitor.sh runs under callgrind to count the
// instructions the callback costs with the latency monitor off, on, and compiled out
// (-DSTEMDECK_LATENCY_MONITOR=OFF). Only the rendering loop is measured: callgrind is told
// to instrument it alone (CALLGRIND_START/STOP_INSTRUMENTATION; no-ops outside valgrind).
//
//   stemdeck_callback_cost [--monitor] [--blocks N]
//
// Prints one JSON line: what was rendered and a checksum of it.

#include <valgrind/callgrind.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "stemdeck/audio/device/AudioCallback.h"
#include "stemdeck/audio/device/LatencyMonitor.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/StemPeaks.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/transport/Transport.h"

namespace {

using namespace stemdeck::audio;

constexpr int kRate = 48000;
constexpr int kFrames = 256;
constexpr int kStems = 8;

// Deterministic low-level noise: the same song, bit for bit, in every build.
std::vector<float> noise(std::uint32_t seed, std::size_t frames) {
    std::vector<float> out(frames);
    std::uint32_t state = 0x9e3779b9u * (seed + 1);
    for (auto& s : out) {
        state = state * 1664525u + 1013904223u;
        s = 0.05f * (static_cast<float>(state >> 8) / 8388608.0f - 1.0f);
    }
    return out;
}

Song makeSong(std::size_t frames) {
    Song song;
    song.sampleRate = kRate;
    song.frames = static_cast<std::int64_t>(frames);
    for (int i = 0; i < kStems; ++i) {
        Stem stem;
        stem.name = "stem" + std::to_string(i);
        stem.audio = StemAudio::fromPlanar({noise(2 * i, frames), noise(2 * i + 1, frames)});
        stem.sourceChannels = 2;
        stem.sourceRate = kRate;
        stem.sourceFrames = song.frames;
        computePeaks(stem);  // the meters read them, as on a loaded song
        song.stems.push_back(std::move(stem));
    }
    return song;
}

struct Args {
    bool monitor = false;
    int blocks = 1000;
};

bool parse(int argc, char** argv, Args& args) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--monitor") == 0) {
            args.monitor = true;
        } else if (std::strcmp(argv[i], "--blocks") == 0 && i + 1 < argc) {
            args.blocks = std::atoi(argv[++i]);
        } else {
            return false;
        }
    }
    return args.blocks > 0;
}

}  // namespace

int main(int argc, char** argv) {
    Args args;
    if (!parse(argc, argv, args)) {
        std::fprintf(stderr, "usage: %s [--monitor] [--blocks N]\n", argv[0]);
        return 2;
    }
    // One block longer than what is rendered: the song never ends inside the loop.
    const Song song = makeSong(static_cast<std::size_t>(args.blocks + 1) * kFrames);
    MixControls mix(song.stems.size());
    Transport transport;
    LatencyMonitor monitor;
    std::atomic<std::uint64_t> heartbeat{0};
    transport.prepare(&song, &mix, kRate);
    monitor.configure(kRate, kFrames, 0.0);
    monitor.setEnabled(args.monitor);
    CallbackContext callback{transport, monitor, heartbeat};
    std::vector<float> out(2 * kFrames);
    transport.play();
    renderCallback(callback, out.data(), kFrames, 2, false);  // warm-up: caches, first touch

    CALLGRIND_START_INSTRUMENTATION;
    for (int b = 0; b < args.blocks; ++b) renderCallback(callback, out.data(), kFrames, 2, false);
    CALLGRIND_STOP_INSTRUMENTATION;

    double checksum = 0;
    for (float s : out) checksum += s;
    std::printf(
        "{\"monitor_compiled\": %s, \"monitor_on\": %s, \"blocks\": %d, \"frames\": %d, "
        "\"stems\": %d, \"checksum\": %.9g}\n",
        latencyMonitorCompiledIn() ? "true" : "false", args.monitor ? "true" : "false", args.blocks,
        kFrames, kStems, checksum);
    return 0;
}
