// `stemdeck-cli analyze` run as a user would, on a generated song folder.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "AnalysisSignals.h"
#include "AudioFiles.h"
#include "CliProcess.h"
#include "TempDir.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_AnalyzeCliTest {

using namespace stemdeck;
using test::CliResult;
using test::runCli;

TEST(AnalyzeCli, PrintsTempoBeatsDownbeatsAndKeyAsJson) {
    test::TempDir dir;
    const auto song = test::writeAnalysisSong(dir.path(), "song", 145.0);
    const CliResult r = runCli({"analyze", song.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_NEAR(json.at("bpm").get<double>(), 145.0, 0.5);
    EXPECT_EQ(json.at("key"), "C major");
    const auto& beats = json.at("beats");
    ASSERT_GT(beats.size(), 40u);  // 20 s at 145 BPM: 48 clicks
    EXPECT_NEAR(beats.at(0).get<double>(), 0.25, 0.02);
    EXPECT_NEAR(beats.at(1).get<double>() - beats.at(0).get<double>(), 60.0 / 145.0, 0.02);
    EXPECT_FALSE(json.at("downbeats").empty());
    EXPECT_EQ(json.at("beats_per_bar"), 4);
    // Its clicks are all as loud (only the downbeat's pitch differs): 4 is assumed, not found.
    EXPECT_LT(json.at("meter_confidence").get<double>(), 0.5);
    EXPECT_GT(json.at("confidence").get<double>(), 0.9);
    EXPECT_EQ(json.at("rhythm_stems"), nlohmann::json::array({"click"}));
    EXPECT_EQ(json.at("tonal_stems"), nlohmann::json::array({"keys"}));
    EXPECT_FALSE(json.contains("sections")) << "only with --sections";
}

TEST(AnalyzeCli, BarsFollowTheSongsTimeSignature) {
    test::TempDir dir;
    const auto song = test::writeAnalysisSong(dir.path(), "waltz", 120.0, 12.0);
    test::writeTextFile(song / "meta.json", R"({"time_signature": "3/4"})");
    const CliResult r = runCli({"analyze", song.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json.at("beats_per_bar"), 3);
    EXPECT_EQ(json.at("meter_confidence"), 0.0) << "given, not found";
    const auto& downbeats = json.at("downbeats");
    ASSERT_GE(downbeats.size(), 2u);
    EXPECT_NEAR(downbeats.at(1).get<double>() - downbeats.at(0).get<double>(), 1.5, 0.03);
}

TEST(AnalyzeCli, SuggestsSectionsOnBarLines) {
    // 24 s of C major chords, then 24 s of noise-like A minor high up: two sections.
    test::TempDir dir;
    const auto folder = dir / "two-parts";
    std::filesystem::create_directories(folder);
    constexpr int kRate = 44100;
    auto first = test::chordProgression(0, false, 24.0, kRate);
    const auto second = test::chordProgression(9, true, 24.0, kRate);
    const auto hiss = test::noise(0.3, static_cast<std::int64_t>(second.size()), 3);
    for (std::size_t i = 0; i < second.size(); ++i) first.push_back(second[i] + hiss[i]);
    test::writeAudioFile(folder / "keys.wav", {first}, kRate);
    test::writeAudioFile(folder / "click.wav", {test::clickTrack(120.0, 48.0, kRate, 0.0)}, kRate);
    const CliResult r = runCli({"analyze", "--sections", folder.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    const auto& sections = json.at("sections");
    ASSERT_FALSE(sections.empty()) << r.out;
    bool nearTheChange = false;
    for (const auto& start : sections) {
        const double t = start.get<double>();
        // On a bar line: 120 BPM in 4/4 is a bar every 2 s.
        EXPECT_NEAR(std::remainder(t, 2.0), 0.0, 0.03) << t;
        if (std::abs(t - 24.0) <= 4.0) nearTheChange = true;
    }
    EXPECT_TRUE(nearTheChange) << r.out;
}

TEST(AnalyzeCli, BadInputIsOneLineAndAFailure) {
    test::TempDir dir;
    const CliResult missing = runCli({"analyze", (dir / "no-such-song").string()});
    test::expectOneLineError(missing, "no-such-song");

    std::filesystem::create_directories(dir / "empty");
    const CliResult empty = runCli({"analyze", (dir / "empty").string()});
    EXPECT_NE(empty.status, 0);
    EXPECT_EQ(empty.out, "");
    EXPECT_EQ(empty.err.find('\n'), empty.err.size() - 1) << empty.err;

    const CliResult usage = runCli({"analyze"});
    EXPECT_EQ(usage.status, 2);
    EXPECT_NE(usage.err.find("'analyze' needs SONG"), std::string::npos) << usage.err;
}

}  // namespace unity_AnalyzeCliTest
