// `stemdeck-cli info SET` and `check SET` (and `check SONG`), run as a user would.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "AudioFiles.h"
#include "CliProcess.h"
#include "TempDir.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_CliSetTest {

namespace fs = std::filesystem;
using stemdeck::test::expectOneLineError;
using stemdeck::test::runCli;
using stemdeck::test::TempDir;

namespace {

constexpr int kRate = 8000;

// Songs A (1 s), B (2 s) and C (1 s) beside the set files.
class CliSet : public ::testing::Test {
  protected:
    void SetUp() override {
        stemdeck::test::writeSineSong(dir_.path(), "A", 1.0, 1, kRate);
        stemdeck::test::writeSineSong(dir_.path(), "B", 2.0, 2, kRate);
        stemdeck::test::writeSineSong(dir_.path(), "C", 1.0, 1, kRate);
    }
    std::string set(const std::string& name, const std::string& text) {
        stemdeck::test::writeTextFile(dir_ / name, text);
        return (dir_ / name).string();
    }
    TempDir dir_;
};

// The lines of `text`.
std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
        out.push_back(text.substr(start, nl - start));
    return out;
}

}  // namespace

TEST_F(CliSet, InfoListsTheSongsInOrderWithDurationsTransitionsAndTheTotal) {
    const auto file = set("friday.stemset", R"({"name": "Friday", "songs": [
        {"path": "A", "transition": "gap", "gap_s": 2},
        {"path": "B", "transition": "crossfade", "crossfade_s": 1, "tempo": 0.5},
        {"path": "C", "transition": "segue"}]})");
    const auto r = runCli({"info", file});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json["name"], "Friday");
    ASSERT_EQ(json["songs"].size(), 3u);
    EXPECT_EQ(json["songs"][0]["title"], "A");
    EXPECT_EQ(json["songs"][0]["folder"], (dir_ / "A").string());
    EXPECT_EQ(json["songs"][0]["transition"]["type"], "gap");
    EXPECT_EQ(json["songs"][0]["transition"]["gap_s"], 2);
    EXPECT_EQ(json["songs"][1]["stems"], 2);
    EXPECT_DOUBLE_EQ(json["songs"][1]["duration"].get<double>(), 2.0);
    EXPECT_DOUBLE_EQ(json["songs"][1]["duration_at_tempo"].get<double>(), 4.0);
    EXPECT_EQ(json["songs"][1]["transition"]["crossfade_s"], 1);
    EXPECT_EQ(json["songs"][2]["transition"]["effect"], "none (the last song)");
    // 1 + 2 (gap) + 4 (B at half speed) - 1 (crossfade) + 1
    EXPECT_DOUBLE_EQ(json["duration"].get<double>(), 7.0);
    EXPECT_TRUE(json["problems"].empty());
}

TEST_F(CliSet, InfoListsTheProblemsNamingTheEntries) {
    const auto file = set("bad.stemset", R"({"songs": [{"path": "A"}, {"path": "Gone"},
        {"path": "B", "transition": "fade"}]})");
    const auto r = runCli({"info", file});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    ASSERT_EQ(json["problems"].size(), 2u) << r.out;
    EXPECT_EQ(json["problems"][0]["entry"], 2);
    EXPECT_EQ(json["problems"][0]["kind"], "error");
    EXPECT_EQ(json["problems"][1]["message"],
              "entry 3 (B): transition 'fade' is unknown (stop, gap, segue or crossfade)");
    EXPECT_EQ(json["songs"][1]["found"], false);
    EXPECT_EQ(json["songs"][2]["found"], true);
}

TEST_F(CliSet, CheckOfAGoodSetExitsZero) {
    const auto file = set("good.stemset", R"({"songs": [{"path": "A", "transition": "segue"},
        {"path": "B"}]})");
    const auto r = runCli({"check", file});
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_EQ(r.out, "2 songs (0:03) checked: 0 errors, 0 warnings\n");
}

// Every kind of bad entry in one set: each is one line naming its entry, and the check goes
// on to the others.
TEST_F(CliSet, CheckNamesEachBadEntryAndExitsOne) {
    const auto file = set("bad.stemset", R"({"songs": [
        {"path": "A"},
        {"path": "Gone"},
        {"path": "B", "transition": "fade"},
        {"path": "C", "transition": "gap", "gap_s": -3},
        {"path": "B/stem0.wav"},
        {"path": "A", "transition": "crossfade", "crossfade_s": 1.5},
        {"path": "B", "crossfade_s": 0, "tempo": 3},
        {"path": "C"}]})");
    const auto r = runCli({"check", file});
    EXPECT_EQ(r.status, 1) << r.out << r.err;
    EXPECT_EQ(r.err, "");
    const auto out = lines(r.out);
    const std::vector<std::string> expected = {
        "error: entry 2 (Gone): no song folder at " + (dir_ / "Gone").string(),
        "error: entry 3 (B): transition 'fade' is unknown (stop, gap, segue or crossfade)",
        "error: entry 4 (C): gap_s -3 is negative (0..600 s)",
        "error: entry 5 (B/stem0.wav): " + (dir_ / "B" / "stem0.wav").string() +
            " is a file, not a song folder",
        "warning: entry 6 (A): the same song as entry 1 (A) (played twice: fine for a reprise)",
        "warning: entry 6 (A): the crossfade of 1.50 s is longer than its songs allow; 1.00 s "
        "applied",
        "error: entry 7 (B): crossfade_s 0 must be above 0 (0..30 s)",
        "error: entry 7 (B): tempo 3 is out of range (0.5..1.5)",
        "warning: entry 7 (B): the same song as entry 3 (B) (played twice: fine for a reprise)",
        "warning: entry 8 (C): the same song as entry 4 (C) (played twice: fine for a reprise)",
        "8 songs (0:09) checked: 6 errors, 4 warnings",
    };
    EXPECT_EQ(out, expected) << r.out;
}

TEST_F(CliSet, WarningsAloneArePrintedAndExitZero) {
    const auto file = set("reprise.stemset", R"({"songs": [{"path": "A"}, {"path": "B"},
        {"path": "./A"}]})");
    const auto r = runCli({"check", file});
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_EQ(r.out,
              "warning: entry 3 (./A): the same song as entry 1 (A) (played twice: fine for a "
              "reprise)\n3 songs (0:04) checked: 0 errors, 1 warning\n");
}

TEST_F(CliSet, ADamagedSetFileIsOneLineWithWhereItBreaks) {
    const auto file = set("damaged.stemset", "{\"songs\": [\n  {\"path\": \"A\"},,\n]}");
    const auto check = runCli({"check", file});
    EXPECT_EQ(check.status, 1);
    EXPECT_EQ(check.out.rfind("error: " + file + ": damaged JSON at line 2, column ", 0), 0u)
        << check.out;
    EXPECT_EQ(lines(check.out).size(), 2u) << check.out;
    expectOneLineError(runCli({"info", file}), file + ": damaged JSON at line 2");
}

TEST_F(CliSet, AMissingSetFileIsSaid) {
    expectOneLineError(runCli({"info", (dir_ / "nope.stemset").string()}),
                       (dir_ / "nope.stemset").string() + ": no such set file");
}

TEST_F(CliSet, AFileThatReadsAsASetIsOneWhateverItsName) {
    const auto file = set("tonight.json", R"({"songs": [{"path": "C"}]})");
    const auto r = runCli({"info", file});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["songs"][0]["title"], "C");
}

TEST_F(CliSet, CheckOfOneSong) {
    const auto good = runCli({"check", (dir_ / "B").string()});
    EXPECT_EQ(good.status, 0) << good.out << good.err;
    EXPECT_EQ(good.out, "1 song (0:02) checked: 0 errors, 0 warnings\n");
    const auto missing = runCli({"check", (dir_ / "Gone").string()});
    EXPECT_EQ(missing.status, 1);
    EXPECT_EQ(lines(missing.out).at(0), "error: entry 1 (" + (dir_ / "Gone").string() +
                                            "): no song folder at " + (dir_ / "Gone").string());
}

}  // namespace unity_CliSetTest
