#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "AudioFiles.h"
#include "stemdeck/audio/click/ClickGenerator.h"
#include "stemdeck/audio/timeline/BeatGrid.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ClickGeneratorTest {

using namespace stemdeck;
using audio::BeatGrid;
using audio::ClickGenerator;
using audio::TimeSignature;

namespace {
constexpr int kRate = 48000;

// Renders song frames [from, from + frames) of the metronome in blocks; returns the left
// channel (and checks the right is the same).
std::vector<float> renderSong(ClickGenerator& click, std::int64_t from, int frames, int block,
                              double rate = 1.0) {
    std::vector<float> left(static_cast<std::size_t>(frames)), right(left.size());
    for (int off = 0; off < frames; off += block) {
        const int n = std::min(block, frames - off);
        click.render(static_cast<double>(from) + off * rate, n, left.data() + off,
                     right.data() + off, rate);
    }
    EXPECT_EQ(left, right);
    return left;
}

// Frames where sound starts after at least `gap` frames of silence.
std::vector<std::int64_t> onsets(const std::vector<float>& signal, int gap = 100) {
    std::vector<std::int64_t> found;
    std::int64_t lastSound = -gap - 1;
    for (std::size_t i = 0; i < signal.size(); ++i) {
        if (signal[i] == 0.0f) continue;
        const auto at = static_cast<std::int64_t>(i);
        if (at - lastSound > gap) found.push_back(at);
        lastSound = at;
    }
    return found;
}

float peakAround(const std::vector<float>& signal, std::int64_t at, int frames) {
    float peak = 0.0f;
    for (std::int64_t i = at; i < at + frames && i < static_cast<std::int64_t>(signal.size()); ++i)
        peak = std::max(peak, std::abs(signal[static_cast<std::size_t>(i)]));
    return peak;
}
}  // namespace

TEST(BeatGrid, PlacesEveryBeatOnItsOwnRoundedFrame) {
    // 128 BPM at 44.1 kHz: 20671.875 frames per beat, never a whole number.
    const BeatGrid grid(128.0, {4, 4}, 1000, 44100);
    EXPECT_DOUBLE_EQ(grid.framesPerBeat(), 20671.875);
    for (std::int64_t k = -10; k < 1000; ++k)
        ASSERT_EQ(grid.beatFrame(k), 1000 + std::llround(k * 20671.875)) << k;
    EXPECT_EQ(grid.barFrame(1), grid.beatFrame(4));
    EXPECT_EQ(grid.barFrame(-1), grid.beatFrame(-4));
}

TEST(BeatGrid, FindsTheFirstBeatAndBarAtOrAfterAFrame) {
    const BeatGrid grid(128.0, {3, 4}, 5000, 44100);
    for (std::int64_t k = -5; k < 200; ++k) {
        const std::int64_t beat = grid.beatFrame(k);
        ASSERT_EQ(grid.firstBeatAtOrAfter(beat), k);
        ASSERT_EQ(grid.firstBeatAtOrAfter(beat - 1), k);
        ASSERT_EQ(grid.firstBeatAtOrAfter(beat + 1), k + 1);
    }
    EXPECT_EQ(grid.firstBarAtOrAfter(grid.barFrame(2)), 2);
    EXPECT_EQ(grid.firstBarAtOrAfter(grid.barFrame(2) + 1), 3);
    EXPECT_EQ(grid.firstBarAtOrAfter(grid.beatFrame(-5)), -1);  // a pickup before beat 1
    EXPECT_EQ(grid.firstBarAtOrAfter(grid.beatFrame(-6)), -2);
    EXPECT_TRUE(grid.isDownbeat(-3));
    EXPECT_FALSE(grid.isDownbeat(-2));
}

TEST(BeatGrid, TempoCountsQuarterNotesAndTheBeatIsTheSignaturesUnit) {
    EXPECT_DOUBLE_EQ(BeatGrid(120.0, {4, 4}, 0, kRate).framesPerBeat(), 24000.0);
    EXPECT_DOUBLE_EQ(BeatGrid(120.0, {6, 8}, 0, kRate).framesPerBeat(), 12000.0);
    EXPECT_DOUBLE_EQ(BeatGrid(120.0, {2, 2}, 0, kRate).framesPerBeat(), 48000.0);
    EXPECT_EQ(BeatGrid(1000.0, {4, 4}, 0, kRate).bpm(), BeatGrid::kMaxBpm);
    EXPECT_EQ(BeatGrid(1.0, {4, 4}, 0, kRate).bpm(), BeatGrid::kMinBpm);
    EXPECT_FALSE((TimeSignature{4, 3}.valid()));
    EXPECT_FALSE((TimeSignature{0, 4}.valid()));
    EXPECT_TRUE((TimeSignature{7, 8}.valid()));
    EXPECT_EQ(BeatGrid(120.0, {4, 3}, 0, kRate).signature().beatUnit, 4);  // invalid: 4/4
}

TEST(ClickGenerator, ClicksStartExactlyOnTheirBeats) {
    ClickGenerator click;
    click.prepare(kRate);
    click.setEnabled(true);
    ASSERT_TRUE(click.setGrid(120.0, {4, 4}, 1000));
    for (int block : {1, 64, 333, 4096}) {
        const auto out = renderSong(click, 0, 5 * kRate, block);
        const auto found = onsets(out);
        ASSERT_EQ(found.size(), 10u) << block;
        for (std::size_t k = 0; k < found.size(); ++k)
            EXPECT_EQ(found[k], 1000 + 24000 * static_cast<std::int64_t>(k)) << block;
        // Nothing rings into the next beat: each click is over well before it.
        EXPECT_EQ(out[1000 + 24000 - 1], 0.0f);
        EXPECT_NE(out[1000], 0.0f);
    }
}

TEST(ClickGenerator, RendersTheSameInAnyBlocksAndFromAnyStart) {
    ClickGenerator click;
    click.prepare(kRate);
    click.setEnabled(true);
    ASSERT_TRUE(click.setGrid(97.0, {7, 8}, 333));
    const auto whole = renderSong(click, 0, 3 * kRate, 3 * kRate);
    EXPECT_EQ(renderSong(click, 0, 3 * kRate, 77), whole);
    // Starting in the middle of a click (after a seek) plays the rest of it.
    const std::int64_t start = 333 + 100;
    const auto tail = renderSong(click, start, kRate, 256);
    for (int i = 0; i < kRate; ++i)
        ASSERT_EQ(tail[static_cast<std::size_t>(i)], whole[static_cast<std::size_t>(start + i)]);
}

TEST(ClickGenerator, AccentsTheDownbeat) {
    ClickGenerator click;
    click.prepare(kRate);
    click.setEnabled(true);
    ASSERT_TRUE(click.setGrid(120.0, {3, 4}, 0));
    const auto out = renderSong(click, 0, 6 * 24000, 512);
    const int length = click.clickFrames();
    for (int beat = 0; beat < 6; ++beat) {
        const float peak = peakAround(out, beat * 24000, length);
        const float accent = peakAround(out, (beat / 3) * 3 * 24000, length);
        if (beat % 3 == 0) {
            EXPECT_NEAR(peak, ClickGenerator::kDefaultLevel, 0.05f);
        } else {
            EXPECT_GT(accent, 1.8f * peak) << beat;  // 6 dB down
            EXPECT_GT(peak, 0.0f);
        }
    }
    // And at another pitch: 1.5 kHz against 1 kHz.
    const std::vector<float> accentClick(out.begin(), out.begin() + length);
    const std::vector<float> beatClick(out.begin() + 24000, out.begin() + 24000 + length);
    EXPECT_NEAR(test::dominantFrequency(accentClick, kRate, 500.0, 2000.0, 10.0), 1500.0, 40.0);
    EXPECT_NEAR(test::dominantFrequency(beatClick, kRate, 500.0, 2000.0, 10.0), 1000.0, 40.0);
}

TEST(ClickGenerator, LevelAndSwitch) {
    ClickGenerator click;
    click.prepare(kRate);
    ASSERT_TRUE(click.setGrid(120.0, {4, 4}, 0));
    EXPECT_FALSE(click.enabled());  // off until asked for
    auto out = renderSong(click, 0, kRate, 256);
    EXPECT_TRUE(std::all_of(out.begin(), out.end(), [](float s) { return s == 0.0f; }));
    click.setEnabled(true);
    click.setLevel(0.25f);
    out = renderSong(click, 0, kRate, 256);
    EXPECT_NEAR(peakAround(out, 0, click.clickFrames()), 0.25f, 0.03f);
    click.setLevel(3.0f);
    EXPECT_EQ(click.level(), 1.0f);
    EXPECT_FALSE(click.setGrid(120.0, {4, 5}, 0));
    EXPECT_EQ(click.grid().signature().beatUnit, 4);  // refused: unchanged
}

TEST(ClickGenerator, CountInOfTwoBarsAt120Is4SecondsWith8Clicks) {
    ClickGenerator click;
    click.prepare(kRate);
    ASSERT_TRUE(click.setGrid(120.0, {4, 4}, 12345));  // the song's origin plays no part
    const std::int64_t frames = click.countInFrames(2);
    EXPECT_EQ(frames, 4 * kRate);
    // Rendered past its end, in odd blocks: 8 clicks on the beats, accents on 1 and 5.
    std::vector<float> left(static_cast<std::size_t>(frames + kRate)), right(left.size());
    for (std::int64_t off = 0; off < static_cast<std::int64_t>(left.size()); off += 1000) {
        const int n = static_cast<int>(std::min<std::int64_t>(1000, left.size() - off));
        click.renderCountIn(off, n, 2, left.data() + off, right.data() + off);
    }
    EXPECT_EQ(left, right);
    const auto found = onsets(left);
    ASSERT_EQ(found.size(), 8u);
    for (std::size_t k = 0; k < 8; ++k) EXPECT_EQ(found[k], 24000 * static_cast<std::int64_t>(k));
    const int length = click.clickFrames();
    EXPECT_GT(peakAround(left, 0, length), 1.8f * peakAround(left, 24000, length));
    EXPECT_GT(peakAround(left, 4 * 24000, length), 1.8f * peakAround(left, 5 * 24000, length));
    for (std::int64_t i = frames - 1000; i < static_cast<std::int64_t>(left.size()); ++i)
        ASSERT_EQ(left[static_cast<std::size_t>(i)], 0.0f) << i;
    EXPECT_EQ(click.countInFrames(0), 0);
    EXPECT_EQ(click.countInFrames(1), 2 * kRate);
}

TEST(ClickGenerator, FollowsTheBeatsOfStretchedPlayback) {
    ClickGenerator click;
    click.prepare(kRate);
    click.setEnabled(true);
    ASSERT_TRUE(click.setGrid(120.0, {4, 4}, 0));
    // At tempo 0.8 the music's beats are 30000 output frames apart; the click itself keeps
    // its length and pitch.
    const auto out = renderSong(click, 0, 4 * 30000, 256, 0.8);
    const auto found = onsets(out);
    ASSERT_EQ(found.size(), 4u);
    for (std::size_t k = 0; k < 4; ++k) EXPECT_EQ(found[k], 30000 * static_cast<std::int64_t>(k));
    int sounding = 0;
    for (int i = 0; i < 30000; ++i) sounding += out[static_cast<std::size_t>(i)] != 0.0f;
    EXPECT_EQ(sounding, click.clickFrames());
}

TEST(ClickGenerator, FollowsAGridChangedWhilePlaying) {
    ClickGenerator click;
    click.prepare(kRate);
    click.setEnabled(true);
    ASSERT_TRUE(click.setGrid(120.0, {4, 4}, 0));
    auto out = renderSong(click, 0, kRate, 256);
    ASSERT_TRUE(click.setGrid(60.0, {4, 4}, 10));
    out = renderSong(click, kRate, 3 * kRate, 256);
    const auto found = onsets(out);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0], 10);  // song frame 48010: beat 2 of the new grid
    EXPECT_EQ(found[1], found[0] + 48000);
}

}  // namespace unity_ClickGeneratorTest
