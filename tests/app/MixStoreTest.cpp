#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <cmath>
#include <filesystem>

#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/MixStore.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MixStoreTest {

using stemdeck::app::MixStore;
using stemdeck::audio::MixSnapshot;
using stemdeck::audio::StemMix;
namespace test = stemdeck::test;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    test::TempDir dir;
    fs::path song = dir / "song";
    MixStore store{test::qpath(dir / "mixes")};
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
    ASSERT_TRUE(f.store.save(test::qpath(f.song), names, sampleMix(), &error))
        << error.toStdString();
    const auto loaded = f.store.load(test::qpath(f.song), names);
    ASSERT_TRUE(loaded.mix.has_value());
    EXPECT_TRUE(loaded.warning.isEmpty());
    ASSERT_EQ(loaded.mix->stems.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) expectSame(sampleMix().stems[i], loaded.mix->stems[i]);
    EXPECT_FLOAT_EQ(loaded.mix->masterGainDb, -2.0f);
}

TEST(MixStore, StemsAreMatchedByName) {
    Fixture f;
    ASSERT_TRUE(f.store.save(test::qpath(f.song), {"bass", "drums", "keys"}, sampleMix()));
    // The song gained a stem and the order changed.
    const auto loaded = f.store.load(test::qpath(f.song), {"keys", "vocals", "bass"});
    ASSERT_TRUE(loaded.mix.has_value());
    ASSERT_EQ(loaded.mix->stems.size(), 3u);
    expectSame(sampleMix().stems[2], loaded.mix->stems[0]);
    expectSame(StemMix{}, loaded.mix->stems[1]);
    expectSame(sampleMix().stems[0], loaded.mix->stems[2]);
}

TEST(MixStore, NothingStoredGivesNoMixAndNoWarning) {
    Fixture f;
    const auto loaded = f.store.load(test::qpath(f.song), {"bass"});
    EXPECT_FALSE(loaded.mix.has_value());
    EXPECT_TRUE(loaded.warning.isEmpty());
}

TEST(MixStore, OneFilePerSongOutsideTheSongFolder) {
    Fixture f;
    const fs::path other = f.dir / "other";
    fs::create_directories(other);
    fs::create_directory_symlink(f.song, f.dir / "link");
    const QString file = f.store.fileFor(test::qpath(f.song));
    EXPECT_TRUE(file.startsWith(test::qpath(f.dir / "mixes")));
    EXPECT_TRUE(file.endsWith(QStringLiteral(".json")));
    EXPECT_NE(file, f.store.fileFor(test::qpath(other)));
    EXPECT_EQ(file, f.store.fileFor(test::qpath(f.dir / "link")));
    EXPECT_EQ(file, f.store.fileFor(test::qpath(f.song) + QStringLiteral("/")));

    ASSERT_TRUE(f.store.save(test::qpath(f.song), {"bass", "drums", "keys"}, sampleMix()));
    EXPECT_TRUE(QFileInfo::exists(file));
    EXPECT_TRUE(fs::is_empty(f.song)) << "nothing is written into the song folder";
}

TEST(MixStore, AFileThatIsNotAMixFileIsIgnoredAsAWholeWithAWarning) {
    Fixture f;
    const std::vector<std::string> names{"bass"};
    const std::string bad[] = {
        "\x01\x02 definitely not json",
        "[1, 2, 3]",
        R"({"version": 1, "master_gain_db": 0, "stems": {"bass": {"gain_db": 0}})",  // cut short
        R"({"version": 99, "master_gain_db": 0, "stems": {}})",
        R"({"master_gain_db": 0, "stems": {}})",
    };
    for (const std::string& text : bad) {
        test::writeTextFile(f.store.fileFor(test::qpath(f.song)).toStdString(), text);
        const auto loaded = f.store.load(test::qpath(f.song), names);
        EXPECT_FALSE(loaded.mix.has_value()) << text;
        EXPECT_TRUE(loaded.warning.contains(QStringLiteral("was ignored"))) << text;
        EXPECT_TRUE(loaded.warning.contains(f.store.fileFor(test::qpath(f.song))))
            << "names the file";
    }
}

TEST(MixStore, WrongTypesAreIgnoredOneByOneKeepingTheValidValues) {
    Fixture f;
    test::writeTextFile(f.store.fileFor(test::qpath(f.song)).toStdString(), R"({"version": 1,
        "master_gain_db": "zero",
        "stems": {"bass": {"gain_db": "loud", "pan": -0.5, "muted": true, "solo": 1},
                  "drums": [1],
                  "keys": {"gain_db": -12, "pan": 0.25, "muted": "yes", "solo": true},
                  "gone": {"gain_db": "no longer in the song"}}})");
    const auto loaded = f.store.load(test::qpath(f.song), {"bass", "drums", "keys", "vocals"});
    ASSERT_TRUE(loaded.mix.has_value());
    const MixSnapshot& mix = *loaded.mix;
    EXPECT_FLOAT_EQ(mix.masterGainDb, 0.0f);
    expectSame(StemMix{0.0f, -0.5f, true, false}, mix.stems[0]);
    expectSame(StemMix{}, mix.stems[1]);
    expectSame(StemMix{-12.0f, 0.25f, false, true}, mix.stems[2]);
    expectSame(StemMix{}, mix.stems[3]);
    const std::string warning = loaded.warning.toStdString();
    EXPECT_NE(warning.find("Part of the saved mix"), std::string::npos) << warning;
    for (const char* named :
         {"master_gain_db is text, not a number", "stem 'bass' gain_db is text, not a number",
          "stem 'bass' solo is a number, not true or false",
          "stem 'drums' is a list, not an object", "and 1 more"})
        EXPECT_NE(warning.find(named), std::string::npos) << named << " in: " << warning;
    EXPECT_EQ(warning.find("gone"), std::string::npos) << "stems the song no longer has are no "
                                                          "concern";
}

TEST(MixStore, MissingValuesAreDefaultsWithoutAWarning) {
    Fixture f;
    test::writeTextFile(f.store.fileFor(test::qpath(f.song)).toStdString(),
                        R"({"version": 1, "stems": {"bass": {"muted": true}}})");
    const auto loaded = f.store.load(test::qpath(f.song), {"bass"});
    ASSERT_TRUE(loaded.mix.has_value());
    EXPECT_TRUE(loaded.warning.isEmpty()) << loaded.warning.toStdString();
    expectSame(StemMix{0.0f, 0.0f, true, false}, loaded.mix->stems[0]);
}

// A number too big for a float (1e300) is clamped while still a double: converting it to a
// float first would be undefined behaviour.
TEST(MixStore, HugeNumbersAreClampedBeforeTheyBecomeFloats) {
    Fixture f;
    test::writeTextFile(f.store.fileFor(test::qpath(f.song)).toStdString(),
                        R"({"version": 1, "master_gain_db": -1e300, "stems": {"bass":
                            {"gain_db": 1e300, "pan": -1e300, "muted": false, "solo": false}}})");
    const auto loaded = f.store.load(test::qpath(f.song), {"bass"});
    ASSERT_TRUE(loaded.mix.has_value());
    EXPECT_TRUE(std::isinf(loaded.mix->masterGainDb) && loaded.mix->masterGainDb < 0);
    EXPECT_FLOAT_EQ(loaded.mix->stems[0].gainDb, 6.0f);
    EXPECT_FLOAT_EQ(loaded.mix->stems[0].pan, -1.0f);
}

TEST(MixStore, AFileTooBigToBeAMixIsNotRead) {
    Fixture f;
    std::string huge = R"({"version": 1, "padding": ")";
    huge.append(MixStore::kMaxFileBytes, 'x');
    huge += R"("})";
    test::writeTextFile(f.store.fileFor(test::qpath(f.song)).toStdString(), huge);
    const auto loaded = f.store.load(test::qpath(f.song), {"bass"});
    EXPECT_FALSE(loaded.mix.has_value());
    EXPECT_TRUE(loaded.warning.contains(QStringLiteral("larger than 1 MB")));
}

TEST(MixStore, OutOfRangeValuesAreClamped) {
    Fixture f;
    test::writeTextFile(f.store.fileFor(test::qpath(f.song)).toStdString(),
                        R"({"version": 1, "master_gain_db": 40, "stems": {"bass":
                            {"gain_db": 99, "pan": -7, "muted": true, "solo": false}}})");
    const auto loaded = f.store.load(test::qpath(f.song), {"bass"});
    ASSERT_TRUE(loaded.mix.has_value());
    EXPECT_FLOAT_EQ(loaded.mix->masterGainDb, 6.0f);
    EXPECT_FLOAT_EQ(loaded.mix->stems[0].gainDb, 6.0f);
    EXPECT_FLOAT_EQ(loaded.mix->stems[0].pan, -1.0f);
}

TEST(MixStore, ReportsAStoreThatCannotBeWritten) {
    test::TempDir dir;
    test::writeTextFile(dir / "file", "a file where the store's folder should be");
    const MixStore store(test::qpath(dir / "file" / "mixes"));
    QString error;
    EXPECT_FALSE(store.save(test::qpath(dir.path()), {"bass"}, sampleMix(), &error));
    EXPECT_FALSE(error.isEmpty());
}

}  // namespace unity_MixStoreTest
