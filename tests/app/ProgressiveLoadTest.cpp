// Progressive loading (issue 11) through the PlaybackManager, with a real engine on the CTest
// wrapper's private JACK dummy server: a long song is adopted at its first audio and plays
// while the rest decodes on one worker; the decode's end, the waveforms and problems found late
// follow as signals. Conditions are waited for with bounded timeouts (a busy machine decodes
// slowly, never wrongly).
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <filesystem>

#include "ProgressiveSong.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/audio/Engine.h"

using namespace stemdeck;
using app::PlaybackManager;
using audio::PlayState;
namespace fs = std::filesystem;

namespace {

constexpr int kRate = 48000;
constexpr int kStems = 8;
constexpr double kLongSeconds = 60.0;
constexpr int kDecodeMs = 120000;  // a whole 8 x 60 s song on one worker, on a busy machine

// An engine with an open output and its manager, decoding songs on one worker (so a long song
// is far from whole when its first audio is handed over).
struct Rig {
    test::TempDir dir;
    audio::Engine engine;
    PlaybackManager playback{engine};

    Rig() {
        playback.setDecodeWorkers(1);
        playback.openOutput({});
        EXPECT_TRUE(engine.outputOpen()) << playback.outputProblem().toStdString();
    }
    bool load(const fs::path& folder) {
        QSignalSpy loaded(&playback, &PlaybackManager::songLoaded);
        playback.openSong(test::qpath(folder));
        return loaded.wait(30000);
    }
};

}  // namespace

// The song is in the engine (and plays) long before it is decoded; songDecoded comes once it is
// whole, then its waveforms.
TEST(ProgressiveLoad, ALongSongPlaysBeforeItIsDecodedThenItsWaveformsArrive) {
    Rig rig;
    const fs::path song = test::writeLongFlacSong(rig.dir.path(), "long", kStems, kLongSeconds);
    QSignalSpy decodedAt(&rig.playback, &PlaybackManager::decodedChanged);
    QSignalSpy decoded(&rig.playback, &PlaybackManager::songDecoded);
    QSignalSpy peaks(&rig.playback, &PlaybackManager::peaksChanged);
    QSignalSpy progress(&rig.playback, &PlaybackManager::loadProgress);
    ASSERT_TRUE(rig.load(song));

    // Adopted at first audio: still decoding, no waveforms yet, the whole length known.
    EXPECT_TRUE(rig.engine.decoding());
    EXPECT_TRUE(rig.playback.decoding());
    EXPECT_EQ(decoded.count(), 0);
    EXPECT_EQ(rig.playback.peaks(), nullptr);
    EXPECT_DOUBLE_EQ(rig.playback.duration(), kLongSeconds);
    ASSERT_EQ(rig.engine.song()->stems.size(), static_cast<std::size_t>(kStems));
    EXPECT_GE(rig.playback.decodedSeconds(), audio::SongDecode::kFirstAudioSeconds - 0.01);
    EXPECT_LT(rig.playback.decodedSeconds(), kLongSeconds);
    ASSERT_GE(decodedAt.count(), 1) << "the decoded part is said at songLoaded";
    EXPECT_FALSE(rig.playback.isLoading()) << "loading (the progress bar) ends at first audio";
    for (const auto& args : progress) EXPECT_LE(args.at(0).toDouble(), 1.0);

    rig.playback.play();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() > 0.3; }, 20000));
    EXPECT_EQ(rig.playback.state(), PlayState::Playing);

    ASSERT_TRUE(decoded.count() > 0 || decoded.wait(kDecodeMs));
    EXPECT_EQ(decoded.first().at(0).toString(), test::qpath(song));
    EXPECT_FALSE(rig.engine.decoding());
    EXPECT_DOUBLE_EQ(rig.playback.decodedSeconds(), kLongSeconds);
    // The decoded part only grew, up to the whole song.
    std::vector<double> seen;
    for (const auto& args : decodedAt) seen.push_back(args.at(0).toDouble());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_DOUBLE_EQ(seen.back(), kLongSeconds);
    EXPECT_GE(seen.size(), 2u);
    EXPECT_TRUE(rig.playback.songIssues().errors.empty());

    ASSERT_TRUE(peaks.count() > 0 || peaks.wait(30000));
    ASSERT_NE(rig.playback.peaks(), nullptr);
    ASSERT_EQ(rig.playback.peaks()->size(), static_cast<std::size_t>(kStems));
    for (const app::WaveformPeaks& p : *rig.playback.peaks())
        EXPECT_EQ(p.frames(), static_cast<std::int64_t>(kLongSeconds * kRate));
    QTest::qWait(300);  // more polls: said once
    EXPECT_EQ(decoded.count(), 1);
    EXPECT_EQ(peaks.count(), 1);
    EXPECT_EQ(rig.playback.state(), PlayState::Playing) << "playback went on meanwhile";
}

// A stem damaged halfway is found after hand-over: the song plays on, the stem is named once
// the decode is over, and the song plays past the damage (the rest of that stem is silence).
TEST(ProgressiveLoad, AStemDamagedHalfwayIsReportedAfterDecodingAndTheSongPlaysOn) {
    Rig rig;
    const fs::path song = test::writeLongFlacSong(rig.dir.path(), "damaged", kStems, kLongSeconds);
    test::truncateToHalf(song / "stem2.flac");
    QSignalSpy decoded(&rig.playback, &PlaybackManager::songDecoded);
    ASSERT_TRUE(rig.load(song));
    ASSERT_TRUE(rig.engine.decoding());
    ASSERT_EQ(rig.engine.song()->stems.size(), static_cast<std::size_t>(kStems))
        << "the damage is not known at first audio";
    EXPECT_TRUE(rig.engine.song()->errors.empty());
    EXPECT_TRUE(rig.playback.songIssues().errors.empty());
    rig.playback.play();

    ASSERT_TRUE(decoded.count() > 0 || decoded.wait(kDecodeMs));
    const auto& late = rig.playback.songIssues().errors;
    ASSERT_EQ(late.size(), 1u);
    EXPECT_EQ(late.front().file.filename(), "stem2.flac");
    EXPECT_NE(late.front().message.find("plays what was decoded"), std::string::npos)
        << late.front().message;
    EXPECT_EQ(rig.engine.song()->stems.size(), static_cast<std::size_t>(kStems))
        << "the stem stays, silent after the damage";

    // Past the damage the song plays on: nothing waits for the stem that stopped.
    rig.playback.seek(45.0);
    rig.playback.play();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() > 45.5; }, 20000));
    EXPECT_FALSE(rig.playback.buffering());
}

// Opening another song while the current one still decodes stops that decode; the new song
// plays.
TEST(ProgressiveLoad, OpeningAnotherSongWhileDecodingCancelsTheFirst) {
    Rig rig;
    const fs::path first = test::writeLongFlacSong(rig.dir.path(), "first", kStems, kLongSeconds);
    const fs::path second = test::writeLongFlacSong(rig.dir.path(), "second", 2, 10.0);
    ASSERT_TRUE(rig.load(first));
    ASSERT_TRUE(rig.engine.decoding());
    const std::shared_ptr<audio::LoadProgress> firstProgress = rig.engine.decode()->progress();
    rig.playback.play();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() > 0.2; }, 20000));

    QSignalSpy decoded(&rig.playback, &PlaybackManager::songDecoded);
    ASSERT_TRUE(rig.load(second));
    EXPECT_TRUE(firstProgress->cancelRequested()) << "the first song's decode was stopped";
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(second));
    rig.playback.play();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() > 0.3; }, 20000));
    ASSERT_TRUE(decoded.count() > 0 || decoded.wait(kDecodeMs));
    EXPECT_EQ(decoded.last().at(0).toString(), test::qpath(second));
    for (const auto& args : decoded)
        EXPECT_NE(args.at(0).toString(), test::qpath(first)) << "a stopped decode is not done";
}
