// Buffering: a song handed to the transport while its stems are still being decoded never
// plays through audio that is not decoded yet. The transport fades out and waits where it is
// (silent, the position standing still), and fades in there once the decoder is far enough
// ahead. The songs are built in memory; the test appends frames as a decoder would.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "AudioFiles.h"
#include "AudioThread.h"
#include "MemorySong.h"
#include "stemdeck/audio/click/ClickSettings.h"
#include "stemdeck/audio/loader/StemPeaks.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/transport/BufferGate.h"
#include "stemdeck/audio/transport/Transport.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_TransportBufferingTest {

using namespace stemdeck;
using audio::BufferGate;
using audio::MixControls;
using audio::PlayState;
using audio::Transport;

namespace {
constexpr int kRate = 48000;
constexpr int kLength = 4 * kRate;
const int kFade = static_cast<int>(Transport::kFadeMs * kRate / 1000);
const std::int64_t kStarveLead = BufferGate::leadFrames(BufferGate::kStarveLeadSeconds, kRate);
const std::int64_t kResumeLead = BufferGate::leadFrames(BufferGate::kResumeLeadSeconds, kRate);

// A stem whose every sample tells where it is: 0.1 + 0.8 * i / n (below the limiter ceiling).
std::vector<float> positionRamp(int n) {
    std::vector<float> v(n);
    for (int i = 0; i < n; ++i) v[i] = 0.1f + 0.8f * static_cast<float>(i) / n;
    return v;
}

// A song of one mono ramp stem (kLength frames) being decoded: `ready` frames so far.
struct DecodingFixture {
    explicit DecodingFixture(std::int64_t ready) : ramp(positionRamp(kLength)), mix(1) {
        song = test::MemorySong(kRate).mono("a", {}).build();
        song.frames = kLength;
        stem() = audio::StemAudio(1, audio::SampleFormat::Float32);
        EXPECT_TRUE(stem().reserve(kLength));
        stem().setDecoding(true);
        appendTo(ready);
        transport.prepare(&song, &mix, kRate);
    }
    audio::StemAudio& stem() { return song.stems[0].audio; }
    // The decoder: frames up to `frame` (exclusive) are ready.
    void appendTo(std::int64_t frame) {
        const std::int64_t from = stem().readyFrames();
        if (frame <= from) return;
        ASSERT_EQ(stem().append(ramp.data() + from, frame - from), frame - from);
    }
    // Renders `frames` stereo frames in blocks; returns the left channel.
    std::vector<float> render(int frames, int block = 256) {
        std::vector<float> out(static_cast<std::size_t>(frames) * 2);
        for (int off = 0; off < frames; off += block)
            test::processBlock(transport, out.data() + off * 2, std::min(block, frames - off), 2);
        return test::channelOf(out, 2, 0);
    }
    // Renders blocks until the transport buffers (at most `limit` frames); returns the left
    // channel of what was rendered up to that block, that block included.
    std::vector<float> renderUntilBuffering(int limit, int block = 256) {
        std::vector<float> out;
        for (int done = 0; done < limit && !transport.buffering(); done += block) {
            const auto part = render(block, block);
            out.insert(out.end(), part.begin(), part.end());
        }
        return out;
    }
    std::vector<float> ramp;
    audio::Song song;
    MixControls mix;
    Transport transport;
};

void expectSilent(const std::vector<float>& out) {
    for (std::size_t i = 0; i < out.size(); ++i) ASSERT_EQ(out[i], 0.0f) << i;
}
}  // namespace

// The decoder falls behind: the transport fades out before the watermark (what it played is the
// song, exactly), then gives exact silence and keeps its position while it waits.
TEST(TransportBuffering, AStarvedTransportFadesOutToSilenceAndStandsStill) {
    const std::int64_t ready = kRate;
    DecodingFixture f(ready);
    f.transport.play();
    auto out = f.renderUntilBuffering(kLength);
    ASSERT_TRUE(f.transport.buffering());
    const auto tail = f.render(kFade + 256);  // the rest of the fade, and silence
    out.insert(out.end(), tail.begin(), tail.end());
    const std::int64_t stopped = f.transport.position();
    // Stopped before the watermark, with at least the lead's worth of frames left to it.
    EXPECT_LE(stopped + kStarveLead, ready + 256 + kFade);
    EXPECT_GT(stopped + kStarveLead, ready);
    // Up to the fade, exactly the song from its start; the fade has no click; then silence.
    const std::int64_t fadeStart = stopped - kFade;
    for (std::int64_t i = 0; i < fadeStart; ++i) ASSERT_EQ(out[i], f.ramp[i]) << i;
    EXPECT_LT(out[fadeStart + kFade / 2], f.ramp[fadeStart + kFade / 2]);
    EXPECT_LE(test::maxStep(out), 1.0f / kFade);
    expectSilent({out.begin() + stopped, out.end()});

    // Waiting: silent, no advance, no end of song, still wanting to play.
    expectSilent(f.render(8192));
    EXPECT_EQ(f.transport.position(), stopped);
    EXPECT_TRUE(f.transport.buffering());
    EXPECT_TRUE(f.transport.silent());
    EXPECT_TRUE(f.transport.playRequested());
    EXPECT_EQ(f.transport.state(), PlayState::Playing);
    EXPECT_FALSE(f.transport.consumeEndOfSong());
}

// It resumes only once the decoder is a second ahead (not at the first frame past the starve
// lead: no flapping), with a fade-in at the exact frame it stopped on, and no count-in.
TEST(TransportBuffering, ResumesWithAFadeInAtTheExactFrameOnceFarEnoughAhead) {
    DecodingFixture f(kRate);
    f.transport.play();
    f.renderUntilBuffering(kLength);
    f.render(kFade + 256);
    const std::int64_t stopped = f.transport.position();
    f.transport.setCountInBars(1);  // a start from silence would count in now; a resume must not

    f.appendTo(stopped + kStarveLead + 4096);  // enough to play on, not to resume
    expectSilent(f.render(4096));
    EXPECT_TRUE(f.transport.buffering());
    f.appendTo(stopped + kResumeLead - 1);
    expectSilent(f.render(4096));
    EXPECT_TRUE(f.transport.buffering());
    EXPECT_EQ(f.transport.position(), stopped);

    f.appendTo(stopped + kResumeLead);
    const auto resumed = f.render(8192);
    EXPECT_FALSE(f.transport.buffering());
    EXPECT_FALSE(f.transport.countingIn());
    EXPECT_GT(resumed[0], 0.0f);  // at once: the block right after the frames came
    EXPECT_LE(resumed[0], f.ramp[stopped] / kFade + 1e-6f);
    for (int k = kFade; k < 8192; ++k) ASSERT_EQ(resumed[k], f.ramp[stopped + k]) << k;
    EXPECT_LE(test::maxStep(resumed), 1.0f / kFade);
    EXPECT_EQ(f.transport.position(), stopped + 8192);
}

// A seek past the watermark while playing: the fade-out at the old place, silence while the
// frames there are decoded, then exactly the frames from the seek target, faded in.
TEST(TransportBuffering, ASeekPastTheWatermarkBuffersThenPlaysTheRightFrames) {
    DecodingFixture f(2 * kRate);
    f.transport.play();
    f.render(4096);
    const std::int64_t target = 3 * kRate;
    f.transport.seek(target);
    const auto after = f.render(4096);
    EXPECT_NEAR(after[0], f.ramp[4096] * (1.0f - 1.0f / kFade), 1e-5);
    expectSilent({after.begin() + kFade, after.end()});
    EXPECT_TRUE(f.transport.buffering());
    EXPECT_EQ(f.transport.position(), target);

    f.appendTo(kLength);  // all of it, still decoding (the flag clears later)
    const auto played = f.render(4096);
    EXPECT_FALSE(f.transport.buffering());
    EXPECT_LE(played[0], f.ramp[target] / kFade + 1e-6f);
    for (int k = kFade; k < 4096; ++k) ASSERT_EQ(played[k], f.ramp[target + k]) << k;
    EXPECT_EQ(f.transport.position(), target + 4096);
}

// The decoder finishing ends the wait even short of the resume lead (a damaged file stops
// decoding for good: what is there plays, then silence to the end).
TEST(TransportBuffering, ADecoderThatStopsEndsTheWait) {
    DecodingFixture f(kRate);
    f.transport.play();
    f.renderUntilBuffering(kLength);
    f.render(kFade + 256);
    const std::int64_t stopped = f.transport.position();
    f.stem().setDecoding(false);
    const auto resumed = f.render(2048);
    EXPECT_FALSE(f.transport.buffering());
    for (int k = kFade; k < 2048; ++k) ASSERT_EQ(resumed[k], f.ramp[stopped + k]) << k;
}

// A seek while buffering is taken at once, and starvation is judged at the new place: back
// where the song is decoded far enough ahead, it plays from there at once.
TEST(TransportBuffering, ASeekWhileBufferingIsTakenAtOnceAndJudgedThere) {
    const std::int64_t ready = 2 * kRate;
    DecodingFixture f(ready);
    f.transport.play();
    f.renderUntilBuffering(kLength);
    f.render(kFade + 256);
    ASSERT_TRUE(f.transport.buffering());
    // Past the watermark: taken at once, still buffering.
    f.transport.seek(ready + 1000);
    expectSilent(f.render(1024));
    EXPECT_EQ(f.transport.position(), ready + 1000);
    EXPECT_TRUE(f.transport.buffering());
    // Back where a resume lead is decoded: plays from there, fading in.
    const std::int64_t back = 1000;
    ASSERT_GE(ready, back + kResumeLead);
    f.transport.seek(back);
    const auto played = f.render(2048);
    EXPECT_FALSE(f.transport.buffering());
    EXPECT_GT(played[0], 0.0f);
    EXPECT_LE(played[0], f.ramp[back] / kFade + 1e-6f);
    for (int k = kFade; k < 2048; ++k) ASSERT_EQ(played[k], f.ramp[back + k]) << k;
}

// Pausing while buffering is the listener's pause: silent, no longer buffering, and the next
// play counts in (it does after any pause) even though the song is decoded by then.
TEST(TransportBuffering, PauseWhileBufferingIsAnOrdinaryPause) {
    DecodingFixture f(kRate);
    f.transport.play();
    f.renderUntilBuffering(kLength);
    f.render(kFade + 256);
    const std::int64_t stopped = f.transport.position();
    f.transport.pause();
    expectSilent(f.render(1024));
    EXPECT_FALSE(f.transport.buffering());
    EXPECT_EQ(f.transport.state(), PlayState::Paused);
    EXPECT_EQ(f.transport.position(), stopped);

    f.appendTo(kLength);
    expectSilent(f.render(4096));  // decoded meanwhile: still paused
    EXPECT_EQ(f.transport.position(), stopped);
    f.transport.setCountInBars(1);
    f.transport.play();
    f.render(256);
    EXPECT_TRUE(f.transport.countingIn());
    EXPECT_EQ(f.transport.position(), stopped);
}

// Starting where the song is not decoded yet: the count-in plays (it needs no stems), then the
// transport buffers; the song plays from the start place once decoded.
TEST(TransportBuffering, TheCountInPlaysThenTheTransportBuffers) {
    DecodingFixture f(1000);
    f.transport.setCountInBars(1);
    f.transport.play();
    const auto countIn = f.render(256);
    EXPECT_TRUE(f.transport.countingIn());
    EXPECT_GT(test::rms(countIn), 0.0);
    for (int b = 0; b < 400 && f.transport.countingIn(); ++b) f.render(256);  // 2 s: 375 blocks
    ASSERT_FALSE(f.transport.countingIn());
    f.render(256);
    EXPECT_TRUE(f.transport.buffering());
    EXPECT_EQ(f.transport.position(), 0);
    f.appendTo(kLength);
    const auto played = f.render(2048);
    // The very start of the song plays as authored (no fade), right after the wait.
    for (int k = 0; k < 2048; ++k) ASSERT_EQ(played[k], f.ramp[k]) << k;
}

// The song's end: a stem still decoding past Song::frames (a file longer than its header said)
// keeps nothing waiting; the song ends as a whole one does.
TEST(TransportBuffering, TheEndIsReachedWhileAStemStillDecodesPastIt) {
    constexpr int kShort = kRate / 2;
    const auto ramp = positionRamp(kShort);
    audio::Song song = test::MemorySong(kRate).mono("a", ramp).mono("b", {}).build();
    audio::StemAudio& b = song.stems[1].audio;
    b = audio::StemAudio(1, audio::SampleFormat::Float32);
    ASSERT_TRUE(b.reserve(kShort + 4096));
    b.setDecoding(true);
    ASSERT_EQ(b.appendSilence(kShort + 1000), kShort + 1000);
    song.frames = kShort;
    audio::computePeaks(song.stems[0]);
    MixControls mix(2);
    Transport transport;
    transport.prepare(&song, &mix, kRate);
    transport.play();
    constexpr int kTotal = kShort + 2048;
    std::vector<float> out(static_cast<std::size_t>(kTotal) * 2);
    for (int off = 0; off < kTotal; off += 256)
        test::processBlock(transport, out.data() + off * 2, std::min(256, kTotal - off), 2);
    const auto left = test::channelOf(out, 2, 0);
    for (int i = 0; i < kShort; ++i) ASSERT_EQ(left[i], ramp[i]) << i;
    EXPECT_TRUE(transport.consumeEndOfSong());
    EXPECT_FALSE(transport.buffering());
    EXPECT_EQ(transport.position(), kShort);
}

// The end while another stem is decoding short of it: the transport waits near the end instead
// of ending on silence, then plays the rest and ends.
TEST(TransportBuffering, AStemDecodingShortOfTheEndKeepsTheEndWaiting) {
    DecodingFixture f(kLength - kRate);
    f.transport.play();
    f.renderUntilBuffering(2 * kLength);
    f.render(kFade + 4096);
    EXPECT_TRUE(f.transport.buffering());
    EXPECT_FALSE(f.transport.consumeEndOfSong());
    EXPECT_LT(f.transport.position(), kLength - kRate);
    f.appendTo(kLength);  // all there; the decoder has not said it is done
    f.render(2 * kRate);
    EXPECT_TRUE(f.transport.consumeEndOfSong());
    EXPECT_FALSE(f.transport.buffering());
    EXPECT_EQ(f.transport.position(), kLength);
}

// A song whose decoding finished before it played is a whole song: bit-exact from the start.
TEST(TransportBuffering, ASongDecodedBeforePlayPlaysExactlyAsAWholeOne) {
    DecodingFixture f(kLength);
    f.stem().setDecoding(false);
    f.transport.play();
    const auto out = f.render(kLength, 333);
    for (int i = 0; i < kLength; ++i) ASSERT_EQ(out[i], f.ramp[i]) << i;
    EXPECT_FALSE(f.transport.buffering());
}

// A seek far ahead while the song decodes: the decoder jumps there (an island: StemAudio
// regions), and once the island holds the lead the transport plays there at once, exactly;
// the hole between the front and the island still buffers.
TEST(TransportBuffering, ASeekIntoAnIslandDecodedAheadPlaysAtOnce) {
    DecodingFixture f(kRate);
    const std::int64_t island = 5 * kRate / 2;
    const int region = f.stem().openIsland(island);
    ASSERT_GT(region, 0);
    ASSERT_EQ(f.stem().append(region, f.ramp.data() + island, kLength - island), kLength - island);
    f.transport.play();
    f.render(4096);
    f.transport.seek(island + kRate / 10);
    const auto played = f.render(8192);
    EXPECT_FALSE(f.transport.buffering());
    const std::int64_t end = f.transport.position();
    EXPECT_EQ(end, island + kRate / 10 + 8192 - kFade) << "the seek's fade-out, then no wait";
    for (int k = 4096; k < 8192; ++k) ASSERT_EQ(played[k], f.ramp[end - 8192 + k]) << k;

    f.transport.seek(kRate + kRate / 2);  // into the hole
    f.render(4096);
    EXPECT_TRUE(f.transport.buffering());
    EXPECT_EQ(f.transport.position(), kRate + kRate / 2);
}

// A jump on the next bar line to a place not decoded yet is held to the first bar line its
// audio is ready for: the song plays on through the first bar line (no seam into silence) and
// the jump lands, seamlessly, on the next one, once the decoder has filled the place.
TEST(TransportBuffering, ABarJumpWaitsForItsAudioOnTheNextBarLine) {
    constexpr int kSongFrames = 8 * kRate;
    const auto ramp = positionRamp(kSongFrames);
    audio::Song song = test::MemorySong(kRate).mono("a", {}).build();
    song.frames = kSongFrames;
    audio::StemAudio& stem = song.stems[0].audio;
    stem = audio::StemAudio(1, audio::SampleFormat::Float32);
    ASSERT_TRUE(stem.reserve(kSongFrames));
    stem.setDecoding(true);
    ASSERT_EQ(stem.append(ramp.data(), 5 * kRate), 5 * kRate);
    MixControls mix(1);
    Transport transport;
    transport.prepare(&song, &mix, kRate);
    audio::ClickSettings click;  // 120 BPM, 4/4: bar lines at 0, 2, 4, 6 s
    ASSERT_TRUE(audio::applyClickSettings(click, transport));
    transport.play();
    const std::int64_t target = 13 * kRate / 2;  // 6.5 s: not decoded
    std::vector<float> out(2 * 256), left;
    for (int b = 0; b < 4 * kRate / 256 + 40; ++b) {
        if (b == 10) transport.jumpTo(target, audio::Quantize::NextBar);
        if (left.size() >= static_cast<std::size_t>(5 * kRate / 2) &&
            stem.readyFrames() < kSongFrames) {  // from 2.5 s on: the decoder has it all
            ASSERT_EQ(stem.append(ramp.data() + 5 * kRate, 3 * kRate), 3 * kRate);
        }
        test::processBlock(transport, out.data(), 256, 2);
        for (int i = 0; i < 256; ++i) left.push_back(out[2 * static_cast<std::size_t>(i)]);
        ASSERT_FALSE(transport.buffering()) << b;
    }
    const int fade = static_cast<int>(std::lround(5.0 * kRate / 1000.0));
    for (int k = 0; k < kRate / 2; k += 37)  // through the first bar line, untouched
        ASSERT_EQ(left[static_cast<std::size_t>(2 * kRate - kRate / 4 + k)],
                  ramp[static_cast<std::size_t>(2 * kRate - kRate / 4 + k)])
            << k;
    for (int k = fade; k < fade + 4000; k += 37)  // the jump on the next one
        ASSERT_EQ(left[static_cast<std::size_t>(4 * kRate + k)],
                  ramp[static_cast<std::size_t>(target + k)])
            << k;
    EXPECT_LT(test::maxStep({left.begin() + kRate, left.end()}), 0.01f) << "a step at a seam";
}

}  // namespace unity_TransportBufferingTest
