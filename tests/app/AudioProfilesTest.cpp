#include <gtest/gtest.h>

#include "stemdeck/app/AudioProfiles.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_AudioProfilesTest {

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

// Found by fuzz/app/AudioProfilesFuzz.cpp: when the profile the document names as default was
// skipped, the default stayed 1024 even when no profile had 1024 frames, so the settings
// dialog showed no preset as chosen.
TEST(AudioProfiles, TheDefaultIsAlwaysOneOfTheProfiles) {
    const auto skippedDefault = AudioProfiles::parse(R"({"default": "b", "profiles": [
        {"id": "a", "frames_per_buffer": 64}, {"id": "b", "frames_pir_buffer": 2048}]})");
    ASSERT_EQ(skippedDefault.profiles().size(), 1);
    EXPECT_EQ(skippedDefault.defaultFramesPerBuffer(), 64);
    EXPECT_EQ(skippedDefault.skipped(), 1);

    const auto noDefault = AudioProfiles::parse(R"({"profiles": [
        {"id": "a", "frames_per_buffer": 256}, {"id": "b", "frames_per_buffer": 1024}]})");
    EXPECT_EQ(noDefault.defaultFramesPerBuffer(), 1024) << "1024 when the list has it";
}

TEST(AudioProfiles, NamesAreOneLineAndTheListIsBounded) {
    QByteArray json =
        R"({"profiles": [{"id": "x", "name": "Two\nlines\u0000", "frames_per_buffer": 64})";
    for (int i = 0; i < 100; ++i) json += R"(, {"id": "more", "frames_per_buffer": 128})";
    json += "]}";
    const auto parsed = AudioProfiles::parse(json);
    EXPECT_EQ(parsed.profiles().size(), AudioProfiles::kMaxProfiles);
    EXPECT_EQ(parsed.skipped(), 101 - AudioProfiles::kMaxProfiles);
    EXPECT_EQ(parsed.profiles().front().name, QStringLiteral("Two lines"));
}

}  // namespace unity_AudioProfilesTest
