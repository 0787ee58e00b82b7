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

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ProgressiveLoadTest {

using namespace stemdeck;
using app::PlaybackManager;
using audio::PlayState;
namespace fs = std::filesystem;

namespace {

constexpr int kRate = 48000;
constexpr int kStems = 8;
// Under ThreadSanitizer each first write to the song's memory also faults in its shadow: half
// the song there, which still decodes far slower than the test looks.
#if defined(__SANITIZE_THREAD__)
constexpr double kLongSeconds = 30.0;
#else
constexpr double kLongSeconds = 60.0;
#endif
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
// whole, then its whole waveforms (they grew with the decoded part meanwhile).
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
    // The waveforms grow with the decoded part (the whole ones come once it is decoded).
    ASSERT_NE(rig.playback.peaks(), nullptr) << "the first audio's waveform at once";
    for (const app::WaveformPeaks& p : *rig.playback.peaks()) {
        EXPECT_EQ(p.frames(), static_cast<std::int64_t>(kLongSeconds * kRate));
        EXPECT_FALSE(p.level(0).front().isNone()) << "the first audio's waveform";
        EXPECT_TRUE(p.level(0).back().isNone()) << "the end is not decoded yet";
    }
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
    STEMDECK_SKIP_IF_DECODED_WHOLE(rig.playback);
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
    constexpr double kPastTheDamage = 0.75 * kLongSeconds;
    rig.playback.seek(kPastTheDamage);
    rig.playback.play();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return rig.playback.position() > kPastTheDamage + 0.5; }, 20000));
    EXPECT_FALSE(rig.playback.buffering());
}

// Opening another song while the current one still decodes stops that decode; the new song
// plays.
TEST(ProgressiveLoad, OpeningAnotherSongWhileDecodingCancelsTheFirst) {
    Rig rig;
    const fs::path first = test::writeLongFlacSong(rig.dir.path(), "first", kStems, kLongSeconds);
    const fs::path second = test::writeLongFlacSong(rig.dir.path(), "second", 2, 10.0);
    ASSERT_TRUE(rig.load(first));
    STEMDECK_SKIP_IF_DECODED_WHOLE(rig.playback);
    const std::shared_ptr<audio::LoadProgress> firstProgress = rig.engine.decode()->progress();
    rig.playback.play();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() > 0.2; }, 20000));

    QSignalSpy decoded(&rig.playback, &PlaybackManager::songDecoded);
    ASSERT_TRUE(rig.load(second));
    // On a busy machine the first song may finish decoding while the second loads, which is
    // no fault; after the switch nothing of it may be reported.
    const qsizetype atSwitch = decoded.count();
    EXPECT_TRUE(firstProgress->cancelRequested()) << "the first song's decode was stopped";
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(second));
    rig.playback.play();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() > 0.3; }, 20000));
    const auto secondDecoded = [&] {
        for (const auto& args : decoded)
            if (args.at(0).toString() == test::qpath(second)) return true;
        return false;
    };
    ASSERT_TRUE(QTest::qWaitFor(secondDecoded, kDecodeMs));
    for (qsizetype i = atSwitch; i < decoded.count(); ++i)
        EXPECT_NE(decoded.at(i).at(0).toString(), test::qpath(first))
            << "a stopped decode is not done";
}

// A seek far past what is decoded: decoding jumps there, and the PlaybackManager reports the
// island apart from the front (a video player's buffered bar after a seek), then one span
// once decoding has filled the gap.
TEST(ProgressiveLoad, TheDecodedSpansShowTheIslandASeekOpenedThenTheWholeSong) {
    Rig rig;
    const fs::path song = test::writeLongFlacSong(rig.dir.path(), "long", kStems, kLongSeconds);
    QSignalSpy spansSaid(&rig.playback, &PlaybackManager::decodedSpansChanged);
    QSignalSpy decoded(&rig.playback, &PlaybackManager::songDecoded);
    ASSERT_TRUE(rig.load(song));
    STEMDECK_SKIP_IF_DECODED_WHOLE(rig.playback);
    ASSERT_GE(spansSaid.count(), 1) << "the spans are said at songLoaded";
    const app::TimeSpans first = rig.playback.decodedSpans();
    ASSERT_FALSE(first.empty());
    EXPECT_EQ(first.front().start, 0.0);
    EXPECT_LT(first.back().end, kLongSeconds);

    constexpr double kTarget = 0.75 * kLongSeconds;
    rig.playback.seek(kTarget);
    const auto islandShown = [&] {
        const app::TimeSpans spans = rig.playback.decodedSpans();
        return spans.size() == 2 && spans[1].start <= kTarget && spans[1].end > kTarget + 1.0;
    };
    ASSERT_TRUE(QTest::qWaitFor(islandShown, kDecodeMs) || decoded.count() > 0);
    ASSERT_EQ(decoded.count(), 0) << "the song decoded whole before the island could show";
    const app::TimeSpans spans = rig.playback.decodedSpans();
    EXPECT_EQ(spans[0].start, 0.0);
    EXPECT_LT(spans[0].end, spans[1].start) << "a gap between the front and the island";
    // The timer says it too (within a poll).
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto said = spansSaid.last().at(0).value<app::TimeSpans>();
            return said.size() == 2 && said[1].start <= kTarget;
        },
        2000));

    // The waveforms grew for the island; the gap before it has none yet.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto peaks = rig.playback.peaks();
            if (decoded.count() > 0) return true;
            if (!peaks) return false;
            const auto at = [&](double seconds) {
                return peaks->front().level(
                    0)[static_cast<std::size_t>(seconds * kRate / app::WaveformPeaks::kBaseBucket)];
            };
            return !at(kTarget + 0.5).isNone();
        },
        2000));
    if (decoded.count() == 0) {
        const auto peaks = rig.playback.peaks();
        const auto bucketAt = [](double seconds) {
            return static_cast<std::size_t>(seconds * kRate / app::WaveformPeaks::kBaseBucket);
        };
        const double gap = (spans[0].end + spans[1].start) / 2;
        // Decoding may have gone on since: the gap is judged if the front is still short of it.
        const bool gapStands = gap > rig.playback.decodedSpans().front().end;
        for (const app::WaveformPeaks& p : *peaks) {
            EXPECT_FALSE(p.level(0)[bucketAt(kTarget + 0.5)].isNone());
            if (gapStands) {
                EXPECT_TRUE(p.level(0)[bucketAt(gap)].isNone());
            }
        }
    }

    ASSERT_TRUE(decoded.count() > 0 || decoded.wait(kDecodeMs));
    const app::TimeSpans whole{{0.0, kLongSeconds}};
    EXPECT_EQ(rig.playback.decodedSpans(), whole);
    EXPECT_EQ(spansSaid.last().at(0).value<app::TimeSpans>(), whole)
        << "the island joined the front: one span, all of it";
}

}  // namespace unity_ProgressiveLoadTest
