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

}  // namespace unity_AutoAnalysisTest
