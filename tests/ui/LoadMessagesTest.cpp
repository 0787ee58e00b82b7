#include <gtest/gtest.h>

#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/ui/LoadMessages.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_LoadMessagesTest {

using stemdeck::audio::FileIssue;
using stemdeck::audio::LoadError;
using stemdeck::ui::LoadMessages;
using Problem = LoadMessages::FileProblem;
namespace test = stemdeck::test;

namespace {

FileIssue issue(const char* file, const char* message, Problem problem = Problem::Other) {
    return {std::filesystem::path("/songs/Song") / file, message, problem};
}

stemdeck::app::SongLoader::Result failure(LoadError::Kind kind, const QString& folder,
                                          const QString& error, std::vector<FileIssue> files = {},
                                          std::vector<FileIssue> ignored = {}) {
    stemdeck::app::SongLoader::Result r;
    r.folder = folder;
    r.error = error;
    r.errorKind = kind;
    r.fileErrors = std::move(files);
    r.ignored = std::move(ignored);
    return r;
}

}  // namespace

// Every kind of problem the loader reports about a file has the musician's words, singular and
// plural; the message's own text plays no part (the kind does).
TEST(LoadMessages, EachFileProblemTheLoaderReportsHasAMusiciansName) {
    const std::pair<Problem, const char*> said[] = {
        {Problem::NotAudio, "damaged or not audio"},    {Problem::Empty, "no audio"},
        {Problem::Unreadable, "no permission to read"}, {Problem::TooBig, "memory"},
        {Problem::UnsupportedRate, "sample rate"},      {Problem::Other, "could not be played"}};
    for (const auto& [problem, words] : said) {
        for (const int files : {1, 2})
            EXPECT_TRUE(LoadMessages::describe(problem, files).contains(QLatin1String(words)))
                << words << " / " << files;
        const auto one = LoadMessages::filesSkipped(
            QStringLiteral("Song"),
            {issue("x.wav", "x.wav: cannot read: whatever; skipped", problem)});
        EXPECT_TRUE(one.summary.contains(QLatin1String(words))) << one.summary.toStdString();
    }
}

TEST(LoadMessages, ASongOfOnlyBrokenFilesIsToldPlainlyWithTheDetailBehind) {
    test::TempDir dir;
    const QString folder = test::qpath(dir / "Song");
    const auto m = LoadMessages::songFailed(failure(
        LoadError::Kind::NoStems, folder,
        QStringLiteral("no stem could be loaded from X: all 1 audio files failed; x.wav: cannot "
                       "read: Format not recognised; skipped"),
        {issue("x.wav", "x.wav: cannot read: Format not recognised; skipped", Problem::NotAudio)}));
    EXPECT_EQ(m.summary, QStringLiteral("None of the files in \u201cSong\u201d could be played. 1 "
                                        "file is damaged or not audio."));
    EXPECT_EQ(m.details, QStringLiteral("x.wav: cannot read: Format not recognised; skipped"));

    const auto several = LoadMessages::songFailed(failure(
        LoadError::Kind::NoStems, folder, QStringLiteral("…"),
        {issue("a.wav", "a.wav: cannot read: Format not recognised; skipped", Problem::NotAudio),
         issue("b.wav", "b.wav: cannot read: Permission denied; skipped", Problem::Unreadable),
         issue("c.ogg", "c.ogg: length unknown (damaged or cut short?); skipped",
               Problem::NotAudio)}));
    EXPECT_EQ(several.summary,
              QStringLiteral("None of the files in \u201cSong\u201d could be played. 2 files are "
                             "damaged or not audio, 1 file could not be opened (no permission to "
                             "read it)."));
    EXPECT_EQ(several.details.count(QLatin1Char('\n')), 2) << "one line per file";
}

TEST(LoadMessages, EachKindOfSongFailureIsToldPlainly) {
    const QString missing = QStringLiteral("/nowhere/Gig Song");
    auto m = LoadMessages::songFailed(failure(LoadError::Kind::FolderMissing, missing,
                                              QStringLiteral("song folder not found: /nowhere")));
    EXPECT_TRUE(
        m.summary.startsWith(QStringLiteral("The song folder \u201c/nowhere/Gig Song\u201d "
                                            "is not there")))
        << m.summary.toStdString();
    EXPECT_EQ(m.details, QStringLiteral("song folder not found: /nowhere"));
    m = LoadMessages::songFailed(failure(LoadError::Kind::NotAFolder, QStringLiteral("/a/b.txt"),
                                         QStringLiteral("not a folder")));
    EXPECT_TRUE(m.summary.contains(QStringLiteral("is a file, not a song")))
        << m.summary.toStdString();
    m = LoadMessages::songFailed(failure(LoadError::Kind::OutOfMemory, missing,
                                         QStringLiteral("song needs 34.6 GB of memory")));
    EXPECT_TRUE(m.summary.contains(QStringLiteral("needs more memory than is free")));
    EXPECT_EQ(m.details, QStringLiteral("song needs 34.6 GB of memory"));
    m = LoadMessages::songFailed(
        failure(LoadError::Kind::NoStems, missing,
                QStringLiteral("no audio files in /nowhere (2 other "
                               "files ignored)"),
                {},
                {issue("notes.txt", "notes.txt: not an audio file; ignored"),
                 issue("cover.png", "cover.png: not an audio file; ignored")}));
    EXPECT_EQ(m.summary, QStringLiteral("\u201cGig Song\u201d has no audio files; 2 other files "
                                        "(documents, pictures …) were left out."));
    EXPECT_TRUE(m.details.contains(QStringLiteral("notes.txt: not an audio file")));
}

TEST(LoadMessages, SkippedFilesOfASongThatLoadedAreNamed) {
    const auto one = LoadMessages::filesSkipped(
        QStringLiteral("Song"),
        {issue("x.wav", "x.wav: cannot read: Format not recognised; skipped", Problem::NotAudio)});
    EXPECT_EQ(one.summary,
              QStringLiteral("\u201cx.wav\u201d was left out of \u201cSong\u201d: it is "
                             "damaged or not audio."));
    EXPECT_EQ(one.details, QStringLiteral("x.wav: cannot read: Format not recognised; skipped"));
    const auto two = LoadMessages::filesSkipped(
        QStringLiteral("Song"),
        {issue("x.wav", "x.wav: no audio (0 frames); skipped", Problem::Empty),
         issue("y.wav", "y.wav: no audio (0 frames); skipped", Problem::Empty)});
    EXPECT_EQ(two.summary,
              QStringLiteral("2 files of \u201cSong\u201d were left out (x.wav, y.wav): "
                             "2 files hold no audio."));
    EXPECT_TRUE(LoadMessages::filesSkipped(QStringLiteral("Song"), {}).summary.isEmpty());
}

// Stems that loaded with a warning: one says it in the loader's own (plain) line, several are
// named with their lines behind Details; names are shown printable.
TEST(LoadMessages, StemsLoadedWithAWarningAreNamed) {
    const auto one = LoadMessages::stemsWarned(
        QStringLiteral("Song"),
        {issue("vbr.mp3",
               "vbr.mp3: length 10.03 s, not the 1.32 s its header says; loaded in full")});
    EXPECT_EQ(
        one.summary,
        QStringLiteral("vbr.mp3: length 10.03 s, not the 1.32 s its header says; loaded in full"));
    const auto two = LoadMessages::stemsWarned(
        QStringLiteral("Song"),
        {issue("hot.wav",
               "hot.wav: 106 samples beyond \u00b164 (+36 dBFS) were limited to \u00b164"),
         issue("e\x1b[2J.wav",
               "e\x1b[2J.wav: ended at 3.20 s of 10.00 s (the file changed while loading)")});
    EXPECT_EQ(two.summary,
              QStringLiteral("Some stems of \u201cSong\u201d play, but not quite as their "
                             "files say (hot.wav, e\u241b[2J.wav)."));
    EXPECT_EQ(two.details.count(QLatin1Char('\n')), 1);
    EXPECT_FALSE(two.details.contains(QChar(0x1b)));
    EXPECT_TRUE(LoadMessages::stemsWarned(QStringLiteral("Song"), {}).summary.isEmpty());
}

}  // namespace unity_LoadMessagesTest
