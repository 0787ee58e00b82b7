// The app layer's analysis cache, background runner and meta.json writer, on generated songs
// loaded from real files.

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "AnalysisSignals.h"
#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/app/AnalysisCache.h"
#include "stemdeck/app/AutoAnalysis.h"
#include "stemdeck/app/SongAnalysisRunner.h"
#include "stemdeck/app/SongMeta.h"
#include "stemdeck/audio/loader/StemLoader.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_AnalysisCacheTest {

namespace fs = std::filesystem;
using namespace stemdeck;
using app::AnalysisCache;

constexpr double kSeconds = 10.0;

QString qt(const fs::path& path) {
    return QString::fromStdString(path.string());
}

audio::Song load(const fs::path& folder) {
    return audio::StemLoader::load(folder);
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

class AnalysisCacheTest : public ::testing::Test {
  protected:
    test::TempDir dir_;
    fs::path song_ = test::writeAnalysisSong(dir_.path(), "song", 120.0, kSeconds);
    AnalysisCache cache_{qt(dir_ / "cache")};
};

TEST_F(AnalysisCacheTest, AnalysesOnceThenHitsEvenForACopyElsewhere) {
    const auto first = cache_.analyse(load(song_), 4);
    EXPECT_FALSE(first.fromCache);
    EXPECT_TRUE(first.message.isEmpty()) << first.message.toStdString();
    EXPECT_NEAR(first.result.bpm, 120.0, 0.5);
    EXPECT_EQ(first.result.key, "C major");

    const auto second = cache_.analyse(load(song_), 4);
    EXPECT_TRUE(second.fromCache);
    EXPECT_EQ(second.result.beats, first.result.beats);
    EXPECT_EQ(second.result.downbeats, first.result.downbeats);
    EXPECT_EQ(second.result.key, first.result.key);
    EXPECT_DOUBLE_EQ(second.result.bpm, first.result.bpm);

    // Keyed by content, not by path or mtime: a copy (new mtimes) elsewhere is a hit.
    fs::copy(song_, dir_ / "copy", fs::copy_options::recursive);
    EXPECT_TRUE(cache_.analyse(load(dir_ / "copy"), 4).fromCache);
    // Bars of another length are another analysis.
    EXPECT_FALSE(cache_.analyse(load(song_), 3).fromCache);
}

TEST_F(AnalysisCacheTest, AChangedStemMisses) {
    ASSERT_FALSE(cache_.analyse(load(song_), 4).fromCache);
    // The same length, another tempo: only the content tells.
    const auto size = fs::file_size(song_ / "click.wav");
    const auto time = fs::last_write_time(song_ / "click.wav");
    test::writeAudioFile(song_ / "click.wav", {test::clickTrack(100.0, kSeconds, 48000)}, 48000);
    fs::last_write_time(song_ / "click.wav", time);
    ASSERT_EQ(fs::file_size(song_ / "click.wav"), size);
    const auto changed = cache_.analyse(load(song_), 4);
    EXPECT_FALSE(changed.fromCache);
    EXPECT_NEAR(changed.result.bpm, 100.0, 0.5);
}

TEST_F(AnalysisCacheTest, ADamagedCacheFileIsAnalysedAgainWithOneLine) {
    const auto song = load(song_);
    ASSERT_FALSE(cache_.analyse(song, 4).fromCache);
    QString error;
    const QByteArray key = AnalysisCache::contentKey(AnalysisCache::stemFiles(song), 4, &error);
    ASSERT_FALSE(key.isEmpty()) << error.toStdString();
    const QString file = cache_.fileFor(key);
    ASSERT_TRUE(QFile::exists(file));
    for (const char* damage :
         {"{\"version\": 1, \"bpm\": ", "[1, 2]", "{\"version\": 1, \"bpm\": \"fast\"}"}) {
        test::writeTextFile(file.toStdString(), damage);
        const auto again = cache_.analyse(song, 4);
        EXPECT_FALSE(again.fromCache) << damage;
        EXPECT_NEAR(again.result.bpm, 120.0, 0.5);
        EXPECT_TRUE(again.message.contains("damaged")) << again.message.toStdString();
        EXPECT_FALSE(again.message.contains('\n'));
        // Rewritten whole: the next time is a hit.
        EXPECT_TRUE(cache_.analyse(song, 4).fromCache) << damage;
    }
}

TEST_F(AnalysisCacheTest, AnUnreadableStemIsNoKey) {
    QString error;
    EXPECT_TRUE(AnalysisCache::contentKey({qt(song_ / "gone.wav")}, 4, &error).isEmpty());
    EXPECT_TRUE(error.contains("gone.wav")) << error.toStdString();
}

TEST_F(AnalysisCacheTest, TheRunnerAnalysesInTheBackgroundAndCancels) {
    auto song = std::make_shared<const audio::Song>(load(song_));
    app::SongAnalysisRunner runner(cache_);
    QSignalSpy analysed(&runner, &app::SongAnalysisRunner::analysed);
    runner.start(qt(song_), song, 4);
    EXPECT_TRUE(runner.running());
    ASSERT_TRUE(analysed.wait(30000));
    EXPECT_EQ(analysed.first().at(0).toString(), qt(song_));
    EXPECT_FALSE(analysed.first().at(2).toBool()) << "the first time is no cache hit";
    EXPECT_FALSE(runner.running());

    // Cancelled: nothing is reported, even when its work was done already.
    QSignalSpy failed(&runner, &app::SongAnalysisRunner::failed);
    runner.start(qt(song_), song, 3);
    runner.cancel();
    EXPECT_FALSE(analysed.wait(1500));
    EXPECT_EQ(analysed.size(), 1);
    EXPECT_EQ(failed.size(), 0);
}

TEST(AnalysisMeta, WritesTempoKeyAndMeterKeepingTheRest) {
    test::TempDir dir;
    test::writeTextFile(dir / "meta.json",
                        R"({"title": "Song", "chords": [{"time": 1, "name": "C"}]})");
    QString error;
    ASSERT_TRUE(app::AutoAnalysis::writeToMeta(qt(dir.path()), 123.456, "A minor", 3, -1.0, &error))
        << error.toStdString();
    const auto meta = nlohmann::json::parse(readText(dir / "meta.json"));
    EXPECT_EQ(meta.at("title"), "Song");
    EXPECT_EQ(meta.at("chords").size(), 1u);
    EXPECT_DOUBLE_EQ(meta.at("tempo").get<double>(), 123.46);
    EXPECT_EQ(meta.at("key"), "A minor");
    EXPECT_EQ(meta.at("time_signature"), "3/4");

    test::TempDir fresh;
    ASSERT_TRUE(app::AutoAnalysis::writeToMeta(qt(fresh.path()), 90.0, "", 0, -1.0, &error));
    EXPECT_EQ(nlohmann::json::parse(readText(fresh / "meta.json")),
              nlohmann::json({{"tempo", 90.0}}));
}

// The first downbeat the panel nudged survives a write and a read (issue 14 leftovers): the
// grid does not jump back to 0 when the song is opened again.
TEST(AnalysisMeta, TheFirstDownbeatRoundTripsAndUnknownKeysStay) {
    test::TempDir dir;
    test::writeTextFile(dir / "meta.json", R"({"x_band": {"keep": [1, 2]}, "title": "Song"})");
    QString error;
    ASSERT_TRUE(app::AutoAnalysis::writeToMeta(qt(dir.path()), 96.0, "E minor", 3, 0.5234, &error))
        << error.toStdString();
    const auto json = nlohmann::json::parse(readText(dir / "meta.json"));
    EXPECT_EQ(json.at("x_band"), nlohmann::json::parse(R"({"keep": [1, 2]})"));
    EXPECT_DOUBLE_EQ(json.at("first_downbeat").get<double>(), 0.523);
    const app::SongMeta meta = app::SongMeta::read(qt(dir.path()));
    EXPECT_TRUE(meta.hasFirstDownbeat);
    EXPECT_DOUBLE_EQ(meta.firstDownbeat, 0.523);
    EXPECT_DOUBLE_EQ(meta.tempo, 96.0);
    EXPECT_EQ(meta.beatsPerBar, 3);
    EXPECT_TRUE(meta.problems.isEmpty());

    // Negative: not written; a file without it reads as 0 and says nothing.
    test::TempDir none;
    ASSERT_TRUE(app::AutoAnalysis::writeToMeta(qt(none.path()), 96.0, "", 0, -1.0, &error));
    EXPECT_FALSE(nlohmann::json::parse(readText(none / "meta.json")).contains("first_downbeat"));
    EXPECT_FALSE(app::SongMeta::read(qt(none.path())).hasFirstDownbeat);

    // A value that is no offset is said, never used clamped.
    for (const char* bad : {R"({"first_downbeat": -1})", R"({"first_downbeat": "0.5"})",
                            R"({"first_downbeat": null})", R"({"first_downbeat": 3601})"}) {
        const app::SongMeta damaged = app::SongMeta::parse(bad, "song");
        EXPECT_FALSE(damaged.hasFirstDownbeat) << bad;
        EXPECT_DOUBLE_EQ(damaged.firstDownbeat, 0.0) << bad;
        ASSERT_EQ(damaged.problems.size(), 1) << bad;
        EXPECT_TRUE(damaged.problems.front().contains("first_downbeat")) << bad;
    }
}

TEST(AnalysisMeta, RefusesWhatIsNotAPlainJsonObject) {
    test::TempDir dir;
    test::writeTextFile(dir / "meta.json", "not json");
    QString error;
    EXPECT_FALSE(app::AutoAnalysis::writeToMeta(qt(dir.path()), 120.0, "C major", 4, -1.0, &error));
    EXPECT_TRUE(error.contains("not a JSON object")) << error.toStdString();
    EXPECT_EQ(readText(dir / "meta.json"), "not json");

    // A meta.json that links to a stem: the stem is never written.
    test::TempDir linked;
    test::writeTextFile(linked / "drums.wav", "RIFF stem bytes");
    fs::create_symlink(linked / "drums.wav", linked / "meta.json");
    EXPECT_FALSE(
        app::AutoAnalysis::writeToMeta(qt(linked.path()), 120.0, "C major", 4, -1.0, &error));
    EXPECT_TRUE(error.contains("not a plain file")) << error.toStdString();
    EXPECT_EQ(readText(linked / "drums.wav"), "RIFF stem bytes");
}

}  // namespace unity_AnalysisCacheTest
