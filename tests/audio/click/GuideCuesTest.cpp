// Spoken guide cues in song time: placement one bar before a marker, start exactly on their
// frame at any tempo, only when crossed while playing, level and on/off, the click's pair only.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "AudioThread.h"
#include "MemorySong.h"
#include "stemdeck/audio/click/GuideCues.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/transport/Transport.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_GuideCuesTest {

using namespace stemdeck;
using audio::BeatGrid;
using audio::GuideCue;
using audio::GuideCues;

namespace {
constexpr int kRate = 48000;
constexpr int kClip = 2400;
constexpr std::int64_t kMarker = 120000;  // 2.5 s: bar 2, beat 3 at 120 BPM 4/4
const BeatGrid kGrid(120.0, {4, 4}, 0, kRate);

std::vector<GuideCue> oneCue() {
    const auto start = GuideCues::cueStart(kGrid, kMarker);
    return {GuideCue{start.value_or(-1), std::vector<float>(kClip, 0.5f)}};
}

// Renders output frames [0, frames) from song frame `from` at `rate` in blocks; the left
// channel (the right is checked equal).
std::vector<float> renderCues(GuideCues& cues, double from, int frames, double rate = 1.0,
                              int block = 256) {
    std::vector<float> left(static_cast<std::size_t>(frames)), right(left.size());
    for (int off = 0; off < frames; off += block) {
        const int n = std::min(block, frames - off);
        cues.render(from + off * rate, n, left.data() + off, right.data() + off, rate);
    }
    EXPECT_EQ(left, right);
    return left;
}

std::int64_t firstSound(const std::vector<float>& s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] != 0.0f) return static_cast<std::int64_t>(i);
    return -1;
}
std::int64_t soundingFrames(const std::vector<float>& s) {
    return std::count_if(s.begin(), s.end(), [](float v) { return v != 0.0f; });
}

GuideCues& prepared(GuideCues& cues) {
    cues.prepare(kRate);
    cues.setEnabled(true);
    cues.publish(oneCue(), kRate);
    return cues;
}
}  // namespace

TEST(GuideCues, StartsOneBarBeforeTheMarkerAndSkipsMarkersInTheFirstBar) {
    EXPECT_EQ(GuideCues::cueStart(kGrid, kMarker), kMarker - 96000);
    EXPECT_EQ(GuideCues::cueStart(kGrid, 96000), 0);
    EXPECT_FALSE(GuideCues::cueStart(kGrid, 95999).has_value());
    EXPECT_FALSE(GuideCues::cueStart(kGrid, 0).has_value());
    const BeatGrid waltz(90.0, {3, 4}, 0, kRate);  // a bar of 3 beats of 32000 frames
    EXPECT_EQ(GuideCues::cueStart(waltz, 200000), 200000 - 96000);
}

TEST(GuideCues, TheClipStartsExactlyOnItsFrameAtTempoOne) {
    GuideCues cues;
    const auto out = renderCues(prepared(cues), 0.0, 48000);
    EXPECT_EQ(firstSound(out), 24000);
    EXPECT_EQ(soundingFrames(out), kClip);
    // -6 dB (the default level), not ramped in: a cue starts at the level as it is.
    EXPECT_NEAR(out[24000], 0.5f * std::pow(10.0f, -6.0f / 20.0f), 1e-6f);
}

TEST(GuideCues, FollowsTheTempoWithoutStretchingTheVoice) {
    GuideCues cues;
    const auto out = renderCues(prepared(cues), 0.0, 48000, 0.8);
    EXPECT_EQ(firstSound(out), 30000);  // song frame 24000 at 0.8 song frames per output frame
    EXPECT_EQ(soundingFrames(out), kClip);
}

TEST(GuideCues, StartsAtAnyBlockSizeAndOffset) {
    for (int block : {1, 64, 333, 1024}) {
        GuideCues cues;
        const auto out = renderCues(prepared(cues), 1000.0, 30000, 1.0, block);
        EXPECT_EQ(firstSound(out), 23000) << block;
        EXPECT_EQ(soundingFrames(out), kClip) << block;
    }
}

TEST(GuideCues, NoCueAfterASeekPastItsStartAndNoneWhenOff) {
    GuideCues cues;
    prepared(cues);
    EXPECT_EQ(firstSound(renderCues(cues, 0.0, 20000)), -1);
    // Seek to a frame just past the start (mid-word): silence.
    EXPECT_EQ(firstSound(renderCues(cues, 24100.0, 20000)), -1);
    // Seek back before it: it plays again.
    EXPECT_EQ(firstSound(renderCues(cues, 20000.0, 20000)), 4000);

    // A seek while it speaks stops it.
    GuideCues cut;
    prepared(cut);
    renderCues(cut, 23000.0, 2000);
    EXPECT_EQ(firstSound(renderCues(cut, 30000.0, 4000)), -1);

    GuideCues off;
    prepared(off).setEnabled(false);
    EXPECT_EQ(firstSound(renderCues(off, 0.0, 48000)), -1);
}

// While off with nothing spoken a block costs nothing and is not followed (GuideCues::quiet):
// switched on while playing, the next cue still starts exactly on its frame, whatever the
// blocks before it; switched on past a cue's start, that cue stays silent (as after a seek).
TEST(GuideCues, SwitchedOnWhilePlayingTheNextCueStartsOnItsFrame) {
    for (int block : {1, 64, 1000}) {
        GuideCues cues;
        prepared(cues).setEnabled(false);
        EXPECT_FALSE(cues.quiet()) << "a published set waits to be taken";
        EXPECT_EQ(firstSound(renderCues(cues, 0.0, 20000, 1.0, block)), -1) << block;
        EXPECT_TRUE(cues.quiet());
        cues.setEnabled(true);
        EXPECT_FALSE(cues.quiet());
        const auto out = renderCues(cues, 20000.0, 8000, 1.0, block);
        EXPECT_EQ(firstSound(out), 4000) << block;  // song frame 24000
        EXPECT_EQ(soundingFrames(out), kClip) << block;

        GuideCues late;
        prepared(late).setEnabled(false);
        renderCues(late, 0.0, 24100, 1.0, block);
        late.setEnabled(true);
        EXPECT_EQ(firstSound(renderCues(late, 24100.0, 8000, 1.0, block)), -1) << block;
    }
    GuideCues none;  // no set: quiet even when on
    none.prepare(kRate);
    none.setEnabled(true);
    EXPECT_TRUE(none.quiet());
}

TEST(GuideCues, LevelIsApplied) {
    GuideCues cues;
    prepared(cues).setLevelDb(-20.0f);
    const auto out = renderCues(cues, 0.0, 48000);
    EXPECT_NEAR(out[24100], 0.05f, 1e-6f);
    cues.setLevelDb(-90.0f);  // clamped to the lowest level
    EXPECT_EQ(cues.levelDb(), GuideCues::kMinLevelDb);
}

TEST(GuideCues, ReplacedCuesAreTakenAtTheNextBlock) {
    GuideCues cues;
    prepared(cues);
    renderCues(cues, 0.0, 1024);
    cues.publish({GuideCue{2000, std::vector<float>(100, 1.0f)}}, kRate);
    cues.publish({GuideCue{3000, std::vector<float>(100, 1.0f)}}, kRate);  // frees the first
    const auto out = renderCues(cues, 1024.0, 4000);
    EXPECT_EQ(firstSound(out), 3000 - 1024);
    cues.collect();
    cues.publish({}, 44100);  // made at another rate: silent
    EXPECT_EQ(firstSound(renderCues(cues, 0.0, 30000)), -1);
}

TEST(GuideCues, TheSameCuesMadeAgainDoNotCutAWord) {
    GuideCues cues;
    prepared(cues);
    auto out = renderCues(cues, 23000.0, 2000);  // the cue starts at output frame 1000
    cues.publish(oneCue(), kRate);               // markers saved again: the same cue
    const auto rest = renderCues(cues, 25000.0, 4000);
    out.insert(out.end(), rest.begin(), rest.end());
    EXPECT_EQ(firstSound(out), 1000);
    EXPECT_EQ(soundingFrames(out), kClip);
}

TEST(GuideCues, TransportMixesThemOnTheClickPairOnly) {
    constexpr int kChannels = 4;
    const audio::Song song =
        test::MemorySong(kRate).mono("silence", std::vector<float>(3 * kRate, 0.0f)).build();
    audio::MixControls mix(song.stems.size());
    audio::Transport transport;
    transport.prepare(&song, &mix, kRate, audio::TransportSetup{2, false});
    ASSERT_TRUE(transport.routing().route(transport.routing().clickSource(), 1));
    transport.cues().setEnabled(true);
    transport.cues().publish(oneCue(), kRate);
    transport.play();
    constexpr int kFrames = 256 * 188;  // past the cue, whole blocks
    std::vector<float> out(static_cast<std::size_t>(kFrames) * kChannels);
    for (int off = 0; off < kFrames; off += 256)
        test::processBlock(transport, out.data() + static_cast<std::size_t>(off) * kChannels, 256,
                           kChannels);
    for (int c = 0; c < kChannels; ++c) {
        std::vector<float> ch(kFrames);
        for (std::size_t i = 0; i < ch.size(); ++i) ch[i] = out[i * kChannels + c];
        if (c < 2) {
            EXPECT_EQ(firstSound(ch), -1) << "channel " << c;
        } else {
            EXPECT_EQ(firstSound(ch), 24000) << "channel " << c;
            EXPECT_EQ(soundingFrames(ch), kClip) << "channel " << c;
        }
    }
}

}  // namespace unity_GuideCuesTest
