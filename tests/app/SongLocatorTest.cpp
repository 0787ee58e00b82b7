#include <gtest/gtest.h>

#include <filesystem>

#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/SongLocator.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SongLocatorTest {

using stemdeck::app::SongLocator;
namespace test = stemdeck::test;
namespace fs = std::filesystem;

TEST(SongLocator, FoldersFilesAndTheTracksSubfolder) {
    test::TempDir dir;
    fs::create_directories(dir / "song" / "tracks");
    test::writeTextFile(dir / "song" / "bass.wav", "x");
    test::writeTextFile(dir / "song" / "tracks" / "drums.wav", "x");
    EXPECT_EQ(SongLocator::songFolderFor(test::qpath(dir / "song")), test::qpath(dir / "song"));
    EXPECT_EQ(SongLocator::songFolderFor(test::qpath(dir / "song") + "/"),
              test::qpath(dir / "song"));
    EXPECT_EQ(SongLocator::songFolderFor(test::qpath(dir / "song" / "bass.wav")),
              test::qpath(dir / "song"));
    EXPECT_EQ(SongLocator::songFolderFor(test::qpath(dir / "song" / "tracks" / "drums.wav")),
              test::qpath(dir / "song"));
    EXPECT_EQ(SongLocator::songFolderFor(test::qpath(dir / "missing")), QString());
}

TEST(SongLocator, DroppedUrlsUseTheFirstLocalOne) {
    test::TempDir dir;
    fs::create_directories(dir / "song");
    test::writeTextFile(dir / "song" / "keys.flac", "x");
    const QList<QUrl> urls{QUrl(QStringLiteral("https://example.com/song.wav")),
                           QUrl::fromLocalFile(test::qpath(dir / "nothing-here")),
                           QUrl::fromLocalFile(test::qpath(dir / "song" / "keys.flac"))};
    EXPECT_EQ(SongLocator::songFolderFromUrls(urls), test::qpath(dir / "song"));
    EXPECT_EQ(SongLocator::songFolderFromUrls({QUrl(QStringLiteral("https://x.org/a"))}),
              QString());
}

TEST(SongLocator, DemoSongPrefersTheInstalledCopy) {
    test::TempDir dir;
    fs::create_directories(dir / "prefix" / "bin");
    fs::create_directories(dir / "source" / "demo");
    const QString bin = test::qpath(dir / "prefix" / "bin");
    const QString fallback = test::qpath(dir / "source" / "demo");
    EXPECT_EQ(SongLocator::demoSong(bin, fallback), fallback);
    fs::create_directories(dir / "prefix" / "share" / "stemdeck" / "demo");
    EXPECT_EQ(SongLocator::demoSong(bin, fallback),
              test::qpath(dir / "prefix" / "share" / "stemdeck" / "demo"));
    EXPECT_EQ(SongLocator::demoSong(test::qpath(dir / "elsewhere"), test::qpath(dir / "gone")),
              QString());
}

}  // namespace unity_SongLocatorTest
