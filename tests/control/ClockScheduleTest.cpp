// ClockSchedule: MIDI clock ticks from the song's grid and the engine's anchors, at three
// tempo settings, and the Start/Stop/Continue/SPP sequences of play, pause, seek and jump.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "stemdeck/control/midi/ClockSchedule.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ClockScheduleTest {

using stemdeck::audio::ClockAnchor;
using stemdeck::control::midi::ClockEvent;
using stemdeck::control::midi::ClockSchedule;

namespace {

constexpr int kRate = 48000;
constexpr int kBlock = 256;
constexpr std::int64_t kBlockNs = 1'000'000'000LL * kBlock / kRate;

// The engine and a sender in lockstep: each block the engine publishes an anchor (the song
// frame heard two blocks from now, as an output latency would have it) and the sender asks
// for the events due before the end of its cycle.
struct Sim {
    ClockSchedule schedule;
    ClockAnchor anchor;
    std::int64_t nowNs = 1'000'000'000;  // sender's cycle start
    double songFrame = 0.0;
    double tempo = 1.0;
    bool rolling = false;
    // Output frames of count-in still to play (a multiple of kBlock): while it lasts the song
    // stands still and the anchor says how much is left after each block.
    std::int64_t countIn = 0;
    std::vector<ClockEvent> events;

    explicit Sim(double bpm = 120.0, std::int64_t origin = 0) {
        anchor.bpm = bpm;
        anchor.gridOrigin = origin;
        anchor.sampleRate = kRate;
    }
    void block() {
        const bool countingIn = rolling && countIn > 0;
        if (countingIn)
            countIn -= kBlock;
        else if (rolling)
            songFrame += kBlock * tempo;
        anchor.outFrames += kBlock;
        anchor.rawNs = nowNs + 2 * kBlockNs;
        anchor.songFrame = std::llround(songFrame);
        anchor.songFramesPerOutFrame = tempo;
        // The block that ends the count-in already rolls: the song is heard from its end on.
        anchor.rolling = rolling && countIn == 0 ? 1u : 0u;
        anchor.countInLeft = static_cast<std::uint32_t>(rolling ? countIn : 0);
        ClockEvent out[16];
        const int n = schedule.advance(anchor, nowNs + kBlockNs, out, 16);
        events.insert(events.end(), out, out + n);
        nowNs += kBlockNs;
    }
    void run(double seconds) {
        const auto blocks = static_cast<int>(seconds * kRate / kBlock);
        for (int i = 0; i < blocks; ++i) block();
    }
    void seek(double frame) {
        songFrame = frame;
        ++anchor.epoch;
    }
    std::vector<std::int64_t> tickTimes() const {
        std::vector<std::int64_t> times;
        for (const auto& e : events)
            if (e.bytes[0] == 0xF8) times.push_back(e.dueNs);
        return times;
    }
    // The status bytes other than ticks, in order (an SPP as F2 then its value in 16ths).
    std::vector<int> statuses() const {
        std::vector<int> s;
        for (const auto& e : events) {
            if (e.bytes[0] == 0xF8) continue;
            s.push_back(e.bytes[0]);
            if (e.bytes[0] == 0xF2) s.push_back(e.bytes[1] | (e.bytes[2] << 7));
        }
        return s;
    }
};

class ClockTempo : public ::testing::TestWithParam<double> {};

TEST_P(ClockTempo, TicksFollowTheGridTimesTheTempo) {
    const double tempo = GetParam();
    for (double bpm : {120.0, 97.0}) {
        Sim sim(bpm);
        sim.tempo = tempo;
        sim.rolling = true;
        const std::int64_t start = sim.nowNs + kBlockNs;  // song frame 0 is heard here
        sim.run(2.0);
        const auto ticks = sim.tickTimes();
        ASSERT_GE(ticks.size(), 2u);
        ASSERT_EQ(sim.events.front().bytes[0], 0xFA) << "Start before the first tick";
        EXPECT_EQ(sim.events[1].bytes[0], 0xF8);
        const double spacingNs = 60e9 / (bpm * 24.0) / tempo;
        EXPECT_NEAR(static_cast<double>(ticks.front() - start), 0.0, 1e3)
            << "tick 0 is due when song frame 0 is heard";
        for (std::size_t i = 1; i < ticks.size(); ++i)
            ASSERT_NEAR(static_cast<double>(ticks[i] - ticks[i - 1]), spacingNs, 10.0) << i;
        // 2 s of output, minus the latency still to come at the end.
        const double expected =
            (2.0 - 1e-9 * static_cast<double>(start - 1'000'000'000)) * 48.0 * bpm / 120.0 * tempo;
        EXPECT_NEAR(static_cast<double>(ticks.size()), expected, 1.5) << "bpm " << bpm;
    }
}

INSTANTIATE_TEST_SUITE_P(Tempos, ClockTempo, ::testing::Values(0.5, 1.0, 1.5));

TEST(ClockSchedule, StartWaitsForTheFirstDownbeatOfTheGrid) {
    Sim sim(120.0, 12000);  // beat 1 a quarter second into the song
    sim.rolling = true;
    sim.run(1.0);
    const auto ticks = sim.tickTimes();
    ASSERT_FALSE(ticks.empty());
    ASSERT_EQ(sim.events.front().bytes[0], 0xFA);
    EXPECT_EQ(sim.events.front().dueNs, ticks.front());
    // Frame 12000 is heard 0.25 s after frame 0.
    EXPECT_NEAR(static_cast<double>(ticks.front() - (1'000'000'000 + kBlockNs)), 0.25e9, 1e3);
}

TEST(ClockSchedule, PauseStopsAndResumeContinuesOnTheNextSixteenth) {
    Sim sim;
    sim.rolling = true;
    sim.run(1.0);
    sim.rolling = false;
    sim.run(0.5);
    const std::size_t ticksWhenPaused = sim.tickTimes().size();
    const std::vector<int> paused = sim.statuses();
    EXPECT_EQ(paused, (std::vector<int>{0xFA, 0xFC}));
    sim.run(0.5);
    EXPECT_EQ(sim.tickTimes().size(), ticksWhenPaused) << "no ticks while stopped";
    const double pausedAt = sim.songFrame;
    sim.rolling = true;
    sim.run(0.5);
    // 16ths of 6000 frames at 120 BPM: resume on the next one, after SPP + Continue.
    const int spp = static_cast<int>(std::ceil((pausedAt + kBlock) / 6000.0));
    EXPECT_EQ(sim.statuses(), (std::vector<int>{0xFA, 0xFC, 0xF2, spp, 0xFB}));
    EXPECT_GT(sim.tickTimes().size(), ticksWhenPaused);
}

// A bar of count-in (4/4 at 120 BPM x the tempo): ticks at the count-in's tempo from its
// first block on, Start with the tick of the song's first beat, exactly where the count-in ends.
TEST_P(ClockTempo, CountInTicksThenStartOnTheFirstBeat) {
    const double tempo = GetParam();
    Sim sim;
    sim.tempo = tempo;
    sim.rolling = true;
    sim.countIn = std::llround(96000.0 / tempo / kBlock) * kBlock;
    const double countInNs = 1e9 * static_cast<double>(sim.countIn) / kRate;
    const std::int64_t heardFrom = sim.nowNs + kBlockNs;  // the count-in's first frame
    sim.run(countInNs * 1e-9 + 1.0);
    ASSERT_EQ(sim.statuses(), (std::vector<int>{0xFA}));
    std::size_t start = 0;
    while (sim.events[start].bytes[0] != 0xFA) ++start;
    EXPECT_NEAR(static_cast<double>(sim.events[start].dueNs - heardFrom), countInNs, 1e3)
        << "Start where the count-in ends";
    ASSERT_EQ(sim.events[start + 1].bytes[0], 0xF8);
    EXPECT_EQ(sim.events[start + 1].dueNs, sim.events[start].dueNs);
    // All but the tick of the count-in's first block: 24 a beat, 4 beats.
    EXPECT_EQ(start, 95u);
    const double spacingNs = 60e9 / (120.0 * 24.0) / tempo;
    const auto ticks = sim.tickTimes();
    for (std::size_t i = 1; i < ticks.size(); ++i)
        ASSERT_NEAR(static_cast<double>(ticks[i] - ticks[i - 1]), spacingNs, 10.0) << i;
}

// A count-in before a resume mid-song: its ticks on the song's grid, then SPP + Continue on
// the first 16th the song reaches; a pause during the count-in sends no Stop (no Start yet).
TEST(ClockSchedule, CountInBeforeAResumeContinuesAndAPauseInItSendsNothing) {
    Sim sim;
    sim.songFrame = 6000.0 * 10 + 100;  // just past the 10th 16th
    sim.rolling = true;
    sim.countIn = 96000;
    sim.run(1.0);
    EXPECT_GT(sim.tickTimes().size(), 40u);
    sim.rolling = false;
    sim.run(0.2);
    EXPECT_TRUE(sim.statuses().empty()) << "no Stop for a receiver never started";
    sim.events.clear();
    sim.rolling = true;
    sim.countIn = 96000;
    sim.run(2.5);
    EXPECT_EQ(sim.statuses(), (std::vector<int>{0xF2, 11, 0xFB}));
}

TEST(ClockSchedule, JumpWhilePlayingSendsStopPositionContinue) {
    Sim sim;
    sim.rolling = true;
    sim.run(0.5);
    sim.seek(10 * 48000.0);  // 10 s: 80 16ths at 120 BPM
    sim.run(0.5);
    const auto s = sim.statuses();
    ASSERT_EQ(s.size(), 5u);
    EXPECT_EQ(s[0], 0xFA);
    EXPECT_EQ(s[1], 0xFC);
    EXPECT_EQ(s[2], 0xF2);
    EXPECT_EQ(s[3], 81) << "the first 16th after the block that jumped";
    EXPECT_EQ(s[4], 0xFB);
    // The Continue comes with the first tick after the jump, both on the same 16th.
    for (std::size_t i = 0; i + 1 < sim.events.size(); ++i)
        if (sim.events[i].bytes[0] == 0xFB) {
            EXPECT_EQ(sim.events[i + 1].bytes[0], 0xF8);
            EXPECT_EQ(sim.events[i + 1].dueNs, sim.events[i].dueNs);
        }
}

TEST(ClockSchedule, SeekWhileStoppedSendsOnlyThePosition) {
    Sim sim;
    sim.run(0.2);
    EXPECT_TRUE(sim.events.empty()) << "stopped: nothing at all";
    sim.seek(6000.0 * 33 + 10);  // just past the 33rd 16th
    sim.run(0.2);
    EXPECT_EQ(sim.statuses(), (std::vector<int>{0xF2, 34}));
    EXPECT_TRUE(sim.tickTimes().empty());
}

TEST(ClockSchedule, AStaleAnchorStopsTheClock) {
    Sim sim;
    sim.rolling = true;
    sim.run(0.5);
    // The engine stops publishing (its output closed while playing).
    ClockEvent out[16];
    const int n = sim.schedule.advance(sim.anchor, sim.nowNs + 2'000'000'000, out, 16);
    ASSERT_EQ(n, 1);
    EXPECT_EQ(out[0].bytes[0], 0xFC);
    EXPECT_FALSE(sim.schedule.running());
}

TEST(ClockSchedule, EventsThatDoNotFitWaitForTheNextCall) {
    Sim sim;
    sim.rolling = true;
    sim.block();
    ClockEvent out[1];
    // Far ahead: many ticks due, one slot; FA + tick need two, so nothing fits yet.
    EXPECT_EQ(sim.schedule.advance(sim.anchor, sim.nowNs + 40'000'000, out, 1), 0);
    ClockEvent more[8];
    const int n = sim.schedule.advance(sim.anchor, sim.nowNs + 40'000'000, more, 8);
    ASSERT_GE(n, 2);
    EXPECT_EQ(more[0].bytes[0], 0xFA);
    EXPECT_EQ(more[1].bytes[0], 0xF8);
}

TEST(ClockSchedule, NothingBeforeTheFirstAnchor) {
    ClockSchedule schedule;
    ClockAnchor none;  // as a sender holds it before the engine published any
    none.epoch = 0;
    ClockEvent out[4];
    EXPECT_EQ(schedule.advance(none, 1'000'000'000, out, 4), 0);
    ClockAnchor first = none;
    first.outFrames = kBlock;
    first.epoch = 1;  // the engine's first song: no seek to report
    first.rawNs = 999'000'000;
    EXPECT_EQ(schedule.advance(first, 1'000'000'000, out, 4), 0);
}

TEST(ClockSchedule, SongPositionIsClampedToFourteenBits) {
    ClockAnchor a;
    a.sampleRate = kRate;
    EXPECT_EQ(ClockSchedule::sixteenthAtOrAfter(a, -5000.0), 0);
    EXPECT_EQ(ClockSchedule::sixteenthAtOrAfter(a, 6000.0), 1);
    EXPECT_EQ(ClockSchedule::sixteenthAtOrAfter(a, 1e12), 16383);
}

}  // namespace

}  // namespace unity_ClockScheduleTest
