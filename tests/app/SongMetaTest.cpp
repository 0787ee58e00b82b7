#include <gtest/gtest.h>

#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/app/SongMeta.h"

using stemdeck::app::SongMeta;
namespace test = stemdeck::test;

TEST(SongMeta, ReadsTheFieldsItShows) {
    test::TempDir dir;
    test::writeTextFile(dir / "meta.json", R"({"title": " First Light ", "artist": "Band",
        "key": "C", "tempo": 120, "time_signature": "4/4", "chords": []})");
    const SongMeta meta = SongMeta::read(QString::fromStdString(dir.path().string()));
    EXPECT_EQ(meta.title, QStringLiteral("First Light"));
    EXPECT_EQ(meta.artist, QStringLiteral("Band"));
    EXPECT_EQ(meta.details(), QStringLiteral("Key C · 120 BPM · 4/4"));
}

TEST(SongMeta, MissingOrBrokenMetaFallsBackToTheFolderName) {
    test::TempDir dir;
    const QString folder = QString::fromStdString(dir.path().string());
    EXPECT_EQ(SongMeta::read(folder).title, QString::fromStdString(dir.path().filename().string()));
    test::writeTextFile(dir / "meta.json", R"({"title": 42, "tempo": "fast", "key": ["C"]})");
    const SongMeta meta = SongMeta::read(folder);
    EXPECT_EQ(meta.title, QString::fromStdString(dir.path().filename().string()));
    EXPECT_EQ(meta.tempo, 0.0);
    EXPECT_EQ(meta.details(), QString());
}
