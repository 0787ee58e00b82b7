// "Check set": every song of a set verified without playing it, each problem naming its entry.

#include <gtest/gtest.h>
#include <sndfile.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/set/SetCheck.h"
#include "stemdeck/app/set/SetFile.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SetCheckTest {

namespace fs = std::filesystem;
using namespace stemdeck::app::set;
using stemdeck::test::TempDir;
using stemdeck::test::writeSineSong;

namespace {

constexpr int kRate = 8000;

SetEntry entry(const std::string& path, Transition transition = Transition::Stop) {
    SetEntry e;
    e.path = path;
    e.transition = transition;
    return e;
}

std::string allMessages(const std::vector<SetProblem>& problems) {
    std::string text;
    for (const auto& p : problems) text += p.line() + "\n";
    return text;
}

// Songs A (1 s), B (2 s) and C (3 s) of one mono float stem at 8 kHz: 4 bytes a frame decoded.
class SetCheckTest : public ::testing::Test {
  protected:
    void SetUp() override {
        writeSineSong(dir_.path(), "A", 1.0, 1, kRate);
        writeSineSong(dir_.path(), "B", 2.0, 1, kRate);
        writeSineSong(dir_.path(), "C", 3.0, 1, kRate);
    }
    SetReport check(const SetList& set, CheckOptions options = {}) {
        options.markers = &markers_;
        return SetCheck::run(set, dir_.path(), options);
    }
    TempDir dir_;
    TempDir markerDir_;
    stemdeck::app::MarkerStore markers_{QString::fromStdString(markerDir_.path().string())};
};

}  // namespace

TEST_F(SetCheckTest, AGoodSetHasNoProblemsAndItsDurationCountsGapsCrossfadesAndTempo) {
    SetList set;
    set.songs = {entry("A", Transition::Gap), entry("B", Transition::Crossfade), entry("C")};
    set.songs[0].gapSeconds = 4.0;
    set.songs[1].crossfadeSeconds = 0.5;
    set.songs[1].tempo = 0.8;  // 2 s heard as 2.5 s
    const SetReport report = check(set);
    EXPECT_TRUE(report.problems.empty()) << allMessages(report.problems);
    ASSERT_EQ(report.songs.size(), 3u);
    EXPECT_TRUE(report.songs[1].found);
    EXPECT_EQ(report.songs[1].title, "B");
    EXPECT_EQ(report.songs[1].sampleRate, kRate);
    EXPECT_DOUBLE_EQ(report.songs[1].seconds, 2.0);
    EXPECT_EQ(report.songs[2].bytes, 3u * kRate * 4);
    EXPECT_NEAR(report.totalSeconds, 1.0 + 4.0 + 2.5 - 0.5 + 3.0, 1e-9);
}

TEST_F(SetCheckTest, AMissingSongAndAFileInsteadOfAFolderAreErrorsNamingTheEntry) {
    stemdeck::test::writeTextFile(dir_ / "notes.txt", "hello");
    SetList set;
    set.songs = {entry("A"), entry("Gone"), entry("notes.txt"), entry("B/stem0.wav"), entry("C")};
    const SetReport report = check(set);
    ASSERT_EQ(report.problems.size(), 3u) << allMessages(report.problems);
    EXPECT_EQ(report.problems[0].message,
              "entry 2 (Gone): no song folder at " + (dir_ / "Gone").string());
    EXPECT_EQ(report.problems[1].message, "entry 3 (notes.txt): " + (dir_ / "notes.txt").string() +
                                              " is a file, not a song folder");
    EXPECT_EQ(report.problems[2].entry, 4u);
    EXPECT_NE(report.problems[2].message.find("is a file, not a song folder"), std::string::npos);
    for (const auto& p : report.problems) EXPECT_TRUE(p.isError());
    EXPECT_TRUE(report.songs[4].found);  // the rest is checked as usual
}

TEST_F(SetCheckTest, AFolderWithoutStemsIsAnError) {
    fs::create_directories(dir_ / "Empty");
    stemdeck::test::writeTextFile(dir_ / "Empty" / "lyrics.txt", "la la");
    SetList set;
    set.songs = {entry("Empty")};
    const SetReport report = check(set);
    ASSERT_EQ(report.problems.size(), 1u) << allMessages(report.problems);
    EXPECT_EQ(report.problems[0].message, "entry 1 (Empty): no stems the loader can take");
}

// A FLAC cut short keeps a header giving its whole length: its first second decodes, its last
// does not.
TEST_F(SetCheckTest, AStemCutShortIsCaughtByDecodingItsEnd) {
    const fs::path song = dir_ / "Cut";
    fs::create_directories(song);
    ASSERT_TRUE(stemdeck::test::writeAudioFile(song / "drums.flac",
                                               {stemdeck::test::noise(0.5, 6 * kRate, 3)}, kRate));
    fs::resize_file(song / "drums.flac", fs::file_size(song / "drums.flac") / 2);
    SetList set;
    set.songs = {entry("Cut")};
    const SetReport quick = check(set, {.decodeEnds = false});
    EXPECT_TRUE(quick.problems.empty()) << "headers alone do not show it";
    const SetReport report = check(set);
    ASSERT_EQ(report.problems.size(), 1u) << allMessages(report.problems);
    EXPECT_TRUE(report.problems[0].isError());
    EXPECT_TRUE(report.problems[0].message.starts_with("entry 1 (Cut): drums.flac: "))
        << report.problems[0].message;
}

// Longer than its songs allow, a crossfade plays shortened (CrossfadeRule.h): one warning
// line naming the entry, the asked and the applied length.
TEST_F(SetCheckTest, ACrossfadeLongerThanItsSongsIsShortenedWithAWarning) {
    SetList set;
    set.songs = {entry("C", Transition::Crossfade), entry("A"), entry("B")};
    set.songs[0].crossfadeSeconds = 1.5;  // C is 3 s, A only 1 s
    const SetReport report = check(set);
    ASSERT_EQ(report.problems.size(), 1u) << allMessages(report.problems);
    EXPECT_FALSE(report.problems[0].isError());
    EXPECT_EQ(report.problems[0].line(),
              "warning: entry 1 (C): the crossfade of 1.50 s is longer than its songs allow; "
              "1.00 s applied");
    EXPECT_NEAR(report.totalSeconds, 3.0 + 1.0 - 1.0 + 2.0, 1e-9);
    // At tempo 0.5, A lasts 2 s: the crossfade fits.
    set.songs[1].tempo = 0.5;
    EXPECT_TRUE(check(set).problems.empty()) << allMessages(check(set).problems);
    // The outgoing song counts from its start marker: C from 2.6 s plays 0.4 s.
    ASSERT_TRUE(markers_.save(QString::fromStdString((dir_ / "C").string()),
                              {{QStringLiteral("Outro"), 2.6}}));
    set.songs[0].startMarker = "Outro";
    const SetReport marked = check(set);
    ASSERT_EQ(marked.problems.size(), 1u) << allMessages(marked.problems);
    EXPECT_EQ(marked.problems[0].message,
              "entry 1 (C): the crossfade of 1.50 s is longer than its songs allow; 0.40 s "
              "applied");
}

TEST_F(SetCheckTest, AStartMarkerTheSongDoesNotHaveIsAnError) {
    ASSERT_TRUE(markers_.save(QString::fromStdString((dir_ / "B").string()),
                              {{QStringLiteral("Verse"), 0.5}, {QStringLiteral("Chorus"), 1.0}}));
    SetList set;
    set.songs = {entry("A"), entry("B"), entry("B")};
    set.songs[1].startMarker = "Chorus";
    set.songs[2].startMarker = "Bridge";
    const SetReport report = check(set);
    ASSERT_EQ(report.problems.size(), 1u) << allMessages(report.problems);
    EXPECT_EQ(report.problems[0].message,
              "entry 3 (B): start marker 'Bridge' is not one of the song's markers (Verse, "
              "Chorus)");
}

TEST_F(SetCheckTest, TheLargestAdjacentPairMustFitInMemory) {
    SetList set;
    set.songs = {entry("A"), entry("B"), entry("C"), entry("A")};
    const std::uint64_t pairBC = (2u + 3u) * kRate * 4;  // the largest pair
    EXPECT_TRUE(check(set, {.memoryLimitBytes = pairBC}).problems.empty());
    const SetReport report = check(set, {.memoryLimitBytes = pairBC - 1});
    ASSERT_EQ(report.problems.size(), 1u) << allMessages(report.problems);
    EXPECT_EQ(report.problems[0].entry, 2u);
    EXPECT_TRUE(report.problems[0].message.starts_with(
        "entry 2 (B) and entry 3 (C) need 160.0 kB together"))
        << report.problems[0].message;
}

TEST_F(SetCheckTest, StemsAtDifferentRatesAreAWarningSayingTheResampling) {
    const fs::path song = dir_ / "Mixed";
    fs::create_directories(song);
    ASSERT_TRUE(stemdeck::test::writeAudioFile(
        song / "a.wav", {stemdeck::test::sine(220, 0.2, 44100, 44100)}, 44100));
    ASSERT_TRUE(stemdeck::test::writeAudioFile(
        song / "b.wav", {stemdeck::test::sine(220, 0.2, 48000, 48000)}, 48000));
    ASSERT_TRUE(stemdeck::test::writeAudioFile(
        song / "c.wav", {stemdeck::test::sine(220, 0.2, 48000, 48000)}, 48000));
    SetList set;
    set.songs = {entry("Mixed")};
    const SetReport report = check(set);
    ASSERT_EQ(report.problems.size(), 1u) << allMessages(report.problems);
    EXPECT_FALSE(report.problems[0].isError());
    EXPECT_EQ(report.problems[0].message,
              "entry 1 (Mixed): stems at different rates (1 at 44100 Hz, 2 at 48000 Hz): the "
              "loader resamples them to 48000 Hz, which loads slower");
}

// 500 songs parse and check in well under the bound on a busy 2-core machine: work that grows
// with the square of the songs (a repeat search, a pair search) would not.
TEST_F(SetCheckTest, FiveHundredSongsParseAndCheckFast) {
    constexpr int kSongs = 500;
    std::string text = R"({"name": "Long night", "songs": [)";
    for (int i = 0; i < kSongs; ++i) {
        const std::string name = "s" + std::to_string(i);
        const fs::path folder = dir_ / "many" / name;
        fs::create_directories(folder);
        // 2.5 s: long enough for the check to decode both ends of each stem.
        ASSERT_TRUE(stemdeck::test::writeAudioFile(
            folder / "x.wav", {stemdeck::test::sine(220, 0.2, kRate, kRate * 5 / 2)}, kRate,
            SF_FORMAT_WAV | SF_FORMAT_PCM_16));
        text += (i ? ", " : "") + std::string(R"({"path": "many/)") + name +
                R"(", "transition": "gap", "gap_s": 1})";
    }
    text += "]}";
    const auto start = std::chrono::steady_clock::now();
    const ParsedSet parsed = SetFile::parse(text, dir_.path());
    const SetReport report = check(parsed.set);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 10.0);
    EXPECT_TRUE(parsed.problems.empty());
    EXPECT_TRUE(report.problems.empty()) << allMessages(report.problems);
    EXPECT_NEAR(report.totalSeconds, kSongs * 2.5 + (kSongs - 1) * 1.0, 1e-6);
    RecordProperty("seconds", std::to_string(seconds));
    std::printf("500 songs parsed and checked in %.3f s\n", seconds);
}

TEST(SetCheck, TheTimeFromEachEntryIsTheRestOfTheSetAsHeard) {
    SetList set;
    std::vector<SongSummary> songs;
    const auto add = [&](double seconds, double tempo, Transition transition) {
        SetEntry entry;
        entry.tempo = tempo;
        entry.transition = transition;
        entry.gapSeconds = 4.0;
        entry.crossfadeSeconds = 10.0;  // longer than the 3 s song after it: cut to 3 s
        set.songs.push_back(entry);
        SongSummary song;
        song.seconds = seconds;
        songs.push_back(song);
    };
    add(10.0, 0.5, Transition::Gap);       // 20 s + 4 s
    add(6.0, 1.0, Transition::Crossfade);  // 6 s - 3 s
    add(3.0, 1.0, Transition::Segue);      // 3 s
    add(8.0, 2.0, Transition::Crossfade);  // 4 s, the last: its transition has no effect
    const std::vector<double> from = SetCheck::secondsFrom(set, songs);
    ASSERT_EQ(from.size(), 5u);
    EXPECT_NEAR(from[0], 24.0 + 3.0 + 3.0 + 4.0, 1e-9);
    EXPECT_NEAR(from[1], 3.0 + 3.0 + 4.0, 1e-9);
    EXPECT_NEAR(from[2], 3.0 + 4.0, 1e-9);
    EXPECT_NEAR(from[3], 4.0, 1e-9);
    EXPECT_EQ(from[4], 0.0);
    EXPECT_NEAR(from[0], SetCheck::totalSeconds(set, songs), 1e-9);
    // Each suffix is the set that starts there.
    for (std::size_t r = 0; r < set.songs.size(); ++r) {
        SetList rest;
        rest.songs.assign(set.songs.begin() + static_cast<std::ptrdiff_t>(r), set.songs.end());
        const std::vector<SongSummary> restSongs(songs.begin() + static_cast<std::ptrdiff_t>(r),
                                                 songs.end());
        EXPECT_NEAR(from[r], SetCheck::totalSeconds(rest, restSongs), 1e-9) << "from " << r;
    }
}

}  // namespace unity_SetCheckTest
