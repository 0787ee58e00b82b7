// The audio device disappears while playing. Runs under tests/support/with_jack.sh, one test
// per process (each CTest entry filters one): the test kills or freezes the wrapper's JACK
// server. ALSA_CONFIG_PATH points at tests/support/alsa-null.conf, so an ALSA "default"
// device exists besides JACK.
//
// What PortAudio 19.6 does when the JACK server dies (measured): its JACK host API gets
// JACK's shutdown notice at once and Pa_IsStreamActive() turns 0, while Pa_IsStreamStopped()
// stays 0; Pa_StopStream, Pa_AbortStream, Pa_CloseStream and Pa_Terminate then wait 10
// minutes for a JACK cycle that never comes (PortAudio issue #820), and its JACK client
// cannot be replaced without Pa_Terminate. So the engine must notice, keep the position,
// never touch the dead stream, and carry on on a device that is still there.
//
// The machine may be busy meanwhile (CTest runs unit tests beside these): where a test needs the
// stream to get somewhere it waits for it rather than sleeping a fixed time, and time limits
// bound what stemdeck does (reporting, not hanging) from moments stemdeck controls.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <functional>
#include <thread>

#include "JackServer.h"
#include "MemorySong.h"
#include "stemdeck/audio/Engine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_DeviceLossTest {

using namespace stemdeck;
using namespace std::chrono_literals;
using audio::Engine;
using Clock = std::chrono::steady_clock;

namespace {

audio::Song makeSong(double seconds) {
    test::MemorySong song(48000);
    const auto frames = static_cast<std::size_t>(seconds * 48000);
    song.mono("tone", std::vector<float>(frames, 0.1f));
    return song.build();
}

const audio::OutputConfig kJack{"JACK", 48000, 256};
const audio::OutputConfig kAlsaNull{"ALSA: default", 48000, 256};

// Polls service() like the GUI timer until it reports a lost device; how long that took, or
// a negative duration when it did not within `limit`.
Clock::duration waitForLoss(Engine& engine, Clock::duration limit) {
    const auto start = Clock::now();
    while (Clock::now() - start < limit) {
        if (!engine.service()) return Clock::now() - start;
        std::this_thread::sleep_for(20ms);
    }
    return -1s;
}

double secondsOf(Clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

// Waits (polling) until `done` holds; false when it did not within `limit`.
bool waitFor(const std::function<bool()>& done, Clock::duration limit) {
    const auto deadline = Clock::now() + limit;
    while (!done()) {
        if (Clock::now() > deadline) return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

// An engine playing a 30 s song on the JACK server, for some 0.2 s of it so far (waited for:
// the stream may start late on a busy machine).
void startPlaying(Engine& engine) {
    ASSERT_GT(test::wrapperJackServerPid(), 0) << "run through ctest (with_jack.sh)";
    engine.openOutput(kJack);
    engine.setSong(makeSong(30.0));
    engine.play();
    ASSERT_TRUE(waitFor([&] { return engine.positionSeconds() > 0.2; }, 10s))
        << "the stream did not play";
    ASSERT_TRUE(engine.service()) << engine.deviceError();
}

// After a loss: paused where it stopped, output let go of, and nothing hangs.
void expectCleanLoss(Engine& engine) {
    EXPECT_NE(engine.state(), audio::PlayState::Playing);
    EXPECT_FALSE(engine.outputOpen());
    const double at = engine.positionSeconds();
    EXPECT_GT(at, 0.2);
    EXPECT_LT(at, 5.0);
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(engine.positionSeconds(), at) << "the position must stay where playback stopped";
    const auto start = Clock::now();
    EXPECT_TRUE(engine.service()) << "reported once, not on every call";
    engine.pause();
    engine.closeOutput();
    EXPECT_LT(secondsOf(Clock::now() - start), 1.0) << "must not wait on the dead stream";
}

// Resumes on the ALSA null device, from the position playback stopped at.
void expectResumesElsewhere(Engine& engine) {
    const auto at = engine.positionFrames();
    ASSERT_NO_THROW(engine.openOutput(kAlsaNull));
    EXPECT_EQ(engine.positionFrames(), at) << "reopening keeps the position";
    EXPECT_TRUE(engine.deviceError().empty()) << engine.deviceError();
    const auto callbacks = engine.callbackCount();
    engine.play();
    EXPECT_EQ(engine.state(), audio::PlayState::Playing) << engine.deviceError();
    // The null device runs far faster than real time: the song plays on from `at`.
    EXPECT_TRUE(waitFor([&] { return engine.callbackCount() >= callbacks + 20; }, 10s));
    EXPECT_GT(engine.positionFrames(), at);
}

}  // namespace

TEST(DeviceLoss, KilledJackServerIsReportedAndPlaybackResumesOnAnotherDevice) {
    Engine engine;
    ASSERT_NO_FATAL_FAILURE(startPlaying(engine));
    ASSERT_EQ(::kill(test::wrapperJackServerPid(), SIGKILL), 0);

    const auto took = waitForLoss(engine, 5s);
    ASSERT_GE(took, Clock::duration::zero()) << "the lost server was never reported";
    // PortAudio's JACK host API says so at once; the heartbeat is only the fallback.
    EXPECT_LT(secondsOf(took), 1.0);
    EXPECT_NE(engine.deviceError().find("stopped working"), std::string::npos)
        << engine.deviceError();
    EXPECT_NE(engine.deviceError().find("JACK"), std::string::npos) << engine.deviceError();
    ASSERT_NO_FATAL_FAILURE(expectCleanLoss(engine));

    // The server comes back under the same name: PortAudio 19.6 cannot use it in this
    // process, and the engine says so at once instead of hanging or crashing.
    test::JackServer again;
    ASSERT_TRUE(again.start(test::wrapperJackServerName())) << again.error();
    try {
        engine.openOutput(kJack);
        FAIL() << "PortAudio reconnected to a restarted JACK server: make this test expect it";
    } catch (const audio::AudioDeviceError& e) {
        EXPECT_NE(std::string(e.what()).find("restart stemdeck"), std::string::npos) << e.what();
    }
    expectResumesElsewhere(engine);
}

TEST(DeviceLoss, FrozenJackServerIsCaughtByTheHeartbeat) {
    Engine engine;
    ASSERT_NO_FATAL_FAILURE(startPlaying(engine));
    const pid_t server = test::wrapperJackServerPid();
    // The timeout runs from the last poll that saw a new callback: make that one poll, here,
    // just before the freeze (a busy machine may hold up any poll, so the time since the
    // freeze itself proves nothing).
    const auto seen = engine.callbackCount();
    ASSERT_TRUE(waitFor([&] { return engine.callbackCount() > seen; }, 10s));
    const auto lastSeen = Clock::now();
    ASSERT_TRUE(engine.service()) << engine.deviceError();
    ASSERT_EQ(::kill(server, SIGSTOP), 0);

    // PortAudio still calls the stream active: only the missing callbacks tell.
    const auto took = waitForLoss(engine, Engine::kCallbackTimeout + 3s);
    const auto reported = Clock::now();
    ::kill(server, SIGCONT);  // the abandoned stream may now call back: it must do no harm
    ASSERT_GE(took, Clock::duration::zero()) << "the frozen server was never reported";
    EXPECT_GE(reported - lastSeen, Engine::kCallbackTimeout) << "reported before the timeout";
    EXPECT_NE(engine.deviceError().find("stopped calling back"), std::string::npos)
        << engine.deviceError();
    const auto callbacks = engine.callbackCount();
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(engine.callbackCount(), callbacks) << "the abandoned stream reached the engine";
    ASSERT_NO_FATAL_FAILURE(expectCleanLoss(engine));
    expectResumesElsewhere(engine);
}

TEST(DeviceLoss, PausedWhenTheServerIsKilledIsReportedOnPlay) {
    Engine engine;
    ASSERT_NO_FATAL_FAILURE(startPlaying(engine));
    engine.pause();
    // Paused and faded to silence, the stream stops (service() does it, as the GUI timer).
    const auto deadline = Clock::now() + 2s;
    while (engine.output().isActive() && Clock::now() < deadline) {
        ASSERT_TRUE(engine.service());
        std::this_thread::sleep_for(20ms);
    }
    ASSERT_FALSE(engine.output().isActive());
    const auto at = engine.positionFrames();
    const pid_t server = test::wrapperJackServerPid();
    ASSERT_EQ(::kill(server, SIGKILL), 0);
    // A stopped stream hears nothing of it; PortAudio would abort the process on starting or
    // closing it. Play must say the device is gone, at once, and keep the place in the song.
    std::this_thread::sleep_for(300ms);
    const auto start = Clock::now();
    engine.play();
    EXPECT_LT(secondsOf(Clock::now() - start), 1.0) << "Play waited on the dead server";
    EXPECT_NE(engine.state(), audio::PlayState::Playing);
    EXPECT_NE(engine.deviceError().find("JACK server is gone"), std::string::npos)
        << engine.deviceError();
    EXPECT_FALSE(engine.outputOpen());
    EXPECT_EQ(engine.positionFrames(), at);
    // JACK frees a killed server's slot only when one of the same name starts again.
    test::JackServer again;
    ASSERT_TRUE(again.start(test::wrapperJackServerName())) << again.error();
    expectResumesElsewhere(engine);
}

}  // namespace unity_DeviceLossTest
