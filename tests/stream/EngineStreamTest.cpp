// The engine on a real PortAudio stream. The CTest wrapper (tests/support/with_jack.sh) runs a
// private JACK dummy server paced like a sound card at 48 kHz, 1024 frames per cycle; the
// engine asks PortAudio for its default 256-frame callbacks.
//
// These tests run while the machine does other work (CTest runs unit tests beside them, other
// JACK servers may run), so they assert what stemdeck controls and not what the scheduler
// does: the callback's own duration against its budget (the latency monitor's late
// callbacks), underflows beyond the xruns JACK itself reported, a cut in the output where JACK
// missed nothing, positions against the callbacks that really ran and against the time that
// really passed. Where a test needs the stream to get somewhere it waits for it (a stream may
// start late on a busy machine) instead of sleeping a fixed time.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <thread>

#include "AudioFiles.h"
#include "JackRecorder.h"
#include "JackServer.h"
#include "JackXruns.h"
#include "TempDir.h"
#include "stemdeck/audio/Engine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_EngineStreamTest {

using namespace stemdeck;
using namespace std::chrono_literals;
using audio::Engine;
using audio::PlayState;
using Clock = std::chrono::steady_clock;

namespace {

// Waits (polling) until `done` holds; false when it did not within `limit`. The limit only
// bounds a failure: a quiet machine gets there in a fraction of it.
bool waitFor(const std::function<bool()>& done, Clock::duration limit = 10s) {
    const auto deadline = Clock::now() + limit;
    while (!done()) {
        if (Clock::now() > deadline) return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// How far the position may run ahead of the time since play(): a stream renders a JACK cycle
// (1024 frames, 21 ms) at once, plus rounding.
constexpr double kAhead = 0.05;

// The position and the callbacks counted so far, read with no callback starting in between (one
// may be under way: it is counted on entry, its frames are added on the way out).
struct Progress {
    std::int64_t frames = 0;
    std::uint64_t callbacks = 0;
};
Progress progressOf(const Engine& engine) {
    for (;;) {
        const std::uint64_t before = engine.callbackCount();
        const std::int64_t frames = engine.positionFrames();
        if (engine.callbackCount() == before) return {frames, before};
    }
}

// A real song folder: two stems written through libsndfile, `seconds` long.
void writeSong(const test::TempDir& dir, int rate, double seconds) {
    const auto frames = static_cast<std::int64_t>(seconds * rate);
    test::writeAudioFile(dir / "bass.wav", {test::sine(110, 0.3, rate, frames)}, rate);
    test::writeAudioFile(dir / "keys.flac",
                         {test::sine(440, 0.2, rate, frames), test::sine(660, 0.2, rate, frames)},
                         rate);
}

// An engine on the default (JACK) output with a song of `seconds` loaded from real files.
struct LoadedEngine {
    explicit LoadedEngine(double seconds) {
        writeSong(dir, 48000, seconds);
        engine.openOutput({});
        engine.load(dir.path());
    }
    test::TempDir dir;
    Engine engine;
};

}  // namespace

TEST(EngineStream, PlaysASongToTheEndAndRaisesTheStopFlagOnce) {
    LoadedEngine loaded(1.5);
    Engine& engine = loaded.engine;
    ASSERT_EQ(engine.sampleRate(), 48000);
    test::JackXruns xruns;
    ASSERT_TRUE(xruns.start()) << xruns.error();
    engine.setLatencyMonitorEnabled(true);
    engine.play();
    EXPECT_EQ(engine.state(), PlayState::Playing);

    // Poll like the PlaybackManager's timer (the limit only bounds a failure).
    int flags = 0;
    std::int64_t last = -1;
    bool monotonic = true;
    const auto deadline = Clock::now() + 30s;
    while (Clock::now() < deadline) {
        std::this_thread::sleep_for(100ms);
        ASSERT_TRUE(engine.service()) << engine.deviceError();
        const auto pos = engine.positionFrames();
        monotonic = monotonic && pos >= last;
        last = pos;
        if (engine.consumeEndOfSong()) ++flags;
        if (flags && !engine.output().isActive()) break;
    }
    // Keep polling a little longer: the flag must not come again.
    for (int i = 0; i < 3; ++i) {
        std::this_thread::sleep_for(100ms);
        engine.service();
        if (engine.consumeEndOfSong()) ++flags;
    }
    EXPECT_EQ(flags, 1);
    EXPECT_TRUE(monotonic);
    EXPECT_EQ(engine.positionFrames(), engine.durationFrames());
    EXPECT_NEAR(engine.durationSeconds(), 1.5, 1e-9);
    EXPECT_NE(engine.state(), PlayState::Playing);
    EXPECT_FALSE(engine.output().isActive()) << "the poller stops the stream once silent";

    const auto stats = engine.latencyStats();
    xruns.stop();
    EXPECT_GT(stats.callbacks, 1.5 * 48000 / 256 * 0.8);
    // stemdeck's callback was never late: no callback took more than 80 % of its budget.
    EXPECT_EQ(stats.lateCallbacks, 0u) << "max " << stats.maxMs << " ms, p99 " << stats.p99Ms
                                       << " ms of " << stats.budgetMs << " ms";
    // So every underflow is a cycle JACK itself missed (its dummy driver woken late on a busy
    // machine): none at all when JACK reported no xrun.
    EXPECT_LE(stats.underflows, xruns.underflowsExplained(256))
        << xruns.count() << " xruns reported by JACK";
    EXPECT_NEAR(stats.budgetMs, 256.0 / 48.0, 1e-9);
    EXPECT_GT(stats.outputLatencyMs, 0.0);
    EXPECT_GT(stats.maxMs, 0.0);

    engine.stop();
    EXPECT_EQ(engine.state(), PlayState::Stopped);
    EXPECT_EQ(engine.positionFrames(), 0);
}

namespace {

// Polls the position until it passes `until`: each reading must lie between `from` and `from`
// plus the time since `since` (it never shows the place before the seek, and never runs ahead
// of the device). False, with the failure recorded, when a reading does not. The first 50 ms are
// polled without pause: the first callback after a seek is when a stale position would show.
bool playsOnFrom(const Engine& engine, double from, double until, Clock::time_point since) {
    const auto start = Clock::now();
    const auto deadline = start + 10s;
    for (;;) {
        const double at = engine.positionSeconds();
        const double limit = from + secondsSince(since) + kAhead;
        if (at < from - 1e-9 || at > limit) {
            ADD_FAILURE() << "position " << at << " s, expected " << from << " to " << limit;
            return false;
        }
        if (at > until) return true;
        if (Clock::now() > deadline) {
            ADD_FAILURE() << "the position stayed at " << at << " s";
            return false;
        }
        if (Clock::now() - start > 50ms) std::this_thread::sleep_for(1ms);
    }
}

}  // namespace

// The position follows the device: it moves on, never faster than the time that passed, and a
// seek lands and plays on from there, while playing and while paused.
TEST(EngineStream, PositionAdvancesInRealTimeAndSeekWorksWhilePlaying) {
    LoadedEngine loaded(10.0);
    Engine& engine = loaded.engine;
    engine.play();
    EXPECT_TRUE(playsOnFrom(engine, 0.0, 0.3, Clock::now()));
    const auto seekedAt = Clock::now();
    engine.seekSeconds(6.0);
    EXPECT_NEAR(engine.positionSeconds(), 6.0, 1e-9);  // reported at once
    EXPECT_TRUE(playsOnFrom(engine, 6.0, 6.1, seekedAt));
    EXPECT_EQ(engine.state(), PlayState::Playing);

    // Paused, the fade-out plays and then the poller stops the stream.
    engine.pause();
    EXPECT_TRUE(waitFor([&] { return engine.service() && !engine.output().isActive(); }))
        << "paused and faded out: stream stopped";
    const double paused = engine.positionSeconds();
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(engine.positionSeconds(), paused);
    EXPECT_NE(engine.state(), PlayState::Playing);

    engine.seekSeconds(2.0);  // while paused with the stream stopped
    EXPECT_NEAR(engine.positionSeconds(), 2.0, 1e-9);
    const auto playedAt = Clock::now();
    engine.play();
    EXPECT_TRUE(playsOnFrom(engine, 2.0, 2.05, playedAt));
}

// Each callback plays one block of the song, exactly: the position is the callbacks' work.
TEST(EngineStream, ThePositionMovesByTheFramesEachCallbackPlays) {
    LoadedEngine loaded(10.0);
    Engine& engine = loaded.engine;
    const Progress before = progressOf(engine);
    engine.play();
    ASSERT_TRUE(waitFor([&] { return engine.callbackCount() > before.callbacks + 40; }));
    const Progress after = progressOf(engine);
    const auto callbacks = static_cast<std::int64_t>(after.callbacks - before.callbacks);
    EXPECT_LE(after.frames - before.frames, callbacks * 256);
    EXPECT_GE(after.frames - before.frames, (callbacks - 1) * 256);
}

TEST(EngineStream, ReopeningTheOutputKeepsSongMixAndPosition) {
    LoadedEngine loaded(4.0);
    Engine& engine = loaded.engine;
    engine.mix().setGainDb(1, -9.0f);
    engine.mix().setMuted(0, true);
    engine.seekSeconds(1.25);
    engine.openOutput({"", 0, 512});
    EXPECT_EQ(engine.output().framesPerBuffer(), 512);
    EXPECT_NEAR(engine.positionSeconds(), 1.25, 1e-9);
    EXPECT_EQ(engine.mix().gainDb(1), -9.0f);
    EXPECT_TRUE(engine.mix().muted(0));
    engine.play();
    EXPECT_TRUE(waitFor([&] { return engine.positionSeconds() > 1.3; })) << "it did not play on";
}

TEST(EngineStream, UnknownDeviceAndUnsupportedRateGiveClearErrors) {
    Engine engine;
    try {
        engine.openOutput({"no such device", 0, 256});
        FAIL() << "expected AudioDeviceError";
    } catch (const audio::AudioDeviceError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("no such device"), std::string::npos) << msg;
        EXPECT_NE(msg.find("available"), std::string::npos) << msg;
    }
    // The JACK server runs at 48 kHz only.
    EXPECT_THROW(engine.openOutput({"", 22050, 256}), audio::AudioDeviceError);
    EXPECT_FALSE(engine.outputOpen());
    EXPECT_NO_THROW(engine.openOutput({}));
}

TEST(EngineStream, DeviceListShowsTheJackOutput) {
    const auto devices = audio::PortAudioOutput::devices();
    ASSERT_FALSE(devices.empty());
    bool hasDefault = false;
    for (const auto& d : devices) {
        EXPECT_GT(d.maxOutputChannels, 0);
        EXPECT_FALSE(d.label().empty());
        hasDefault = hasDefault || d.isDefault;
    }
    EXPECT_TRUE(hasDefault);
}

// On a device with 4+ outputs (the wrapper's JACK dummy server with STEMDECK_JACK_OUTPUTS=4,
// see tests/CMakeLists.txt) the stream opens with every channel and stems can be routed to
// pairs beyond 1-2; a stereo device refuses those routes. What lands on which channel is
// checked sample by sample offline (RehearsalTransport.RoutingSendsEachStemOnlyToItsPair).
TEST(EngineStream, MultiChannelDeviceOpensAllOutputsForRouting) {
    LoadedEngine loaded(2.0);
    Engine& engine = loaded.engine;
    EXPECT_EQ(engine.outputChannels(), 2) << "stereo unless all channels are asked for";
    audio::OutputConfig all;
    all.channels = 0;
    engine.openOutput(all);
    const char* outputs = std::getenv("STEMDECK_JACK_OUTPUTS");
    const int expected = outputs ? std::atoi(outputs) : 2;
    ASSERT_EQ(engine.outputChannels(), expected);
    EXPECT_EQ(engine.setRoute(1, 1), expected >= 4);
    EXPECT_EQ(engine.setRoute(engine.clickSource(), 1), expected >= 4);
    engine.setTempo(0.8);
    const Progress before = progressOf(engine);
    engine.play();
    ASSERT_TRUE(waitFor([&] { return engine.positionSeconds() > 0.2; })) << "it did not play";
    EXPECT_TRUE(engine.service()) << engine.deviceError();
    // At 80 % tempo a callback's 256 frames play 205 frames of song (fewer while the
    // stretcher fills its latency).
    const Progress after = progressOf(engine);
    EXPECT_LE(static_cast<double>(after.frames - before.frames),
              0.8 * static_cast<double>(after.callbacks - before.callbacks) * 256 + 1);
    engine.stop();
}

namespace {

// A song whose one stem is a constant level (or a slow ramp from `level` to `endLevel`, so
// that a seek changes the level too): any cut in the output is a step of about that size.
void writeLevelSong(const std::filesystem::path& folder, float level, double seconds,
                    float endLevel = -1.0f) {
    std::filesystem::create_directories(folder);
    const auto frames = static_cast<std::size_t>(seconds * 48000);
    if (endLevel < 0.0f) endLevel = level;
    std::vector<float> samples(frames);
    for (std::size_t i = 0; i < frames; ++i)
        samples[i] =
            level + (endLevel - level) * static_cast<float>(i) / static_cast<float>(frames);
    test::writeAudioFile(folder / "organ.wav", {samples}, 48000);
}

// An engine on the default output with a level song ("one" in `dir`) and a recorder; the
// latency monitor on, so that a callback of stemdeck's that was late shows.
struct LevelEngine {
    LevelEngine(const test::TempDir& dir, double seconds, float level = 0.5f,
                float endLevel = -1.0f) {
        writeLevelSong(dir / "one", level, seconds, endLevel);
        engine.openOutput({});
        engine.load(dir / "one");
        engine.setLatencyMonitorEnabled(true);
    }
    Engine engine;
    test::JackRecorder recorder;
};

// Plays a constant-level song from 0.5 s (so it fades in: the very start plays as authored,
// with no fade) into a recorder connected to the stream, until the level is heard.
void playIntoRecorder(Engine& engine, test::JackRecorder& recorder) {
    ASSERT_TRUE(recorder.start()) << recorder.error();
    engine.seekSeconds(0.5);
    engine.play();
    ASSERT_TRUE(waitFor([&] { return engine.positionSeconds() >= 0.8; }))
        << "the stream did not play";
}

// What the device received: the level was heard, and nowhere did stemdeck's output jump (a
// stop without the de-click fade jumps by the whole level in one sample). A step where JACK
// itself missed a cycle (an xrun on a busy machine: the recording skips or repeats a cycle
// there) is JACK's, provided stemdeck's callback was never late. A run where one of stemdeck's
// callbacks was late (the machine held the audio thread: a callback takes ~0.1 ms of 5.3) cannot
// be judged that way: `judged` stays false and the run is repeated.
void expectHeardWithoutACut(const Engine& engine, const test::JackRecorder& recorder, float level,
                            bool& judged) {
    const std::int64_t frames = recorder.frames();
    ASSERT_GT(frames, 48000 / 10);
    const auto stats = engine.latencyStats();
    if (stats.lateCallbacks > 0) {
        std::cout << "a late callback (max " << stats.maxMs << " ms of " << stats.budgetMs
                  << "): the machine held the audio thread; run again\n";
        return;
    }
    judged = true;
    for (int c = 0; c < 2; ++c) {
        const auto& samples = recorder.channel(c);
        EXPECT_GE(*std::max_element(samples.begin(), samples.begin() + frames), level - 1e-3);
        const test::RecordedSteps steps = test::recordedSteps(recorder, c);
        EXPECT_FALSE(steps.tooManyJackMarks) << steps.describe();
        EXPECT_LT(steps.ours, level / 20) << "channel " << c << ": " << steps.describe();
    }
}

// Runs `attempt` until one run can be judged (see above), three runs at most: a callback of
// stemdeck's that is slow by itself is late on every run and fails.
void judgeOnAQuietRun(const std::function<void(bool& judged)>& attempt) {
    for (int run = 0; run < 3; ++run) {
        bool judged = false;
        attempt(judged);
        if (judged || ::testing::Test::HasFailure()) return;
    }
    ADD_FAILURE() << "a callback of stemdeck's was late on each of 3 runs";
}

}  // namespace

TEST(EngineStream, LoadingAnotherSongWhilePlayingFadesOutBeforeTheStreamStops) {
    judgeOnAQuietRun([](bool& judged) {
        test::TempDir dir;
        writeLevelSong(dir / "two", 0.25f, 3.0);
        LevelEngine level(dir, 3.0);
        Engine& engine = level.engine;
        test::JackRecorder& recorder = level.recorder;
        playIntoRecorder(engine, recorder);
        engine.load(dir / "two");  // stops the stream to swap songs
        EXPECT_NE(engine.state(), PlayState::Playing);
        std::this_thread::sleep_for(100ms);
        recorder.stop();
        expectHeardWithoutACut(engine, recorder, 0.5f, judged);
    });
}

TEST(EngineStream, ReopeningTheOutputWhilePlayingFadesOutAndPlaysOn) {
    judgeOnAQuietRun([](bool& judged) {
        test::TempDir dir;
        LevelEngine level(dir, 4.0);
        Engine& engine = level.engine;
        test::JackRecorder& recorder = level.recorder;
        playIntoRecorder(engine, recorder);
        const double before = engine.positionSeconds();
        engine.openOutput({"", 0, 512});  // the recorder loses the old stream's ports
        std::this_thread::sleep_for(100ms);
        recorder.stop();
        EXPECT_EQ(engine.state(), PlayState::Playing);
        EXPECT_GE(engine.positionSeconds(), before);
        expectHeardWithoutACut(engine, recorder, 0.5f, judged);
    });
}

// Everything a player does while playing, heard at the device: mute, solo, gain, pan, master,
// seeks and pause/resume all ramp or fade, so no sample jumps.
TEST(EngineStream, MixChangesSeeksAndPauseNeverCutTheOutput) {
    judgeOnAQuietRun([](bool& judged) {
        test::TempDir dir;
        LevelEngine level(dir, 6.0, 0.1f, 0.5f);  // a seek from 2 s to 0.7 s drops by 0.09
        Engine& engine = level.engine;
        test::JackRecorder& recorder = level.recorder;
        playIntoRecorder(engine, recorder);
        auto& mix = engine.mix();
        const std::vector<std::function<void()>> actions = {
            [&] { mix.setMuted(0, true); },
            [&] { mix.setMuted(0, false); },
            [&] { mix.setSolo(0, true); },
            [&] { mix.setGainDb(0, -12.0f); },
            [&] { mix.setGainDb(0, 0.0f); },
            [&] { mix.setPan(0, -1.0f); },
            [&] { mix.setPan(0, 0.0f); },
            [&] { mix.setMasterGainDb(-20.0f); },
            [&] { mix.setMasterGainDb(0.0f); },
            [&] { engine.seekSeconds(2.0); },
            [&] { engine.seekSeconds(0.7); },
            [&] { engine.pause(); },
            [&] { engine.play(); },
            [&] { engine.seekSeconds(3.0); },
        };
        for (const auto& act : actions) {
            act();
            // No service() meanwhile: once paused it would stop the stream, which takes the
            // recorder's connections with it, and the resume would not be heard.
            std::this_thread::sleep_for(60ms);
        }
        std::this_thread::sleep_for(100ms);
        recorder.stop();
        // 0.3 at 3 s: steps must stay below 0.0125
        expectHeardWithoutACut(engine, recorder, 0.25f, judged);
    });
}

// The control: JACK held up by the machine (its server stopped for 30-110 ms, as a busy machine
// may hold up its threads, three times, each during a fade) reports xruns, PortAudio passes them
// on as underflows and the recording may skip part of a fade, and yet the checks above pass:
// those are JACK's, and stemdeck's callback was never late. (The checks as they were, "no
// underflow" and "no step anywhere", failed here: 8 underflows or more each time, a step of
// the whole level, 0.5, in 1 run of 7.)
TEST(EngineStream, ControlXrunsJackMadeAreNotCountedAsStemdecks) {
    judgeOnAQuietRun([](bool& judged) {
        test::TempDir dir;
        LevelEngine level(dir, 6.0);
        Engine& engine = level.engine;
        test::JackRecorder& recorder = level.recorder;
        playIntoRecorder(engine, recorder);
        const pid_t server = test::wrapperJackServerPid();
        ASSERT_GT(server, 0) << "run through ctest (with_jack.sh)";
        for (int i = 0; i < 3; ++i) {
            engine.pause();                         // the fade-out is under way...
            ASSERT_EQ(::kill(server, SIGSTOP), 0);  // ...when JACK stops
            std::this_thread::sleep_for(std::chrono::milliseconds(30 + 40 * i));
            ASSERT_EQ(::kill(server, SIGCONT), 0);
            std::this_thread::sleep_for(100ms);
            engine.play();
            std::this_thread::sleep_for(300ms);
        }
        recorder.stop();
        const auto stats = engine.latencyStats();
        EXPECT_GE(recorder.jack().count(), 1u)
            << "JACK reported no xrun: the control proves nothing";
        EXPECT_GE(stats.underflows, 1u);
        EXPECT_LE(stats.underflows, recorder.jack().underflowsExplained(256));
        for (int c = 0; c < 2; ++c)
            RecordProperty("channel" + std::to_string(c),
                           test::recordedSteps(recorder, c).describe());
        expectHeardWithoutACut(engine, recorder, 0.5f, judged);
    });
}

}  // namespace unity_EngineStreamTest
