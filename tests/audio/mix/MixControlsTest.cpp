#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "stemdeck/audio/mix/MixControls.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MixControlsTest {

using stemdeck::audio::MixControls;

TEST(MixControls, DefaultsAreUnityCentredAndAudible) {
    MixControls mix(3);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(mix.gainDb(i), 0.0f);
        EXPECT_EQ(mix.pan(i), 0.0f);
        EXPECT_FALSE(mix.muted(i));
        EXPECT_FALSE(mix.soloed(i));
        EXPECT_TRUE(mix.audible(i));
        const auto t = mix.target(i, false);
        EXPECT_EQ(t.left, 1.0f);
        EXPECT_EQ(t.right, 1.0f);
    }
    EXPECT_EQ(mix.masterGainDb(), 0.0f);
    EXPECT_EQ(mix.masterGainLinear(), 1.0f);
}

// Every combination of mute and solo over three stems against the rule: with any solo on,
// audible = solo and not muted; otherwise audible = not muted.
TEST(MixControls, MuteSoloTruthTable) {
    for (int bits = 0; bits < 64; ++bits) {
        MixControls mix(3);
        bool anySolo = false;
        for (std::size_t i = 0; i < 3; ++i) {
            mix.setMuted(i, bits & (1 << i));
            mix.setSolo(i, bits & (8 << i));
            anySolo = anySolo || (bits & (8 << i));
        }
        ASSERT_EQ(mix.anySolo(), anySolo);
        for (std::size_t i = 0; i < 3; ++i) {
            const bool muted = bits & (1 << i);
            const bool solo = bits & (8 << i);
            const bool expected = anySolo ? (solo && !muted) : !muted;
            EXPECT_EQ(mix.audible(i), expected) << "bits=" << bits << " stem=" << i;
            const auto t = mix.target(i, anySolo);
            EXPECT_EQ(t.left != 0.0f, expected);
        }
    }
}

TEST(MixControls, ClearingSoloKeepsMutes) {
    MixControls mix(2);
    mix.setMuted(0, true);
    mix.setSolo(0, true);
    mix.setSolo(1, true);
    mix.clearSolo();
    EXPECT_TRUE(mix.muted(0));
    EXPECT_FALSE(mix.audible(0));
    EXPECT_TRUE(mix.audible(1));
}

TEST(MixControls, GainIsClampedAndConverted) {
    MixControls mix(1);
    mix.setGainDb(0, 12.0f);
    EXPECT_EQ(mix.gainDb(0), 6.0f);
    EXPECT_NEAR(mix.target(0, false).left, std::pow(10.0f, 6.0f / 20.0f), 1e-6);
    mix.setGainDb(0, -6.0f);
    EXPECT_NEAR(mix.target(0, false).left, 0.501187f, 1e-5);
    mix.setGainDb(0, -120.0f);
    EXPECT_TRUE(std::isinf(mix.gainDb(0)) && mix.gainDb(0) < 0);
    EXPECT_EQ(mix.target(0, false).left, 0.0f);
    mix.setGainDb(0, std::nanf(""));
    EXPECT_EQ(mix.gainDb(0), 0.0f);
    mix.setMasterGainDb(-20.0f);
    EXPECT_NEAR(mix.masterGainLinear(), 0.1f, 1e-6);
}

TEST(MixControls, PanIsConstantPowerWithUnityCentre) {
    const auto centre = MixControls::panGains(0.0f);
    EXPECT_EQ(centre.left, 1.0f);
    EXPECT_EQ(centre.right, 1.0f);
    const auto left = MixControls::panGains(-1.0f);
    EXPECT_NEAR(left.left, std::sqrt(2.0f), 1e-6);
    EXPECT_NEAR(left.right, 0.0f, 1e-6);
    const auto right = MixControls::panGains(1.0f);
    EXPECT_NEAR(right.left, 0.0f, 1e-6);
    EXPECT_NEAR(right.right, std::sqrt(2.0f), 1e-6);
    for (float p = -1.0f; p <= 1.0f; p += 0.125f) {
        const auto g = MixControls::panGains(p);
        EXPECT_NEAR(g.left * g.left + g.right * g.right, 2.0f, 1e-5) << "pan " << p;
        if (p < 0) {
            EXPECT_GT(g.left, g.right);
        }
        if (p > 0) {
            EXPECT_LT(g.left, g.right);
        }
    }
    MixControls mix(1);
    mix.setPan(0, 5.0f);
    EXPECT_EQ(mix.pan(0), 1.0f);
    EXPECT_NEAR(mix.target(0, false).left, 0.0f, 1e-6);
}

TEST(MixControls, SnapshotRoundTrips) {
    MixControls a(2);
    a.setGainDb(0, -3.0f);
    a.setPan(1, 0.5f);
    a.setMuted(1, true);
    a.setSolo(0, true);
    a.setMasterGainDb(-1.5f);
    MixControls b(2);
    b.apply(a.snapshot());
    EXPECT_EQ(b.gainDb(0), -3.0f);
    EXPECT_EQ(b.pan(1), 0.5f);
    EXPECT_TRUE(b.muted(1));
    EXPECT_TRUE(b.soloed(0));
    EXPECT_EQ(b.masterGainDb(), -1.5f);
    b.reset();
    EXPECT_EQ(b.gainDb(0), 0.0f);
    EXPECT_FALSE(b.muted(1));
    EXPECT_FALSE(b.anySolo());
}

TEST(MixControls, OutOfRangeStemIsIgnored) {
    MixControls mix(1);
    mix.setGainDb(5, -10.0f);
    mix.setMuted(5, true);
    EXPECT_FALSE(mix.audible(5));
    EXPECT_EQ(mix.gainDb(0), 0.0f);
}

// The Mixer skips reading the controls while their version stands: every setter must move it.
TEST(MixControls, EverySetterChangesTheVersion) {
    MixControls mix(2);
    const auto changes = [&mix](auto&& set) {
        const std::uint32_t before = mix.version();
        set();
        return mix.version() != before;
    };
    EXPECT_TRUE(changes([&] { mix.setGainDb(1, -3.0f); }));
    EXPECT_TRUE(changes([&] { mix.setPan(1, 0.5f); }));
    EXPECT_TRUE(changes([&] { mix.setMuted(0, true); }));
    EXPECT_TRUE(changes([&] { mix.setSolo(1, true); }));
    EXPECT_TRUE(changes([&] { mix.clearSolo(); }));
    EXPECT_TRUE(changes([&] { mix.setMasterGainDb(-1.0f); }));
    EXPECT_TRUE(changes([&] { mix.reset(); }));
    EXPECT_TRUE(changes([&] { mix.apply(mix.snapshot()); }));
    EXPECT_FALSE(changes([&] { mix.setGainDb(2, -3.0f); }));  // no such stem: nothing changed
    EXPECT_FALSE(changes([&] { (void)mix.target(0, false); }));
}

}  // namespace unity_MixControlsTest
