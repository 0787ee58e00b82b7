#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <numbers>
#include <thread>
#include <vector>

#include "AudioFiles.h"
#include "stemdeck/audio/timeline/LoopRegion.h"
#include "stemdeck/audio/transport/LoopPlayer.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_LoopPlayerTest {

using namespace stemdeck;
using audio::LoopBounds;
using audio::LoopPlayer;
using audio::LoopRegion;

namespace {
constexpr int kRate = 48000;
constexpr int kMaxChunk = 1024;

// A mono "song" that the loop plays through the source callback, as the Mixer would render
// it: silence past the end, and every request checked against the chunk limit.
struct Song {
    std::vector<float> samples;

    float at(std::int64_t frame) const {
        return frame >= 0 && frame < static_cast<std::int64_t>(samples.size())
                   ? samples[static_cast<std::size_t>(frame)]
                   : 0.0f;
    }
    auto source() {
        return [this](std::int64_t position, int frames, float* left, float* right) {
            EXPECT_LE(frames, kMaxChunk);
            EXPECT_GT(frames, 0);
            for (int i = 0; i < frames; ++i) left[i] = right[i] = at(position + i);
        };
    }
    std::int64_t length() const { return static_cast<std::int64_t>(samples.size()); }
};

// A value per frame that no other frame has: where output came from is visible in it.
Song rampSong(int frames) {
    Song song;
    song.samples.resize(static_cast<std::size_t>(frames));
    for (int i = 0; i < frames; ++i)
        song.samples[static_cast<std::size_t>(i)] = 0.1f + 0.8f * static_cast<float>(i) / frames;
    return song;
}

struct Fixture {
    explicit Fixture(Song s) : song(std::move(s)) {
        region.prepare(kRate, song.length());
        player.prepare(&region, kRate, kMaxChunk);
    }
    // Renders `frames` frames in blocks of `block`, from `position`; returns the left channel.
    std::vector<float> render(std::int64_t& position, int frames, int block) {
        std::vector<float> left(static_cast<std::size_t>(frames)), right(left.size());
        for (int off = 0; off < frames; off += block) {
            const int n = std::min(block, frames - off);
            player.render(position, n, left.data() + off, right.data() + off, song.source());
        }
        EXPECT_EQ(left, right);
        return left;
    }
    Song song;
    LoopRegion region;
    LoopPlayer player;
};

// What the loop should play, frame by frame, from A: pass p frame k is the song at A + k,
// except the first crossfadeFrames of every pass after the first, which blend the audio
// after B (fading out) into the audio at A (fading in) with equal-power gains.
float expectedLooped(const Song& song, const LoopBounds& loop, int fade, std::int64_t j) {
    const std::int64_t pass = j / loop.length();
    const std::int64_t k = j % loop.length();
    if (pass == 0 || k >= fade) return song.at(loop.start + k);
    const double in = std::sin(0.5 * std::numbers::pi * (k + 0.5) / fade);
    const double out = std::sin(0.5 * std::numbers::pi * (fade - k - 0.5) / fade);
    return static_cast<float>(song.at(loop.start + k) * in + song.at(loop.end + k) * out);
}

void expectLooped(const std::vector<float>& out, const Song& song, const LoopBounds& loop,
                  int fade) {
    for (std::size_t j = 0; j < out.size(); ++j)
        ASSERT_NEAR(out[j], expectedLooped(song, loop, fade, static_cast<std::int64_t>(j)), 1e-6)
            << "output frame " << j << ", pass " << static_cast<std::int64_t>(j) / loop.length();
}
}  // namespace

TEST(LoopRegion, RefusesLoopsShorterThanTheMinimumAndClampsToTheSong) {
    LoopRegion region;
    region.prepare(kRate, 100000);
    EXPECT_EQ(region.minLength(), 480);  // 10 ms at 48 kHz
    EXPECT_FALSE(region.set(1000, 1479));
    EXPECT_FALSE(region.set(5000, 4000));
    EXPECT_TRUE(region.set(1000, 1480));
    EXPECT_EQ(region.bounds().length(), 480);
    EXPECT_FALSE(region.set(99800, 200000));  // clamped to 200 frames: too short
    EXPECT_EQ(region.bounds().start, 1000);   // a refused set changes nothing
    EXPECT_TRUE(region.set(-50, 200000));
    EXPECT_EQ(region.bounds().start, 0);
    EXPECT_EQ(region.bounds().end, 100000);
}

TEST(LoopRegion, SwitchesOnOnlyWithBoundsAndKeepsTheSwitchWhenMoved) {
    LoopRegion region;
    region.prepare(kRate, 100000);
    EXPECT_FALSE(region.setEnabled(true));  // no A-B yet
    EXPECT_FALSE(region.enabled());
    ASSERT_TRUE(region.set(1000, 5000));
    EXPECT_FALSE(region.enabled());  // setting A-B does not switch the loop on
    EXPECT_TRUE(region.setEnabled(true));
    ASSERT_TRUE(region.set(2000, 9000));
    EXPECT_TRUE(region.enabled());
    region.clear();
    EXPECT_FALSE(region.enabled());
    EXPECT_EQ(region.bounds().length(), 0);
}

// The audio thread must never see A of one set() with B of another.
TEST(LoopRegion, AudioThreadNeverSeesATornLoop) {
    LoopRegion region;
    region.prepare(kRate, std::int64_t{1} << 40);
    ASSERT_TRUE(region.set(0, 1000));
    std::atomic<bool> stop{false};
    std::atomic<std::int64_t> writes{0};
    std::thread writer([&] {
        for (std::int64_t k = 1; !stop.load(std::memory_order_relaxed); ++k) {
            region.set(k * 7, k * 7 + 1000 + k % 5000);
            writes.store(k, std::memory_order_relaxed);
        }
    });
    LoopBounds seen;
    std::int64_t reads = 0;
    std::int64_t failedReads = 0;
    std::int64_t writerReads = 0;  // successful reads of a value the writer thread set
    // Read until the reads really overlapped the writer: on a busy machine (or one core) the
    // writer may not run at all during a fixed number of reads, or be preempted mid-write.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    for (std::int64_t i = 0;
         i < 2000000 || writes.load(std::memory_order_relaxed) < 100000 || writerReads < 1000;
         ++i) {
        if ((i & 0xffff) == 0 && std::chrono::steady_clock::now() > deadline) break;
        LoopBounds b = seen;
        if (!region.read(b)) {
            ++failedReads;
            continue;
        }
        ++reads;
        const std::int64_t k = b.start / 7;
        ASSERT_EQ(b.start % 7, 0);
        ASSERT_EQ(b.end, k == 0 ? 1000 : b.start + 1000 + k % 5000) << "torn at read " << i;
        seen = b;
        if (b.start > 0) ++writerReads;
    }
    stop = true;
    writer.join();
    EXPECT_GT(reads, 0);
    EXPECT_GT(seen.start, 0);  // the writer really was writing meanwhile
    RecordProperty("failed_reads", std::to_string(failedReads));
}

TEST(LoopPlayer, WrapsSampleAccuratelyWithACrossfadeThenPlaysTheSourceUntouched) {
    Fixture f(rampSong(100000));
    ASSERT_TRUE(f.region.set(10000, 30000));
    ASSERT_TRUE(f.region.setEnabled(true));
    const int fade = f.player.crossfadeFrames();
    EXPECT_EQ(fade, 240);  // 5 ms
    std::int64_t position = 10000;
    const auto out = f.render(position, 3 * 20000 + 500, 256);
    expectLooped(out, f.song, f.region.bounds(), fade);
    EXPECT_EQ(position, 10500);
    // Right after the crossfade the output is the source at A + k exactly, bit for bit.
    EXPECT_EQ(out[20000 + fade], f.song.at(10000 + fade));
    EXPECT_EQ(out[40000 + 1234], f.song.at(10000 + 1234));
}

TEST(LoopPlayer, PlaysIntoTheLoopFromBeforeA) {
    Fixture f(rampSong(100000));
    ASSERT_TRUE(f.region.set(10000, 30000));
    ASSERT_TRUE(f.region.setEnabled(true));
    std::int64_t position = 5000;
    const auto out = f.render(position, 45000, 1000);
    for (int j = 0; j < 25000; ++j) ASSERT_EQ(out[j], f.song.at(5000 + j)) << j;
    // From B on it is the loop from A, its second pass onwards.
    for (int j = 25000; j < 45000; ++j)
        ASSERT_NEAR(out[j], expectedLooped(f.song, f.region.bounds(), 240, j - 25000 + 20000), 1e-6)
            << j;
}

TEST(LoopPlayer, SeamIsContinuousForASine) {
    // Start and end half a period apart in phase: a plain splice would jump by ~2 amplitudes.
    const double hz = 440.0;
    const double amplitude = 0.5;
    Fixture f(Song{test::sine(hz, amplitude, kRate, 200000)});
    const std::int64_t a = 12027;  // near a crest
    const std::int64_t b = a + 24000 + 55;
    ASSERT_TRUE(f.region.set(a, b));
    ASSERT_TRUE(f.region.setEnabled(true));
    const float naturalStep =
        static_cast<float>(2.0 * amplitude * std::sin(std::numbers::pi * hz / kRate));
    const float spliceStep = std::abs(f.song.at(a) - f.song.at(b - 1));
    ASSERT_GT(spliceStep, 15.0f * naturalStep) << "the test's seam would not click without a fade";

    std::int64_t position = a;
    const auto out = f.render(position, 4 * 24055, 512);
    EXPECT_LE(test::maxStep(out), 1.7f * naturalStep);
    for (float s : out) ASSERT_LE(std::abs(s), amplitude * 1.42f);
}

TEST(LoopPlayer, LoopShorterThanABlockWrapsManyTimesPerBlock) {
    Fixture f(rampSong(20000));
    ASSERT_TRUE(f.region.set(3000, 3700));  // 700 frames, blocks of 4096
    ASSERT_TRUE(f.region.setEnabled(true));
    std::int64_t position = 3000;
    const auto out = f.render(position, 5 * 4096, 4096);
    expectLooped(out, f.song, f.region.bounds(), f.player.crossfadeFrames());
    EXPECT_EQ(position, 3000 + (5 * 4096) % 700);
}

TEST(LoopPlayer, LoopEndBeyondTheSongIsClampedAndWrapsAtTheSongsEnd) {
    Fixture f(rampSong(50000));
    ASSERT_TRUE(f.region.set(40000, 80000));
    ASSERT_TRUE(f.region.setEnabled(true));
    EXPECT_EQ(f.region.bounds().end, 50000);
    std::int64_t position = 40000;
    const auto out = f.render(position, 25000, 300);
    // Past the song's end is silence, so the seam fades the loop start in from nothing.
    expectLooped(out, f.song, f.region.bounds(), f.player.crossfadeFrames());
    EXPECT_LT(out[10000], 0.01f);
    EXPECT_EQ(position, 40000 + 5000);  // two and a half passes of 10000
}

TEST(LoopPlayer, FollowsALoopChangedWhilePlaying) {
    Fixture f(rampSong(100000));
    ASSERT_TRUE(f.region.set(10000, 30000));
    ASSERT_TRUE(f.region.setEnabled(true));
    std::int64_t position = 10000;
    f.render(position, 5000, 256);  // now at 15000, inside the loop
    ASSERT_EQ(position, 15000);
    // Moved while playing: the new B is ahead, so the next seam is at 20000, back to 12000.
    ASSERT_TRUE(f.region.set(12000, 20000));
    auto out = f.render(position, 5000 + 2 * 8000 + 500, 256);
    for (int j = 0; j < 5000; ++j) ASSERT_EQ(out[j], f.song.at(15000 + j)) << j;
    // From the seam on: passes of the new loop, each starting with the crossfade.
    const LoopBounds loop = f.region.bounds();
    for (std::size_t j = 5000; j < out.size(); ++j)
        ASSERT_NEAR(
            out[j],
            expectedLooped(f.song, loop, 240, loop.length() + static_cast<std::int64_t>(j) - 5000),
            1e-6)
            << j;
    EXPECT_NE(out[5000], f.song.at(12000));  // crossfaded...
    EXPECT_EQ(out[5240], f.song.at(12240));  // ...then the source itself

    // B moved behind the play position: the loop is not engaged, playback carries on.
    ASSERT_TRUE(f.region.set(1000, 5000));
    const std::int64_t before = position;
    out = f.render(position, 10000, 256);
    for (int j = 0; j < 10000; ++j) ASSERT_EQ(out[j], f.song.at(before + j)) << j;
    // Switched off: no wrap at B either.
    ASSERT_TRUE(f.region.set(before + 10000, before + 15000));
    ASSERT_TRUE(f.region.setEnabled(false));
    out = f.render(position, 10000, 256);
    EXPECT_EQ(position, before + 20000);
    EXPECT_EQ(out.back(), f.song.at(before + 19999));
}

TEST(LoopPlayer, ScheduledJumpHappensOnItsFrameWithTheSeamCrossfade) {
    Fixture f(rampSong(100000));
    std::int64_t position = 1000;
    f.player.scheduleJump(6000, 50000);
    EXPECT_TRUE(f.player.jumpPending());
    const auto out = f.render(position, 10000, 333);
    EXPECT_FALSE(f.player.jumpPending());
    for (int j = 0; j < 5000; ++j) ASSERT_EQ(out[j], f.song.at(1000 + j)) << j;
    // The seam's crossfade: from the audio after 6000 into the audio at 50000.
    for (int k = 0; k < 240; ++k) {
        const double in = std::sin(0.5 * std::numbers::pi * (k + 0.5) / 240);
        const double fadeOut = std::sin(0.5 * std::numbers::pi * (240 - k - 0.5) / 240);
        ASSERT_NEAR(out[5000 + k], f.song.at(50000 + k) * in + f.song.at(6000 + k) * fadeOut, 1e-6);
    }
    for (int j = 5240; j < 10000; ++j) ASSERT_EQ(out[j], f.song.at(50000 + j - 5000)) << j;
    EXPECT_EQ(position, 55000);
}

TEST(LoopPlayer, ASeamCrossfadeCarriesIntoTheNextBlockWithNoLoopOrJumpLeft) {
    // The seam 100 frames before a block's end: the next block has no loop and no jump ahead
    // (the steady state's shortcut) but must still play the crossfade's last 140 frames.
    Fixture f(rampSong(100000));
    std::int64_t position = 1000;
    f.player.scheduleJump(1000 + 256 - 100, 50000);
    const auto out = f.render(position, 3 * 256, 256);
    EXPECT_FALSE(f.player.jumpPending());
    const int fade = f.player.crossfadeFrames();
    ASSERT_GT(fade, 100);
    for (int k = 0; k < fade; ++k) {
        const double in = std::sin(0.5 * std::numbers::pi * (k + 0.5) / fade);
        const double fadeOut = std::sin(0.5 * std::numbers::pi * (fade - k - 0.5) / fade);
        ASSERT_NEAR(out[static_cast<std::size_t>(156 + k)],
                    f.song.at(50000 + k) * in + f.song.at(1156 + k) * fadeOut, 1e-6)
            << k;
    }
    // Then the source itself, bit for bit.
    for (int j = 156 + fade; j < 3 * 256; ++j)
        ASSERT_EQ(out[static_cast<std::size_t>(j)], f.song.at(50000 + j - 156)) << j;
    EXPECT_EQ(position, 50000 + 3 * 256 - 156);
}

TEST(LoopPlayer, BlocksLongerThanTheMaxChunkReachTheSourceInChunks) {
    // No loop, no jump: the source is still never asked for more than the max chunk (it
    // checks every request).
    Fixture f(rampSong(100000));
    std::int64_t position = 777;
    const auto out = f.render(position, 3 * kMaxChunk + 5, 3 * kMaxChunk + 5);
    for (int j = 0; j < 3 * kMaxChunk + 5; ++j)
        ASSERT_EQ(out[static_cast<std::size_t>(j)], f.song.at(777 + j)) << j;
    EXPECT_EQ(position, 777 + 3 * kMaxChunk + 5);
}

TEST(LoopPlayer, JumpBeyondTheLoopEndLeavesAtTheLoopEnd) {
    Fixture f(rampSong(100000));
    ASSERT_TRUE(f.region.set(10000, 20000));
    ASSERT_TRUE(f.region.setEnabled(true));
    std::int64_t position = 15000;
    f.player.scheduleJump(25000, 60000);
    f.render(position, 5000, 256);
    EXPECT_EQ(position, 60000);  // left at B = 20000 instead of wrapping
    EXPECT_FALSE(f.player.jumpPending());
}

TEST(LoopPlayer, ResetForgetsTheCrossfadeAndTheJump) {
    Fixture f(rampSong(100000));
    ASSERT_TRUE(f.region.set(10000, 20000));
    ASSERT_TRUE(f.region.setEnabled(true));
    std::int64_t position = 19900;
    f.render(position, 200, 200);  // wrapped 100 frames ago: crossfading
    EXPECT_TRUE(f.player.crossfading());
    f.player.scheduleJump(15000, 0);
    f.player.reset();
    EXPECT_FALSE(f.player.crossfading());
    EXPECT_FALSE(f.player.jumpPending());
    position = 70000;  // the transport's seek
    const auto out = f.render(position, 1000, 256);
    for (int j = 0; j < 1000; ++j) ASSERT_EQ(out[j], f.song.at(70000 + j));
}

TEST(LoopPlayer, OfflinePassesLastExactlyNTimesTheLoop) {
    Song song = rampSong(100000);
    LoopRegion region;
    region.prepare(kRate, song.length());
    ASSERT_TRUE(region.set(12345, 34567));
    EXPECT_FALSE(region.enabled());  // the offline render does not need the live switch
    for (int loops : {1, 2, 5}) {
        std::vector<float> out;
        const std::int64_t frames = audio::renderLoopPasses(
            region, loops, 1000, song.source(), [&out](const float* l, const float* r, int n) {
                for (int i = 0; i < n; ++i) ASSERT_EQ(l[i], r[i]);
                out.insert(out.end(), l, l + n);
            });
        const std::int64_t length = 34567 - 12345;
        EXPECT_EQ(frames, loops * length);
        EXPECT_EQ(audio::loopPassesLength(region.bounds(), loops), loops * length);
        ASSERT_EQ(static_cast<std::int64_t>(out.size()), loops * length);
        EXPECT_EQ(out.front(), song.at(12345));  // starts on A
        EXPECT_EQ(out.back(), song.at(34566));   // and ends on B, as authored
        expectLooped(out, song, region.bounds(), 240);
    }
    LoopRegion none;
    none.prepare(kRate, song.length());
    EXPECT_EQ(audio::renderLoopPasses(none, 3, 1000, song.source(),
                                      [](const float*, const float*, int) { FAIL(); }),
              0);
}

}  // namespace unity_LoopPlayerTest
