// "Follow the song's sample rate when the device supports it": the PlaybackManager with a real
// engine on the private JACK dummy server (48 kHz only, tests/support/with_jack.sh). Which
// rates the device supports is faked where the test needs a device that could switch; the
// real query (PortAudioOutput::supportedRates) is used where the JACK server can answer.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <filesystem>
#include <set>

#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/audio/Engine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SongRateFollowTest {

using namespace stemdeck;
using app::PlaybackManager;
namespace fs = std::filesystem;

namespace {

constexpr int kDeviceRate = 48000;

fs::path writeSongAt(const test::TempDir& dir, const std::string& name, int rate,
                     double seconds = 1.0) {
    return test::writeSineSong(dir.path(), name, seconds, 2, rate, 220.0);
}

struct Rig {
    test::TempDir dir;
    audio::Engine engine;
    PlaybackManager playback{engine};
    QSignalSpy loads{&playback, &PlaybackManager::loadStarted};
    QSignalSpy loaded{&playback, &PlaybackManager::songLoaded};
    QSignalSpy outputs{&playback, &PlaybackManager::outputChanged};
    QSignalSpy fellBack{&playback, &PlaybackManager::sampleRateFellBack};
    QSignalSpy messages{&playback, &PlaybackManager::message};

    Rig() {
        playback.openOutput({"", 0, 256});
        EXPECT_TRUE(engine.outputOpen()) << playback.outputProblem().toStdString();
        EXPECT_EQ(engine.sampleRate(), kDeviceRate);
        outputs.clear();
    }
    // A device that (the test says) can run at `rates`.
    void fakeSupport(std::set<int> rates) {
        playback.setRateSupport([rates](int rate) { return rates.contains(rate); });
    }
    // How many times the output was asked for the song's `rate` and said it cannot play it.
    int refusedSongRate(int rate) const {
        int n = 0;
        for (const QList<QVariant>& m : messages)
            n += m.at(0).toString().contains(QStringLiteral("the song's %1 Hz").arg(rate));
        return n;
    }
    bool open(const fs::path& folder) {
        playback.openSong(test::qpath(folder));
        return loaded.wait(10000);
    }
};

}  // namespace

TEST(SongRateFollow, TheJackDummyReportsTheOneRateItRuns) {
    Rig rig;
    EXPECT_EQ(rig.engine.output().supportedRates(), std::vector<int>{kDeviceRate});
    EXPECT_TRUE(rig.engine.output().supportsRate(kDeviceRate));
    EXPECT_FALSE(rig.engine.output().supportsRate(44100));
}

TEST(SongRateFollow, IsOnByDefault) {
    Rig rig;
    EXPECT_TRUE(rig.playback.followSongRate());
}

TEST(SongRateFollow, ASongTheDeviceCannotFollowIsResampledWithoutTouchingTheOutput) {
    Rig rig;  // the real query: JACK runs at 48 kHz only
    ASSERT_TRUE(rig.open(writeSongAt(rig.dir, "cd", 44100)));
    EXPECT_EQ(rig.loads.count(), 1) << "decoded once";
    EXPECT_EQ(rig.engine.song()->sampleRate, kDeviceRate);
    EXPECT_TRUE(rig.engine.song()->stems[0].resampled);
    EXPECT_EQ(rig.outputs.count(), 0) << "the output was not reopened";
    EXPECT_EQ(rig.fellBack.count(), 0);
}

TEST(SongRateFollow, ASongAtTheOutputsRateNeverReopensIt) {
    Rig rig;
    rig.fakeSupport({44100, 48000, 96000});
    ASSERT_TRUE(rig.open(writeSongAt(rig.dir, "studio", kDeviceRate)));
    EXPECT_EQ(rig.loads.count(), 1);
    EXPECT_FALSE(rig.engine.song()->stems[0].resampled);
    EXPECT_EQ(rig.outputs.count(), 0);
    EXPECT_EQ(rig.engine.sampleRate(), kDeviceRate);
}

TEST(SongRateFollow, ASongTheDeviceCanFollowLoadsUnresampledAndTheOutputIsAskedForItsRate) {
    Rig rig;
    rig.fakeSupport({44100, 48000});
    const fs::path song = writeSongAt(rig.dir, "cd", 44100);
    int firstRate = 0;
    bool firstResampled = true;
    QObject::connect(&rig.playback, &PlaybackManager::songLoaded, [&] {
        if (firstRate != 0) return;
        firstRate = rig.engine.song()->sampleRate;
        firstResampled = rig.engine.song()->stems[0].resampled;
    });
    rig.playback.openSong(test::qpath(song));
    ASSERT_TRUE(rig.loaded.wait(10000));
    // Loaded at its own rate, not resampled, and the output reopened for it.
    EXPECT_EQ(firstRate, 44100);
    EXPECT_FALSE(firstResampled);
    EXPECT_EQ(rig.refusedSongRate(44100), 1) << "the output was asked for the song's rate";
    EXPECT_EQ(rig.fellBack.count(), 0) << "following a song never changes the settings' rate";
    // The JACK dummy really runs at 48 kHz only: it refuses, the device plays at its own rate
    // and the song is prepared for it, as for any refused rate. Nothing is lost.
    ASSERT_TRUE(rig.loaded.count() >= 2 || rig.loaded.wait(10000));
    EXPECT_EQ(rig.loads.count(), 2);
    ASSERT_TRUE(rig.engine.outputOpen());
    EXPECT_EQ(rig.engine.sampleRate(), kDeviceRate);
    EXPECT_EQ(rig.engine.song()->sampleRate, kDeviceRate);
    EXPECT_EQ(rig.engine.reloadRate(), 0);
    EXPECT_TRUE(rig.playback.outputProblem().isEmpty());
}

TEST(SongRateFollow, SwitchedOffTheSongIsResampledForTheOutput) {
    Rig rig;
    rig.fakeSupport({44100, 48000});
    rig.playback.setFollowSongRate(false);
    ASSERT_TRUE(rig.open(writeSongAt(rig.dir, "cd", 44100)));
    EXPECT_EQ(rig.loads.count(), 1);
    EXPECT_EQ(rig.engine.song()->sampleRate, kDeviceRate);
    EXPECT_TRUE(rig.engine.song()->stems[0].resampled);
    EXPECT_EQ(rig.fellBack.count(), 0);
    EXPECT_EQ(rig.outputs.count(), 0);
}

TEST(SongRateFollow, TheOutputFollowsOnlyWhenTheNextSongTakesOver) {
    // Following happens only when a song takes over; the song already playing is not
    // reloaded or reopened for another song's rate while that one loads.
    Rig rig;
    rig.fakeSupport({44100, 48000});
    ASSERT_TRUE(rig.open(writeSongAt(rig.dir, "first", kDeviceRate, 4.0)));
    rig.playback.play();
    rig.loaded.clear();
    rig.playback.openSong(test::qpath(writeSongAt(rig.dir, "second", 44100)));
    EXPECT_EQ(rig.engine.song()->sampleRate, kDeviceRate) << "the first song plays on";
    EXPECT_EQ(rig.engine.state(), audio::PlayState::Playing);
    EXPECT_EQ(rig.fellBack.count(), 0);
    ASSERT_TRUE(rig.loaded.wait(10000));
    // The output was asked for the new rate at the switch (after the first song faded out).
    EXPECT_EQ(rig.refusedSongRate(44100), 1);
    EXPECT_EQ(rig.fellBack.count(), 0);
}

}  // namespace unity_SongRateFollowTest
