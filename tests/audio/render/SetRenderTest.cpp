// A set rendered song after song (OfflineRenderer::renderSetToBuffer, through SetTransport and
// each song's Transport::process): exact lengths for each transition, no step at a segue seam,
// constant power through a crossfade, exact silent gaps, at block sizes that put the transition
// inside a block. Songs are synthetic, built in memory.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "AudioFiles.h"
#include "MemorySong.h"
#include "TempDir.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/mix/InterleavedLimiter.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/render/OfflineRenderer.h"
#include "stemdeck/audio/transport/Transport.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SetRenderTest {

using namespace stemdeck;
using audio::MixControls;
using audio::OfflineRenderer;
using audio::RenderError;
using audio::SetRenderEntry;
using Kind = audio::SongTransition::Kind;

namespace {

constexpr int kRate = 48000;
const int kBlocks[] = {64, 256, 1024, 1000};

struct TestSong {
    explicit TestSong(std::vector<float> samples)
        : song(test::MemorySong(kRate).mono("a", std::move(samples)).build()), mix(1) {}
    audio::Song song;
    MixControls mix;
};

std::vector<float> constant(float value, int frames) {
    return std::vector<float>(static_cast<std::size_t>(frames), value);
}

SetRenderEntry entry(TestSong& s, Kind kind = Kind::Stop, double gap = 0.0, double fade = 0.0,
                     double tempo = 1.0) {
    SetRenderEntry e;
    e.song = &s.song;
    e.mix = &s.mix;
    e.tempo = tempo;
    e.leadOut.kind = kind;
    e.leadOut.gapSeconds = gap;
    e.leadOut.crossfadeSeconds = fade;
    return e;
}

std::vector<float> left(const std::vector<float>& stereo) {
    return test::channelOf(stereo, 2, 0);
}

double rmsDb(const std::vector<float>& x, std::size_t from, std::size_t n) {
    double sum = 0.0;
    for (std::size_t i = from; i < from + n; ++i) sum += double{x[i]} * x[i];
    return 10.0 * std::log10(sum / static_cast<double>(n));
}

}  // namespace

TEST(SetRender, LengthIsExactForEachTransition) {
    // Lengths that are no multiple of any block size: the transition falls inside a block.
    const int a = 30011, b = 20011;
    TestSong first(test::sine(300.0, 0.3, kRate, a)), second(test::sine(500.0, 0.3, kRate, b));
    struct Case {
        Kind kind;
        double gap, fade;
        std::int64_t expected;
    };
    const Case cases[] = {
        {Kind::Stop, 0, 0, a + b},
        {Kind::Segue, 0, 0, a + b},
        {Kind::Gap, 0.25, 0, a + b + kRate / 4},
        {Kind::Gap, 0.0, 0, a + b},
        {Kind::Crossfade, 0, 0.1, a + b - kRate / 10},
    };
    for (const Case& c : cases)
        for (const int block : kBlocks) {
            SCOPED_TRACE("kind " + std::to_string(static_cast<int>(c.kind)) + ", block " +
                         std::to_string(block));
            const std::vector<SetRenderEntry> set{entry(first, c.kind, c.gap, c.fade),
                                                  entry(second)};
            EXPECT_EQ(OfflineRenderer::setFrames(set), c.expected);
            const auto out = OfflineRenderer::renderSetToBuffer(set, block);
            ASSERT_EQ(static_cast<std::int64_t>(out.size()), 2 * c.expected);
            // The second song's last frames are in the render (it was not cut nor delayed).
            const auto l = left(out);
            const auto tail = test::sine(500.0, 0.3, kRate, b);
            for (int i = 1; i <= 100; ++i)
                ASSERT_NEAR(l[l.size() - i], tail[tail.size() - i], 1e-5) << i;
        }
}

TEST(SetRender, MixedSetWithPerSongTempoHasTheSumOfItsParts) {
    const int a = 24000, b = 30001, c = 36000;
    TestSong s1(test::sine(220.0, 0.2, kRate, a)), s2(test::sine(330.0, 0.2, kRate, b)),
        s3(test::sine(440.0, 0.2, kRate, c));
    const std::vector<SetRenderEntry> set{entry(s1, Kind::Segue, 0, 0, 0.8),
                                          entry(s2, Kind::Gap, 0.5, 0, 1.0),
                                          entry(s3, Kind::Crossfade, 0, 0.2, 1.25)};
    // The last song's transition has no effect; each song lasts its frames / its tempo.
    const std::int64_t expected = std::llround(a / 0.8) + b + kRate / 2 + std::llround(c / 1.25);
    EXPECT_EQ(OfflineRenderer::setFrames(set), expected);
    for (const int block : {256, 1000}) {
        const auto out = OfflineRenderer::renderSetToBuffer(set, block);
        EXPECT_EQ(static_cast<std::int64_t>(out.size()), 2 * expected) << block;
        // The gap is there: silence after the second song (its end is exact at tempo 1).
        const auto l = left(out);
        const std::int64_t gapAt = std::llround(a / 0.8) + b;
        float gapPeak = 0.0f;
        for (std::int64_t i = gapAt + 64; i < gapAt + kRate / 2 - 64; ++i)
            gapPeak = std::max(gapPeak, std::abs(l[static_cast<std::size_t>(i)]));
        EXPECT_EQ(gapPeak, 0.0f) << block;
    }
}

TEST(SetRender, SegueSeamHasNoStep) {
    // One sine cut in two songs: rendered as a segue it is one continuous sine again.
    const double hz = 441.0, amp = 0.5;
    const int a = 30011, b = 20000;
    const double phase = 2.0 * std::numbers::pi * hz * a / kRate;
    TestSong first(test::sine(hz, amp, kRate, a)), second(test::sine(hz, amp, kRate, b, phase));
    const auto whole = test::sine(hz, amp, kRate, a + b);
    const double maxStep = 2.0 * std::numbers::pi * hz / kRate * amp * 1.01;
    for (const int block : kBlocks) {
        const auto l = left(
            OfflineRenderer::renderSetToBuffer({entry(first, Kind::Segue), entry(second)}, block));
        ASSERT_EQ(l.size(), whole.size());
        double step = 0.0, error = 0.0;
        for (std::size_t i = 1; i < l.size(); ++i) {
            step = std::max(step, std::abs(double{l[i]} - l[i - 1]));
            error = std::max(error, std::abs(double{l[i]} - whole[i]));
        }
        EXPECT_LE(step, maxStep) << block;
        EXPECT_LT(error, 1e-5) << block;
    }
}

TEST(SetRender, GapIsExactAndSilent) {
    const int a = 10007, b = 9001;
    const int gap = kRate / 10;
    TestSong first(constant(0.5f, a)), second(constant(0.25f, b));
    for (const int block : kBlocks) {
        const auto l = left(OfflineRenderer::renderSetToBuffer(
            {entry(first, Kind::Gap, 0.1), entry(second)}, block));
        ASSERT_EQ(l.size(), static_cast<std::size_t>(a + gap + b));
        for (int i = 0; i < a; ++i) ASSERT_EQ(l[i], 0.5f) << block << " at " << i;
        for (int i = a; i < a + gap; ++i) ASSERT_EQ(l[i], 0.0f) << block << " at " << i;
        for (int i = a + gap; i < a + gap + b; ++i) ASSERT_EQ(l[i], 0.25f) << block << " at " << i;
    }
}

TEST(SetRender, CrossfadeFollowsTheEqualPowerCurve) {
    // The first song alone (the second silent), then the second alone: each one's gain across
    // the overlap is read off a constant; the squares sum to 1 at every frame.
    const int a = 20011, b = 15000, fade = kRate / 10;
    TestSong loud(constant(0.5f, a)), quiet(constant(0.0f, b));
    TestSong quietFirst(constant(0.0f, a)), loudNext(constant(0.5f, b));
    for (const int block : kBlocks) {
        const auto out = left(OfflineRenderer::renderSetToBuffer(
            {entry(loud, Kind::Crossfade, 0, 0.1), entry(quiet)}, block));
        const auto in = left(OfflineRenderer::renderSetToBuffer(
            {entry(quietFirst, Kind::Crossfade, 0, 0.1), entry(loudNext)}, block));
        ASSERT_EQ(out.size(), static_cast<std::size_t>(a + b - fade));
        const int start = a - fade;
        for (int i = 0; i < start; ++i) ASSERT_EQ(out[i], 0.5f) << block << " at " << i;
        for (int i = 0; i < fade; ++i) {
            const double x = 0.5 * std::numbers::pi * (i + 0.5) / fade;
            const double gOut = out[start + i] / 0.5, gIn = in[start + i] / 0.5;
            ASSERT_NEAR(gIn, std::sin(x), 1e-5) << block << " at " << i;
            ASSERT_NEAR(gOut, std::cos(x), 1e-5) << block << " at " << i;
            ASSERT_NEAR(gIn * gIn + gOut * gOut, 1.0, 1e-5);
        }
        for (std::size_t i = static_cast<std::size_t>(a); i < in.size(); ++i)
            ASSERT_EQ(in[i], 0.5f) << block << " at " << i;
    }
}

TEST(SetRender, CrossfadeKeepsThePower) {
    // Two sines at different frequencies and the same level: the 20 ms RMS stays within
    // +-0.5 dB of the songs' own level through the whole overlap.
    const int a = 48000, b = 48000, fade = kRate / 2;
    TestSong first(test::sine(440.0, 0.3, kRate, a)), second(test::sine(1000.0, 0.3, kRate, b));
    const double level = 10.0 * std::log10(0.3 * 0.3 / 2.0);
    const std::size_t window = kRate / 50;
    for (const int block : kBlocks) {
        const auto l = left(OfflineRenderer::renderSetToBuffer(
            {entry(first, Kind::Crossfade, 0, 0.5), entry(second)}, block));
        ASSERT_EQ(l.size(), static_cast<std::size_t>(a + b - fade));
        double low = 0.0, high = -1000.0;
        low = 1000.0;
        for (std::size_t at = a - fade - window; at + window < static_cast<std::size_t>(a + window);
             at += window / 4) {
            const double db = rmsDb(l, at, window) - level;
            low = std::min(low, db);
            high = std::max(high, db);
        }
        EXPECT_GT(low, -0.5) << block;
        EXPECT_LT(high, 0.5) << block;
    }
}

TEST(SetRender, TwoLoudSongsCrossfadingNeverPassFullScale) {
    // Each song alone is under the ceiling; summed with equal-power gains they reach
    // 0.95 * sqrt(2) in the middle of the overlap, which the set's limiter brings down. It
    // touches nothing before the overlap, and it has released (exactly) long before the end.
    const int a = kRate, b = 3 * kRate, fade = kRate / 10;
    TestSong first(constant(0.95f, a)), second(constant(0.95f, b));
    const float ceiling = audio::InterleavedLimiter::kCeiling;
    for (const int block : kBlocks) {
        const auto stereo = OfflineRenderer::renderSetToBuffer(
            {entry(first, Kind::Crossfade, 0, 0.1), entry(second)}, block);
        ASSERT_EQ(stereo.size(), static_cast<std::size_t>(2 * (a + b - fade)));
        float peak = 0.0f;
        for (const float x : stereo) peak = std::max(peak, std::abs(x));
        EXPECT_LE(peak, ceiling) << block;
        EXPECT_GT(peak, 0.99f * ceiling) << block;  // it really was loud
        const auto l = left(stereo);
        for (int i = 0; i < a - fade; ++i) ASSERT_EQ(l[i], 0.95f) << block << " at " << i;
        for (std::size_t i = l.size() - kRate / 2; i < l.size(); ++i)
            ASSERT_EQ(l[i], 0.95f) << block << " at " << i;
    }
}

TEST(SetRender, BadSetsAreRefusedNamingTheSong) {
    TestSong first(constant(0.5f, 4800)), second(constant(0.5f, 4800));
    auto expectError = [](const std::vector<SetRenderEntry>& set, const std::string& words) {
        try {
            OfflineRenderer::renderSetToBuffer(set);
            ADD_FAILURE() << "no error for " << words;
        } catch (const RenderError& e) {
            EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
        }
    };
    expectError({}, "the set has no songs");
    expectError({entry(first, Kind::Gap, -1.0), entry(second)}, "song 1 of the set: the gap");
    expectError({entry(first), entry(second, Kind::Stop, 0, 0, 2.0)}, "song 2 of the set: tempo");
    TestSong other(constant(0.5f, 100));
    other.song.sampleRate = 44100;
    expectError({entry(first), entry(other)}, "song 2 of the set is at 44100 Hz");
}

TEST(SetRender, FileIsTheBufferWithItsCountIn) {
    // A float WAV of a set is the buffer render, sample for sample; a count-in on the first
    // song and on the song after a stop is part of the length.
    TestSong first(test::sine(300.0, 0.3, kRate, 12007)),
        second(test::sine(500.0, 0.3, kRate, 9000));
    std::vector<SetRenderEntry> set{entry(first, Kind::Stop), entry(second)};
    set[0].click.countInBars = 1;
    set[1].click.countInBars = 1;
    const std::int64_t countIn = kRate / 2 * 4;  // one 4/4 bar at 120 BPM
    EXPECT_EQ(OfflineRenderer::setFrames(set), 2 * countIn + 12007 + 9000);
    test::TempDir dir;
    audio::RenderOptions options;
    options.format = audio::RenderSampleFormat::Float32;
    options.blockSize = 500;
    const auto written = OfflineRenderer::renderSetToFile(set, dir / "set.wav", options);
    EXPECT_EQ(written.frames, 2 * countIn + 12007 + 9000);
    EXPECT_EQ(written.countInFrames, countIn);
    const auto file = test::readAudioFile(dir / "set.wav");
    const auto buffer = OfflineRenderer::renderSetToBuffer(set, 500);
    ASSERT_EQ(file.interleaved.size(), buffer.size());
    for (std::size_t i = 0; i < buffer.size(); ++i) ASSERT_EQ(file.interleaved[i], buffer[i]) << i;
    // The second song's count-in clicks right after the first song's end, before its music.
    const auto l = left(buffer);
    float click = 0.0f;
    for (std::int64_t i = countIn + 12007; i < countIn + 12007 + 2000; ++i)
        click = std::max(click, std::abs(l[static_cast<std::size_t>(i)]));
    EXPECT_GT(click, 0.05f);
}

TEST(SetRender, ASetOfOneSongIsTheSingleSongRender) {
    // The set's path adds nothing to a song: bit-exact with OfflineRenderer::renderToBuffer,
    // plain and time-stretched.
    TestSong song(test::sine(330.0, 0.4, kRate, 30011));
    for (const double tempo : {1.0, 0.85}) {
        audio::RenderOptions options;
        options.blockSize = 1000;
        options.tempo = tempo;
        const auto single = OfflineRenderer::renderToBuffer(song.song, song.mix, options);
        const auto set = OfflineRenderer::renderSetToBuffer({entry(song, Kind::Segue, 0, 0, tempo)},
                                                            options.blockSize);
        ASSERT_EQ(set.size(), single.size()) << tempo;
        for (std::size_t i = 0; i < set.size(); ++i)
            ASSERT_EQ(set[i], single[i]) << tempo << " at " << i;
    }
}

TEST(SetRender, EachSongStartsAtItsStartFrame) {
    // A set entry's start marker: the second song is heard from its frame `start` (the
    // transport seeks there before it plays), right after the first song's last frame, at
    // every block size; the length counts it from there. Starting mid-song, it fades in over
    // the transport's de-click fade, as live playback does (Engine::cueNext), and is then the
    // song frame for frame. A start outside the song is refused.
    const int a = 10007, b = 20011, start = 7013;
    const auto fade = static_cast<int>(std::ceil(audio::Transport::kFadeMs * kRate / 1000.0));
    TestSong first(test::sine(300.0, 0.3, kRate, a)), second(test::sine(500.0, 0.3, kRate, b));
    std::vector<SetRenderEntry> set{entry(first, Kind::Segue), entry(second)};
    set[1].startFrame = start;
    EXPECT_EQ(OfflineRenderer::setFrames(set), a + b - start);
    const auto whole = left(OfflineRenderer::renderSetToBuffer({entry(second)}, 256));
    for (const int block : kBlocks) {
        const auto l = left(OfflineRenderer::renderSetToBuffer(set, block));
        ASSERT_EQ(l.size(), static_cast<std::size_t>(a + b - start)) << block;
        const auto heard = [&](int i) { return l[static_cast<std::size_t>(a + i)]; };
        const auto song = [&](int i) { return whole[static_cast<std::size_t>(start + i)]; };
        EXPECT_LT(std::abs(heard(0)), 0.01f) << "block " << block << ": no fade-in";
        float louder = 0.0f, worst = 0.0f;
        int worstAt = -1;
        for (int i = 0; i < fade; ++i)
            louder = std::max(louder, std::abs(heard(i)) - std::abs(song(i)));
        for (int i = fade; i < b - start; ++i)
            if (const float d = std::abs(heard(i) - song(i)); d > worst) worst = d, worstAt = i;
        EXPECT_LT(louder, 1e-6f) << "block " << block << ": the fade-in is louder than the song";
        EXPECT_LT(worst, 1e-6f) << "block " << block << " at frame " << worstAt << " of the song";
    }
    set[1].startFrame = b;
    try {
        OfflineRenderer::renderSetToBuffer(set);
        ADD_FAILURE() << "a start past the song's end was rendered";
    } catch (const RenderError& e) {
        EXPECT_NE(std::string(e.what()).find("song 2 of the set: it starts at frame"),
                  std::string::npos)
            << e.what();
    }
}

}  // namespace unity_SetRenderTest
