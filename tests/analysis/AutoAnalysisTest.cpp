// AutoAnalysis with a real PlaybackManager and engine (a private JACK dummy server through
// tests/support/with_jack.sh): a song without a tempo in meta.json gets the detected grid for
// its click; a song with one keeps it.

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <filesystem>

#include "AnalysisSignals.h"
#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/AutoAnalysis.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/StageCues.h"
#include "stemdeck/audio/Engine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_AutoAnalysisTest {

using namespace stemdeck;
using app::AutoAnalysis;
using app::PlaybackManager;

struct Rig {
    test::TempDir dir;
    audio::Engine engine;
    app::MixStore mixes{test::qpath(dir / "mixes")};
    PlaybackManager playback{engine, &mixes};
    AutoAnalysis analysis{playback, app::AnalysisCache(test::qpath(dir / "cache"))};

    Rig() {
        playback.openOutput({});
        EXPECT_TRUE(engine.outputOpen()) << playback.outputProblem().toStdString();
    }
    // Opens the song and waits for its analysis.
    bool openAndAnalyse(const std::filesystem::path& folder) {
        QSignalSpy changed(&analysis, &AutoAnalysis::resultChanged);
        playback.openSong(test::qpath(folder));
        for (int i = 0; i < 4 && !analysis.result(); ++i) changed.wait(15000);
        return analysis.result().has_value();
    }
};

TEST(AutoAnalysis, ASongWithoutATempoGetsTheDetectedGridForItsClick) {
    Rig rig;
    const auto song = test::writeAnalysisSong(rig.dir.path(), "no-meta", 145.0, 12.0);
    EXPECT_FALSE(rig.playback.songHasTempo());
    ASSERT_TRUE(rig.openAndAnalyse(song));
    EXPECT_EQ(rig.analysis.folder(), test::qpath(song));
    const auto& result = *rig.analysis.result();
    EXPECT_EQ(result.key, "C major");
    const audio::ClickSettings click = rig.playback.click();
    EXPECT_NEAR(click.bpm, 145.0, 0.5);
    EXPECT_DOUBLE_EQ(click.firstBeatSeconds, result.firstDownbeat());
    EXPECT_NEAR(click.firstBeatSeconds, 0.25, 0.02 + 3 * 60.0 / 145.0);  // on a click
    EXPECT_TRUE(rig.playback.songHasTempo());
    EXPECT_FALSE(std::filesystem::exists(song / "meta.json")) << "meta.json only on request";
}

TEST(AutoAnalysis, MetaJsonsTempoWinsAndAWholeMetaIsNotAnalysed) {
    Rig rig;
    const auto song = test::writeAnalysisSong(rig.dir.path(), "meta-tempo", 145.0, 12.0);
    test::writeTextFile(song / "meta.json", R"({"tempo": 100, "time_signature": "4/4"})");
    ASSERT_TRUE(rig.openAndAnalyse(song)) << "no key in meta.json: analysed";
    EXPECT_EQ(rig.analysis.result()->key, "C major");
    EXPECT_DOUBLE_EQ(rig.playback.click().bpm, 100.0);
    EXPECT_DOUBLE_EQ(rig.playback.click().firstBeatSeconds, 0.0);

    const auto whole = test::writeAnalysisSong(rig.dir.path(), "whole-meta", 145.0, 12.0);
    test::writeTextFile(whole / "meta.json",
                        R"({"tempo": 100, "time_signature": "4/4", "key": "C"})");
    QSignalSpy decoded(&rig.playback, &PlaybackManager::songDecoded);
    rig.playback.openSong(test::qpath(whole));
    ASSERT_TRUE(decoded.wait(15000));
    QSignalSpy changed(&rig.analysis, &AutoAnalysis::resultChanged);
    EXPECT_FALSE(changed.wait(1000));
    EXPECT_FALSE(rig.analysis.running());
    EXPECT_FALSE(rig.analysis.result().has_value());
}

// A first downbeat saved in meta.json is the click's grid origin: the click, and the bar.beat
// the stage view shows, count from it, and a detected one does not replace it.
TEST(AutoAnalysis, TheClickAndBarBeatFollowASavedFirstDownbeat) {
    Rig rig;
    const auto song = test::writeAnalysisSong(rig.dir.path(), "offset", 120.0, 6.0);
    test::writeTextFile(
        song / "meta.json",
        R"({"tempo": 120, "time_signature": "3/4", "key": "C", "first_downbeat": 0.75})");
    QSignalSpy decoded(&rig.playback, &PlaybackManager::songDecoded);
    rig.playback.openSong(test::qpath(song));
    ASSERT_TRUE(decoded.wait(15000));
    const audio::ClickSettings click = rig.playback.click();
    EXPECT_DOUBLE_EQ(click.firstBeatSeconds, 0.75);
    EXPECT_EQ(click.beatsPerBar, 3);
    // Beat 1 of bar 1 at 0.75 s, a beat every 0.5 s, three to the bar.
    EXPECT_EQ(app::stage::formatBarBeat(app::stage::barBeatAt(click, 0.76)), "1.1");
    EXPECT_EQ(app::stage::formatBarBeat(app::stage::barBeatAt(click, 1.76)), "1.3");
    EXPECT_EQ(app::stage::formatBarBeat(app::stage::barBeatAt(click, 2.26)), "2.1");
    EXPECT_LT(app::stage::barBeatAt(click, 0.5).bar, 1) << "before the first downbeat";

    // Without a tempo in meta.json the detected tempo is used, the saved offset kept.
    const auto noTempo = test::writeAnalysisSong(rig.dir.path(), "offset-only", 145.0, 12.0);
    test::writeTextFile(noTempo / "meta.json", R"({"first_downbeat": 1.234})");
    ASSERT_TRUE(rig.openAndAnalyse(noTempo));
    EXPECT_NEAR(rig.playback.click().bpm, 145.0, 0.5);
    EXPECT_DOUBLE_EQ(rig.playback.click().firstBeatSeconds, 1.234);

    // A song without the field starts its grid at 0 again (not at the song before's offset).
    const auto plain = test::writeAnalysisSong(rig.dir.path(), "plain", 120.0, 6.0);
    test::writeTextFile(plain / "meta.json", R"({"tempo": 120, "time_signature": "4/4"})");
    rig.playback.openSong(test::qpath(plain));
    ASSERT_TRUE(decoded.wait(15000));
    EXPECT_DOUBLE_EQ(rig.playback.click().firstBeatSeconds, 0.0);
}

}  // namespace unity_AutoAnalysisTest
