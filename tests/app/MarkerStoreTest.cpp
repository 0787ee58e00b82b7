#include <gtest/gtest.h>
#include <unistd.h>

#include <QFile>
#include <QFileInfo>
#include <filesystem>

#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/MarkerStore.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MarkerStoreTest {

using stemdeck::app::MarkerStore;
using stemdeck::app::SongMarker;
namespace test = stemdeck::test;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    test::TempDir dir;
    fs::path song = dir / "song";
    MarkerStore store{test::qpath(dir / "markers")};
    Fixture() { fs::create_directories(song); }
};

}  // namespace

TEST(MarkerStore, MarkersRoundTripThroughTheSongFolderSorted) {
    Fixture f;
    const std::vector<SongMarker> markers{{QStringLiteral("Chorus"), 30.5},
                                          {QStringLiteral("Verse"), 12.25}};
    QString error;
    ASSERT_TRUE(f.store.save(test::qpath(f.song), markers, &error)) << error.toStdString();
    EXPECT_TRUE(fs::exists(f.song / "markers.json")) << "a writable song folder keeps them";
    const MarkerStore::Loaded loaded = f.store.load(test::qpath(f.song));
    EXPECT_TRUE(loaded.warning.isEmpty()) << loaded.warning.toStdString();
    ASSERT_EQ(loaded.markers.size(), 2u);
    EXPECT_EQ(loaded.markers[0], (SongMarker{QStringLiteral("Verse"), 12.25}));
    EXPECT_EQ(loaded.markers[1], (SongMarker{QStringLiteral("Chorus"), 30.5}));
    EXPECT_TRUE(f.store.load(test::qpath(f.dir / "other")).markers.empty());
}

TEST(MarkerStore, AReadOnlySongFolderUsesTheAppFolder) {
    if (geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders";
    Fixture f;
    // Markers shipped with the song are read until the user changes them.
    test::writeTextFile(f.song / "markers.json",
                        R"({"version": 1, "markers": [{"name": "Intro", "seconds": 1}]})");
    fs::permissions(f.song, fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_TRUE(f.store.fileFor(test::qpath(f.song)).startsWith(test::qpath(f.dir / "markers")));
    EXPECT_EQ(f.store.load(test::qpath(f.song)).markers.size(), 1u);
    ASSERT_TRUE(f.store.save(test::qpath(f.song), {{QStringLiteral("Bridge"), 2.0}}));
    const auto loaded = f.store.load(test::qpath(f.song));
    fs::permissions(f.song, fs::perms::owner_all);
    ASSERT_EQ(loaded.markers.size(), 1u);
    EXPECT_EQ(loaded.markers[0].name, QStringLiteral("Bridge")) << "the user's, not the shipped";
    EXPECT_FALSE(fs::exists(f.song / "markers.json.damaged"));
}

TEST(MarkerStore, BadEntriesAreSkippedAndNamed) {
    const auto loaded = MarkerStore::parse(R"({"version": 1, "markers": [
        {"name": "Good", "seconds": 3},
        {"name": "Negative", "seconds": -1},
        {"name": "Text time", "seconds": "12"},
        "not an object",
        {"name": 7, "seconds": 4},
        {"seconds": 5},
        {"name": "Two\nlines", "seconds": 1e300}]})");
    ASSERT_EQ(loaded.markers.size(), 2u);
    EXPECT_EQ(loaded.markers[0].name, QStringLiteral("Good"));
    EXPECT_EQ(loaded.markers[1].name, QStringLiteral("Marker 2")) << "no name: a made-up one";
    EXPECT_EQ(loaded.warning,
              QStringLiteral("skipped entry 2, entry 3, entry 4, entry 5 and 1 more"));
    const auto names =
        MarkerStore::parse(QByteArray(R"({"version": 1, "markers": [{"name": "A\u0000B )") +
                           QByteArray(500, 'x') + R"(", "seconds": 0}]})");
    ASSERT_EQ(names.markers.size(), 1u);
    EXPECT_EQ(names.markers[0].name.size(), MarkerStore::kMaxNameLength);
    EXPECT_TRUE(names.markers[0].name.startsWith(QStringLiteral("A B ")));
}

TEST(MarkerStore, AFileThatIsNotAMarkersFileIsKeptAsideAndReported) {
    for (const char* text : {"{ not json", R"([1, 2])", R"({"version": 2, "markers": []})",
                             R"({"version": 1, "markers": {}})"}) {
        Fixture f;
        test::writeTextFile(f.song / "markers.json", text);
        const auto loaded = f.store.load(test::qpath(f.song));
        EXPECT_TRUE(loaded.markers.empty()) << text;
        EXPECT_TRUE(loaded.warning.contains(QStringLiteral("markers.json were ignored")))
            << loaded.warning.toStdString();
        EXPECT_TRUE(loaded.warning.contains(QStringLiteral("markers.json.damaged")))
            << loaded.warning.toStdString();
        // Saving replaces the file, but the damaged copy keeps what it had.
        ASSERT_TRUE(f.store.save(test::qpath(f.song), {{QStringLiteral("New"), 1.0}}));
        QFile copy(test::qpath(f.song / "markers.json.damaged"));
        ASSERT_TRUE(copy.open(QIODevice::ReadOnly));
        EXPECT_EQ(copy.readAll(), QByteArray(text));
        EXPECT_EQ(f.store.load(test::qpath(f.song)).markers.size(), 1u);
    }
}

TEST(MarkerStore, AnOversizedFileIsNotRead) {
    Fixture f;
    test::writeTextFile(f.song / "markers.json",
                        std::string(static_cast<std::size_t>(MarkerStore::kMaxFileBytes) + 1, ' '));
    const auto loaded = f.store.load(test::qpath(f.song));
    EXPECT_TRUE(loaded.markers.empty());
    EXPECT_TRUE(loaded.warning.contains(QStringLiteral("larger than 1 MB")));
}

// Found by fuzz/app/MarkerStoreFuzz.cpp: a long name cut at a space kept the space, and read
// back without it once saved.
TEST(MarkerStore, ALongNameReadsBackAsItWasSaved) {
    const QString name =
        QString(MarkerStore::kMaxNameLength - 1, QLatin1Char('A')) + QStringLiteral(" BBBB");
    const auto loaded = MarkerStore::parse(MarkerStore::serialize({{name, 1.0}}));
    ASSERT_EQ(loaded.markers.size(), 1u);
    EXPECT_EQ(loaded.markers[0].name, QString(MarkerStore::kMaxNameLength - 1, QLatin1Char('A')));
    EXPECT_EQ(MarkerStore::parse(MarkerStore::serialize(loaded.markers)).markers, loaded.markers);
}

}  // namespace unity_MarkerStoreTest
