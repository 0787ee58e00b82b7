#include <gtest/gtest.h>

#include "stemdeck/app/AudioProfiles.h"

using stemdeck::app::AudioProfiles;

TEST(AudioProfiles, ShipsThePredecessorsPresetsAndTwoSmallerOnes) {
    const AudioProfiles& profiles = AudioProfiles::builtin();
    ASSERT_EQ(profiles.profiles().size(), 6);
    const std::pair<int, const char*> expected[] = {
        {4096, "legacy"}, {2048, "balanced"}, {1024, "modern"}, {512, "low-latency"}};
    for (const auto& [frames, id] : expected) {
        const auto* p = profiles.find(frames);
        ASSERT_NE(p, nullptr) << frames;
        EXPECT_EQ(p->id, QString::fromLatin1(id));
        EXPECT_FALSE(p->description.isEmpty());
    }
    EXPECT_TRUE(profiles.contains(256));
    EXPECT_TRUE(profiles.contains(128));
    EXPECT_FALSE(profiles.contains(300));
    EXPECT_EQ(profiles.defaultFramesPerBuffer(), 1024);
}

TEST(AudioProfiles, SkipsInvalidEntriesAndSurvivesGarbage) {
    const auto parsed = AudioProfiles::parse(R"({"default": "b", "profiles": [
        {"id": "a", "name": "A", "frames_per_buffer": 64},
        {"id": "", "frames_per_buffer": 512},
        {"id": "huge", "frames_per_buffer": 1000000},
        {"id": "text", "frames_per_buffer": "lots"},
        {"id": "b", "frames_per_buffer": 2048}]})");
    ASSERT_EQ(parsed.profiles().size(), 2);
    EXPECT_EQ(parsed.profiles()[0].name, QStringLiteral("A"));
    EXPECT_EQ(parsed.defaultFramesPerBuffer(), 2048);

    const auto garbage = AudioProfiles::parse("\x01\x02 not json {");
    EXPECT_TRUE(garbage.profiles().isEmpty());
    EXPECT_EQ(garbage.defaultFramesPerBuffer(), 1024);
}
