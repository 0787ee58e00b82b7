// The engine refuses sample rates outside limits::kMinSampleRate..kMaxSampleRate wherever a
// rate comes in (the transport, the stretcher, the renderer, the engine's song and output), with
// a one-line message, before anything is built for it: Rubber Band's buffer sizing never ends
// at a rate of a few Hz, so a song at 100 Hz with a tempo change used to hang for good.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "AudioFiles.h"
#include "MemorySong.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/device/PortAudioOutput.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/render/OfflineRenderer.h"
#include "stemdeck/audio/stretch/TimeStretcher.h"
#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::audio {
namespace {

using namespace std::chrono_literals;

// Runs `job` on a thread of its own and returns the message of the `Error` it threw ("(no
// error)" if none). A job that is still running after `limit` has hung: that is reported and the
// test executable exits, so a regression fails the run instead of hanging it. `job` must own
// what it uses (it may outlive this call). The message is read on the job's thread: an exception
// handed over through a future is freed by whichever thread lets go of it last, through reference
// counts inside libstdc++ that ThreadSanitizer cannot see, so it reported a race that is not one.
template <typename Error, typename Job>
std::string refusalWithin(std::chrono::seconds limit, Job job, const std::string& what) {
    std::packaged_task<std::string()> task([job = std::move(job)]() mutable -> std::string {
        try {
            job();
        } catch (const Error& e) {
            return e.what();
        } catch (...) {
            return "(another error)";
        }
        return "(no error)";
    });
    auto done = task.get_future();
    std::thread(std::move(task)).detach();
    if (done.wait_for(limit) == std::future_status::timeout) {
        std::fprintf(stderr, "FAILED: %s did not finish within %lld s (hung)\n", what.c_str(),
                     static_cast<long long>(limit.count()));
        std::fflush(stderr);
        std::_Exit(EXIT_FAILURE);
    }
    return done.get();
}

std::shared_ptr<const Song> songAt(int rate, std::int64_t frames) {
    return std::make_shared<const Song>(
        test::MemorySong(rate).mono("tone", test::sine(rate / 8.0, 0.5, rate, frames)).build());
}

constexpr int kRefused[] = {1, 3,     100, limits::kMinSampleRate - 1, limits::kMaxSampleRate + 1,
                            0, -48000};

TEST(SampleRateLimits, TransportAndStretcherRefuseARateOutsideTheRange) {
    for (int rate : kRefused) {
        const auto song = songAt(std::max(rate, 1), 1000);
        const auto prepared = refusalWithin<std::invalid_argument>(
            10s,
            [song, rate] {
                const MixControls mix(song->stems.size());
                Transport transport;
                transport.prepare(song.get(), &mix, rate, TransportSetup{1, true, false});
            },
            "Transport::prepare at " + std::to_string(rate) + " Hz");
        EXPECT_EQ(prepared, "sample rate " + std::to_string(rate) +
                                " Hz is outside the supported " + "8000-384000 Hz");
        const auto stretcher = refusalWithin<std::invalid_argument>(
            10s, [rate] { TimeStretcher().prepare(rate); },
            "TimeStretcher::prepare at " + std::to_string(rate) + " Hz");
        EXPECT_NE(stretcher.find(std::to_string(rate) + " Hz"), std::string::npos);
    }
}

// The hang as it was met: a 100 Hz (1 Hz, 3 Hz) song rendered with a tempo or pitch change.
TEST(SampleRateLimits, RenderingASongAtAFewHertzIsRefusedAtOnce) {
    for (int rate : {100, 1, 3}) {
        for (double tempo : {0.8, 1.0}) {
            const auto song = songAt(rate, 1000);
            const auto render = refusalWithin<RenderError>(
                10s,
                [song, tempo] {
                    const MixControls mix(song->stems.size());
                    RenderOptions options;
                    options.tempo = tempo;
                    options.pitchCents = tempo == 1.0 ? 300.0 : 0.0;
                    OfflineRenderer::renderToBuffer(*song, mix, options);
                },
                "a render at " + std::to_string(rate) + " Hz");
            EXPECT_EQ(render, "the song's sample rate " + std::to_string(rate) +
                                  " Hz is outside the supported 8000-384000 Hz");
        }
    }
}

// The lowest rate accepted really works, stretched.
TEST(SampleRateLimits, TheLowestRateRendersStretched) {
    const int rate = limits::kMinSampleRate;
    const auto song = songAt(rate, rate);
    std::vector<float> out;
    const auto render = refusalWithin<std::exception>(
        60s,
        [song, &out] {
            const MixControls mix(song->stems.size());
            RenderOptions options;
            options.tempo = 0.8;
            options.pitchCents = 300.0;
            out = OfflineRenderer::renderToBuffer(*song, mix, options);
        },
        "a render at 8000 Hz");
    EXPECT_EQ(render, "(no error)");
    EXPECT_EQ(out.size(), 2u * static_cast<std::size_t>(rate / 0.8));
}

// The engine refuses such a song, and such an output rate, before touching the song it has or
// any device (so the app keeps playing what it played).
TEST(SampleRateLimits, EngineRefusesSuchASongOrOutputAndKeepsItsSong) {
    auto engine = std::make_shared<Engine>();
    engine->setSong(test::MemorySong(48000).mono("a", std::vector<float>(4800, 0.1f)).build());
    const auto song = refusalWithin<std::invalid_argument>(
        10s,
        [engine] {
            engine->setSong(test::MemorySong(100).mono("b", std::vector<float>(100, 0.1f)).build());
        },
        "Engine::setSong at 100 Hz");
    EXPECT_EQ(song, "sample rate 100 Hz is outside the supported 8000-384000 Hz");
    ASSERT_NE(engine->song(), nullptr);
    EXPECT_EQ(engine->song()->sampleRate, 48000);
    EXPECT_EQ(engine->song()->stems[0].name, "a");

    OutputConfig config;
    config.sampleRate = 100;
    EXPECT_THROW(
        {
            try {
                engine->openOutput(config);
            } catch (const AudioDeviceError& e) {
                EXPECT_STREQ(e.what(),
                             "sample rate 100 Hz is outside the supported 8000-384000 Hz");
                throw;
            }
        },
        AudioDeviceError);
    EXPECT_FALSE(engine->output().isOpen());
}

}  // namespace
}  // namespace stemdeck::audio
