// SetTransport: two songs in one stream. The hand-over (the current song changes, the finished
// one comes back to the control thread), a stop that leaves the next song cued and silent, and
// a segue into a song still being decoded (it buffers in silence, then plays from its start).
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "MemorySong.h"
#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/transport/SetTransport.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SetTransportTest {

using namespace stemdeck;
using audio::MixControls;
using audio::SetTransport;
using audio::SongTransition;
using audio::SongUnit;
using Kind = SongTransition::Kind;
using Phase = SetTransport::Phase;

namespace {
constexpr int kRate = 48000;

struct TestSong {
    TestSong(float value, int frames)
        : song(test::MemorySong(kRate)
                   .mono("a", std::vector<float>(static_cast<std::size_t>(frames), value))
                   .build()),
          mix(1) {}
    audio::Song song;
    MixControls mix;
};

std::unique_ptr<SongUnit> unit(TestSong& s, Kind kind = Kind::Stop, double gap = 0.0) {
    SongTransition lead;
    lead.kind = kind;
    lead.gapSeconds = gap;
    return std::make_unique<SongUnit>(s.song, s.mix, kRate, lead);
}

// Renders `frames` in blocks of `block`; returns the left channel.
std::vector<float> render(SetTransport& set, int frames, int block = 256) {
    std::vector<float> out(static_cast<std::size_t>(frames) * 2);
    for (int at = 0; at < frames; at += block) {
        const audio::RealtimeScope realtime;
        set.process(out.data() + static_cast<std::ptrdiff_t>(at) * 2, std::min(block, frames - at),
                    2);
    }
    std::vector<float> left(static_cast<std::size_t>(frames));
    for (int i = 0; i < frames; ++i) left[i] = out[static_cast<std::size_t>(i) * 2];
    return left;
}
}  // namespace

TEST(SetTransport, StopLeavesTheNextSongCuedAndSilentUntilPlay) {
    TestSong first(0.5f, 1000), second(0.25f, 5000);
    SetTransport set;
    set.start(unit(first));
    ASSERT_TRUE(set.cue(unit(second)));
    EXPECT_FALSE(set.cue(unit(second))) << "a second cue before the first was taken";
    set.play();
    const auto out = render(set, 4000);
    for (int i = 0; i < 1000; ++i) ASSERT_EQ(out[i], 0.5f) << i;
    for (int i = 1000; i < 4000; ++i) ASSERT_EQ(out[i], 0.0f) << i;
    EXPECT_TRUE(set.consumeSongChanged());
    EXPECT_FALSE(set.consumeSongChanged()) << "raised once per hand-over";
    EXPECT_EQ(set.handOvers(), 1);
    ASSERT_NE(set.current(), nullptr);
    EXPECT_EQ(&set.current()->song(), &second.song);
    EXPECT_EQ(set.phase(), Phase::Single);
    EXPECT_FALSE(set.current()->transport().playRequested());
    set.collect();  // the first song's unit is freed here, on this thread

    set.play();
    const auto after = render(set, 1024);
    for (int i = 0; i < 1024; ++i) ASSERT_EQ(after[i], 0.25f) << i;
}

TEST(SetTransport, PhaseFollowsTheGap) {
    TestSong first(0.5f, 1000), second(0.25f, 5000);
    SetTransport set;
    set.start(unit(first, Kind::Gap, 0.1));
    EXPECT_EQ(set.phase(), Phase::Single);
    ASSERT_TRUE(set.cue(unit(second)));
    set.play();
    render(set, 512);
    EXPECT_EQ(set.phase(), Phase::Cued);
    render(set, 1024);
    EXPECT_EQ(set.phase(), Phase::Gap);
    EXPECT_EQ(&set.current()->song(), &first.song)
        << "the current song is the first until the gap ends";
    render(set, kRate / 10);
    EXPECT_EQ(set.phase(), Phase::Single);
    EXPECT_EQ(&set.current()->song(), &second.song);
    EXPECT_TRUE(set.current()->transport().playRequested());
}

TEST(SetTransport, PauseInAGapLeavesTheNextSongCued) {
    TestSong first(0.5f, 1000), second(0.25f, 5000);
    SetTransport set;
    set.start(unit(first, Kind::Gap, 1.0));
    ASSERT_TRUE(set.cue(unit(second)));
    set.play();
    render(set, 2048);
    ASSERT_EQ(set.phase(), Phase::Gap);
    set.pause();
    const auto out = render(set, kRate + 1024);
    for (float v : out) ASSERT_EQ(v, 0.0f);
    EXPECT_EQ(&set.current()->song(), &second.song);
    EXPECT_FALSE(set.current()->transport().playRequested());
}

TEST(SetTransport, SegueIntoASongStillDecodingBuffersInSilenceThenPlaysFromItsStart) {
    TestSong first(0.5f, 3000);
    // The next song's one stem is being decoded: nothing of it has arrived yet.
    const int length = 2 * kRate;
    TestSong second(0.0f, 0);
    second.song.frames = length;
    auto& stem = second.song.stems[0].audio;
    stem = audio::StemAudio(1, audio::SampleFormat::Float32);
    ASSERT_TRUE(stem.reserve(length));
    stem.setDecoding(true);

    SetTransport set;
    set.start(unit(first, Kind::Segue));
    ASSERT_TRUE(set.cue(unit(second)));
    set.play();
    const auto out = render(set, 8192, 1000);
    for (int i = 0; i < 3000; ++i) ASSERT_EQ(out[i], 0.5f) << i;
    for (int i = 3000; i < 8192; ++i) ASSERT_EQ(out[i], 0.0f) << "undecoded audio at " << i;
    ASSERT_EQ(&set.current()->song(), &second.song);
    EXPECT_TRUE(set.current()->transport().buffering());
    EXPECT_EQ(set.current()->transport().position(), 0) << "waits at its start";

    // The decoder catches up (all of it, and done): the song plays from its first frame.
    const std::vector<float> ramp = [&] {
        std::vector<float> v(static_cast<std::size_t>(length));
        for (int i = 0; i < length; ++i) v[i] = 0.1f + 0.8f * static_cast<float>(i) / length;
        return v;
    }();
    ASSERT_EQ(stem.append(ramp.data(), length), length);
    stem.setDecoding(false);
    const auto later = render(set, 4096, 1000);
    int first_ = 0;
    while (first_ < 4096 && later[first_] == 0.0f) ++first_;
    ASSERT_LT(first_, 4096) << "never played";
    for (int i = first_; i < 4096; ++i) ASSERT_FLOAT_EQ(later[i], ramp[i - first_]) << i;
    EXPECT_FALSE(set.current()->transport().buffering());
}

TEST(SetTransport, ACueThatComesAfterTheEndTransitionsAtOnce) {
    TestSong first(0.5f, 1000), second(0.25f, 5000);
    SetTransport set;
    set.start(unit(first, Kind::Segue));
    set.play();
    const auto alone = render(set, 4096);
    for (int i = 1000; i < 4096; ++i) ASSERT_EQ(alone[i], 0.0f) << i;
    EXPECT_EQ(set.handOvers(), 0);
    ASSERT_TRUE(set.cue(unit(second)));  // late: the first song ended blocks ago
    const auto after = render(set, 1024);
    EXPECT_EQ(set.handOvers(), 1);
    for (int i = 0; i < 1024; ++i) ASSERT_EQ(after[i], 0.25f) << i;
}

}  // namespace unity_SetTransportTest
