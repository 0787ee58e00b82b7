#include <gtest/gtest.h>

#include <vector>

#include "stemdeck/audio/mix/OutputRouting.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_OutputRoutingTest {

using stemdeck::audio::OutputRouting;

namespace {
constexpr int kFrames = 64;

// Each source a constant of its own on each side: source s is 10 s + 1 on the left and
// 10 s + 2 on the right, so every output sample says which sources reached it.
std::vector<float> play(OutputRouting& routing, int channels, int frames = kFrames) {
    routing.clear(frames);
    for (std::size_t s = 0; s < routing.sourceCount(); ++s) {
        const std::vector<float> left(static_cast<std::size_t>(frames), 10.0f * s + 1.0f);
        const std::vector<float> right(static_cast<std::size_t>(frames), 10.0f * s + 2.0f);
        routing.add(s, left.data(), right.data(), frames, channels);
    }
    std::vector<float> out(static_cast<std::size_t>(frames * channels), -1.0f);
    routing.scatter(out.data(), frames, channels);
    return out;
}

// Every frame of channel `c` equals `value`.
void expectChannel(const std::vector<float>& out, int channels, int c, float value) {
    for (std::size_t i = static_cast<std::size_t>(c); i < out.size();
         i += static_cast<std::size_t>(channels))
        ASSERT_EQ(out[i], value) << "channel " << c + 1 << " sample " << i / channels;
}
}  // namespace

TEST(OutputRouting, EverythingGoesToOneAndTwoByDefault) {
    OutputRouting routing;
    routing.prepare(3, kFrames);
    EXPECT_EQ(routing.sourceCount(), 4u);
    EXPECT_EQ(routing.clickSource(), 3u);
    routing.setDeviceChannels(8);
    const auto out = play(routing, 8);
    expectChannel(out, 8, 0, 1.0f + 11.0f + 21.0f + 31.0f);
    expectChannel(out, 8, 1, 2.0f + 12.0f + 22.0f + 32.0f);
    for (int c = 2; c < 8; ++c) expectChannel(out, 8, c, 0.0f);
}

TEST(OutputRouting, EachSourceReachesOnlyItsPair) {
    OutputRouting routing;
    routing.prepare(3, kFrames);
    routing.setDeviceChannels(8);
    ASSERT_TRUE(routing.route(0, 1));                      // stem 0 to 3-4
    ASSERT_TRUE(routing.route(2, 1));                      // stem 2 joins it
    ASSERT_TRUE(routing.route(routing.clickSource(), 3));  // the click to 7-8, in-ears only
    const auto out = play(routing, 8);
    expectChannel(out, 8, 0, 11.0f);  // stem 1 alone stays on 1-2
    expectChannel(out, 8, 1, 12.0f);
    expectChannel(out, 8, 2, 1.0f + 21.0f);
    expectChannel(out, 8, 3, 2.0f + 22.0f);
    expectChannel(out, 8, 4, 0.0f);
    expectChannel(out, 8, 5, 0.0f);
    expectChannel(out, 8, 6, 31.0f);
    expectChannel(out, 8, 7, 32.0f);
    EXPECT_EQ(routing.pairFor(routing.clickSource(), 8), 3);
}

TEST(OutputRouting, RefusesPairsTheDeviceDoesNotHave) {
    OutputRouting routing;
    routing.prepare(2, kFrames);
    routing.setDeviceChannels(6);  // pairs 0-2
    EXPECT_FALSE(routing.route(0, 3));
    EXPECT_FALSE(routing.route(0, -1));
    EXPECT_FALSE(routing.route(7, 0));  // no such source
    EXPECT_EQ(routing.requestedPair(0), 0);
    EXPECT_TRUE(routing.route(0, 2));
    routing.setDeviceChannels(5);  // odd: pairs 0-1, channel 5 unused
    EXPECT_FALSE(routing.route(1, 2));
    EXPECT_EQ(routing.pairCount(5), 2);
}

TEST(OutputRouting, StereoDeviceFallsBackToOneAndTwoAndRemembersTheRoutes) {
    OutputRouting routing;
    routing.prepare(2, kFrames);
    routing.setDeviceChannels(8);
    ASSERT_TRUE(routing.route(1, 2));
    ASSERT_TRUE(routing.route(routing.clickSource(), 3));
    // The interface is unplugged: the laptop's stereo output plays everything.
    routing.setDeviceChannels(2);
    auto out = play(routing, 2);
    expectChannel(out, 2, 0, 1.0f + 11.0f + 21.0f);
    expectChannel(out, 2, 1, 2.0f + 12.0f + 22.0f);
    EXPECT_EQ(routing.requestedPair(1), 2);  // not forgotten
    // Back on the interface, the routes apply again.
    routing.setDeviceChannels(8);
    out = play(routing, 8);
    expectChannel(out, 8, 0, 1.0f);
    expectChannel(out, 8, 4, 11.0f);
    expectChannel(out, 8, 6, 21.0f);
    // A device with 4 channels keeps the route to 3-4 and folds 7-8 back onto 1-2.
    routing.setDeviceChannels(4);
    ASSERT_TRUE(routing.route(0, 1));
    out = play(routing, 4);
    expectChannel(out, 4, 0, 11.0f + 21.0f);
    expectChannel(out, 4, 2, 1.0f);
}

TEST(OutputRouting, MonoDeviceGetsTheAverageOfOneAndTwo) {
    OutputRouting routing;
    routing.prepare(1, kFrames);
    routing.setDeviceChannels(1);
    EXPECT_EQ(routing.pairCount(1), 1);
    const auto out = play(routing, 1);
    expectChannel(out, 1, 0, 0.5f * (1.0f + 2.0f + 11.0f + 12.0f));
}

TEST(OutputRouting, ChannelsBeyondTheBusesAreSilentAndResetRoutesReturnsToOneAndTwo) {
    OutputRouting routing;
    routing.prepare(1, kFrames, 4);  // buses for 2 pairs only
    routing.setDeviceChannels(16);
    EXPECT_EQ(routing.maxPairs(), 2);
    EXPECT_FALSE(routing.route(0, 2));
    ASSERT_TRUE(routing.route(0, 1));
    auto out = play(routing, 16);
    expectChannel(out, 16, 2, 1.0f);
    for (int c = 4; c < 16; ++c) expectChannel(out, 16, c, 0.0f);
    routing.resetRoutes();
    out = play(routing, 16);
    expectChannel(out, 16, 0, 1.0f + 11.0f);
    expectChannel(out, 16, 2, 0.0f);
}

TEST(OutputRouting, NeverWritesPastItsBuses) {
    OutputRouting routing;
    routing.prepare(1, 16);
    routing.setDeviceChannels(2);
    routing.clear(64);  // a block longer than prepared for: clamped, not an overrun
    const std::vector<float> ones(64, 1.0f);
    routing.add(0, ones.data(), ones.data(), 64, 2);
    std::vector<float> out(128, -1.0f);
    routing.scatter(out.data(), 64, 2);
    for (int i = 0; i < 32; ++i) ASSERT_EQ(out[static_cast<std::size_t>(i)], 1.0f) << i;
    for (int i = 32; i < 128; ++i) ASSERT_EQ(out[static_cast<std::size_t>(i)], 0.0f) << i;
}

}  // namespace unity_OutputRoutingTest
