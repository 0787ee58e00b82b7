#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <cmath>
#include <filesystem>

#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/app/MixStore.h"

using stemdeck::app::MixStore;
using stemdeck::audio::MixSnapshot;
using stemdeck::audio::StemMix;
namespace test = stemdeck::test;
namespace fs = std::filesystem;

namespace {

QString q(const fs::path& p) {
    return QString::fromStdString(p.string());
}

struct Fixture {
    test::TempDir dir;
    fs::path song = dir / "song";
    MixStore store{q(dir / "mixes")};
    Fixture() {
        fs::create_directories(song);
        fs::create_directories(dir / "mixes");
    }
};

MixSnapshot sampleMix() {
    MixSnapshot mix;
    mix.stems = {StemMix{-6.5f, -0.25f, false, true},
                 StemMix{-std::numeric_limits<float>::infinity(), 1.0f, true, false},
                 StemMix{3.0f, 0.0f, true, true}};
    mix.masterGainDb = -2.0f;
    return mix;
}

void expectSame(const StemMix& a, const StemMix& b) {
    if (std::isinf(a.gainDb))
        EXPECT_TRUE(std::isinf(b.gainDb) && b.gainDb < 0);
    else
        EXPECT_FLOAT_EQ(a.gainDb, b.gainDb);
    EXPECT_FLOAT_EQ(a.pan, b.pan);
    EXPECT_EQ(a.muted, b.muted);
    EXPECT_EQ(a.solo, b.solo);
}

}  // namespace

TEST(MixStore, RoundTripKeepsEveryValue) {
    Fixture f;
    const std::vector<std::string> names{"bass", "drums", "keys"};
    QString error;
    ASSERT_TRUE(f.store.save(q(f.song), names, sampleMix(), &error)) << error.toStdString();
    const auto loaded = f.store.load(q(f.song), names);
    ASSERT_TRUE(loaded.mix.has_value());
    EXPECT_TRUE(loaded.warning.isEmpty());
    ASSERT_EQ(loaded.mix->stems.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) expectSame(sampleMix().stems[i], loaded.mix->stems[i]);
    EXPECT_FLOAT_EQ(loaded.mix->masterGainDb, -2.0f);
}

TEST(MixStore, StemsAreMatchedByName) {
    Fixture f;
    ASSERT_TRUE(f.store.save(q(f.song), {"bass", "drums", "keys"}, sampleMix()));
    // The song gained a stem and the order changed.
    const auto loaded = f.store.load(q(f.song), {"keys", "vocals", "bass"});
    ASSERT_TRUE(loaded.mix.has_value());
    ASSERT_EQ(loaded.mix->stems.size(), 3u);
    expectSame(sampleMix().stems[2], loaded.mix->stems[0]);
    expectSame(StemMix{}, loaded.mix->stems[1]);
    expectSame(sampleMix().stems[0], loaded.mix->stems[2]);
}

TEST(MixStore, NothingStoredGivesNoMixAndNoWarning) {
    Fixture f;
    const auto loaded = f.store.load(q(f.song), {"bass"});
    EXPECT_FALSE(loaded.mix.has_value());
    EXPECT_TRUE(loaded.warning.isEmpty());
}

TEST(MixStore, OneFilePerSongOutsideTheSongFolder) {
    Fixture f;
    const fs::path other = f.dir / "other";
    fs::create_directories(other);
    fs::create_directory_symlink(f.song, f.dir / "link");
    const QString file = f.store.fileFor(q(f.song));
    EXPECT_TRUE(file.startsWith(q(f.dir / "mixes")));
    EXPECT_TRUE(file.endsWith(QStringLiteral(".json")));
    EXPECT_NE(file, f.store.fileFor(q(other)));
    EXPECT_EQ(file, f.store.fileFor(q(f.dir / "link")));
    EXPECT_EQ(file, f.store.fileFor(q(f.song) + QStringLiteral("/")));

    ASSERT_TRUE(f.store.save(q(f.song), {"bass", "drums", "keys"}, sampleMix()));
    EXPECT_TRUE(QFileInfo::exists(file));
    EXPECT_TRUE(fs::is_empty(f.song)) << "nothing is written into the song folder";
}

TEST(MixStore, GarbageAndWrongTypesAreIgnoredWithAWarning) {
    Fixture f;
    const std::vector<std::string> names{"bass"};
    const std::string bad[] = {
        "\x01\x02 definitely not json",
        "[1, 2, 3]",
        R"({"version": 1, "master_gain_db": 0, "stems": {"bass": {"gain_db": "loud",
            "pan": 0, "muted": false, "solo": false}}})",
        R"({"version": 1, "master_gain_db": 0, "stems": {"bass": {"gain_db": 0, "pan": 0,
            "muted": "yes", "solo": false}}})",
        R"({"version": 1, "master_gain_db": "zero", "stems": {}})",
        R"({"version": 1, "master_gain_db": 0, "stems": [1]})",
        R"({"version": 99, "master_gain_db": 0, "stems": {}})",
    };
    for (const std::string& text : bad) {
        test::writeTextFile(f.store.fileFor(q(f.song)).toStdString(), text);
        const auto loaded = f.store.load(q(f.song), names);
        EXPECT_FALSE(loaded.mix.has_value()) << text;
        EXPECT_FALSE(loaded.warning.isEmpty()) << text;
    }
}

TEST(MixStore, OutOfRangeValuesAreClamped) {
    Fixture f;
    test::writeTextFile(f.store.fileFor(q(f.song)).toStdString(),
                        R"({"version": 1, "master_gain_db": 40, "stems": {"bass":
                            {"gain_db": 99, "pan": -7, "muted": true, "solo": false}}})");
    const auto loaded = f.store.load(q(f.song), {"bass"});
    ASSERT_TRUE(loaded.mix.has_value());
    EXPECT_FLOAT_EQ(loaded.mix->masterGainDb, 6.0f);
    EXPECT_FLOAT_EQ(loaded.mix->stems[0].gainDb, 6.0f);
    EXPECT_FLOAT_EQ(loaded.mix->stems[0].pan, -1.0f);
}

TEST(MixStore, ReportsAStoreThatCannotBeWritten) {
    test::TempDir dir;
    test::writeTextFile(dir / "file", "a file where the store's folder should be");
    const MixStore store(q(dir / "file" / "mixes"));
    QString error;
    EXPECT_FALSE(store.save(q(dir.path()), {"bass"}, sampleMix(), &error));
    EXPECT_FALSE(error.isEmpty());
}
