// The AnalysisPanel on a real PlaybackManager (JACK dummy server, offscreen widgets): what was
// found is shown, an edited BPM and a nudged downbeat move the click's grid, and "Write to
// meta.json" writes only when pressed.

#include <gtest/gtest.h>

#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "AnalysisSignals.h"
#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/AutoAnalysis.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/ui/AnalysisPanel.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_AnalysisPanelTest {

using namespace stemdeck;

TEST(AnalysisPanel, ConfirmsCorrectsAndWritesOnlyOnRequest) {
    test::TempDir dir;
    audio::Engine engine;
    app::MixStore mixes{test::qpath(dir / "mixes")};
    app::PlaybackManager playback{engine, &mixes};
    app::AutoAnalysis analysis{playback, app::AnalysisCache(test::qpath(dir / "cache"))};
    playback.openOutput({});
    ASSERT_TRUE(engine.outputOpen()) << playback.outputProblem().toStdString();

    ui::AnalysisPanel panel(analysis, playback);
    auto* bpm = panel.findChild<QDoubleSpinBox*>("analysisBpm");
    auto* downbeat = panel.findChild<QDoubleSpinBox*>("analysisFirstDownbeat");
    auto* key = panel.findChild<QLineEdit*>("analysisKey");
    auto* write = panel.findChild<QPushButton*>("analysisWrite");
    ASSERT_TRUE(bpm && downbeat && key && write);
    EXPECT_FALSE(write->isEnabled()) << "nothing found yet";

    const auto song = test::writeAnalysisSong(dir.path(), "song", 120.0, 12.0);
    QSignalSpy changed(&analysis, &app::AutoAnalysis::resultChanged);
    playback.openSong(test::qpath(song));
    for (int i = 0; i < 4 && !analysis.result(); ++i) changed.wait(15000);
    ASSERT_TRUE(analysis.result().has_value());
    EXPECT_NEAR(bpm->value(), 120.0, 0.5);
    EXPECT_EQ(key->text(), "C major");
    EXPECT_TRUE(write->isEnabled());

    // Nudged 10 ms later: the click's grid follows (the field holds milliseconds).
    const double first = playback.click().firstBeatSeconds;
    QPushButton* later = nullptr;
    for (auto* button : panel.findChildren<QPushButton*>())
        if (button->text().contains("+10")) later = button;
    ASSERT_NE(later, nullptr);
    later->click();
    EXPECT_NEAR(playback.click().firstBeatSeconds, first + 0.010, 0.0006);

    // An edited BPM applies when the edit is done.
    bpm->setValue(121.5);
    emit bpm->editingFinished();
    EXPECT_DOUBLE_EQ(playback.click().bpm, 121.5);
    EXPECT_FALSE(std::filesystem::exists(song / "meta.json"));

    key->setText("A minor");
    write->click();
    ASSERT_TRUE(std::filesystem::exists(song / "meta.json"));
    std::ifstream in(song / "meta.json");
    const auto meta = nlohmann::json::parse(in);
    EXPECT_DOUBLE_EQ(meta.at("tempo").get<double>(), 121.5);
    EXPECT_EQ(meta.at("key"), "A minor");
    EXPECT_EQ(meta.at("time_signature"), "4/4");
    // The nudged first downbeat is kept too (to the ms), and the click now follows meta.json.
    EXPECT_NEAR(meta.at("first_downbeat").get<double>(), downbeat->value(), 0.0005);
    EXPECT_DOUBLE_EQ(playback.click().firstBeatSeconds, meta.at("first_downbeat").get<double>());
    EXPECT_DOUBLE_EQ(playback.click().bpm, 121.5);
}

}  // namespace unity_AnalysisPanelTest
