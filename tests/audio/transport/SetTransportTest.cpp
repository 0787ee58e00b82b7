// SetTransport: two songs in one stream. The hand-over (the current song changes, the finished
// one comes back to the control thread), a stop that leaves the next song cued and silent, and
// a segue into a song still being decoded (it buffers in silence, then plays from its start).
#include <gtest/gtest.h>

#include <cmath>
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

// A segue between two stretched songs (a set entry's tempo) is gapless on a live stream too:
// the next song's stretcher is primed while the current song plays out, so the seam has no
// restart silence (7-43 ms of it when the restart waited for the hand-over).
TEST(SetTransport, ASegueBetweenStretchedSongsHasNoSilenceAtTheSeam) {
    for (const bool spread : {true, false}) {
        SCOPED_TRACE(spread ? "spread restarts (live)" : "restarts at once (offline)");
        auto sine = [](double hz, int frames) {
            std::vector<float> v(static_cast<std::size_t>(frames));
            for (int i = 0; i < frames; ++i)
                v[i] = 0.5f * static_cast<float>(std::sin(2.0 * 3.14159265358979 * hz * i / kRate));
            return v;
        };
        TestSong first(0.0f, 0), second(0.0f, 0);
        first.song = test::MemorySong(kRate).mono("a", sine(440.0, kRate)).build();
        second.song = test::MemorySong(kRate).mono("a", sine(330.0, 2 * kRate)).build();
        audio::TransportSetup setup;
        setup.timeStretch = true;
        setup.spreadRestarts = spread;
        SongTransition segue;
        segue.kind = Kind::Segue;
        auto a = std::make_unique<SongUnit>(first.song, first.mix, kRate, segue, setup);
        auto b =
            std::make_unique<SongUnit>(second.song, second.mix, kRate, SongTransition{}, setup);
        a->transport().setTempo(0.9);
        b->transport().setTempo(0.9);
        SetTransport set;
        set.start(std::move(a));
        ASSERT_TRUE(set.cue(std::move(b)));
        set.play();
        const auto out = render(set, 3 * kRate);
        ASSERT_EQ(set.handOvers(), 1);
        // From when the first song sounds to well into the second: every 5 ms window carries
        // the sine (RMS 0.35). A restart's silence (25 ms of it at 256 frames, before the
        // preroll) shows as a window near 0; the stretcher's 5 ms fade-in after priming (as
        // after a count-in) takes one window to about 0.2, and is allowed.
        int start = 0;
        while (start < 3 * kRate && std::abs(out[start]) < 0.05f) ++start;
        ASSERT_LT(start, kRate / 5) << "the first song never sounded";
        const int window = kRate / 200;
        const int seam = static_cast<int>(kRate / 0.9);
        for (int at = start + window; at + window < seam + kRate / 2; at += window / 2) {
            double sum = 0.0;
            for (int i = at; i < at + window; ++i) sum += static_cast<double>(out[i]) * out[i];
            ASSERT_GT(std::sqrt(sum / window), 0.1)
                << "quiet at " << at << " (seam near " << seam << ")";
        }
    }
}

}  // namespace unity_SetTransportTest
