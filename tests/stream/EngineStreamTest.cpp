// The engine on a real PortAudio stream. The CTest wrapper (tests/support/with_jack.sh) runs a
// private JACK dummy server paced like a sound card at 48 kHz, 1024 frames per cycle; the
// engine asks PortAudio for its default 256-frame callbacks.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <thread>

#include "AudioFiles.h"
#include "JackRecorder.h"
#include "TempDir.h"
#include "stemdeck/audio/Engine.h"

using namespace stemdeck;
using namespace std::chrono_literals;
using audio::Engine;
using audio::PlayState;

namespace {

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
    engine.setLatencyMonitorEnabled(true);
    engine.play();
    EXPECT_EQ(engine.state(), PlayState::Playing);

    // Poll like the PlaybackManager's timer.
    int flags = 0;
    std::int64_t last = -1;
    bool monotonic = true;
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < deadline) {
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
    EXPECT_GT(stats.callbacks, 1.5 * 48000 / 256 * 0.8);
    EXPECT_EQ(stats.underflows, 0u);
    EXPECT_EQ(stats.lateCallbacks, 0u);
    EXPECT_NEAR(stats.budgetMs, 256.0 / 48.0, 1e-9);
    EXPECT_GT(stats.outputLatencyMs, 0.0);
    EXPECT_GT(stats.maxMs, 0.0);

    engine.stop();
    EXPECT_EQ(engine.state(), PlayState::Stopped);
    EXPECT_EQ(engine.positionFrames(), 0);
}

// Upper bounds are loose: a loaded machine may oversleep, but never plays faster.
TEST(EngineStream, PositionAdvancesInRealTimeAndSeekWorksWhilePlaying) {
    LoadedEngine loaded(10.0);
    Engine& engine = loaded.engine;
    engine.play();
    std::this_thread::sleep_for(500ms);
    const double t1 = engine.positionSeconds();
    EXPECT_GT(t1, 0.3);
    EXPECT_LT(t1, 1.5);
    engine.seekSeconds(6.0);
    EXPECT_NEAR(engine.positionSeconds(), 6.0, 1e-9);  // reported at once
    std::this_thread::sleep_for(300ms);
    EXPECT_GT(engine.positionSeconds(), 6.1);
    EXPECT_LT(engine.positionSeconds(), 7.0);
    EXPECT_EQ(engine.state(), PlayState::Playing);

    engine.pause();
    std::this_thread::sleep_for(100ms);
    EXPECT_TRUE(engine.service());
    EXPECT_FALSE(engine.output().isActive()) << "paused and faded out: stream stopped";
    const double paused = engine.positionSeconds();
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(engine.positionSeconds(), paused);
    EXPECT_NE(engine.state(), PlayState::Playing);

    engine.seekSeconds(2.0);  // while paused with the stream stopped
    EXPECT_NEAR(engine.positionSeconds(), 2.0, 1e-9);
    engine.play();
    std::this_thread::sleep_for(200ms);
    EXPECT_GT(engine.positionSeconds(), 2.05);
    EXPECT_LT(engine.positionSeconds(), 3.0);
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
    std::this_thread::sleep_for(200ms);
    EXPECT_GT(engine.positionSeconds(), 1.3);
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
    engine.play();
    std::this_thread::sleep_for(500ms);
    EXPECT_TRUE(engine.service()) << engine.deviceError();
    EXPECT_GT(engine.positionFrames(), 0);
    // 0.5 s at 80 % tempo is 0.4 s of song, less the stretcher's latency.
    EXPECT_LT(engine.positionSeconds(), 0.45);
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

// An engine on the default output with a level song ("one" in `dir`) and a recorder.
struct LevelEngine {
    LevelEngine(const test::TempDir& dir, double seconds, float level = 0.5f,
                float endLevel = -1.0f) {
        writeLevelSong(dir / "one", level, seconds, endLevel);
        engine.openOutput({});
        engine.load(dir / "one");
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
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (engine.positionSeconds() < 0.8 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(20ms);
    ASSERT_GE(engine.positionSeconds(), 0.8) << "the stream did not play";
}

// What the device received: the level was heard, and nowhere did the output jump (a stop
// without the de-click fade jumps by the whole level in one sample).
void expectHeardWithoutACut(const test::JackRecorder& recorder, float level) {
    const std::int64_t frames = recorder.frames();
    ASSERT_GT(frames, 48000 / 10);
    for (int c = 0; c < 2; ++c) {
        const auto& samples = recorder.channel(c);
        EXPECT_GE(*std::max_element(samples.begin(), samples.begin() + frames), level - 1e-3);
        EXPECT_LT(test::largestStep(samples, 0, frames), level / 20) << "channel " << c;
    }
}

}  // namespace

TEST(EngineStream, LoadingAnotherSongWhilePlayingFadesOutBeforeTheStreamStops) {
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
    expectHeardWithoutACut(recorder, 0.5f);
}

TEST(EngineStream, ReopeningTheOutputWhilePlayingFadesOutAndPlaysOn) {
    test::TempDir dir;
    LevelEngine level(dir, 4.0);
    Engine& engine = level.engine;
    test::JackRecorder& recorder = level.recorder;
    playIntoRecorder(engine, recorder);
    const double before = engine.positionSeconds();
    engine.openOutput({"", 0, 512});  // the recorder loses the old stream's ports
    std::this_thread::sleep_for(100ms);
    recorder.stop();
    expectHeardWithoutACut(recorder, 0.5f);
    EXPECT_EQ(engine.state(), PlayState::Playing);
    EXPECT_GE(engine.positionSeconds(), before);
}

// Everything a player does while playing, heard at the device: mute, solo, gain, pan, master,
// seeks and pause/resume all ramp or fade, so no sample jumps.
TEST(EngineStream, MixChangesSeeksAndPauseNeverCutTheOutput) {
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
    expectHeardWithoutACut(recorder, 0.25f);  // 0.3 at 3 s: steps must stay below 0.0125
}
