#include <gtest/gtest.h>

#include <vector>

#include "AudioFiles.h"
#include "AudioThread.h"
#include "MemorySong.h"
#include "stemdeck/audio/loader/StemPeaks.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/transport/Transport.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_TransportTest {

using namespace stemdeck;
using audio::MixControls;
using audio::PlayState;
using audio::Transport;

namespace {
constexpr int kRate = 48000;

// A stem whose every sample tells where it is: 0.1 + 0.8 * i / n (below the limiter ceiling).
std::vector<float> positionRamp(int n) {
    std::vector<float> v(n);
    for (int i = 0; i < n; ++i) v[i] = 0.1f + 0.8f * static_cast<float>(i) / n;
    return v;
}

struct Fixture {
    explicit Fixture(audio::Song s) : song(std::move(s)), mix(song.stems.size()) {
        for (auto& stem : song.stems) audio::computePeaks(stem);
        transport.prepare(&song, &mix, kRate);
    }
    // Renders `frames` stereo frames in blocks; returns the left channel.
    std::vector<float> render(int frames, int block = 256) {
        std::vector<float> out(static_cast<std::size_t>(frames) * 2);
        for (int off = 0; off < frames; off += block)
            test::processBlock(transport, out.data() + off * 2, std::min(block, frames - off), 2);
        return test::channelOf(out, 2, 0);
    }
    audio::Song song;
    MixControls mix;
    Transport transport;
};
}  // namespace

TEST(Transport, SilentUntilPlayed) {
    Fixture f(test::MemorySong(kRate).mono("a", std::vector<float>(4800, 0.5f)).build());
    EXPECT_EQ(f.transport.state(), PlayState::Stopped);
    const auto out = f.render(1024);
    for (float s : out) ASSERT_EQ(s, 0.0f);
    EXPECT_EQ(f.transport.position(), 0);
    EXPECT_TRUE(f.transport.silent());
}

TEST(Transport, PlaysFromTheStartExactlyAsAuthored) {
    const auto ramp = positionRamp(5000);
    Fixture f(test::MemorySong(kRate).mono("a", ramp).build());
    f.transport.play();
    const auto out = f.render(5000, 333);
    for (int i = 0; i < 5000; ++i) ASSERT_EQ(out[i], ramp[i]) << i;
    EXPECT_EQ(f.transport.position(), 5000);
}

TEST(Transport, ReachingTheEndSetsTheStopFlagOnce) {
    Fixture f(test::MemorySong(kRate).mono("a", std::vector<float>(1000, 0.5f)).build());
    f.transport.play();
    const auto out = f.render(2048, 256);
    EXPECT_EQ(out[999], 0.5f);
    EXPECT_EQ(out[1000], 0.0f);
    EXPECT_EQ(f.transport.position(), 1000);
    EXPECT_FALSE(f.transport.playRequested());
    EXPECT_TRUE(f.transport.consumeEndOfSong());
    EXPECT_FALSE(f.transport.consumeEndOfSong());  // one-shot
    f.render(2048);
    EXPECT_FALSE(f.transport.consumeEndOfSong());  // silence after the end sets nothing new
    EXPECT_TRUE(f.transport.silent());
    EXPECT_EQ(f.transport.state(), PlayState::Paused);
}

TEST(Transport, PauseFadesOutAndResumeFadesInAtTheSamePlace) {
    Fixture f(test::MemorySong(kRate).mono("dc", std::vector<float>(48000, 0.8f)).build());
    f.transport.play();
    auto out = f.render(4096);
    f.transport.pause();
    auto tail = f.render(4096);
    out.insert(out.end(), tail.begin(), tail.end());
    const int fade = static_cast<int>(Transport::kFadeMs * kRate / 1000);
    EXPECT_LE(test::maxStep(out), 0.8f / fade + 1e-5f);
    EXPECT_EQ(out[4096 + fade], 0.0f);
    EXPECT_EQ(f.transport.position(), 4096 + fade);
    EXPECT_EQ(f.transport.state(), PlayState::Paused);
    EXPECT_TRUE(f.transport.silent());

    f.transport.play();
    const auto resumed = f.render(1024);
    EXPECT_LE(resumed[0], 0.8f / fade + 1e-5f);  // fades in: no jump to full level
    EXPECT_EQ(resumed[fade], 0.8f);
    EXPECT_EQ(f.transport.position(), 4096 + fade + 1024);
}

// Seeking while playing: fade out, jump to the exact frame, fade in.
TEST(Transport, SeekWhilePlayingIsSampleAccurateAndClickFree) {
    const auto ramp = positionRamp(48000);
    Fixture f(test::MemorySong(kRate).mono("a", ramp).build());
    f.transport.play();
    auto out = f.render(10000, 256);
    f.transport.seek(30000);
    EXPECT_EQ(f.transport.position(), 30000);  // reported at once
    const auto after = f.render(4000, 256);
    const int fade = static_cast<int>(Transport::kFadeMs * kRate / 1000);
    // Fade-out at the old place...
    EXPECT_NEAR(after[0], ramp[10000] * (1.0f - 1.0f / fade), 1e-5);
    EXPECT_EQ(after[fade - 1], 0.0f);
    // ...then the new place, fading in, then exactly the song from frame 30000.
    for (int k = 0; k < 4000 - 2 * fade; ++k)
        ASSERT_EQ(after[2 * fade + k], ramp[30000 + fade + k]) << k;
    EXPECT_LE(test::maxStep(after), 1.0f / fade);
    EXPECT_EQ(f.transport.position(), 30000 + 4000 - fade);
}

TEST(Transport, SeekWhilePausedJumpsAtOnce) {
    const auto ramp = positionRamp(48000);
    Fixture f(test::MemorySong(kRate).mono("a", ramp).build());
    f.transport.seek(20000);
    f.render(256);
    EXPECT_EQ(f.transport.position(), 20000);
    EXPECT_EQ(f.transport.state(), PlayState::Paused);
    f.transport.seek(1'000'000);  // clamped to the end
    EXPECT_EQ(f.transport.position(), 48000);
    f.transport.seek(-5);
    EXPECT_EQ(f.transport.position(), 0);
}

TEST(Transport, StopReturnsToTheStart) {
    Fixture f(test::MemorySong(kRate).mono("a", std::vector<float>(48000, 0.3f)).build());
    f.transport.play();
    f.render(5000);
    f.transport.stop();
    EXPECT_EQ(f.transport.state(), PlayState::Stopped);
    f.render(1024);
    EXPECT_EQ(f.transport.position(), 0);
    EXPECT_TRUE(f.transport.silent());
}

TEST(Transport, OutputDoesNotDependOnBlockSize) {
    const auto a = test::sine(330, 0.4, kRate, 20000);
    const auto song = test::MemorySong(kRate).mono("a", a).stereo("b", a, a).build();
    std::vector<std::vector<float>> results;
    for (int block : {37, 256, 1024, 4096}) {
        Fixture f(song);
        f.mix.setPan(0, -0.3f);
        f.transport.play();
        results.push_back(f.render(20000, block));
    }
    for (std::size_t i = 1; i < results.size(); ++i) EXPECT_EQ(results[0], results[i]);
}

TEST(Transport, HotMixIsLimitedNotWrapped) {
    const auto a = test::sine(100, 0.9, kRate, 9600);
    Fixture f(test::MemorySong(kRate).mono("a", a).mono("b", a).mono("c", a).build());
    f.mix.setMasterGainDb(6.0f);
    f.transport.play();
    const auto out = f.render(9600);
    float peak = 0;
    for (float s : out) peak = std::max(peak, std::abs(s));
    EXPECT_LE(peak, audio::SafetyLimiter::kCeiling);
    EXPECT_GT(peak, 0.9f);
}

TEST(Transport, MonoAndMultichannelOutputs) {
    Fixture f(test::MemorySong(kRate)
                  .stereo("s", std::vector<float>(512, 0.2f), std::vector<float>(512, 0.6f))
                  .build());
    f.transport.play();
    std::vector<float> mono(256);
    test::processBlock(f.transport, mono.data(), 256, 1);
    EXPECT_FLOAT_EQ(mono[10], 0.4f);
    std::vector<float> quad(256 * 4, 9.0f);
    test::processBlock(f.transport, quad.data(), 256, 4);
    EXPECT_FLOAT_EQ(quad[4 * 10 + 0], 0.2f);
    EXPECT_FLOAT_EQ(quad[4 * 10 + 1], 0.6f);
    EXPECT_EQ(quad[4 * 10 + 2], 0.0f);
    EXPECT_EQ(quad[4 * 10 + 3], 0.0f);
}

TEST(Transport, MuteChangedWhilePausedAppliesWithoutRampOnResume) {
    Fixture f(test::MemorySong(kRate).mono("a", std::vector<float>(48000, 0.5f)).build());
    f.transport.seek(1000);
    f.render(256);
    f.mix.setMuted(0, true);
    f.transport.play();
    const auto out = f.render(2048);
    for (float s : out) ASSERT_EQ(s, 0.0f);
}

TEST(Transport, MetersShowPostFaderStemPeaksAndTheOutputPeak) {
    Fixture f(test::MemorySong(kRate)
                  .mono("a", std::vector<float>(9600, 0.5f))
                  .stereo("b", std::vector<float>(9600, 0.1f), std::vector<float>(9600, -0.3f))
                  .build());
    f.mix.setGainDb(0, -6.0f);
    f.mix.setMuted(1, true);
    f.transport.play();
    f.render(2048);
    auto reading = f.transport.meters().read();
    ASSERT_EQ(reading.stems.size(), 2u);
    EXPECT_NEAR(reading.stems[0], 0.5f * MixControls::dbToLinear(-6.0f), 1e-5);
    EXPECT_EQ(reading.stems[1], 0.0f);
    EXPECT_NEAR(reading.masterLeft, 0.5f * MixControls::dbToLinear(-6.0f), 1e-5);
    f.mix.setMuted(1, false);
    f.mix.setMuted(0, true);
    f.render(4096);  // past the ramps
    reading = f.transport.meters().read();
    EXPECT_NEAR(reading.stems[1], 0.3f, 1e-5);
    EXPECT_NEAR(reading.masterRight, 0.3f, 1e-5);
    f.render(256);
    reading = f.transport.meters().read();  // only the newest block: stem 0 fully muted now
    EXPECT_EQ(reading.stems[0], 0.0f);
}

// Paused: the stream stops once the fade reaches silence (Engine::service), so no block runs
// any more. The meters then read silence, not the last peaks before the pause.
TEST(Transport, MetersReadSilenceOncePausedAndTheStreamStops) {
    Fixture f(test::MemorySong(kRate).mono("a", std::vector<float>(48000, 0.5f)).build());
    f.transport.play();
    f.render(4096);
    auto reading = f.transport.meters().read();
    EXPECT_NEAR(reading.stems[0], 0.5f, 1e-5);
    EXPECT_NEAR(reading.masterLeft, 0.5f, 1e-5);
    f.transport.pause();
    f.render(2048);  // the fade-out, then silence
    ASSERT_TRUE(f.transport.silent());
    f.transport.meters().read();
    reading = f.transport.meters().read();  // no block since: the stream has stopped
    EXPECT_EQ(reading.stems[0], 0.0f);
    EXPECT_EQ(reading.masterLeft, 0.0f);
    EXPECT_EQ(reading.masterRight, 0.0f);
}

#ifndef NDEBUG
// The thread contracts are checked where assertions are compiled in (Debug, the default
// RelWithDebInfo build, the sanitizer builds): rendering outside a RealtimeScope, or preparing
// inside one, stops the program.
TEST(TransportDeathTest, ThreadContractsAreAsserted) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    Fixture f(test::MemorySong(kRate).mono("a", std::vector<float>(4800, 0.5f)).build());
    std::vector<float> out(512);
    EXPECT_DEATH(f.transport.process(out.data(), 256, 2), "audio thread only");
    EXPECT_DEATH(
        {
            const audio::RealtimeScope realtime;
            f.transport.prepare(&f.song, &f.mix, kRate);
        },
        "control thread only");
}
#endif

}  // namespace unity_TransportTest
