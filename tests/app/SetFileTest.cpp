// The set file (.stemset): parsing, the messages for bad files and bad entries, the round trip
// with unknown keys, atomic saves.

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <string>

#include "AudioFiles.h"
#include "FileBytes.h"
#include "TempDir.h"
#include "stemdeck/app/set/SetFile.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SetFileTest {

namespace fs = std::filesystem;
using namespace stemdeck::app::set;
using stemdeck::test::TempDir;

namespace {

ParsedSet parse(const std::string& text) {
    return SetFile::parse(text, "/nowhere");
}

// The problems that name entry `entry` (1-based).
std::vector<SetProblem> problemsOf(const ParsedSet& parsed, std::size_t entry) {
    std::vector<SetProblem> out;
    for (const auto& p : parsed.problems)
        if (p.entry == entry) out.push_back(p);
    return out;
}

// A set file as stemdeck writes it: every key known or not, in the order it keeps them.
const std::string kCanonical = R"({
  "name": "Friday rehearsal",
  "songs": [
    {
      "path": "First Light",
      "transition": "stop"
    },
    {
      "path": "Brassed_Up",
      "transition": "segue",
      "tempo": 0.9,
      "pitch": -2,
      "cents": 15.5,
      "click": true,
      "count_in": 1,
      "start_marker": "Verse",
      "lights": {
        "scene": 4
      }
    },
    {
      "path": "../Reunion",
      "transition": "gap",
      "gap_s": 4
    },
    {
      "path": "/music/Dynamic_Strings",
      "transition": "crossfade",
      "crossfade_s": 2.5
    }
  ],
  "venue": "Hall B",
  "version": 3
}
)";

}  // namespace

TEST(SetFile, ReadsEveryFieldOfAnEntry) {
    const ParsedSet parsed = parse(kCanonical);
    ASSERT_TRUE(parsed.readable);
    EXPECT_TRUE(parsed.problems.empty()) << parsed.problems.front().message;
    EXPECT_EQ(parsed.set.name, "Friday rehearsal");
    ASSERT_EQ(parsed.set.songs.size(), 4u);
    const SetEntry& b = parsed.set.songs[1];
    EXPECT_EQ(b.path, "Brassed_Up");
    EXPECT_EQ(b.transition, Transition::Segue);
    EXPECT_DOUBLE_EQ(b.tempo, 0.9);
    EXPECT_DOUBLE_EQ(b.pitchCents(), -200.0 + 15.5);
    EXPECT_TRUE(b.click);
    EXPECT_EQ(b.countInBars, 1);
    EXPECT_EQ(b.startMarker, "Verse");
    EXPECT_EQ(parsed.set.songs[0].transition, Transition::Stop);
    EXPECT_EQ(parsed.set.songs[2].transition, Transition::Gap);
    EXPECT_DOUBLE_EQ(parsed.set.songs[2].gapSeconds, 4.0);
    EXPECT_DOUBLE_EQ(parsed.set.songs[3].crossfadeSeconds, 2.5);
}

TEST(SetFile, DefaultsWhenAnEntryGivesOnlyItsPath) {
    const ParsedSet parsed = parse(R"({"songs": [{"path": "A"}]})");
    ASSERT_EQ(parsed.set.songs.size(), 1u);
    const SetEntry& a = parsed.set.songs[0];
    EXPECT_EQ(a.transition, Transition::Stop);
    EXPECT_DOUBLE_EQ(a.tempo, 1.0);
    EXPECT_DOUBLE_EQ(a.pitchCents(), 0.0);
    EXPECT_FALSE(a.click);
    EXPECT_EQ(a.countInBars, 0);
    EXPECT_TRUE(parsed.problems.empty());
}

TEST(SetFile, ARoundTripKeepsUnknownKeysAndTheBytes) {
    const ParsedSet parsed = parse(kCanonical);
    EXPECT_EQ(SetFile::serialize(parsed.set), kCanonical);

    // A change keeps every unknown key where it was.
    SetList changed = parsed.set;
    changed.songs[1].tempo = 1.1;
    const std::string text = SetFile::serialize(changed);
    EXPECT_NE(text.find("\"tempo\": 1.1"), std::string::npos) << text;
    EXPECT_NE(text.find("\"scene\": 4"), std::string::npos) << text;
    EXPECT_NE(text.find("\"venue\": \"Hall B\""), std::string::npos) << text;
    EXPECT_EQ(SetFile::serialize(parse(text).set), text);
}

TEST(SetFile, GuideCuesAreSetLevelKeysThatRoundTrip) {
    const ParsedSet plain = parse(kCanonical);
    EXPECT_FALSE(plain.set.guideCues);
    EXPECT_DOUBLE_EQ(plain.set.guideCueLevelDb, kDefaultGuideCueLevelDb);

    const std::string withCues = R"({
  "name": "Cued",
  "songs": [
    {
      "path": "A",
      "transition": "stop"
    }
  ],
  "guide_cues": true,
  "guide_cue_level_db": -12.5,
  "venue": "Hall B"
}
)";
    const ParsedSet parsed = parse(withCues);
    EXPECT_TRUE(parsed.problems.empty()) << parsed.problems.front().message;
    EXPECT_TRUE(parsed.set.guideCues);
    EXPECT_DOUBLE_EQ(parsed.set.guideCueLevelDb, -12.5);
    EXPECT_FALSE(parsed.set.extra.contains("guide_cues"));
    EXPECT_EQ(SetFile::serialize(parsed.set), withCues);  // unknown keys kept, same bytes

    SetList off = parsed.set;
    off.guideCues = false;
    off.guideCueLevelDb = kDefaultGuideCueLevelDb;
    const std::string text = SetFile::serialize(off);
    EXPECT_EQ(text.find("guide_cue"), std::string::npos) << "defaults are left out: " << text;
    EXPECT_NE(text.find("\"venue\": \"Hall B\""), std::string::npos) << text;
}

TEST(SetFile, ABadGuideCueValueIsSaidAndKept) {
    const ParsedSet parsed =
        parse(R"({"songs": [{"path": "A"}], "guide_cues": "yes", "guide_cue_level_db": -60})");
    ASSERT_TRUE(parsed.readable);
    ASSERT_EQ(parsed.set.songs.size(), 1u);
    ASSERT_EQ(problemsOf(parsed, 0).size(), 2u);
    EXPECT_NE(parsed.problems[0].message.find("guide_cues 'yes' is not true or false"),
              std::string::npos)
        << parsed.problems[0].message;
    EXPECT_NE(parsed.problems[1].message.find("guide_cue_level_db -60 is out of range (-40..0 dB)"),
              std::string::npos)
        << parsed.problems[1].message;
    EXPECT_FALSE(parsed.set.guideCues);
    EXPECT_DOUBLE_EQ(parsed.set.guideCueLevelDb, kDefaultGuideCueLevelDb);
    const std::string text = SetFile::serialize(parsed.set);
    EXPECT_NE(text.find("\"guide_cue_level_db\": -60"), std::string::npos) << text;
}

TEST(SetFile, ABadValueIsKeptAsWrittenOnSave) {
    const ParsedSet parsed = parse(R"({"songs": [{"path": "A", "transition": "fade"}]})");
    EXPECT_EQ(parsed.set.songs[0].transition, Transition::Stop);
    const std::string text = SetFile::serialize(parsed.set);
    EXPECT_NE(text.find("\"transition\": \"fade\""), std::string::npos) << text;
    EXPECT_EQ(text.find("\"stop\""), std::string::npos) << text;
}

TEST(SetFile, RelativePathsResolveAgainstTheSetFilesFolder) {
    TempDir dir;
    fs::create_directories(dir / "sets");
    stemdeck::test::writeTextFile(
        dir / "sets" / "friday.stemset",
        R"({"songs": [{"path": "../songs/A"}, {"path": "B/"}, {"path": "/abs/C"}]})");
    const ParsedSet parsed = SetFile::read(dir / "sets" / "friday.stemset");
    ASSERT_EQ(parsed.set.songs.size(), 3u);
    const fs::path folder = fs::absolute(dir / "sets");
    EXPECT_EQ(parsed.set.songs[0].resolve(folder), fs::absolute(dir / "songs" / "A"));
    EXPECT_EQ(parsed.set.songs[1].resolve(folder), fs::absolute(dir / "sets" / "B/"));
    EXPECT_EQ(parsed.set.songs[2].resolve(folder), fs::path("/abs/C"));
}

TEST(SetFile, DamagedJsonSaysWhereWithLineAndColumn) {
    const ParsedSet parsed = parse("{\"songs\": [\n  {\"path\": \"A\"},\n  {\"path\" \"B\"}\n]}");
    EXPECT_FALSE(parsed.readable);
    ASSERT_EQ(parsed.problems.size(), 1u);
    EXPECT_TRUE(parsed.problems[0].isError());
    EXPECT_TRUE(
        parsed.problems[0].message.starts_with("damaged JSON at line 3, column 13: syntax error"))
        << parsed.problems[0].message;
}

// Found by the set_file fuzzer: a number beyond a double threw past the parse_error handler.
TEST(SetFile, ANumberTooLargeForADoubleIsDamagedJsonNotACrash) {
    ParsedSet parsed;
    ASSERT_NO_THROW(parsed = parse("{\"songs\": [{\"path\": \"A\", \"tempo\": 1e999}]}"));
    EXPECT_FALSE(parsed.readable);
    ASSERT_EQ(parsed.problems.size(), 1u);
    EXPECT_EQ(parsed.problems[0].message, "damaged JSON: a number is too large to read");
}

TEST(SetFile, NotASetSaysWhatASetLooksLike) {
    for (const std::string text : {"[1, 2]", "{\"name\": \"x\"}", "{\"songs\": {}}", "42"}) {
        const ParsedSet parsed = parse(text);
        EXPECT_FALSE(parsed.readable) << text;
        ASSERT_EQ(parsed.problems.size(), 1u) << text;
        EXPECT_TRUE(parsed.problems[0].message.starts_with("not a set file")) << text;
        EXPECT_EQ(parsed.problems[0].message.find('\n'), std::string::npos);
    }
}

TEST(SetFile, NonUtf8IsRefusedNamingTheByte) {
    const ParsedSet parsed = parse("{\"songs\": [{\"path\": \"Caf\xe9\"}]}");
    EXPECT_FALSE(parsed.readable);
    ASSERT_EQ(parsed.problems.size(), 1u);
    EXPECT_EQ(parsed.problems[0].message,
              "not UTF-8 text: byte 25 (line 1, column 25) is not UTF-8");
}

// Each bad entry is said naming it (number and path); the entries around it load untouched.
TEST(SetFile, EachBadEntryIsNamedAndTheRestLoads) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"({"path": "B", "transition": "fade"})", "transition 'fade' is unknown"},
        {R"({"path": "B", "transition": 3})", "transition 3 is unknown"},
        {R"({"path": "B", "transition": "gap", "gap_s": -2})", "gap_s -2 is negative"},
        {R"({"path": "B", "transition": "gap", "gap_s": 900})", "gap_s 900 is out of range"},
        {R"({"path": "B", "gap_s": "4"})", "gap_s '4' is not a number"},
        {R"({"path": "B", "crossfade_s": 0})", "crossfade_s 0 must be above 0"},
        {R"({"path": "B", "crossfade_s": 31})", "crossfade_s 31 is out of range"},
        {R"({"path": "B", "tempo": 2})", "tempo 2 is out of range (0.5..1.5)"},
        {R"({"path": "B", "tempo": 0.25})", "tempo 0.25 is out of range"},
        {R"({"path": "B", "pitch": 13})", "pitch 13 is out of range (-12..12 semitones)"},
        {R"({"path": "B", "cents": -101})", "cents -101 is out of range"},
        {R"({"path": "B", "pitch": 12, "cents": 50})", "cents 50 takes the pitch past 12"},
        {R"({"path": "B", "count_in": 17})", "count_in 17 is out of range (0..16 bars)"},
        {R"({"path": "B", "count_in": 1.5})", "count_in 1.5 is not a whole number"},
        {R"({"path": "B", "click": "yes"})", "click 'yes' is not true or false"},
        {R"({"path": "B", "start_marker": 2})", "start_marker 2 is not a text"},
    };
    for (const auto& [entry, expected] : cases) {
        const ParsedSet parsed =
            parse(R"({"songs": [{"path": "A"}, )" + entry + R"(, {"path": "C"}]})");
        ASSERT_TRUE(parsed.readable) << entry;
        EXPECT_EQ(parsed.set.songs.size(), 3u) << entry;
        const auto problems = problemsOf(parsed, 2);
        ASSERT_EQ(problems.size(), 1u) << entry;
        EXPECT_TRUE(problems[0].isError());
        EXPECT_TRUE(problems[0].message.starts_with("entry 2 (B): ")) << problems[0].message;
        EXPECT_NE(problems[0].message.find(expected), std::string::npos)
            << problems[0].message << " / expected: " << expected;
        EXPECT_TRUE(problemsOf(parsed, 1).empty()) << entry;
        EXPECT_TRUE(problemsOf(parsed, 3).empty()) << entry;
        EXPECT_EQ(parsed.set.songs[2].path, "C");
    }
}

TEST(SetFile, AnEntryWithoutAPathOrNotAnObjectIsNamedByNumber) {
    const ParsedSet parsed = parse(R"({"songs": [{"tempo": 1.2}, "Song", {"path": "C"}]})");
    ASSERT_EQ(parsed.set.songs.size(), 3u);
    ASSERT_EQ(problemsOf(parsed, 1).size(), 1u);
    EXPECT_TRUE(problemsOf(parsed, 1)[0].message.starts_with("entry 1: no \"path\""));
    ASSERT_EQ(problemsOf(parsed, 2).size(), 1u);
    EXPECT_EQ(problemsOf(parsed, 2)[0].message,
              "entry 2: not an object {\"path\": ...} but 'Song'");
    // Written back as it was.
    EXPECT_NE(SetFile::serialize(parsed.set).find("\"Song\""), std::string::npos);
}

TEST(SetFile, ASongListedTwiceIsAWarningNamingBothEntries) {
    const ParsedSet parsed = SetFile::parse(
        R"({"songs": [{"path": "A"}, {"path": "B"}, {"path": "sub/../A/"}]})", "/set");
    ASSERT_EQ(parsed.problems.size(), 1u);
    EXPECT_FALSE(parsed.problems[0].isError());
    EXPECT_EQ(parsed.problems[0].entry, 3u);
    EXPECT_EQ(parsed.problems[0].message,
              "entry 3 (sub/../A/): the same song as entry 1 (A) (played twice: fine for a "
              "reprise)");
}

TEST(SetFile, AHugeFileIsRefusedUnread) {
    TempDir dir;
    const fs::path file = dir / "huge.stemset";
    stemdeck::test::writeTextFile(file, "{}");
    fs::resize_file(file, kMaxSetFileBytes + 1);  // sparse: no disk used
    const ParsedSet parsed = SetFile::read(file);
    EXPECT_FALSE(parsed.readable);
    ASSERT_EQ(parsed.problems.size(), 1u);
    EXPECT_NE(parsed.problems[0].message.find("is too big for a set file"), std::string::npos)
        << parsed.problems[0].message;
    EXPECT_TRUE(parsed.problems[0].message.starts_with(file.string()));
}

TEST(SetFile, AMissingFileOrAFolderIsSaid) {
    TempDir dir;
    EXPECT_EQ(SetFile::read(dir / "no.stemset").problems.at(0).message,
              (dir / "no.stemset").string() + ": no such set file");
    EXPECT_EQ(SetFile::read(dir.path()).problems.at(0).message,
              dir.path().string() + ": a folder, not a set file");
}

TEST(SetFile, SavesAndReadsBack) {
    TempDir dir;
    const ParsedSet parsed = parse(kCanonical);
    std::string error;
    ASSERT_TRUE(SetFile::save(dir / "friday.stemset", parsed.set, &error)) << error;
    EXPECT_EQ(stemdeck::test::readFile(dir / "friday.stemset"), kCanonical);
    EXPECT_TRUE(SetFile::isSetPath(dir / "friday.stemset"));
}

TEST(SetFile, SaveRefusesANameThatIsNotASetFile) {
    TempDir dir;
    std::string error;
    EXPECT_FALSE(SetFile::save(dir / "bass.wav", parse(kCanonical).set, &error));
    EXPECT_EQ(error, (dir / "bass.wav").string() + ": a set file's name ends in .stemset");
    EXPECT_FALSE(fs::exists(dir / "bass.wav"));
}

// A save that fails half-way (here the file size limit, which even root cannot pass) leaves
// the old file as it was: the new text goes to a temporary file renamed over it on success.
TEST(SetFile, AFailedSaveLeavesTheOldFile) {
    TempDir dir;
    const fs::path file = dir / "friday.stemset";
    SetList small = parse(kCanonical).set;
    std::string error;
    ASSERT_TRUE(SetFile::save(file, small, &error)) << error;
    SetList big = small;
    for (int i = 0; i < 2000; ++i) big.songs.push_back(small.songs[1]);
    ASSERT_GT(SetFile::serialize(big).size(), 64u * 1024);

    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{16 * 1024, 16 * 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        std::string why;
        ::_exit(SetFile::save(file, big, &why) ? 1 : 0);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "the save should have failed";
    EXPECT_EQ(stemdeck::test::readFile(file), kCanonical);
}

TEST(SetFile, AFileIsASetByItsNameOrItsContent) {
    TempDir dir;
    stemdeck::test::writeTextFile(dir / "setlist.json", R"({"songs": []})");
    stemdeck::test::writeTextFile(dir / "notes.json", R"({"title": "x"})");
    EXPECT_TRUE(SetFile::isSetPath(dir / "setlist.json"));
    EXPECT_FALSE(SetFile::isSetPath(dir / "notes.json"));
    EXPECT_TRUE(SetFile::isSetPath(dir / "missing.stemset"));
    EXPECT_FALSE(SetFile::isSetPath(dir.path()));
    fs::create_directories(dir / "odd.stemset");
    EXPECT_FALSE(SetFile::isSetPath(dir / "odd.stemset")) << "a folder is a song";
}

TEST(SetFile, AnEntryPlaysLikeAnotherOnlyWithTheSameTransitionStartAndSettings) {
    SetEntry base;
    base.path = "A";
    SetEntry elsewhere = base;
    elsewhere.path = "B";
    elsewhere.extra["note"] = "kept for a save";
    EXPECT_TRUE(base.playsLike(elsewhere)) << "the path and unknown keys do not change playing";
    // The same transposition written two ways plays alike.
    SetEntry semitone = base;
    semitone.pitchSemitones = 1.0;
    SetEntry hundredCents = base;
    hundredCents.cents = 100.0;
    EXPECT_TRUE(semitone.playsLike(hundredCents));
    const std::vector<void (*)(SetEntry&)> changes = {
        [](SetEntry& e) { e.transition = Transition::Segue; },
        [](SetEntry& e) { e.gapSeconds = 4.0; },
        [](SetEntry& e) { e.crossfadeSeconds = 5.0; },
        [](SetEntry& e) { e.tempo = 0.9; },
        [](SetEntry& e) { e.cents = -20.0; },
        [](SetEntry& e) { e.click = true; },
        [](SetEntry& e) { e.countInBars = 2; },
        [](SetEntry& e) { e.startMarker = "Chorus"; },
    };
    for (std::size_t i = 0; i < changes.size(); ++i) {
        SetEntry changed = base;
        changes[i](changed);
        EXPECT_FALSE(base.playsLike(changed)) << "change " << i;
        EXPECT_FALSE(changed.playsLike(base)) << "change " << i;
    }
}

}  // namespace unity_SetFileTest
