// A set through the PlaybackManager on a real stream (the private JACK dummy server of
// with_jack.sh): the next song loads beside the playing one, is cued with its entry's
// settings, and the set auto-advances to it by itself; the manager then presents it as the
// current song (songLoaded, durationChanged, songAdvanced) and stops at its end.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <filesystem>

#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/audio/Engine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SetPlaybackTest {

using namespace stemdeck;
using app::PlaybackManager;
namespace fs = std::filesystem;

namespace {

struct SetRig {
    test::TempDir dir;
    audio::Engine engine;
    app::MixStore mixes{test::qpath(dir / "mixes")};
    PlaybackManager playback{engine, &mixes};

    SetRig() {
        playback.openOutput({});
        EXPECT_TRUE(engine.outputOpen()) << playback.outputProblem().toStdString();
    }
    bool load(const fs::path& folder) {
        QSignalSpy loaded(&playback, &PlaybackManager::songLoaded);
        playback.openSong(test::qpath(folder));
        return loaded.wait(10000);
    }
};

}  // namespace

TEST(SetPlayback, ASetOfTwoSongsAutoAdvancesAndEmitsSongAdvanced) {
    SetRig rig;
    const fs::path first = test::writeSineSong(rig.dir.path(), "first", 1.0, 2, 48000);
    const fs::path second = test::writeSineSong(rig.dir.path(), "second", 1.5, 1, 48000);
    ASSERT_TRUE(rig.load(first));
    rig.playback.setCurrentLeadOut({audio::SongTransition::Kind::Segue, 0.0, 0.0});

    QSignalSpy cued(&rig.playback, &PlaybackManager::nextSongCued);
    app::set::SetEntry entry;
    entry.tempo = 1.0;
    entry.pitchSemitones = 2.0;
    rig.playback.cueNextSong(test::qpath(second), entry);
    ASSERT_TRUE(cued.count() > 0 || cued.wait(10000));
    EXPECT_EQ(cued.first().at(0).toString(), test::qpath(second));
    EXPECT_EQ(rig.playback.cuedFolder(), test::qpath(second));
    EXPECT_TRUE(rig.engine.hasCued());

    QSignalSpy advanced(&rig.playback, &PlaybackManager::songAdvanced);
    QSignalSpy loaded(&rig.playback, &PlaybackManager::songLoaded);
    QSignalSpy durations(&rig.playback, &PlaybackManager::durationChanged);
    QSignalSpy finished(&rig.playback, &PlaybackManager::finished);
    rig.playback.play();
    ASSERT_TRUE(advanced.wait(10000)) << "the set did not move on by itself";
    EXPECT_EQ(advanced.first().at(0).toString(), test::qpath(second));
    ASSERT_EQ(loaded.count(), 1);
    EXPECT_EQ(loaded.first().at(0).toString(), test::qpath(second));
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(second));
    EXPECT_DOUBLE_EQ(durations.last().at(0).toDouble(), 1.5);
    EXPECT_EQ(rig.playback.stemNames().size(), 1u);
    EXPECT_EQ(rig.playback.pitchSemitones(), 2);
    EXPECT_EQ(rig.playback.state(), audio::PlayState::Playing) << "a segue plays on";
    EXPECT_EQ(finished.count(), 0) << "the first song's end is no end of the set";
    EXPECT_TRUE(rig.playback.cuedFolder().isEmpty());
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(advanced.count(), 1);
}

TEST(SetPlayback, ANextSongThatCannotLoadIsSaidAndTheCurrentOnePlaysOn) {
    SetRig rig;
    const fs::path first = test::writeSineSong(rig.dir.path(), "first", 1.0, 1, 48000);
    ASSERT_TRUE(rig.load(first));
    QSignalSpy failed(&rig.playback, &PlaybackManager::nextSongFailed);
    const QString missing = test::qpath(rig.dir / "no-such-song");
    rig.playback.cueNextSong(missing, {});
    ASSERT_TRUE(failed.count() > 0 || failed.wait(10000));
    EXPECT_EQ(failed.first().at(0).toString(), missing);
    EXPECT_FALSE(failed.first().at(1).toString().isEmpty());
    EXPECT_FALSE(rig.engine.hasCued());
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(first));
}

TEST(SetPlayback, TheCuedSongHasItsSavedMixBeforeItIsHeard) {
    SetRig rig;
    const fs::path first = test::writeSineSong(rig.dir.path(), "first", 1.0, 1, 48000);
    const fs::path second = test::writeSineSong(rig.dir.path(), "second", 1.0, 2, 48000);
    audio::MixSnapshot saved;
    saved.stems = {{-12.0f, 0.5f, false, false}, {0.0f, 0.0f, true, false}};
    saved.masterGainDb = -3.0f;
    QString error;
    ASSERT_TRUE(rig.mixes.save(test::qpath(second), {"stem0", "stem1"}, saved, &error))
        << error.toStdString();
    ASSERT_TRUE(rig.load(first));
    rig.playback.setCurrentLeadOut({audio::SongTransition::Kind::Segue, 0.0, 0.0});
    QSignalSpy cued(&rig.playback, &PlaybackManager::nextSongCued);
    rig.playback.cueNextSong(test::qpath(second), app::set::SetEntry{});
    ASSERT_TRUE(cued.count() > 0 || cued.wait(10000));
    const auto mix = rig.engine.cuedMix();
    ASSERT_TRUE(mix.has_value());
    EXPECT_EQ(*mix, saved) << "the saved mix would only come once the song is heard";
    EXPECT_EQ(rig.engine.mix().snapshot().stems.size(), 1u) << "the current song's own";
}

TEST(SetPlayback, AStopLeadOutEndsTheSongOnceAndTheNextWaitsCued) {
    SetRig rig;
    const fs::path first = test::writeSineSong(rig.dir.path(), "first", 0.5, 1, 48000);
    const fs::path second = test::writeSineSong(rig.dir.path(), "second", 1.5, 1, 48000);
    ASSERT_TRUE(rig.load(first));
    rig.playback.setCurrentLeadOut({audio::SongTransition::Kind::Stop, 0.0, 0.0});
    QSignalSpy cued(&rig.playback, &PlaybackManager::nextSongCued);
    rig.playback.cueNextSong(test::qpath(second), {});
    ASSERT_TRUE(cued.count() > 0 || cued.wait(10000));

    // The order listeners see: the new song announced, then the end of the one before.
    QStringList order;
    QObject::connect(&rig.playback, &PlaybackManager::songAdvanced, &rig.playback,
                     [&] { order << QStringLiteral("advanced"); });
    QObject::connect(&rig.playback, &PlaybackManager::finished, &rig.playback,
                     [&] { order << QStringLiteral("finished"); });
    QSignalSpy finished(&rig.playback, &PlaybackManager::finished);
    rig.playback.play();
    ASSERT_TRUE(finished.wait(10000)) << "the end of a song that stops the set was not said";
    QTest::qWait(400);  // no second end for the same song
    EXPECT_EQ(order, (QStringList{QStringLiteral("advanced"), QStringLiteral("finished")}));
    EXPECT_EQ(rig.playback.songFolder(), test::qpath(second));
    EXPECT_NE(rig.playback.state(), audio::PlayState::Playing) << "a Stop lead-out stops";
    EXPECT_EQ(rig.playback.position(), 0.0) << "the next song waits at its start";
}

}  // namespace unity_SetPlaybackTest
