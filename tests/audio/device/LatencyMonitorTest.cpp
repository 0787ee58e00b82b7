#include <gtest/gtest.h>

#include <numeric>

#include "stemdeck/audio/device/LatencyMonitor.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_LatencyMonitorTest {

using stemdeck::audio::LatencyMonitor;
using stemdeck::audio::LatencyStats;

TEST(LatencyMonitor, OffByDefaultAndEmptyWindowIsZeros) {
    LatencyMonitor m;
    m.configure(48000, 256, 0.01);
    const LatencyStats s = m.stats();
    EXPECT_FALSE(s.enabled);
    EXPECT_EQ(s.callbacks, 0u);
    EXPECT_EQ(s.window, 0u);
    EXPECT_EQ(s.meanMs, 0.0);
    EXPECT_EQ(s.maxMs, 0.0);
    EXPECT_EQ(s.p99Ms, 0.0);
    EXPECT_EQ(s.loadPct, 0.0);
    EXPECT_NEAR(s.budgetMs, 256.0 / 48.0, 1e-9);
    EXPECT_NEAR(s.outputLatencyMs, 10.0, 1e-9);
}

TEST(LatencyMonitor, PercentilesOfAKnownWindow) {
    std::vector<std::int64_t> d(100);
    std::iota(d.begin(), d.end(), 1);
    for (auto& x : d) x *= 1'000'000;  // 1..100 ms, shuffled order must not matter
    std::swap(d[0], d[99]);
    LatencyStats s;
    LatencyMonitor::summarise(d, 200.0, s);
    EXPECT_EQ(s.window, 100u);
    EXPECT_DOUBLE_EQ(s.minMs, 1.0);
    EXPECT_DOUBLE_EQ(s.maxMs, 100.0);
    EXPECT_DOUBLE_EQ(s.meanMs, 50.5);
    EXPECT_DOUBLE_EQ(s.p50Ms, 50.0);
    EXPECT_DOUBLE_EQ(s.p95Ms, 95.0);
    EXPECT_DOUBLE_EQ(s.p99Ms, 99.0);
    EXPECT_DOUBLE_EQ(s.loadPct, 25.25);
    EXPECT_DOUBLE_EQ(s.peakLoadPct, 50.0);
}

TEST(LatencyMonitor, DspLoadJumpsUpAtOnceAndDecaysSlowly) {
    std::vector<std::int64_t> d(20, 1'000'000);
    d[10] = 9'000'000;  // one spike at 90 % of a 10 ms budget
    LatencyStats s;
    LatencyMonitor::summarise(d, 10.0, s);
    EXPECT_GT(s.dspLoadPct, 50.0);  // still high nine callbacks later
    EXPECT_LT(s.dspLoadPct, 90.0);  // but decaying
    d.assign(20, 1'000'000);
    LatencyMonitor::summarise(d, 10.0, s);
    EXPECT_NEAR(s.dspLoadPct, 10.0, 1e-9);
}

TEST(LatencyMonitor, RingWrapsAndKeepsTheNewestTimings) {
    LatencyMonitor m;
    m.configure(48000, 256, 0.0);
    m.setEnabled(true);
    const std::size_t total = LatencyMonitor::kCapacity * 3 + 17;
    for (std::size_t i = 0; i < total; ++i)
        m.record(i < total - 100 ? 1'000 : 2'000'000, 256);  // last 100: 2 ms
    const LatencyStats s = m.stats();
    EXPECT_EQ(s.callbacks, total);
    EXPECT_LE(s.window, LatencyMonitor::kCapacity);
    EXPECT_GT(s.window, LatencyMonitor::kCapacity / 2);
    EXPECT_DOUBLE_EQ(s.maxMs, 2.0);
    EXPECT_DOUBLE_EQ(s.minMs, 0.001);
    EXPECT_DOUBLE_EQ(s.p99Ms, 2.0);  // the newest 100 are in the top percentile
}

TEST(LatencyMonitor, CountsLateCallbacksAgainstTheirOwnBudget) {
    LatencyMonitor m;
    m.configure(48000, 256, 0.0);
    m.record(4'000'000, 256);  // 75 % of 5.33 ms: not late
    m.record(4'500'000, 256);  // 84 %: late
    m.record(4'500'000, 512);  // 42 % of a 10.7 ms callback: not late
    m.countUnderflow();
    const LatencyStats s = m.stats();
    EXPECT_EQ(s.lateCallbacks, 1u);
    EXPECT_EQ(s.underflows, 1u);
    EXPECT_EQ(s.callbacks, 3u);
}

TEST(LatencyMonitor, ResetStartsTheStatsOver) {
    LatencyMonitor m;
    m.configure(48000, 256, 0.0);
    for (int i = 0; i < 50; ++i) m.record(5'000'000, 256);
    m.countUnderflow();
    m.reset();
    LatencyStats s = m.stats();
    EXPECT_EQ(s.callbacks, 0u);
    EXPECT_EQ(s.window, 0u);
    EXPECT_EQ(s.lateCallbacks, 0u);
    EXPECT_EQ(s.underflows, 0u);
    EXPECT_EQ(s.maxMs, 0.0);
    m.record(1'000'000, 256);
    s = m.stats();
    EXPECT_EQ(s.callbacks, 1u);
    EXPECT_DOUBLE_EQ(s.maxMs, 1.0);
}

TEST(LatencyMonitor, CanBeSwitchedOnAndOff) {
    LatencyMonitor m;
    EXPECT_FALSE(m.active());
    m.setEnabled(true);
    EXPECT_TRUE(m.active());
    EXPECT_TRUE(m.stats().enabled);
    m.setEnabled(false);
    EXPECT_FALSE(m.active());
}

}  // namespace unity_LatencyMonitorTest
