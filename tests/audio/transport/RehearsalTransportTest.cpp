// The rehearsal tools wired into the one render path (Transport::process, used by the device
// callback and by OfflineRenderer, so by `stemdeck-cli render` and the app's export): loop,
// tempo, pitch, count-in, quantised jumps and output routing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "AudioFiles.h"
#include "AudioThread.h"
#include "MemorySong.h"
#include "stemdeck/audio/click/ClickSettings.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/StemPeaks.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/render/OfflineRenderer.h"
#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::audio {
namespace {

constexpr int kRate = 48000;

Song sineSong(double hz, double seconds) {
    const auto frames = static_cast<std::int64_t>(seconds * kRate);
    return test::MemorySong(kRate).mono("tone", test::sine(hz, 0.5, kRate, frames)).build();
}

std::vector<float> leftOf(const std::vector<float>& stereo) {
    return test::channelOf(stereo, 2, 0);
}

// The dominant frequency of a tone, independent of its level.
double frequencyOf(const std::vector<float>& mono) {
    return test::dominantFrequency(mono, kRate, 200.0, 2000.0);
}

TEST(RehearsalRender, LoopPassesHaveExactLengthAndNoStepAtTheSeams) {
    const Song song = sineSong(440.0, 3.0);
    MixControls mix(song.stems.size());
    RenderOptions options;
    // B - A is not a whole number of periods: the seam joins opposite phases, a jump of almost
    // the full peak-to-peak without the crossfade.
    options.loopStart = 24000;
    options.loopEnd = 24000 + 48000 + 55;
    options.loops = 3;
    const auto out = OfflineRenderer::renderToBuffer(song, mix, options);
    ASSERT_EQ(out.size(), 2u * 3u * 48055u);
    const auto left = leftOf(out);
    const float natural = static_cast<float>(0.5 * 2.0 * std::numbers::pi * 440.0 / kRate);
    EXPECT_LT(test::maxStep(left), 1.5f * natural);
    // Away from the seams each pass is the song itself.
    for (int pass = 0; pass < 3; ++pass)
        for (int i = 1000; i < 48000; i += 997)
            ASSERT_FLOAT_EQ(left[static_cast<std::size_t>(pass * 48055 + i)],
                            song.stems[0].audio.sample(0, 24000 + i))
                << "pass " << pass << " frame " << i;
}

TEST(RehearsalRender, TempoPointEightIsOnePointTwoFiveTimesLongerAtTheSamePitch) {
    const Song song = sineSong(440.0, 2.0);
    MixControls mix(song.stems.size());
    RenderOptions options;
    options.tempo = 0.8;
    const auto left = leftOf(OfflineRenderer::renderToBuffer(song, mix, options));
    EXPECT_EQ(left.size(), static_cast<std::size_t>(1.25 * static_cast<double>(song.frames)));
    EXPECT_NEAR(frequencyOf(left), 440.0, 440.0 * 0.01);
}

// A stretched render lasts count-in + round(song frames / tempo) frames, exactly; the
// transport's own end (where the stretcher has played out the song's last frame) is within a
// frame of it; and the song's last moments are heard at the end, not cut or shifted out.
// (The stretcher once dropped 128 frames of the song at its start: every stretched render
// was 128 frames short.)
TEST(RehearsalRender, StretchedRenderHasTheExactLengthAndEndsOnTheSongsLastFrames) {
    constexpr std::int64_t kFrames = kRate + 123;
    constexpr std::int64_t kTone = kRate / 20;  // the last 50 ms
    constexpr double kAmplitude = 0.5;
    std::vector<float> samples(static_cast<std::size_t>(kFrames), 0.0f);
    const auto tone = test::sine(1000.0, kAmplitude, kRate, kTone);
    std::copy(tone.begin(), tone.end(), samples.end() - kTone);
    const Song song = test::MemorySong(kRate).mono("tail", samples).build();
    MixControls mix(song.stems.size());
    for (double tempo : {0.8, 1.25}) {
        for (double cents : {0.0, 300.0}) {
            const double exact = static_cast<double>(kFrames) / tempo;
            RenderOptions options;
            options.tempo = tempo;
            options.pitchCents = cents;
            const auto left = leftOf(OfflineRenderer::renderToBuffer(song, mix, options));
            ASSERT_EQ(left.size(), static_cast<std::size_t>(std::llround(exact)))
                << "tempo " << tempo << " cents " << cents;
            // The tone sounds to the end: its last 5 ms at (nearly) its full level.
            const float level = kAmplitude / std::sqrt(2.0f);
            const std::size_t end = left.size();
            EXPECT_GT(test::rms(left, end - kRate / 200, end), 0.7f * level)
                << "tempo " << tempo << " cents " << cents;
            EXPECT_NEAR(test::rms(left, end - kRate / 40, end - kRate / 200), level, 0.15f * level);

            Transport transport;
            transport.prepare(&song, &mix, kRate, TransportSetup{1, true, false});
            transport.setTempo(tempo);
            transport.setPitchCents(cents);
            transport.play();
            std::vector<float> out(2 * 256);
            std::int64_t played = 0;
            for (int block = 0; block < 1000 && !transport.consumeEndOfSong(); ++block) {
                test::processBlock(transport, out.data(), 256, 2);
                played += transport.lastRenderedFrames();
            }
            EXPECT_NEAR(static_cast<double>(played), exact, 1.0)
                << "tempo " << tempo << " cents " << cents;
        }
    }
}

TEST(RehearsalRender, PitchUpAnOctaveDoublesTheFrequencyAtTheSameLength) {
    const Song song = sineSong(440.0, 2.0);
    MixControls mix(song.stems.size());
    RenderOptions options;
    options.pitchCents = 1200.0;
    const auto left = leftOf(OfflineRenderer::renderToBuffer(song, mix, options));
    EXPECT_EQ(left.size(), static_cast<std::size_t>(song.frames));
    EXPECT_NEAR(frequencyOf(left), 880.0, 880.0 * 0.01);
}

TEST(RehearsalRender, NeutralTempoAndPitchAreBitExactWithAPlainRender) {
    const Song song = test::MemorySong(kRate)
                          .mono("a", test::sine(220.0, 0.4, kRate, kRate))
                          .stereo("b", test::noise(0.2, kRate, 1), test::noise(0.2, kRate, 2))
                          .build();
    MixControls mix(song.stems.size());
    mix.setPan(0, -0.4f);
    const auto plain = OfflineRenderer::renderToBuffer(song, mix, 256);
    RenderOptions options;
    options.click.countInBars = 0;
    EXPECT_EQ(OfflineRenderer::renderToBuffer(song, mix, options), plain);
}

// Count-in of one bar at 120 BPM in 4/4 (beats 0.5 s apart) on a silent song: a click starts on
// exactly each beat's frame, the first (the downbeat) accented, then the song follows.
void expectCountIn(double tempo, std::int64_t beatFrames) {
    const Song song = test::MemorySong(kRate).mono("silence", std::vector<float>(kRate)).build();
    MixControls mix(song.stems.size());
    RenderOptions options;
    options.tempo = tempo;
    options.click.countInBars = 1;
    options.click.levelDb = 0.0f;
    const auto left = leftOf(OfflineRenderer::renderToBuffer(song, mix, options));
    ASSERT_EQ(left.size(), static_cast<std::size_t>(4 * beatFrames + std::llround(kRate / tempo)));
    std::vector<float> peaks;
    for (std::int64_t beat = 0; beat < 4; ++beat) {
        const auto at = static_cast<std::size_t>(beat * beatFrames);
        if (at > 0) {
            EXPECT_EQ(left[at - 1], 0.0f) << "beat " << beat;
        }
        EXPECT_NE(left[at], 0.0f) << "beat " << beat;
        peaks.push_back(*std::max_element(left.begin() + static_cast<std::ptrdiff_t>(at),
                                          left.begin() + static_cast<std::ptrdiff_t>(at + 1000)));
    }
    EXPECT_GT(peaks[0], 1.5f * peaks[1]);
    EXPECT_FLOAT_EQ(peaks[1], peaks[2]);
    // Nothing but the clicks: silence between them and after the count-in.
    EXPECT_EQ(left[static_cast<std::size_t>(beatFrames / 2)], 0.0f);
    EXPECT_EQ(*std::max_element(left.begin() + 4 * beatFrames + 2000, left.end()), 0.0f);
}

TEST(RehearsalRender, CountInClicksStartOnTheBeatFrames) {
    expectCountIn(1.0, 24000);
}

TEST(RehearsalRender, CountInFollowsThePlaybackTempo) {
    expectCountIn(0.8, 30000);  // 0.5 s beats at 80 % tempo
}

TEST(RehearsalRender, RefusesBadRehearsalOptions) {
    const Song song = sineSong(440.0, 1.0);
    MixControls mix(song.stems.size());
    RenderOptions options;
    options.tempo = 1.6;
    EXPECT_THROW(OfflineRenderer::renderToBuffer(song, mix, options), RenderError);
    options = {};
    options.pitchCents = -1300.0;
    EXPECT_THROW(OfflineRenderer::renderToBuffer(song, mix, options), RenderError);
    options = {};
    options.loopStart = 1000;
    options.loopEnd = 1000;
    EXPECT_THROW(OfflineRenderer::renderToBuffer(song, mix, options), RenderError);
    options.loopEnd = song.frames + 1;
    EXPECT_THROW(OfflineRenderer::renderToBuffer(song, mix, options), RenderError);
}

// Two mono stems of one second, sines at 200 and 300 Hz (each stem told apart in the output).
Song twoSines() {
    const auto frames = static_cast<std::int64_t>(kRate);
    return test::MemorySong(kRate)
        .mono("a", test::sine(200.0, 0.3, kRate, frames))
        .mono("b", test::sine(300.0, 0.3, kRate, frames))
        .build();
}

// A stem whose sample is its own frame number (scaled): the output tells which frame played.
Song rampSong(std::int64_t frames) {
    std::vector<float> ramp(static_cast<std::size_t>(frames));
    for (std::size_t i = 0; i < ramp.size(); ++i)
        ramp[i] = 0.5f * static_cast<float>(i) / static_cast<float>(frames);
    return test::MemorySong(kRate).mono("ramp", std::move(ramp)).build();
}

TEST(RehearsalTransport, NextBarJumpIsTakenOnTheBarLine) {
    const Song song = rampSong(4 * kRate);
    MixControls mix(song.stems.size());
    Transport transport;
    transport.prepare(&song, &mix, kRate);
    ClickSettings click;  // 120 BPM, 4/4: a bar is 2 s
    ASSERT_TRUE(applyClickSettings(click, transport));
    transport.play();
    std::vector<float> out(2 * 256), left;
    for (int b = 0; b < 500; ++b) {
        // Asked for mid-bar (a request on a bar line itself is taken there and then).
        if (b == 10) transport.jumpTo(150000, Quantize::NextBar);
        test::processBlock(transport, out.data(), 256, 2);
        for (int i = 0; i < 256; ++i) left.push_back(out[2 * static_cast<std::size_t>(i)]);
    }
    const auto& ramp = song.stems[0].audio.samples(0);
    EXPECT_FLOAT_EQ(left[95999], ramp[95999]);  // the bar before plays untouched
    const int fade = static_cast<int>(std::lround(5.0 * kRate / 1000.0));
    for (int k = fade; k < fade + 1000; k += 37)
        ASSERT_FLOAT_EQ(left[static_cast<std::size_t>(96000 + k)],
                        ramp[static_cast<std::size_t>(150000 + k)]);
    EXPECT_LT(test::maxStep(left), 0.01f);  // through the seam's crossfade, no jump
}

TEST(RehearsalTransport, RoutingSendsEachStemOnlyToItsPair) {
    const auto frames = static_cast<std::int64_t>(kRate);
    const Song song = test::MemorySong(kRate)
                          .mono("a", test::sine(200.0, 0.3, kRate, frames))
                          .mono("b", test::sine(300.0, 0.3, kRate, frames))
                          .mono("c", test::sine(500.0, 0.3, kRate, frames))
                          .build();
    MixControls mix(song.stems.size());
    Transport transport;
    transport.prepare(&song, &mix, kRate, TransportSetup{4, false});
    ASSERT_TRUE(transport.routing().route(1, 1));
    ASSERT_TRUE(transport.routing().route(2, 3));
    transport.play();
    constexpr int kChannels = 8;
    std::vector<float> out(kChannels * 256);
    for (int b = 0; b < 20; ++b) {
        test::processBlock(transport, out.data(), 256, kChannels);
        for (int i = 0; i < 256; ++i) {
            const auto frame = static_cast<std::size_t>(b * 256 + i);
            const float* f = out.data() + static_cast<std::ptrdiff_t>(i) * kChannels;
            ASSERT_EQ(f[0], song.stems[0].audio.sample(0, static_cast<std::int64_t>(frame)))
                << frame;
            ASSERT_EQ(f[1], song.stems[0].audio.sample(0, static_cast<std::int64_t>(frame)))
                << frame;
            ASSERT_EQ(f[2], song.stems[1].audio.sample(0, static_cast<std::int64_t>(frame)))
                << frame;
            ASSERT_EQ(f[3], song.stems[1].audio.sample(0, static_cast<std::int64_t>(frame)))
                << frame;
            ASSERT_EQ(f[4], 0.0f);  // pair 2: nothing routed there
            ASSERT_EQ(f[5], 0.0f);
            ASSERT_EQ(f[6], song.stems[2].audio.sample(0, static_cast<std::int64_t>(frame)))
                << frame;
            ASSERT_EQ(f[7], song.stems[2].audio.sample(0, static_cast<std::int64_t>(frame)))
                << frame;
        }
    }
}

// The transport keeps the last block's pairs while the routing's version and the device's
// channels stand: a route changed between two blocks (after many with the same routes) and a
// device with fewer channels must both be taken in the very next block.
TEST(RehearsalTransport, ARouteChangedBetweenBlocksIsTakenInTheNextBlock) {
    const Song song = twoSines();
    MixControls mix(song.stems.size());
    Transport transport;
    transport.prepare(&song, &mix, kRate, TransportSetup{2, false});
    transport.play();
    std::vector<float> out(4 * 256);
    const auto sample = [&song](std::size_t stem, int frame) {
        return song.stems[stem].audio.sample(0, static_cast<std::int64_t>(frame));
    };
    int frame = 0;
    for (int b = 0; b < 10; ++b, frame += 256) test::processBlock(transport, out.data(), 256, 4);
    ASSERT_EQ(out[0], sample(0, frame - 256) + sample(1, frame - 256));
    ASSERT_EQ(out[2], 0.0f);
    ASSERT_TRUE(transport.routing().route(1, 1));
    test::processBlock(transport, out.data(), 256, 4);
    for (int i = 0; i < 256; ++i) {
        const float* f = out.data() + static_cast<std::ptrdiff_t>(i) * 4;
        ASSERT_EQ(f[0], sample(0, frame + i)) << i;
        ASSERT_EQ(f[2], sample(1, frame + i)) << i;
    }
    frame += 256;
    // The same routes on a stereo device: everything on 1-2 again, from this block on.
    test::processBlock(transport, out.data(), 256, 2);
    for (int i = 0; i < 256; ++i)
        ASSERT_EQ(out[2 * static_cast<std::size_t>(i)], sample(0, frame + i) + sample(1, frame + i))
            << i;
}

// A pair that starts carrying a stem joins where pair 0 is heard. Seeking to the start while
// paused leaves the stretcher's latency from before until the next render, so "where pair 0 is
// heard" was before frame 0 and the joining pair read the stems before their first sample.
TEST(RehearsalTransport, APairJoiningAfterASeekToTheStartReadsNoFrameBeforeIt) {
    const Song song = twoSines();
    MixControls mix(song.stems.size());
    Transport transport;
    transport.prepare(&song, &mix, kRate, TransportSetup{2, true});
    transport.setTempo(0.8);
    transport.play();
    constexpr int kChannels = 4;
    std::vector<float> out(kChannels * 256);
    for (int b = 0; b < 20; ++b) test::processBlock(transport, out.data(), 256, kChannels);
    transport.pause();
    for (int b = 0; b < 4; ++b) test::processBlock(transport, out.data(), 256, kChannels);
    ASSERT_TRUE(transport.silent());
    transport.seek(0);
    test::processBlock(transport, out.data(), 256, kChannels);  // the jump, taken silently
    ASSERT_TRUE(transport.routing().route(1, 1));
    test::processBlock(transport, out.data(), 256, kChannels);  // pair 1 joins
    transport.play();
    for (int b = 0; b < 20; ++b) {
        test::processBlock(transport, out.data(), 256, kChannels);
        for (float s : out) ASSERT_LE(std::abs(s), 1.0f);
    }
}

TEST(RehearsalTransport, AStereoDeviceStillGetsTheWholeMix) {
    const Song song = test::MemorySong(kRate)
                          .mono("a", test::sine(200.0, 0.3, kRate, 4096))
                          .mono("b", test::sine(300.0, 0.3, kRate, 4096))
                          .build();
    MixControls mix(song.stems.size());
    Transport plain, routed;
    plain.prepare(&song, &mix, kRate);
    routed.prepare(&song, &mix, kRate, TransportSetup{4, false});
    ASSERT_TRUE(routed.routing().route(1, 2));
    ASSERT_TRUE(routed.routing().route(routed.routing().clickSource(), 1));
    plain.play();
    routed.play();
    std::vector<float> a(2 * 256), b(2 * 256);
    for (int block = 0; block < 16; ++block) {
        test::processBlock(plain, a.data(), 256, 2);
        test::processBlock(routed, b.data(), 256, 2);
        ASSERT_EQ(a, b) << "block " << block;
    }
}

TEST(RehearsalTransport, CountInKeepsThePositionAndReportsBeatsLeft) {
    const Song song = sineSong(440.0, 1.0);
    MixControls mix(song.stems.size());
    Transport transport;
    transport.prepare(&song, &mix, kRate);
    transport.setCountInBars(1);
    transport.seek(12000);
    transport.play();
    std::vector<float> out(2 * 256);
    test::processBlock(transport, out.data(), 256, 2);
    EXPECT_TRUE(transport.countingIn());
    EXPECT_EQ(transport.countInBeatsLeft(), 4);
    EXPECT_EQ(transport.position(), 12000);
    for (int b = 0; b < 100; ++b) test::processBlock(transport, out.data(), 256, 2);  // past beat 1
    EXPECT_EQ(transport.countInBeatsLeft(), 3);
    EXPECT_EQ(transport.position(), 12000);
    for (int b = 0; b < 300; ++b)
        test::processBlock(transport, out.data(), 256, 2);  // 4 beats = 375 blocks
    EXPECT_FALSE(transport.countingIn());
    EXPECT_GT(transport.position(), 12000);
}

// As the Engine sets up its transport: stretchers built, restarts spread.
constexpr TransportSetup kRealtimeStretch{1, true, true};

// Real-time playback spreads a stretcher's restart over a few blocks of silence. With a
// count-in, that happens during the count-in: the song still starts right on its downbeat.
TEST(RehearsalTransport, SpreadRestartPrimesDuringTheCountInSoTheSongStartsOnTime) {
    const Song song = sineSong(440.0, 3.0);
    MixControls mix(song.stems.size());
    Transport transport;
    transport.prepare(&song, &mix, kRate, kRealtimeStretch);
    ClickSettings click;  // 120 BPM, 4/4; the click itself off, the count-in still plays
    click.countInBars = 1;
    ASSERT_TRUE(applyClickSettings(click, transport));
    transport.setTempo(0.8);
    transport.seek(kRate);  // mid-song, so the start fades in rather than playing as authored
    transport.play();
    std::vector<float> out(2 * 256), left;
    for (int b = 0; b < 700; ++b) {
        test::processBlock(transport, out.data(), 256, 2);
        for (int i = 0; i < 256; ++i) left.push_back(out[2 * static_cast<std::size_t>(i)]);
    }
    // 4 beats of 30000 frames at 80 %; the last click has died away by 100000.
    constexpr std::size_t kSongStart = 4 * 30000;
    std::size_t firstSound = left.size();
    for (std::size_t i = 100000; i < left.size(); ++i)
        if (std::abs(left[i]) > 0.05f) {
            firstSound = i;
            break;
        }
    EXPECT_GE(firstSound, kSongStart);
    // The fade-in and Rubber Band's alignment: within 10 ms of the downbeat, not 25 ms later.
    EXPECT_LT(firstSound, kSongStart + kRate / 100);
    EXPECT_LE(test::maxStep(std::vector<float>(left.begin() + 100000, left.end())), 0.1f);
}

// During a count-in only the click is heard; the stretcher is fed the song meanwhile (it
// primes), but the stem meters stay down until the song is heard.
TEST(RehearsalTransport, StemMetersStayDownWhileOnlyTheCountInIsHeard) {
    Song song = sineSong(440.0, 3.0);
    for (auto& stem : song.stems) stemdeck::audio::computePeaks(stem);  // what the stem meters read
    MixControls mix(song.stems.size());
    Transport transport;
    transport.prepare(&song, &mix, kRate, kRealtimeStretch);
    ClickSettings click;
    click.countInBars = 1;
    ASSERT_TRUE(applyClickSettings(click, transport));
    transport.setTempo(0.8);
    transport.seek(kRate);
    transport.play();
    std::vector<float> out(2 * 256);
    for (int b = 0; b < 100; ++b) test::processBlock(transport, out.data(), 256, 2);
    ASSERT_TRUE(transport.countingIn());
    auto reading = transport.meters().read();
    EXPECT_GT(reading.masterLeft, 0.0f) << "the count-in's click";
    for (float stem : reading.stems) EXPECT_EQ(stem, 0.0f);
    for (int b = 0; b < 600; ++b)
        test::processBlock(transport, out.data(), 256, 2);  // the song plays
    ASSERT_FALSE(transport.countingIn());
    reading = transport.meters().read();
    for (float stem : reading.stems) EXPECT_GT(stem, 0.1f);
}

// A seek to a beat while stretching: the beat is clicked when the music comes back, not in
// the silent blocks of the spread restart (where the position heard stands still).
TEST(RehearsalTransport, ASpreadRestartClicksTheBeatItJumpedToWithTheMusic) {
    const Song song =
        test::MemorySong(kRate).mono("hum", test::sine(220.0, 0.01, kRate, 4 * kRate)).build();
    constexpr int kSeekBlock = 100;
    const auto play = [&song](bool clickOn) {
        MixControls mix(song.stems.size());
        Transport transport;
        transport.prepare(&song, &mix, kRate, kRealtimeStretch);
        ClickSettings click;  // 120 BPM: a beat every 24000 song frames
        click.enabled = clickOn;
        click.levelDb = 0.0f;
        EXPECT_TRUE(applyClickSettings(click, transport));
        transport.setTempo(0.8);
        transport.seek(6000);
        transport.play();
        std::vector<float> out(2 * 64), left;
        for (int b = 0; b < 3000; ++b) {
            if (b == kSeekBlock) transport.seek(48000);  // beat 3
            test::processBlock(transport, out.data(), 64, 2);
            for (int i = 0; i < 64; ++i) left.push_back(out[2 * static_cast<std::size_t>(i)]);
        }
        return left;
    };
    // The first sound after the seek's fade-out has reached silence.
    const auto soundAfterSeek = [](const std::vector<float>& left) {
        std::size_t i = kSeekBlock * 64;
        while (i < left.size() && left[i] != 0.0f) ++i;  // the fade-out
        while (i < left.size() && left[i] == 0.0f) ++i;  // the restart's silence
        return i;
    };
    const auto music = play(false);
    const auto clicked = play(true);
    const std::size_t musicBack = soundAfterSeek(music);
    ASSERT_LT(musicBack, music.size());
    EXPECT_GT(musicBack, kSeekBlock * 64 + 240 + 2 * 64) << "a spread restart gives some silence";
    EXPECT_EQ(soundAfterSeek(clicked), musicBack) << "no click before the music is back";
    // Clicks (the first loud sample after a quiet stretch) from there: beat 3, then 4 and 5 at
    // 30000 frames.
    const auto quietBefore = [&clicked](std::size_t i) {  // a click lasts well under 10000
        for (std::size_t j = i < 10000 ? 0 : i - 10000; j < i; ++j)
            if (std::abs(clicked[j]) >= 0.1f) return false;
        return true;
    };
    std::vector<std::size_t> onsets;
    for (std::size_t i = musicBack; i < clicked.size(); ++i)
        if (std::abs(clicked[i]) >= 0.1f && quietBefore(i)) onsets.push_back(i);
    ASSERT_GE(onsets.size(), 3u);
    EXPECT_LT(onsets[0], musicBack + 64);
    EXPECT_NEAR(static_cast<double>(onsets[1] - onsets[0]), 30000.0, 300.0);
    EXPECT_NEAR(static_cast<double>(onsets[2] - onsets[1]), 30000.0, 300.0);
}

// Pausing during the count-in ends it, and the click sounding then fades out over 5 ms
// instead of being cut.
TEST(RehearsalTransport, PausingDuringTheCountInFadesTheClickOut) {
    const Song song = test::MemorySong(kRate).mono("silence", std::vector<float>(kRate)).build();
    MixControls mix(song.stems.size());
    Transport transport;
    transport.prepare(&song, &mix, kRate);
    ClickSettings click;  // 120 BPM: a count-in beat every 24000 frames
    click.countInBars = 1;
    click.levelDb = 0.0f;
    ASSERT_TRUE(applyClickSettings(click, transport));
    transport.play();
    std::vector<float> out(2 * 64), left;
    for (int b = 0; b < 377; ++b) {  // 128 frames into the second beat's click
        test::processBlock(transport, out.data(), 64, 2);
        for (int i = 0; i < 64; ++i) left.push_back(out[2 * static_cast<std::size_t>(i)]);
    }
    ASSERT_TRUE(transport.countingIn());
    ASSERT_GT(std::abs(left.back()), 0.0f) << "the click sounds when the pause comes";
    const float clickStep = test::maxStep(std::vector<float>(left.begin(), left.begin() + 2000));

    transport.pause();
    std::vector<float> after(2 * 512);
    test::processBlock(transport, after.data(), 512, 2);
    const int fade = static_cast<int>(std::lround(Transport::kFadeMs * kRate / 1000.0));
    std::vector<float> tail{left.back()};
    for (int i = 0; i < 512; ++i) tail.push_back(after[2 * static_cast<std::size_t>(i)]);
    EXPECT_LE(test::maxStep(tail), clickStep) << "no step larger than the click's own";
    EXPECT_GT(std::abs(tail[fade / 2]), 0.0f) << "still fading";
    for (std::size_t i = static_cast<std::size_t>(fade) + 1; i < tail.size(); ++i)
        ASSERT_EQ(tail[i], 0.0f) << "frame " << i;
    EXPECT_FALSE(transport.countingIn());
    EXPECT_TRUE(transport.silent());
    EXPECT_EQ(transport.position(), 0);
}

}  // namespace
}  // namespace stemdeck::audio
