// Live spoken guide cues (SongGuideCues) on a real PlaybackManager and stream (the private
// JACK dummy server): made when a song loads, again when its markers change, for the set's
// cued song too, and handed to each song's transport with the set's level and on/off.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <filesystem>

#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SongGuideCues.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/click/GuideCues.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_GuideCuesPlaybackTest {

using namespace stemdeck;
using app::PlaybackManager;
using app::SongGuideCues;
namespace fs = std::filesystem;

namespace {

struct CueRig {
    test::TempDir dir;
    audio::Engine engine;
    app::MixStore mixes{test::qpath(dir / "mixes")};
    app::MarkerStore markers{test::qpath(dir / "markers")};
    PlaybackManager playback{engine, &mixes};
    SongGuideCues cues{playback, markers};

    CueRig() {
        playback.openOutput({});
        EXPECT_TRUE(engine.outputOpen()) << playback.outputProblem().toStdString();
    }
    fs::path song(const char* name, const char* markersJson) {
        const fs::path folder = test::writeSineSong(dir.path(), name, 6.0, 1, 48000);
        test::writeTextFile(folder / "markers.json", markersJson);
        return folder;
    }
};

// The count of the next `built` signal for `folder` (-1: none within 20 s).
int waitBuilt(QSignalSpy& built, const fs::path& folder) {
    for (int tries = 0; tries < 40; ++tries) {
        for (const auto& args : built)
            if (args.at(0).toString() == test::qpath(folder)) return args.at(1).toInt();
        built.wait(500);
    }
    return -1;
}

}  // namespace

TEST(GuideCuesPlayback, CuesAreMadeForTheSongItsMarkersAndTheCuedSong) {
    CueRig rig;
    const fs::path first =
        rig.song("first", R"({"version": 1, "markers": [{"name": "Chorus", "seconds": 4}]})");
    const fs::path second =
        rig.song("second", R"({"version": 1, "markers": [{"name": "Verse", "seconds": 2},
                                                 {"name": "Bridge", "seconds": 5}]})");
    rig.cues.setLevelDb(-12.0);
    rig.cues.setEnabled(true);

    QSignalSpy built(&rig.cues, &SongGuideCues::built);
    QSignalSpy said(&rig.cues, &SongGuideCues::message);
    QSignalSpy loaded(&rig.playback, &PlaybackManager::songLoaded);
    rig.playback.openSong(test::qpath(first));
    ASSERT_TRUE(loaded.wait(10000));
    const int count = waitBuilt(built, first);
    if (count < 0 && !said.isEmpty()) GTEST_SKIP() << said.first().at(0).toString().toStdString();
    EXPECT_EQ(count, 1);
    ASSERT_NE(rig.playback.songCues(), nullptr);
    EXPECT_TRUE(rig.playback.songCues()->enabled());
    EXPECT_FLOAT_EQ(rig.playback.songCues()->levelDb(), -12.0f);

    // Markers changed (SongMarkers saves them, then says so): made again.
    test::writeTextFile(first / "markers.json",
                        R"({"version": 1, "markers": [{"name": "Chorus", "seconds": 4},
                                                      {"name": "Outro", "seconds": 5.5}]})");
    built.clear();
    rig.cues.markersChanged();
    EXPECT_EQ(waitBuilt(built, first), 2);

    // The set's next song: its own cues, on its own transport.
    built.clear();
    QSignalSpy cued(&rig.playback, &PlaybackManager::nextSongCued);
    rig.playback.cueNextSong(test::qpath(second), app::set::SetEntry{});
    ASSERT_TRUE(cued.count() > 0 || cued.wait(10000));
    EXPECT_EQ(waitBuilt(built, second), 2);
    ASSERT_NE(rig.playback.cuedCues(), nullptr);
    EXPECT_TRUE(rig.playback.cuedCues()->enabled());

    rig.cues.setEnabled(false);
    EXPECT_FALSE(rig.playback.songCues()->enabled());
    EXPECT_FALSE(rig.playback.cuedCues()->enabled());
    for (int i = 0; i < 100 && !rig.cues.idle(); ++i) QTest::qWait(50);
}

}  // namespace unity_GuideCuesPlaybackTest
