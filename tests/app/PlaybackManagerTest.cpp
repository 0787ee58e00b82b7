// The PlaybackManager with a real engine on a real PortAudio stream. The CTest wrapper
// (tests/support/with_jack.sh) runs a private JACK dummy server at 48 kHz / 256 frames. The
// machine may be busy meanwhile: where a test needs the stream or a timer to get somewhere it
// waits for it (a stream may start late, a timer fire late) instead of sleeping a fixed time.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <filesystem>
#include <limits>

#include "AudioFiles.h"
#include "MemorySong.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/audio/Engine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_PlaybackManagerTest {

using namespace stemdeck;
using app::PlaybackManager;
using audio::PlayState;
namespace fs = std::filesystem;

namespace {

constexpr int kRate = 48000;

// A song folder with `stems` stems of `seconds`, written through libsndfile.
fs::path writeSong(const test::TempDir& dir, const std::string& name, double seconds,
                   int stems = 2) {
    return test::writeSineSong(dir.path(), name, seconds, stems, kRate);
}

// An engine with an open output, its manager, and a place for mixes.
struct Rig {
    test::TempDir dir;
    audio::Engine engine;
    app::MixStore mixes{test::qpath(dir / "mixes")};
    PlaybackManager playback{engine, &mixes};

    Rig() {
        playback.openOutput({});
        EXPECT_TRUE(engine.outputOpen()) << playback.outputProblem().toStdString();
    }
    // Loads through the asynchronous path and waits for it.
    bool load(const fs::path& folder) {
        QSignalSpy loaded(&playback, &PlaybackManager::songLoaded);
        playback.openSong(test::qpath(folder));
        return loaded.wait(10000);
    }
};

}  // namespace

TEST(PlaybackManager, LoadsOffTheGuiThreadPlaysToTheEndAndFinishesOnce) {
    Rig rig;
    const fs::path song = writeSong(rig.dir, "short", 1.0);
    QSignalSpy loaded(&rig.playback, &PlaybackManager::songLoaded);
    QSignalSpy durations(&rig.playback, &PlaybackManager::durationChanged);
    QSignalSpy peaks(&rig.playback, &PlaybackManager::peaksChanged);
    rig.playback.openSong(test::qpath(song));
    // openSong returns at once: the song is decoded on a worker.
    EXPECT_TRUE(rig.playback.isLoading());
    EXPECT_FALSE(rig.engine.hasSong());
    ASSERT_TRUE(loaded.wait(10000));
    EXPECT_EQ(loaded.takeFirst().at(0).toString(), test::qpath(song));
    ASSERT_TRUE(rig.engine.hasSong());
    EXPECT_EQ(rig.engine.song()->stems.size(), 2u);
    // The waveforms are made on the loader's pool once the song has decoded (progressive
    // loading), after songLoaded.
    ASSERT_TRUE(peaks.count() > 0 || peaks.wait(10000));
    ASSERT_NE(rig.playback.peaks(), nullptr);
    ASSERT_EQ(rig.playback.peaks()->size(), 2u);
    EXPECT_EQ(rig.playback.peaks()->front().frames(), kRate);
    ASSERT_EQ(durations.count(), 1);
    EXPECT_DOUBLE_EQ(durations.first().at(0).toDouble(), 1.0);

    QSignalSpy finished(&rig.playback, &PlaybackManager::finished);
    QSignalSpy positions(&rig.playback, &PlaybackManager::positionChanged);
    QSignalSpy states(&rig.playback, &PlaybackManager::stateChanged);
    rig.playback.play();
    ASSERT_TRUE(finished.wait(30000));
    QTest::qWait(600);  // more polls: the flag must not be reported again
    EXPECT_EQ(finished.count(), 1);
    EXPECT_EQ(rig.playback.state(), PlayState::Stopped);
    EXPECT_EQ(rig.playback.position(), 0.0) << "stopped at the end returns to the start";
    EXPECT_FALSE(rig.engine.output().isActive()) << "the stream stops once faded to silence";

    ASSERT_GE(states.count(), 2);
    EXPECT_EQ(states.first().at(0).value<PlayState>(), PlayState::Playing);
    EXPECT_EQ(states.last().at(0).value<PlayState>(), PlayState::Stopped);

    // While playing the position only moves forward, reported ~10 times a second.
    std::vector<double> seen;
    for (const auto& args : positions) seen.push_back(args.at(0).toDouble());
    ASSERT_GE(seen.size(), 6u);
    EXPECT_EQ(seen.back(), 0.0);
    seen.pop_back();
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_TRUE(std::adjacent_find(seen.begin(), seen.end()) == seen.end())
        << "positionChanged is only emitted on a change";
    EXPECT_GT(seen.back(), 0.5);
}

TEST(PlaybackManager, SeeksWhilePlaying) {
    Rig rig;
    ASSERT_TRUE(rig.load(writeSong(rig.dir, "long", 6.0)));
    rig.playback.play();
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() > 0.1; }, 10000));
    QElapsedTimer clock;
    clock.start();
    rig.playback.seek(4.0);
    EXPECT_NEAR(rig.playback.position(), 4.0, 1e-3);
    // Played on from the new place, never faster than the time that passed (give or take the
    // output's buffering); as fast as the device asks, however busy the machine is.
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() > 4.3; }, 10000));
    EXPECT_LT(rig.playback.position(), 4.0 + clock.elapsed() / 1000.0 + 0.15);
    EXPECT_EQ(rig.playback.state(), PlayState::Playing);

    rig.playback.seekBy(-100.0);  // clamped to the start
    EXPECT_LT(rig.playback.position(), 0.05);
    rig.playback.seek(1000.0);  // and to the end
    EXPECT_NEAR(rig.playback.position(), 6.0, 0.05);
}

TEST(PlaybackManager, ACancelledLoadKeepsThePlayingSong) {
    Rig rig;
    const fs::path first = writeSong(rig.dir, "first", 5.0);
    const fs::path big = writeSong(rig.dir, "big", 20.0, 4);
    ASSERT_TRUE(rig.load(first));
    rig.playback.play();

    QSignalSpy cancelled(&rig.playback, &PlaybackManager::loadCancelled);
    QSignalSpy loaded(&rig.playback, &PlaybackManager::songLoaded);
    rig.playback.openSong(test::qpath(big));
    rig.playback.cancelLoad();
    ASSERT_TRUE(cancelled.wait(10000));
    EXPECT_EQ(cancelled.first().at(0).toString(), test::qpath(big));
    QTest::qWait(200);
    EXPECT_EQ(loaded.count(), 0);
    EXPECT_FALSE(rig.playback.isLoading());
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(first));
    EXPECT_EQ(rig.engine.song()->folder, first);
    EXPECT_EQ(rig.playback.state(), PlayState::Playing);
}

TEST(PlaybackManager, ASongLevelErrorIsReportedAndThePreviousSongPlaysOn) {
    Rig rig;
    const fs::path first = writeSong(rig.dir, "first", 5.0);
    ASSERT_TRUE(rig.load(first));
    rig.playback.play();

    QSignalSpy failed(&rig.playback, &PlaybackManager::loadFailed);
    const fs::path missing = rig.dir / "no-such-song";
    rig.playback.openSong(test::qpath(missing));
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_EQ(failed.first().at(0).toString(), test::qpath(missing));
    EXPECT_TRUE(failed.first().at(1).toString().contains(QStringLiteral("no-such-song")));

    fs::create_directories(rig.dir / "empty");
    test::writeTextFile(rig.dir / "empty" / "notes.txt", "no audio here");
    rig.playback.openSong(test::qpath(rig.dir / "empty"));
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_FALSE(failed.last().at(1).toString().isEmpty());

    EXPECT_EQ(rig.playback.songFolder(), test::qpath(first));
    EXPECT_EQ(rig.playback.state(), PlayState::Playing);
}

TEST(PlaybackManager, ACorruptStemIsReportedAndTheOthersLoad) {
    Rig rig;
    const fs::path song = writeSong(rig.dir, "song", 1.0);
    test::writeTextFile(song / "broken.wav", "RIFF this is not really a wave file");
    ASSERT_TRUE(rig.load(song));
    ASSERT_EQ(rig.engine.song()->stems.size(), 2u);
    ASSERT_EQ(rig.engine.song()->errors.size(), 1u);
    EXPECT_EQ(rig.engine.song()->errors.front().file.filename(), "broken.wav");
}

TEST(PlaybackManager, RemembersTheMixOfEachSong) {
    Rig rig;
    const fs::path a = writeSong(rig.dir, "a", 1.0);
    const fs::path b = writeSong(rig.dir, "b", 1.0);
    ASSERT_TRUE(rig.load(a));
    rig.engine.mix().setGainDb(0, -6.0f);
    rig.engine.mix().setMuted(1, true);
    rig.engine.mix().setMasterGainDb(-3.0f);

    ASSERT_TRUE(rig.load(b));  // saves a's mix on the way
    EXPECT_FLOAT_EQ(rig.engine.mix().gainDb(0), 0.0f);
    EXPECT_FALSE(rig.engine.mix().muted(1));
    rig.engine.mix().setPan(1, -0.5f);
    // Saved after kMixSavePolls polls of the timer (a busy machine may fire it late).
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return QFile::exists(rig.mixes.fileFor(test::qpath(b))); },
                        20 * PlaybackManager::kMixSavePolls * PlaybackManager::kPollIntervalMs))
        << "a changed mix is saved periodically";

    ASSERT_TRUE(rig.load(a));
    EXPECT_FLOAT_EQ(rig.engine.mix().gainDb(0), -6.0f);
    EXPECT_TRUE(rig.engine.mix().muted(1));
    EXPECT_FLOAT_EQ(rig.engine.mix().masterGainDb(), -3.0f);
    ASSERT_TRUE(rig.load(b));
    EXPECT_FLOAT_EQ(rig.engine.mix().pan(1), -0.5f);
}

TEST(PlaybackManager, AGarbageMixFileIsIgnoredWithAMessage) {
    Rig rig;
    const fs::path song = writeSong(rig.dir, "song", 1.0);
    fs::create_directories(rig.dir / "mixes");
    test::writeTextFile(rig.mixes.fileFor(test::qpath(song)).toStdString(),
                        "{\"version\": 1, garbage");
    QSignalSpy messages(&rig.playback, &PlaybackManager::message);
    ASSERT_TRUE(rig.load(song));
    ASSERT_EQ(messages.count(), 1);
    EXPECT_TRUE(messages.first().at(0).toString().contains(QStringLiteral("ignored")));
    EXPECT_FLOAT_EQ(rig.engine.mix().gainDb(0), 0.0f);
}

TEST(PlaybackManager, AnUnavailableDeviceFallsBackToTheDefault) {
    Rig rig;
    QSignalSpy errors(&rig.playback, &PlaybackManager::errorOccurred);
    rig.playback.openOutput({"no such device", 0, 512});
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.first().at(0).toString().contains(QStringLiteral("no such device")));
    EXPECT_TRUE(rig.engine.outputOpen());
    EXPECT_EQ(rig.engine.output().framesPerBuffer(), 512) << "the block size is kept";
    EXPECT_FALSE(rig.playback.outputProblem().isEmpty());

    rig.playback.openOutput({});
    EXPECT_TRUE(rig.playback.outputProblem().isEmpty());
}

// Issue 9 item 9: a device name (from the settings file, or the audio system) reaches the
// window's messages printable: a newline or an escape shows as its symbol.
TEST(PlaybackManager, ADeviceNameWithControlsIsShownPrintable) {
    Rig rig;
    QSignalSpy errors(&rig.playback, &PlaybackManager::errorOccurred);
    rig.playback.openOutput({"gone\x1b[2J\ninterface", 0, 512});
    ASSERT_EQ(errors.count(), 1);
    const QString message = errors.first().at(0).toString();
    EXPECT_TRUE(message.contains(QStringLiteral("gone\u241b[2J\u240ainterface")))
        << message.toStdString();
    for (const QChar c : message) EXPECT_GE(c.unicode(), 0x20) << message.toStdString();
    EXPECT_FALSE(rig.playback.outputDescription().isEmpty());
    for (const QChar c : rig.playback.outputDescription()) EXPECT_GE(c.unicode(), 0x20);
}

TEST(PlaybackManager, AnUnsupportedRateFallsBackKeepingSongMixAndPosition) {
    Rig rig;
    ASSERT_TRUE(rig.load(writeSong(rig.dir, "song", 4.0)));
    rig.engine.mix().setGainDb(1, -12.0f);
    rig.playback.seek(2.5);

    // The dummy JACK server runs at 48 kHz only. The song is first prepared at 44.1 kHz on
    // the worker; opening then fails, and the default rate is used. The device works: that
    // is said once (sampleRateFellBack), not kept as an output problem.
    QSignalSpy fellBack(&rig.playback, &PlaybackManager::sampleRateFellBack);
    QSignalSpy outputs(&rig.playback, &PlaybackManager::outputChanged);
    rig.playback.openOutput({"", 44100, 1024});
    EXPECT_TRUE(rig.playback.isLoading()) << "the song is decoded again on the worker";
    EXPECT_EQ(rig.engine.song()->sampleRate, kRate) << "meanwhile the old song plays on";
    ASSERT_TRUE(outputs.count() > 0 || outputs.wait(10000));
    ASSERT_EQ(fellBack.count(), 1);
    EXPECT_EQ(fellBack.first().at(0).toInt(), 44100);
    EXPECT_TRUE(fellBack.first().at(1).toString().contains(QStringLiteral("44100 Hz")));
    EXPECT_TRUE(rig.playback.outputProblem().isEmpty());
    ASSERT_TRUE(rig.engine.outputOpen());
    EXPECT_EQ(rig.engine.sampleRate(), kRate);
    EXPECT_EQ(rig.engine.song()->sampleRate, kRate);
    EXPECT_EQ(rig.engine.output().framesPerBuffer(), 1024);
    EXPECT_FLOAT_EQ(rig.engine.mix().gainDb(1), -12.0f);
    EXPECT_NEAR(rig.playback.position(), 2.5, 1e-3);
}

TEST(PlaybackManager, TheLatencyMonitorSwitchesAtOnce) {
    Rig rig;
    QSignalSpy changes(&rig.playback, &PlaybackManager::latencyMonitorChanged);
    rig.playback.setLatencyMonitorEnabled(true);
    EXPECT_TRUE(rig.engine.latencyMonitorEnabled());
    rig.playback.setLatencyMonitorEnabled(false);
    EXPECT_FALSE(rig.engine.latencyMonitorEnabled());
    EXPECT_EQ(changes.count(), 2);
}

TEST(PlaybackManager, OpeningASongWhilePlayingFadesOutAndSwitches) {
    Rig rig;
    const fs::path a = writeSong(rig.dir, "a", 5.0);
    const fs::path b = writeSong(rig.dir, "b", 3.0, 3);
    ASSERT_TRUE(rig.load(a));
    rig.playback.play();
    QTest::qWait(200);
    ASSERT_TRUE(rig.load(b));
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(b));
    EXPECT_EQ(rig.engine.song()->stems.size(), 3u);
    EXPECT_EQ(rig.playback.state(), PlayState::Stopped) << "a new song waits for play";
    EXPECT_DOUBLE_EQ(rig.playback.duration(), 3.0);
    rig.playback.play();
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.playback.position() > 0.1; }, 10000));
}

TEST(PlaybackManager, PitchStaysWithinAnOctaveEachWay) {
    Rig rig;
    ASSERT_TRUE(rig.load(writeSong(rig.dir, "song", 1.0)));
    rig.playback.setPitch(12, 50.0);
    EXPECT_DOUBLE_EQ(rig.engine.pitchCents(), 1200.0);
    EXPECT_EQ(rig.playback.pitchSemitones(), 12);
    EXPECT_DOUBLE_EQ(rig.playback.pitchFineCents(), 0.0);
    rig.playback.setPitch(-40, -30.0);
    EXPECT_DOUBLE_EQ(rig.engine.pitchCents(), -1200.0);
    rig.playback.setPitch(-2, std::numeric_limits<double>::quiet_NaN());
    EXPECT_DOUBLE_EQ(rig.engine.pitchCents(), -200.0) << "a NaN from anywhere is no change";
}

TEST(PlaybackManager, LoopPointsCanBeSetOneAtATime) {
    Rig rig;
    ASSERT_TRUE(rig.load(writeSong(rig.dir, "song", 4.0)));
    QSignalSpy changes(&rig.playback, &PlaybackManager::loopChanged);
    QSignalSpy messages(&rig.playback, &PlaybackManager::message);
    rig.playback.seek(3.0);
    rig.playback.setLoopEndHere();  // B without A: the loop starts at the song's start
    EXPECT_EQ(rig.engine.loop().start, 0);
    EXPECT_EQ(rig.engine.loop().end, 3 * kRate);
    EXPECT_TRUE(rig.engine.loop().enabled);
    rig.playback.seek(3.5);
    rig.playback.setLoopStartHere();  // after B: a new loop begins, the old one is gone
    EXPECT_FALSE(rig.engine.loop().enabled);
    EXPECT_DOUBLE_EQ(rig.playback.loopStart(), 3.5);
    EXPECT_LT(rig.playback.loopEnd(), 0.0);
    rig.playback.setLoop(1.0, 1.001, true);  // shorter than the engine allows
    ASSERT_FALSE(messages.isEmpty());
    EXPECT_TRUE(messages.last().at(0).toString().contains(QStringLiteral("too short")));
    EXPECT_DOUBLE_EQ(rig.playback.loopStart(), 3.5) << "a refused loop changes nothing";
    rig.playback.setLoop(2.0, 1.0, false);  // either order; a new loop that stays off
    EXPECT_EQ(rig.engine.loop().start, 1 * kRate);
    EXPECT_EQ(rig.engine.loop().end, 2 * kRate);
    EXPECT_FALSE(rig.engine.loop().enabled);
    EXPECT_GE(changes.count(), 3);
}

// The engine never decodes on the calling thread: a device at another rate than the song
// leaves the song as it was and says at which rate to load it again (the PlaybackManager does
// that on its worker); until then it does not play, at the wrong speed or at all.
TEST(PlaybackManager, TheEngineSaysWhenADeviceNeedsTheSongAtAnotherRate) {
    audio::Engine engine;
    engine.setSong(test::MemorySong(44100).mono("a", std::vector<float>(44100, 0.1f)).build());
    const audio::Song* song = engine.song();
    engine.mix().setGainDb(0, -6.0f);
    engine.seekSeconds(0.5);
    EXPECT_EQ(engine.reloadRate(), 0) << "no output yet";
    engine.openOutput({});
    ASSERT_TRUE(engine.outputOpen());
    EXPECT_EQ(engine.sampleRate(), kRate);
    EXPECT_EQ(engine.reloadRate(), kRate);
    EXPECT_EQ(engine.song(), song) << "not decoded again";
    EXPECT_FLOAT_EQ(engine.mix().gainDb(0), -6.0f);
    EXPECT_NEAR(engine.positionSeconds(), 0.5, 1e-4);
    engine.play();
    EXPECT_NE(engine.state(), PlayState::Playing);
    engine.setSong(test::MemorySong(kRate).mono("a", std::vector<float>(kRate, 0.1f)).build());
    EXPECT_EQ(engine.reloadRate(), 0);
    engine.play();
    EXPECT_EQ(engine.state(), PlayState::Playing);
    engine.fadeOut();
    EXPECT_NE(engine.state(), PlayState::Playing);
}

}  // namespace unity_PlaybackManagerTest
