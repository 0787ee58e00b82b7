#include <gtest/gtest.h>

#include <filesystem>

#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/app/SongLocator.h"

using stemdeck::app::SongLocator;
namespace test = stemdeck::test;
namespace fs = std::filesystem;

namespace {
QString q(const fs::path& p) {
    return QString::fromStdString(p.string());
}
}  // namespace

TEST(SongLocator, FoldersFilesAndTheTracksSubfolder) {
    test::TempDir dir;
    fs::create_directories(dir / "song" / "tracks");
    test::writeTextFile(dir / "song" / "bass.wav", "x");
    test::writeTextFile(dir / "song" / "tracks" / "drums.wav", "x");
    EXPECT_EQ(SongLocator::songFolderFor(q(dir / "song")), q(dir / "song"));
    EXPECT_EQ(SongLocator::songFolderFor(q(dir / "song") + "/"), q(dir / "song"));
    EXPECT_EQ(SongLocator::songFolderFor(q(dir / "song" / "bass.wav")), q(dir / "song"));
    EXPECT_EQ(SongLocator::songFolderFor(q(dir / "song" / "tracks" / "drums.wav")),
              q(dir / "song"));
    EXPECT_EQ(SongLocator::songFolderFor(q(dir / "missing")), QString());
}

TEST(SongLocator, DroppedUrlsUseTheFirstLocalOne) {
    test::TempDir dir;
    fs::create_directories(dir / "song");
    test::writeTextFile(dir / "song" / "keys.flac", "x");
    const QList<QUrl> urls{QUrl(QStringLiteral("https://example.com/song.wav")),
                           QUrl::fromLocalFile(q(dir / "nothing-here")),
                           QUrl::fromLocalFile(q(dir / "song" / "keys.flac"))};
    EXPECT_EQ(SongLocator::songFolderFromUrls(urls), q(dir / "song"));
    EXPECT_EQ(SongLocator::songFolderFromUrls({QUrl(QStringLiteral("https://x.org/a"))}),
              QString());
}

TEST(SongLocator, DemoSongPrefersTheInstalledCopy) {
    test::TempDir dir;
    fs::create_directories(dir / "prefix" / "bin");
    fs::create_directories(dir / "source" / "demo");
    const QString bin = q(dir / "prefix" / "bin");
    const QString fallback = q(dir / "source" / "demo");
    EXPECT_EQ(SongLocator::demoSong(bin, fallback), fallback);
    fs::create_directories(dir / "prefix" / "share" / "stemdeck" / "demo");
    EXPECT_EQ(SongLocator::demoSong(bin, fallback),
              q(dir / "prefix" / "share" / "stemdeck" / "demo"));
    EXPECT_EQ(SongLocator::demoSong(q(dir / "elsewhere"), q(dir / "gone")), QString());
}
