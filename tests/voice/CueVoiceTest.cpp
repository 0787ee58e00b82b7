// CueVoice speaks with the system's espeak-ng (scripts/install-deps.sh installs its data, so CI
// runs these; they skip with a message only where the data is missing).
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <thread>

#include "stemdeck/voice/CueVoice.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_CueVoiceTest {

using stemdeck::voice::CueVoice;

namespace {
double rms(const std::vector<float>& s) {
    const double sum = std::accumulate(s.begin(), s.end(), 0.0,
                                       [](double a, float v) { return a + double{v} * v; });
    return s.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(s.size()));
}
}  // namespace

TEST(CueVoice, SpeaksChorusAtTheEngineRate) {
    for (int rate : {48000, 44100}) {
        const CueVoice voice(rate);
        if (!voice.available()) GTEST_SKIP() << voice.message();
        const auto clip = voice.speak("Chorus");
        // One spoken word: a quarter of a second to two seconds, clearly audible, no clipping.
        EXPECT_GT(clip.size(), static_cast<std::size_t>(rate / 4)) << rate;
        EXPECT_LT(clip.size(), static_cast<std::size_t>(2 * rate)) << rate;
        EXPECT_GT(rms(clip), 0.01) << rate;
        EXPECT_GT(std::fabs(clip.front()), 0.0f);  // trimmed: starts with its first sound
        for (float v : clip) ASSERT_LE(std::fabs(v), 1.5f);
    }
}

TEST(CueVoice, LongerTextTakesLonger) {
    const CueVoice voice(48000);
    if (!voice.available()) GTEST_SKIP() << voice.message();
    EXPECT_GT(voice.speak("Chorus two, then the bridge").size(), voice.speak("Chorus").size());
    EXPECT_TRUE(voice.speak("").empty());
}

TEST(CueVoice, SpeaksFromSeveralThreadsAtOnce) {
    const CueVoice voice(48000);
    if (!voice.available()) GTEST_SKIP() << voice.message();
    const std::size_t expected = voice.speak("Verse").size();
    std::vector<std::size_t> sizes(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < sizes.size(); ++i)
        threads.emplace_back([&, i] { sizes[i] = voice.speak("Verse").size(); });
    for (auto& t : threads) t.join();
    // espeak-ng varies a word by a few samples from one call to the next; garbled or mixed-up
    // words (its global state used by two at once) would be far off.
    for (std::size_t s : sizes)
        EXPECT_NEAR(static_cast<double>(s), static_cast<double>(expected),
                    0.02 * static_cast<double>(expected));
}

TEST(CueVoice, MissingDataIsAOneLineMessage) {
    const CueVoice voice(48000, "/nonexistent/espeak-ng-data");
    EXPECT_FALSE(voice.available());
    EXPECT_NE(voice.message().find("spoken cues off"), std::string::npos);
    EXPECT_EQ(voice.message().find('\n'), std::string::npos);
    EXPECT_TRUE(voice.speak("Chorus").empty());
}

}  // namespace unity_CueVoiceTest
