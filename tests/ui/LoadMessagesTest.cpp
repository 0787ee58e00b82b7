#include <gtest/gtest.h>

#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/ui/LoadMessages.h"

using stemdeck::audio::FileIssue;
using stemdeck::audio::LoadError;
using stemdeck::ui::LoadMessages;
using Problem = LoadMessages::FileProblem;
namespace test = stemdeck::test;

namespace {

FileIssue issue(const char* file, const char* message) {
    return {std::filesystem::path("/songs/Song") / file, message};
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

// Every message the loader writes about a file, in the musician's terms.
TEST(LoadMessages, EachFileProblemTheLoaderReportsHasAMusiciansName) {
    EXPECT_EQ(LoadMessages::classify(
                  issue("x.wav", "x.wav: cannot read: Format not recognised; skipped")),
              Problem::NotAudio);
    EXPECT_EQ(LoadMessages::classify(issue("cut.wav",
                                           "cut.wav: cannot read: Error in WAV file. No "
                                           "'data' chunk marker; skipped")),
              Problem::NotAudio);
    EXPECT_EQ(LoadMessages::classify(issue("a.flac",
                                           "a.flac: cannot decode: failed at 2.00 s: "
                                           "lost sync; skipped")),
              Problem::NotAudio);
    EXPECT_EQ(LoadMessages::classify(issue("h.flac",
                                           "h.flac: header claims 68719476735 frames, "
                                           "impossible for a 9.8 kB file; skipped")),
              Problem::NotAudio);
    EXPECT_EQ(LoadMessages::classify(issue("o.ogg",
                                           "o.ogg: length unknown (damaged or cut "
                                           "short?); skipped")),
              Problem::NotAudio);
    EXPECT_EQ(LoadMessages::classify(issue("e.wav", "e.wav: no audio (0 frames); skipped")),
              Problem::Empty);
    EXPECT_EQ(
        LoadMessages::classify(issue("l.wav", "l.wav: cannot read: Permission denied; skipped")),
        Problem::Unreadable);
    EXPECT_EQ(
        LoadMessages::classify(issue("tracks", "tracks/: cannot list: Permission denied; skipped")),
        Problem::Unreadable);
    EXPECT_EQ(LoadMessages::classify(
                  issue("big.wav", "big.wav: not enough memory to decode it; skipped")),
              Problem::TooBig);
    EXPECT_EQ(LoadMessages::classify(issue("r.wav",
                                           "r.wav: sample rate 100 Hz is outside 8-384 kHz; "
                                           "skipped")),
              Problem::UnsupportedRate);
    EXPECT_EQ(LoadMessages::classify(issue("q.wav", "q.wav: something new; skipped")),
              Problem::Other);
}

TEST(LoadMessages, ASongOfOnlyBrokenFilesIsToldPlainlyWithTheDetailBehind) {
    test::TempDir dir;
    const QString folder = test::qpath(dir / "Song");
    const auto m = LoadMessages::songFailed(failure(
        LoadError::Kind::NoStems, folder,
        QStringLiteral("no stem could be loaded from X: all 1 audio files failed; x.wav: cannot "
                       "read: Format not recognised; skipped"),
        {issue("x.wav", "x.wav: cannot read: Format not recognised; skipped")}));
    EXPECT_EQ(m.summary, QStringLiteral("None of the files in \u201cSong\u201d could be played. 1 "
                                        "file is damaged or not audio."));
    EXPECT_EQ(m.details, QStringLiteral("x.wav: cannot read: Format not recognised; skipped"));

    const auto several = LoadMessages::songFailed(
        failure(LoadError::Kind::NoStems, folder, QStringLiteral("…"),
                {issue("a.wav", "a.wav: cannot read: Format not recognised; skipped"),
                 issue("b.wav", "b.wav: cannot read: Permission denied; skipped"),
                 issue("c.ogg", "c.ogg: length unknown (damaged or cut short?); skipped")}));
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
        {issue("x.wav", "x.wav: cannot read: Format not recognised; skipped")});
    EXPECT_EQ(one.summary,
              QStringLiteral("\u201cx.wav\u201d was left out of \u201cSong\u201d: it is "
                             "damaged or not audio."));
    EXPECT_EQ(one.details, QStringLiteral("x.wav: cannot read: Format not recognised; skipped"));
    const auto two = LoadMessages::filesSkipped(
        QStringLiteral("Song"), {issue("x.wav", "x.wav: no audio (0 frames); skipped"),
                                 issue("y.wav", "y.wav: no audio (0 frames); skipped")});
    EXPECT_EQ(two.summary,
              QStringLiteral("2 files of \u201cSong\u201d were left out (x.wav, y.wav): "
                             "2 files hold no audio."));
    EXPECT_TRUE(LoadMessages::filesSkipped(QStringLiteral("Song"), {}).summary.isEmpty());
}
