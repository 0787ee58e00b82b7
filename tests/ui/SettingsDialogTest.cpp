#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTest>

#include "UiTestSupport.h"
#include "WidgetParts.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/ui/SettingsDialog.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SettingsDialogTest {

using namespace stemdeck;
using ui::SettingsDialog;

namespace {

struct Rig {
    test::TempDir dir;
    QString ini = test::qpath(dir / "stemdeck.ini");
    app::Settings settings{ini};
    audio::Engine engine;
    app::PlaybackManager playback{engine};

    Rig() {
        playback.openOutput(settings.outputConfig());
        EXPECT_TRUE(engine.outputOpen()) << playback.outputProblem().toStdString();
    }
};

}  // namespace

TEST(SettingsDialog, TheLatencyMonitorSwitchesAtOnceAndIsSaved) {
    Rig rig;
    SettingsDialog dialog(rig.settings, rig.playback);
    dialog.show();
    auto* check = test::part<QCheckBox>(dialog, "latencyCheck");
    EXPECT_FALSE(check->isChecked());
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
    EXPECT_TRUE(rig.engine.latencyMonitorEnabled());
    EXPECT_TRUE(
        QSettings(rig.ini, QSettings::IniFormat).value(app::Settings::kLatencyMonitorKey).toBool());
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
    EXPECT_FALSE(rig.engine.latencyMonitorEnabled());
    EXPECT_FALSE(
        QSettings(rig.ini, QSettings::IniFormat).value(app::Settings::kLatencyMonitorKey).toBool());
}

TEST(SettingsDialog, FollowingTheSongRateIsOnByDefaultSwitchesAtOnceAndIsSaved) {
    Rig rig;
    SettingsDialog dialog(rig.settings, rig.playback);
    dialog.show();
    auto* check = test::part<QCheckBox>(dialog, "followRateCheck");
    EXPECT_TRUE(check->isChecked());
    EXPECT_TRUE(rig.playback.followSongRate());
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
    EXPECT_FALSE(rig.playback.followSongRate());
    EXPECT_FALSE(rig.settings.followSongRate());
    EXPECT_FALSE(
        QSettings(rig.ini, QSettings::IniFormat).value(app::Settings::kFollowSongRateKey).toBool());
}

TEST(SettingsDialog, ABlockSizeChangeReopensTheStreamKeepingThePosition) {
    Rig rig;
    ASSERT_TRUE(test::waitForSong(rig.playback, [&] {
        rig.playback.openSong(test::qpath(test::writeUiSong(rig.dir, "song", 8.0)));
    }));
    ASSERT_EQ(rig.engine.output().framesPerBuffer(), 1024);
    rig.engine.mix().setGainDb(1, -9.0f);
    rig.playback.seek(2.0);

    SettingsDialog dialog(rig.settings, rig.playback);
    dialog.show();
    auto* blocks = test::part<QComboBox>(dialog, "blockCombo");
    EXPECT_EQ(blocks->currentData().toInt(), 1024);
    blocks->setCurrentIndex(blocks->findData(256));
    EXPECT_EQ(rig.engine.output().framesPerBuffer(), 256);
    EXPECT_NEAR(rig.playback.position(), 2.0, 1e-3);
    EXPECT_FLOAT_EQ(rig.engine.mix().gainDb(1), -9.0f);
    EXPECT_EQ(rig.settings.framesPerBuffer(), 256);
    EXPECT_EQ(QSettings(rig.ini, QSettings::IniFormat).value(app::Settings::kBlockSizeKey).toInt(),
              256);
    EXPECT_TRUE(test::part<QLabel>(dialog, "statusLabel")->text().contains(QStringLiteral("256")));

    // While playing, too: the song goes on from where it was.
    rig.playback.play();
    QTest::qWait(300);
    const double before = rig.playback.position();
    blocks->setCurrentIndex(blocks->findData(2048));
    EXPECT_EQ(rig.engine.output().framesPerBuffer(), 2048);
    EXPECT_NEAR(rig.playback.position(), before, 0.25);
    EXPECT_EQ(rig.playback.state(), audio::PlayState::Playing);
    QTest::qWait(300);
    EXPECT_GT(rig.playback.position(), before + 0.1);
}

TEST(SettingsDialog, ListsTheDevicesAndShowsAFallback) {
    Rig rig;
    rig.settings.setOutputDevice(QStringLiteral("Gone Interface"));
    rig.playback.openOutput(rig.settings.outputConfig());
    ASSERT_TRUE(rig.engine.outputOpen()) << "fell back to the default device";

    SettingsDialog dialog(rig.settings, rig.playback);
    auto* devices = test::part<QComboBox>(dialog, "deviceCombo");
    bool jack = false;
    for (int i = 0; i < devices->count(); ++i)
        jack = jack || devices->itemText(i).contains(QStringLiteral("JACK"));
    EXPECT_TRUE(jack);
    EXPECT_EQ(devices->currentText(), QStringLiteral("Gone Interface (not available)"));
    EXPECT_TRUE(test::part<QLabel>(dialog, "statusLabel")
                    ->text()
                    .contains(QStringLiteral("Gone Interface")));

    // Picking the system default clears the problem.
    devices->setCurrentIndex(devices->findData(QString()));
    EXPECT_TRUE(rig.playback.outputProblem().isEmpty());
    EXPECT_EQ(rig.settings.outputDevice(), QString());
    EXPECT_TRUE(
        test::part<QLabel>(dialog, "statusLabel")->text().startsWith(QStringLiteral("Playing on")));
}

TEST(SettingsDialog, ReconnectOpensTheChosenOutputAgainKeepingThePosition) {
    Rig rig;
    ASSERT_TRUE(test::waitForSong(rig.playback, [&] {
        rig.playback.openSong(test::qpath(test::writeUiSong(rig.dir, "song", 8.0)));
    }));
    rig.playback.seek(3.0);
    rig.engine.closeOutput();  // as a device that went away leaves it
    SettingsDialog dialog(rig.settings, rig.playback);
    dialog.show();
    QTest::mouseClick(test::part<QPushButton>(dialog, "reconnectButton"), Qt::LeftButton);
    EXPECT_TRUE(rig.engine.outputOpen()) << rig.playback.outputProblem().toStdString();
    EXPECT_NEAR(rig.playback.position(), 3.0, 1e-3);
    EXPECT_TRUE(
        test::part<QLabel>(dialog, "statusLabel")->text().startsWith(QStringLiteral("Playing on")));
}

}  // namespace unity_SettingsDialogTest
