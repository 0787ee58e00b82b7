#include <gtest/gtest.h>

#include <utility>

#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/app/SongMeta.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SongMetaTest {

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

// Found by fuzz/app/SongMetaFuzz.cpp: a NUL (or a newline, an escape) in a field went
// straight into the window title and the transport bar.
TEST(SongMeta, ControlCharactersBecomeSpacesAndTextIsBounded) {
    const SongMeta meta = SongMeta::parse(
        QByteArray(R"({"title": "Two\nLines\u0000", "artist": "stemd\u0000jk\t", "key": ")") +
            QByteArray(1000, 'C') + R"("})",
        QStringLiteral("folder"));
    EXPECT_EQ(meta.title, QStringLiteral("Two Lines"));
    EXPECT_EQ(meta.artist, QStringLiteral("stemd jk"));
    EXPECT_EQ(meta.key.size(), SongMeta::kMaxTextLength);
}

TEST(SongMeta, AnAbsurdTempoIsUnknown) {
    for (const char* tempo : {"1e300", "1e999", "-5", "5000", "0"}) {
        const SongMeta meta =
            SongMeta::parse(QByteArray(R"({"tempo": )") + tempo + "}", QStringLiteral("f"));
        EXPECT_EQ(meta.tempo, 0.0) << tempo;
        EXPECT_EQ(meta.details(), QString()) << tempo;
    }
    EXPECT_EQ(SongMeta::parse(R"({"tempo": 92.5})", QStringLiteral("f")).tempo, 92.5);
}

TEST(SongMeta, AFolderNameWithNothingToShowGivesATitleStill) {
    EXPECT_EQ(SongMeta::parse("{}", QString()).title, QStringLiteral("Untitled"));
}

TEST(SongMeta, TimeSignatureIsParsedStrictly) {
    const auto meter = [](const char* value) {
        const SongMeta meta = SongMeta::parse(QByteArray(R"({"time_signature": )") + value + "}",
                                              QStringLiteral("f"));
        return std::pair(meta.beatsPerBar, meta.beatUnit);
    };
    EXPECT_EQ(meter(R"("4/4")"), std::pair(4, 4));
    EXPECT_EQ(meter(R"("7/8")"), std::pair(7, 8));
    EXPECT_EQ(meter(R"(" 12 / 8 ")"), std::pair(12, 8));
    EXPECT_EQ(meter(R"("32/32")"), std::pair(32, 32));
    for (const char* bad : {R"("4/3")", R"("0/4")", R"("33/4")", R"("-4/4")", R"("4/64")", R"("4")",
                            R"("4/4/4")", R"("four/4")", R"("4/0")", R"("")",
                            R"("99999999999999999999/4")", R"("4/4x")", "44", "null"})
        EXPECT_EQ(meter(bad), std::pair(0, 0)) << bad;
    // The text is still shown as it was written.
    EXPECT_EQ(SongMeta::parse(R"({"time_signature": "4/3"})", QStringLiteral("f")).timeSignature,
              QStringLiteral("4/3"));
}

// It took 1000 BPM, which the click then clamped to 300 without a word: a tempo outside the
// engine's range is unknown here and said, for the window to show.
TEST(SongMeta, ATempoOutOfRangeIsReported) {
    const SongMeta meta = SongMeta::parse(R"({"tempo": 1000})", QStringLiteral("f"));
    EXPECT_EQ(meta.tempo, 0.0);
    EXPECT_EQ(meta.details(), QString());
    EXPECT_EQ(
        meta.problems,
        QStringList{QStringLiteral("meta.json: tempo 1000 is outside 20 to 300 BPM; ignored")});
    EXPECT_TRUE(SongMeta::parse(R"({"tempo": 300})", QStringLiteral("f")).problems.isEmpty());
}

}  // namespace unity_SongMetaTest
