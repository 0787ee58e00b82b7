// Renders blocks through audio::renderCallback, the body of the engine's audio callback, on an
// in-memory song: the driver scripts/callgrind-monitor.sh runs under callgrind to count the
// instructions the callback costs with the latency monitor off, on, and compiled out
// (-DSTEMDECK_LATENCY_MONITOR=OFF). Only the rendering loop is measured: callgrind is told
// to instrument it alone (CALLGRIND_START/STOP_INSTRUMENTATION; no-ops outside valgrind).
//
//   stemdeck_callback_cost [--monitor] [--blocks N] [--stems S] [--frames F] [--int16]
//
// --stems, --frames and --int16 (stems stored as 16-bit integers, as 16-bit sources load) pick
// the case whose per-callback cost is counted (default 8 float stems x 256 frames).
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

Song makeSong(std::size_t frames, int stems, SampleFormat format) {
    Song song;
    song.sampleRate = kRate;
    song.frames = static_cast<std::int64_t>(frames);
    for (int i = 0; i < stems; ++i) {
        Stem stem;
        stem.name = "stem" + std::to_string(i);
        stem.audio =
            StemAudio::fromPlanar({noise(2 * i, frames), noise(2 * i + 1, frames)}, format);
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
    int stems = 8;
    int frames = 256;
    bool int16 = false;
};

bool parse(int argc, char** argv, Args& args) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--monitor") == 0) {
            args.monitor = true;
        } else if (std::strcmp(argv[i], "--blocks") == 0 && i + 1 < argc) {
            args.blocks = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--stems") == 0 && i + 1 < argc) {
            args.stems = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) {
            args.frames = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--int16") == 0) {
            args.int16 = true;
        } else {
            return false;
        }
    }
    return args.blocks > 0 && args.stems > 0 && args.frames > 0 && args.frames <= 4096;
}

}  // namespace

int main(int argc, char** argv) {
    Args args;
    if (!parse(argc, argv, args)) {
        std::fprintf(stderr,
                     "usage: %s [--monitor] [--blocks N] [--stems S] [--frames F] [--int16]\n",
                     argv[0]);
        return 2;
    }
    // One block longer than what is rendered: the song never ends inside the loop.
    const int frames = args.frames;
    const Song song =
        makeSong(static_cast<std::size_t>(args.blocks + 1) * static_cast<std::size_t>(frames),
                 args.stems, args.int16 ? SampleFormat::Int16 : SampleFormat::Float32);
    MixControls mix(song.stems.size());
    Transport transport;
    LatencyMonitor monitor;
    std::atomic<std::uint64_t> heartbeat{0};
    transport.prepare(&song, &mix, kRate);
    monitor.configure(kRate, frames, 0.0);
    monitor.setEnabled(args.monitor);
    CallbackContext callback{transport, monitor, heartbeat};
    std::vector<float> out(2 * static_cast<std::size_t>(frames));
    transport.play();
    renderCallback(callback, out.data(), frames, 2, false);  // warm-up: caches, first touch

    CALLGRIND_START_INSTRUMENTATION;
    for (int b = 0; b < args.blocks; ++b) renderCallback(callback, out.data(), frames, 2, false);
    CALLGRIND_STOP_INSTRUMENTATION;

    double checksum = 0;
    for (float s : out) checksum += s;
    std::printf(
        "{\"monitor_compiled\": %s, \"monitor_on\": %s, \"blocks\": %d, \"frames\": %d, "
        "\"stems\": %d, \"int16\": %s, \"checksum\": %.9g}\n",
        latencyMonitorCompiledIn() ? "true" : "false", args.monitor ? "true" : "false", args.blocks,
        frames, args.stems, args.int16 ? "true" : "false", checksum);
    return 0;
}
