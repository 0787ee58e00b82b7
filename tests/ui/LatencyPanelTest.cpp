#include <gtest/gtest.h>

#include <QLabel>
#include <QPushButton>
#include <QTest>

#include "UiTestSupport.h"
#include "stemdeck/ui/FrameTick.h"
#include "stemdeck/ui/LatencyPanel.h"
#include "stemdeck/ui/LoadHistoryGraph.h"
#include "stemdeck/ui/Palette.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_LatencyPanelTest {

using namespace stemdeck;
using ui::LatencyPanel;

namespace {

QString label(LatencyPanel& panel, const char* name) {
    const auto* l = panel.findChild<QLabel*>(QString::fromLatin1(name));
    EXPECT_NE(l, nullptr) << name;
    return l ? l->text() : QString();
}

}  // namespace

TEST(LatencyPanel, ShowsTheEnginesFigures) {
    test::TempDir dir;
    audio::Engine engine;
    app::PlaybackManager playback(engine);
    playback.openOutput({"", 0, 512});
    ASSERT_TRUE(engine.outputOpen()) << playback.outputProblem().toStdString();
    ASSERT_TRUE(test::waitForSong(
        playback, [&] { playback.openSong(test::qpath(test::writeUiSong(dir, "song", 5.0))); }));
    playback.setLatencyMonitorEnabled(true);

    ui::FrameTick tick;
    LatencyPanel panel;
    panel.setPlayback(&playback, &tick);
    panel.show();
    playback.play();
    QTest::qWait(700);
    playback.pause();
    // Let the fade finish and the poller stop the stream, so the figures stand still.
    QTest::qWait(400);
    ASSERT_FALSE(engine.output().isActive());

    panel.refresh();
    const audio::LatencyStats stats = engine.latencyStats();
    ASSERT_GT(stats.callbacks, 20u);
    EXPECT_EQ(label(panel, "callbacksLabel"), QString::number(stats.callbacks));
    EXPECT_EQ(label(panel, "budgetLabel"), QStringLiteral("%1 ms").arg(stats.budgetMs, 0, 'f', 2));
    EXPECT_EQ(label(panel, "budgetLabel"), QStringLiteral("10.67 ms"));
    EXPECT_EQ(label(panel, "maxLabel"), QStringLiteral("%1 ms").arg(stats.maxMs, 0, 'f', 2));
    EXPECT_EQ(label(panel, "p99Label"), QStringLiteral("%1 ms").arg(stats.p99Ms, 0, 'f', 2));
    EXPECT_EQ(label(panel, "underflowsLabel"), QString::number(stats.underflows));
    EXPECT_EQ(label(panel, "lateLabel"), QString::number(stats.lateCallbacks));
    EXPECT_EQ(label(panel, "outputLatencyLabel"),
              QStringLiteral("%1 ms").arg(stats.outputLatencyMs, 0, 'f', 2));
    EXPECT_EQ(label(panel, "streamLabel"), QStringLiteral("512 frames · 48 kHz"));
    EXPECT_TRUE(label(panel, "loadLabel").endsWith(QStringLiteral(" %")));
    EXPECT_GT(panel.findChild<ui::LoadHistoryGraph*>()->sampleCount(), 0u);

    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("resetButton")), Qt::LeftButton);
    EXPECT_EQ(label(panel, "callbacksLabel"), QStringLiteral("0"));
    EXPECT_EQ(panel.findChild<ui::LoadHistoryGraph*>()->sampleCount(), 0u);
}

TEST(LatencyPanel, LoadColours) {
    EXPECT_EQ(LatencyPanel::loadColor(10.0), ui::palette::kGood);
    EXPECT_EQ(LatencyPanel::loadColor(49.9), ui::palette::kGood);
    EXPECT_EQ(LatencyPanel::loadColor(50.0), ui::palette::kWarn);
    EXPECT_EQ(LatencyPanel::loadColor(79.9), ui::palette::kWarn);
    EXPECT_EQ(LatencyPanel::loadColor(80.0), ui::palette::kBad);
}

}  // namespace unity_LatencyPanelTest
