// What the window says about the audio output, on the private JACK dummy server (48 kHz only).
#include <gtest/gtest.h>

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <cstdlib>

#include "WindowRig.h"
#include "stemdeck/ui/NoticeBar.h"
#include "stemdeck/ui/SettingsDialog.h"
#include "stemdeck/ui/StatusLine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_OutputWindowTest {

using namespace stemdeck;
using Rig = test::WindowRig;

namespace {

QString notices(Rig& rig) {
    auto* bar = rig.window->findChild<ui::NoticeBar*>();
    return bar && bar->isVisible() ? bar->text() : QString();
}

int savedRate(Rig& rig) {
    return QSettings(rig.ini, QSettings::IniFormat).value(app::Settings::kSampleRateKey).toInt();
}

}  // namespace

// 44.1 kHz on a device that runs at 48 kHz only: the device plays at its own rate, and from
// then on the settings and the dialog say so ("Device default"), once. The refused rate used to
// stay saved, and every start and every block-size change tried it again and brought the
// fallback banner back.
TEST(OutputWindow, ARateTheDeviceRefusesIsReplacedByWhatItRunsOnce) {
    Rig rig([](app::Settings& s) { ASSERT_TRUE(s.setSampleRate(44100)); });
    ASSERT_TRUE(rig.engine().outputOpen()) << rig.playback().outputProblem().toStdString();
    EXPECT_EQ(rig.engine().sampleRate(), 48000);
    EXPECT_TRUE(rig.playback().outputProblem().isEmpty()) << "the chosen device plays";
    EXPECT_TRUE(notices(rig).isEmpty()) << notices(rig).toStdString();
    EXPECT_TRUE(rig.statusMessage().contains(QStringLiteral("44100 Hz")))
        << rig.statusMessage().toStdString();
    EXPECT_EQ(rig.settings->sampleRate(), 0);
    EXPECT_EQ(savedRate(rig), 0) << "saved as the device's own rate";

    // The dialog shows what runs; a block-size change does not bring anything back.
    ui::SettingsDialog* dialog = rig.window->showSettings();
    auto* rates = rig.in<QComboBox>(dialog, "rateCombo");
    EXPECT_EQ(rates->currentData().toInt(), 0);
    EXPECT_EQ(rates->currentText(), QStringLiteral("Device default (48000 Hz)"));
    QSignalSpy errors(&rig.playback(), &app::PlaybackManager::errorOccurred);
    QSignalSpy fallbacks(&rig.playback(), &app::PlaybackManager::sampleRateFellBack);
    auto* blocks = rig.in<QComboBox>(dialog, "blockCombo");
    blocks->setCurrentIndex(blocks->findData(512));
    ASSERT_EQ(rig.engine().output().framesPerBuffer(), 512);
    EXPECT_EQ(errors.count(), 0);
    EXPECT_EQ(fallbacks.count(), 0);
    EXPECT_TRUE(notices(rig).isEmpty());
    EXPECT_TRUE(
        rig.in<QLabel>(dialog, "statusLabel")->text().startsWith(QStringLiteral("Playing on")));
    dialog->close();

    // Nor does the next start.
    rig.window->close();
    rig.restart();
    EXPECT_EQ(rig.engine().sampleRate(), 48000);
    EXPECT_FALSE(rig.statusMessage().contains(QStringLiteral("44100")))
        << rig.statusMessage().toStdString();
    EXPECT_TRUE(notices(rig).isEmpty());
    EXPECT_EQ(rig.settings->sampleRate(), 0);
}

// Picked in the dialog, the refused rate is explained there, and the choice shows what runs.
TEST(OutputWindow, ARefusedRatePickedInTheDialogIsExplainedThere) {
    Rig rig;
    ui::SettingsDialog* dialog = rig.window->showSettings();
    auto* rates = rig.in<QComboBox>(dialog, "rateCombo");
    rates->setCurrentIndex(rates->findData(96000));
    EXPECT_EQ(rig.engine().sampleRate(), 48000);
    EXPECT_EQ(rates->currentData().toInt(), 0);
    EXPECT_EQ(savedRate(rig), 0);
    const QString status = rig.in<QLabel>(dialog, "statusLabel")->text();
    EXPECT_TRUE(status.contains(QStringLiteral("cannot play at 96000 Hz"))) << status.toStdString();
    EXPECT_TRUE(notices(rig).isEmpty());
}

// The status bar says what the device really does. Under 128-frame blocks a JACK server
// running 1024-frame periods plays 21.3 ms after the mix, not 2.7 ms: the stream's reported
// latency is shown, not the block's length. (ctest ui_output_jack1024 runs JACK at 1024.)
TEST(OutputWindow, TheStatusBarShowsTheDevicesRealLatency) {
    const char* period = std::getenv("STEMDECK_JACK_PERIOD");
    if (!period || std::atoi(period) != 1024) GTEST_SKIP() << "needs STEMDECK_JACK_PERIOD=1024";
    Rig rig([](app::Settings& s) { ASSERT_TRUE(s.setFramesPerBuffer(128)); });
    ASSERT_TRUE(rig.engine().outputOpen());
    ASSERT_EQ(rig.engine().output().framesPerBuffer(), 128);
    auto* status = rig.window->findChild<ui::StatusLine*>();
    ASSERT_NE(status, nullptr);
    const QString text = status->outputText();
    EXPECT_TRUE(
        text.contains(QStringLiteral("JACK: system \u00b7 48 kHz \u00b7 128-frame blocks "
                                     "\u00b7 21.3 ms output latency")))
        << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("2.7 ms"))) << text.toStdString();
}

}  // namespace unity_OutputWindowTest
