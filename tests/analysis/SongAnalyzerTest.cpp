// SongAnalyzer on generated music written to real files and read back through libsndfile:
// tempo and beats of click tracks from 60 to 200 BPM, keys of chord progressions.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

#include "AnalysisSignals.h"
#include "AudioFiles.h"
#include "MemorySong.h"
#include "TempDir.h"
#include "stemdeck/analysis/AnalysisSource.h"
#include "stemdeck/analysis/SongAnalyzer.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SongAnalyzerTest {

using namespace stemdeck;
using analysis::AnalysisInput;
using analysis::SongAnalyzer;

constexpr int kRate = 48000;  // not the analysis rate: the resampling is part of what is tested
constexpr double kSeconds = 20.0;

// Writes `samples` to a real WAV and reads them back, as a stem would arrive.
std::vector<float> throughFile(const std::vector<float>& samples, const std::string& name) {
    test::TempDir dir;
    const auto file = dir / (name + ".wav");
    test::writeAudioFile(file, {samples}, kRate);
    return test::readAudioFile(file).interleaved;
}

class ClickTempo : public ::testing::TestWithParam<double> {};

TEST_P(ClickTempo, FindsTheTempoWithinHalfABpmAndEveryBeatWithin20Ms) {
    const double bpm = GetParam();
    std::vector<double> clicks;
    AnalysisInput input;
    input.sampleRate = kRate;
    input.rhythm = throughFile(test::clickTrack(bpm, kSeconds, kRate, 0.25, &clicks), "click");
    const auto result = SongAnalyzer::analyze(input);

    EXPECT_NEAR(result.bpm, bpm, 0.5);
    EXPECT_GT(result.confidence, 0.9);
    ASSERT_FALSE(result.beats.empty());
    // Every beat found is a click, and (the song's first and last beat aside) every click is
    // found.
    for (const double beat : result.beats) {
        const double nearest = *std::min_element(
            clicks.begin(), clicks.end(),
            [beat](double a, double b) { return std::abs(a - beat) < std::abs(b - beat); });
        EXPECT_NEAR(beat, nearest, 0.020) << "beat at " << beat << " s, " << bpm << " BPM";
    }
    EXPECT_GE(result.beats.size() + 2, clicks.size());
    EXPECT_LE(result.beats.size(), clicks.size());
    EXPECT_TRUE(result.key.empty()) << "no tonal part given, no key: " << result.key;
}

INSTANTIATE_TEST_SUITE_P(SixTempi, ClickTempo,
                         ::testing::Values(60.0, 87.0, 120.0, 145.0, 174.0, 200.0),
                         [](const auto& info) {
                             return std::to_string(static_cast<int>(info.param)) + "bpm";
                         });

struct KeyCase {
    int root;
    bool minor;
    const char* name;
};

class ChordKey : public ::testing::TestWithParam<KeyCase> {};

TEST_P(ChordKey, NamesTheKeyOfAChordProgression) {
    const KeyCase& key = GetParam();
    AnalysisInput input;
    input.sampleRate = kRate;
    input.tonal = throughFile(test::chordProgression(key.root, key.minor, kSeconds, kRate), "keys");
    const auto result = SongAnalyzer::analyze(input);
    EXPECT_EQ(result.key, key.name);
    EXPECT_GT(result.keyConfidence, 0.5);
    EXPECT_EQ(result.bpm, 0.0) << "no rhythm part given, no tempo";
}

INSTANTIATE_TEST_SUITE_P(MajorAndMinor, ChordKey,
                         ::testing::Values(KeyCase{0, false, "C major"},
                                           KeyCase{2, false, "D major"},
                                           KeyCase{10, false, "Bb major"},
                                           KeyCase{9, true, "A minor"}, KeyCase{4, true, "E minor"},
                                           KeyCase{6, true, "F# minor"}),
                         [](const auto& info) {
                             std::string name = info.param.name;
                             std::replace(name.begin(), name.end(), ' ', '_');
                             std::replace(name.begin(), name.end(), '#', 's');
                             return name;
                         });

TEST(SongAnalyzer, SilenceHasNoTempoAndNoKey) {
    AnalysisInput input;
    input.sampleRate = kRate;
    input.rhythm.assign(static_cast<std::size_t>(10 * kRate), 0.0f);
    input.tonal = input.rhythm;
    const auto result = SongAnalyzer::analyze(input);
    EXPECT_EQ(result.bpm, 0.0);
    EXPECT_TRUE(result.beats.empty());
    EXPECT_TRUE(result.key.empty());
}

TEST(SongAnalyzer, ASteadyToneOrNoiseHasNoTempo) {
    // TempoTrackV2 finds a "tempo" in anything; only beats that stand out count.
    AnalysisInput input;
    input.sampleRate = kRate;
    const auto frames = static_cast<std::int64_t>(10 * kRate);
    input.rhythm = test::sine(110.0, 0.2, kRate, frames);
    const auto high = test::sine(220.0, 0.2, kRate, frames);
    for (std::size_t i = 0; i < high.size(); ++i) input.rhythm[i] += high[i];
    EXPECT_EQ(SongAnalyzer::analyze(input).bpm, 0.0);
    input.rhythm = test::noise(0.2, frames, 1);
    const auto result = SongAnalyzer::analyze(input);
    EXPECT_EQ(result.bpm, 0.0);
    EXPECT_TRUE(result.beats.empty());
}

TEST(SongAnalyzer, TooShortForATempoStillGetsAKey) {
    AnalysisInput input;
    input.sampleRate = kRate;
    input.rhythm = test::clickTrack(120.0, 3.0, kRate);
    input.tonal = test::chordProgression(9, true, 3.0, kRate);
    const auto result = SongAnalyzer::analyze(input);
    EXPECT_EQ(result.bpm, 0.0);
    EXPECT_EQ(result.key, "A minor");
}

TEST(SongAnalyzer, StopsWhenCancelled) {
    AnalysisInput input;
    input.sampleRate = kRate;
    input.rhythm = test::clickTrack(120.0, kSeconds, kRate);
    const std::atomic<bool> cancel{true};
    EXPECT_THROW(SongAnalyzer::analyze(input, {}, &cancel), analysis::AnalysisCancelled);
}

TEST(SongAnalyzer, RefusesABadRateOrMeter) {
    AnalysisInput input;
    input.sampleRate = 1000;
    input.rhythm.assign(1000, 0.0f);
    EXPECT_THROW(SongAnalyzer::analyze(input), std::invalid_argument);
    input.sampleRate = kRate;
    EXPECT_THROW(SongAnalyzer::analyze(input, {.beatsPerBar = 1}), std::invalid_argument);
}

TEST(SongAnalyzer, DownbeatsAreEveryFourthBeatWhereTheChordsChange) {
    // Chords change every bar of 4 beats at 120 BPM (2 s), on the click's first beat.
    AnalysisInput input;
    input.sampleRate = kRate;
    const auto click = test::clickTrack(120.0, kSeconds, kRate, 0.0);
    const auto chords = test::chordProgression(0, false, kSeconds, kRate);
    input.rhythm.resize(click.size());
    for (std::size_t i = 0; i < click.size(); ++i) input.rhythm[i] = click[i] + chords[i];
    const auto result = SongAnalyzer::analyze(input);
    ASSERT_GE(result.downbeats.size(), 5u);
    for (std::size_t i = 1; i < result.downbeats.size(); ++i)
        EXPECT_NEAR(result.downbeats[i] - result.downbeats[i - 1], 2.0, 0.03);
    // On a bar line (multiples of 2 s), not on beat 2, 3 or 4 of the bar.
    const double phase = std::fmod(result.downbeats.front() + 0.5, 2.0) - 0.5;
    EXPECT_NEAR(phase, 0.0, 0.03) << "first downbeat at " << result.downbeats.front() << " s";
}

TEST(AnalysisSource, ListensToTheDrumsForBeatsAndToTheRestForTheKey) {
    EXPECT_TRUE(analysis::AnalysisSource::isRhythmStem("Drums"));
    EXPECT_TRUE(analysis::AnalysisSource::isRhythmStem("01 click"));
    EXPECT_FALSE(analysis::AnalysisSource::isRhythmStem("vocals"));
    const auto song =
        test::MemorySong(kRate)
            .mono("Drums", std::vector<float>(100, 0.5f))
            .stereo("keys", std::vector<float>(200, 0.25f), std::vector<float>(200, 0.75f))
            .build();
    std::vector<std::string> rhythm, tonal;
    const auto input = analysis::AnalysisSource::fromSong(song, &rhythm, &tonal);
    EXPECT_EQ(rhythm, std::vector<std::string>{"Drums"});
    EXPECT_EQ(tonal, std::vector<std::string>{"keys"});
    ASSERT_EQ(input.rhythm.size(), 100u);
    EXPECT_FLOAT_EQ(input.rhythm[0], 0.5f);
    ASSERT_EQ(input.tonal.size(), 200u);
    EXPECT_FLOAT_EQ(input.tonal[0], 0.5f);  // the stereo stem's channels averaged

    const auto allTonal =
        test::MemorySong(kRate).mono("bass", std::vector<float>(50, 0.5f)).build();
    std::vector<std::string> onlyRhythm;
    const auto both = analysis::AnalysisSource::fromSong(allTonal, &onlyRhythm);
    EXPECT_EQ(onlyRhythm, std::vector<std::string>{"bass"}) << "no drums: every stem";
    EXPECT_EQ(both.rhythm.size(), 50u);
}

// Meter detection (AnalysisOptions::beatsPerBar 0): a track whose downbeats are louder, as a
// click with an accent or a drummer leaning on the one plays it.
enum class Hit { Click, Drum };

// Every beat from 0.25 s: the downbeat of each `beatsPerBar` bar at full level, the others at
// `otherLevel`. A click is a 1 kHz burst; a drum hit a falling kick with a burst of noise.
std::vector<float> accentedTrack(double bpm, int beatsPerBar, Hit hit, double otherLevel) {
    const auto frames = static_cast<std::size_t>(kSeconds * kRate);
    std::vector<float> out(frames, 0.0f);
    std::uint32_t seed = 12345;  // a fixed noise, the same at every run
    const auto noise = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return static_cast<double>(seed >> 8) / static_cast<double>(1u << 24) * 2.0 - 1.0;
    };
    for (int beat = 0;; ++beat) {
        const auto start =
            static_cast<std::size_t>(std::lround((0.25 + beat * 60.0 / bpm) * kRate));
        if (start >= frames) break;
        const double level = beat % beatsPerBar == 0 ? 1.0 : otherLevel;
        double phase = 0.0;
        for (std::size_t i = 0; i < static_cast<std::size_t>(0.15 * kRate) && start + i < frames;
             ++i) {
            const double s = static_cast<double>(i) / kRate;
            double v = 0.0;
            if (hit == Hit::Click) {
                v = 0.6 * std::sin(2.0 * std::numbers::pi * 1000.0 * s) * std::exp(-s / 0.008);
            } else {
                phase += 2.0 * std::numbers::pi * (50.0 + 70.0 * std::exp(-s / 0.02)) / kRate;
                v = 0.7 * std::sin(phase) * std::exp(-s / 0.06) +
                    0.3 * noise() * std::exp(-s / 0.015);
            }
            out[start + i] += static_cast<float>(level * v);
        }
    }
    return out;
}

struct MeterCase {
    int beatsPerBar;
    double bpm;
    Hit hit;
};

class MeterOfAccents : public ::testing::TestWithParam<MeterCase> {};

TEST_P(MeterOfAccents, FindsThreeOrFourBeatsToTheBar) {
    const MeterCase& c = GetParam();
    AnalysisInput input;
    input.sampleRate = kRate;
    input.rhythm = accentedTrack(c.bpm, c.beatsPerBar, c.hit, 0.35);
    const auto result = SongAnalyzer::analyze(input, {.beatsPerBar = 0});
    EXPECT_NEAR(result.bpm, c.bpm, 0.5);
    EXPECT_EQ(result.beatsPerBar, c.beatsPerBar);
    EXPECT_GE(result.meterConfidence, 0.5);
    // The bars found are of that length.
    ASSERT_GE(result.downbeats.size(), 2u);
    const double bar = c.beatsPerBar * 60.0 / c.bpm;
    EXPECT_NEAR(result.downbeats[1] - result.downbeats[0], bar, 0.05);
}

INSTANTIATE_TEST_SUITE_P(
    ClicksAndDrums, MeterOfAccents,
    ::testing::Values(MeterCase{3, 90.0, Hit::Click}, MeterCase{4, 90.0, Hit::Click},
                      MeterCase{3, 120.0, Hit::Click}, MeterCase{4, 120.0, Hit::Click},
                      MeterCase{3, 150.0, Hit::Click}, MeterCase{4, 150.0, Hit::Click},
                      MeterCase{3, 100.0, Hit::Drum}, MeterCase{4, 100.0, Hit::Drum},
                      MeterCase{3, 140.0, Hit::Drum}, MeterCase{4, 140.0, Hit::Drum}),
    [](const auto& info) {
        return std::to_string(info.param.beatsPerBar) + "_4_at_" +
               std::to_string(static_cast<int>(info.param.bpm)) +
               (info.param.hit == Hit::Click ? "bpm_click" : "bpm_drums");
    });

TEST(SongAnalyzer, UnaccentedBeatsKeepFourWithLowConfidence) {
    AnalysisInput input;
    input.sampleRate = kRate;
    for (const Hit hit : {Hit::Click, Hit::Drum}) {
        // Every beat alike: no bar to hear (3 is only a way of counting them).
        input.rhythm = accentedTrack(120.0, 3, hit, 1.0);
        const auto result = SongAnalyzer::analyze(input, {.beatsPerBar = 0});
        EXPECT_NEAR(result.bpm, 120.0, 0.5);
        EXPECT_EQ(result.beatsPerBar, 4);
        EXPECT_LT(result.meterConfidence, 0.5);
    }
}

TEST(SongAnalyzer, AGivenMeterIsKeptNotFound) {
    AnalysisInput input;
    input.sampleRate = kRate;
    input.rhythm = accentedTrack(120.0, 3, Hit::Click, 0.35);
    const auto result = SongAnalyzer::analyze(input, {.beatsPerBar = 4});
    EXPECT_EQ(result.beatsPerBar, 4) << "meta.json's meter wins";
    EXPECT_EQ(result.meterConfidence, 0.0);
}

}  // namespace unity_SongAnalyzerTest
