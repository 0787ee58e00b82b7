// The audio device goes away while the main window plays. Runs under
// tests/support/with_jack.sh, one test per process (each CTest entry filters one), since the
// test kills or freezes the wrapper's JACK server; ALSA_CONFIG_PATH points at
// tests/support/alsa-null.conf, so an ALSA "default" device exists besides JACK.
//
// What the user must see: at once (within a second of a killed server) a message in the
// status bar, the output indicator red and a notice that stays; the song paused where it
// stopped, with its mix; a window that still answers; and, from Settings, playback carrying
// on from the same place on another device. A JACK server that comes back cannot be used
// again in the same process (PortAudio 19.6; docs/robustness.md): Reconnect then falls back
// to the system default device and says why.
#include <gtest/gtest.h>
#include <signal.h>

#include <QComboBox>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>

#include "JackServer.h"
#include "WindowRig.h"
#include "stemdeck/ui/FaderTaper.h"
#include "stemdeck/ui/NoticeBar.h"
#include "stemdeck/ui/Palette.h"
#include "stemdeck/ui/ResettableSlider.h"
#include "stemdeck/ui/SettingsDialog.h"
#include "stemdeck/ui/TrackStrip.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_DeviceLossWindowTest {

using namespace stemdeck;
using app::PlaybackManager;
using audio::PlayState;
using Rig = test::WindowRig;

namespace {

const QString kJack = QStringLiteral("JACK Audio Connection Kit: system");
const QString kAlsa = QStringLiteral("ALSA: default");

// The status bar's output indicator.
QToolButton* outputIndicator(Rig& rig) {
    for (QToolButton* button : rig.window->statusBar()->findChildren<QToolButton*>())
        if (button->text().startsWith(QStringLiteral("\u25cf"))) return button;
    ADD_FAILURE() << "no output indicator";
    return nullptr;
}

bool indicatorIs(Rig& rig, const QColor& colour) {
    QToolButton* indicator = outputIndicator(rig);
    return indicator && indicator->styleSheet().contains(colour.name());
}

QString notices(Rig& rig) {
    auto* bar = rig.window->findChild<ui::NoticeBar*>();
    return bar && bar->isVisible() ? bar->text() : QString();
}

// JACK2 has 8 server slots and frees a killed server's slot only when a server of the same
// name starts again: a test that kills the wrapper's server must bring one back under that
// name (stopped cleanly later), or after 8 such kills no JACK server starts on the machine.
// This does it when the test is done with the dead server, or on the way out of a failure.
class ServerComesBack {
  public:
    ~ServerComesBack() { start(); }
    bool start() {
        if (!started_) started_ = server_.start(test::wrapperJackServerName());
        return started_;
    }
    const std::string& error() const { return server_.error(); }

  private:
    test::JackServer server_;
    bool started_ = false;
};

// A window playing a 15 s song on the JACK server, with a mix the user set. (Long enough to
// outlast each test; no longer, since the ALSA null device runs at 44.1 kHz and the song is
// then resampled on the worker: 60 s of it took 8-11 s there on a busy 2-core machine.)
void startPlayingOnJack(Rig& rig) {
    ASSERT_GT(test::wrapperJackServerPid(), 0) << "run through ctest (with_jack.sh)";
    ASSERT_TRUE(rig.engine().outputOpen()) << rig.playback().outputProblem().toStdString();
    ASSERT_TRUE(rig.playback().outputDescription().startsWith(kJack))
        << rig.playback().outputDescription().toStdString();
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 15.0, 2)));
    rig.in<ui::ResettableSlider>(rig.mixer()->strip(0), "fader")
        ->setValue(ui::FaderTaper::sliderValue(-6.0f));
    QTest::keyClick(&*rig.window, Qt::Key_Space);
    ASSERT_EQ(rig.playback().state(), PlayState::Playing);
    // Waited for: the stream may start late on a busy machine.
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.playback().position() > 0.3; }, 10000));
    EXPECT_TRUE(indicatorIs(rig, ui::palette::kGood));
    EXPECT_TRUE(notices(rig).isEmpty());
}

// Waits for the window to report the lost device; how long it took in ms, or -1.
qint64 waitForLossReport(Rig& rig, int limitMs) {
    QSignalSpy errors(&rig.playback(), &PlaybackManager::errorOccurred);
    QElapsedTimer clock;
    clock.start();
    if (errors.isEmpty() && !errors.wait(limitMs)) return -1;
    return clock.elapsed();
}

// What the window shows once the device is gone, and that it still answers.
void expectLossShownAndPositionKept(Rig& rig, const char* why) {
    EXPECT_TRUE(rig.statusMessage().startsWith(QStringLiteral("Audio stopped: audio device '") +
                                               kJack + QStringLiteral("' ") + QLatin1String(why)))
        << rig.statusMessage().toStdString();
    EXPECT_TRUE(indicatorIs(rig, ui::palette::kBad)) << "the indicator turns red";
    EXPECT_TRUE(outputIndicator(rig)->text().contains(QStringLiteral("No audio output")));
    EXPECT_TRUE(outputIndicator(rig)->toolTip().contains(QLatin1String(why)));
    EXPECT_TRUE(notices(rig).contains(QStringLiteral("choose an output in Settings")))
        << notices(rig).toStdString();

    EXPECT_NE(rig.playback().state(), PlayState::Playing);
    const double at = rig.playback().position();
    EXPECT_GT(at, 0.3);
    QTest::qWait(300);
    EXPECT_EQ(rig.playback().position(), at) << "paused where the audio stopped";

    // The window answers: the mixer works, and Play says why it cannot play.
    QTest::mouseClick(rig.in<QPushButton>(rig.mixer()->strip(1), "muteButton"), Qt::LeftButton);
    EXPECT_TRUE(rig.engine().mix().muted(1));
    QTest::keyClick(&*rig.window, Qt::Key_Space);
    EXPECT_NE(rig.playback().state(), PlayState::Playing);
    EXPECT_TRUE(rig.statusMessage().contains(QLatin1String(why)));
    EXPECT_EQ(rig.playback().position(), at);
}

// Chooses `device` in the settings dialog and waits for the output to open on it (a device
// at another rate first has the song prepared at that rate, on the worker: the limit only
// bounds a failure, a busy machine takes its time).
void chooseDevice(Rig& rig, ui::SettingsDialog* dialog, const QString& device) {
    auto* devices = rig.in<QComboBox>(dialog, "deviceCombo");
    const int index = devices->findData(device);
    ASSERT_GE(index, 0) << "no " << device.toStdString()
                        << " (ALSA_CONFIG_PATH must point at tests/support/alsa-null.conf)";
    devices->setCurrentIndex(index);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return rig.engine().outputOpen() && !rig.playback().isLoading(); }, 60000))
        << rig.playback().outputProblem().toStdString();
}

// Plays on from `at`, with the mix as it was.
void expectPlaysOnFrom(Rig& rig, double at) {
    EXPECT_NEAR(rig.playback().position(), at, 1e-3) << "reopening keeps the position";
    QSignalSpy finished(&rig.playback(), &PlaybackManager::finished);
    QTest::keyClick(&*rig.window, Qt::Key_Space);
    // The null device plays far faster than real time: the song moves on, maybe to its end,
    // which it may have reached already (paused there until the next poll sees the end).
    const bool atTheEnd = rig.playback().position() >= rig.playback().duration() - 1e-3;
    EXPECT_TRUE(rig.playback().state() == PlayState::Playing || atTheEnd)
        << "at " << rig.playback().position() << " s of " << rig.playback().duration();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return rig.playback().position() > at + 0.1 || !finished.isEmpty(); }, 10000));
    EXPECT_NEAR(rig.engine().mix().gainDb(0), -6.0f, 0.05f);
    EXPECT_TRUE(rig.engine().mix().muted(1));
}

}  // namespace

TEST(DeviceLossWindow, KilledJackServerIsShownAtOnceAndPlaybackCarriesOnElsewhere) {
    Rig rig([](app::Settings& s) { s.setOutputDevice(kJack); });
    ASSERT_NO_FATAL_FAILURE(startPlayingOnJack(rig));
    ServerComesBack again;
    ASSERT_EQ(::kill(test::wrapperJackServerPid(), SIGKILL), 0);
    const qint64 tookMs = waitForLossReport(rig, 5000);
    ASSERT_GE(tookMs, 0) << "the lost server was never reported";
    RecordProperty("reported_after_ms", static_cast<int>(tookMs));
    EXPECT_LT(tookMs, 1000);
    expectLossShownAndPositionKept(rig, "stopped working");
    const double at = rig.playback().position();

    // The server comes back; Reconnect cannot use it in this process and says so, playing on
    // the system default device instead.
    ASSERT_TRUE(again.start()) << again.error();
    ui::SettingsDialog* dialog = rig.window->showSettings();
    QTest::mouseClick(rig.in<QPushButton>(dialog, "reconnectButton"), Qt::LeftButton);
    ASSERT_TRUE(rig.engine().outputOpen()) << rig.playback().outputProblem().toStdString();
    EXPECT_TRUE(rig.playback().outputProblem().contains(QStringLiteral("restart stemdeck")))
        << rig.playback().outputProblem().toStdString();
    EXPECT_TRUE(indicatorIs(rig, ui::palette::kWarn)) << "playing, but not where asked";
    EXPECT_TRUE(notices(rig).contains(QStringLiteral("restart stemdeck")));
    EXPECT_FALSE(notices(rig).contains(QStringLiteral("Audio stopped")));

    // Choosing the other device outright: nothing left to warn about.
    ASSERT_NO_FATAL_FAILURE(chooseDevice(rig, dialog, kAlsa));
    EXPECT_TRUE(rig.playback().outputProblem().isEmpty())
        << rig.playback().outputProblem().toStdString();
    EXPECT_TRUE(indicatorIs(rig, ui::palette::kGood));
    EXPECT_TRUE(notices(rig).isEmpty()) << notices(rig).toStdString();
    dialog->close();
    rig.focusWindow();
    expectPlaysOnFrom(rig, at);
}

TEST(DeviceLossWindow, FrozenJackServerIsShownAfterTheCallbackTimeout) {
    Rig rig([](app::Settings& s) { s.setOutputDevice(kJack); });
    ASSERT_NO_FATAL_FAILURE(startPlayingOnJack(rig));
    const pid_t server = test::wrapperJackServerPid();
    ASSERT_EQ(::kill(server, SIGSTOP), 0);
    const auto limit = audio::Engine::kCallbackTimeout.count() + 3000;
    const qint64 tookMs = waitForLossReport(rig, static_cast<int>(limit));
    ::kill(server, SIGCONT);  // the abandoned stream may call back now: it must do no harm
    ASSERT_GE(tookMs, 0) << "the frozen server was never reported";
    RecordProperty("reported_after_ms", static_cast<int>(tookMs));
    expectLossShownAndPositionKept(rig, "stopped calling back");
    const double at = rig.playback().position();

    ui::SettingsDialog* dialog = rig.window->showSettings();
    ASSERT_NO_FATAL_FAILURE(chooseDevice(rig, dialog, kAlsa));
    EXPECT_TRUE(notices(rig).isEmpty()) << notices(rig).toStdString();
    dialog->close();
    rig.focusWindow();
    expectPlaysOnFrom(rig, at);
}

// The server dies while the song is paused (the stream already stopped): pressing Play then
// must say so at once, not wait on the dead server, and another device must take over.
// (PortAudio cannot tell, and would abort the process on starting or closing that stream, so
// the output asks the server itself first.)
TEST(DeviceLossWindow, KilledWhilePausedIsShownWhenPlayIsPressed) {
    Rig rig([](app::Settings& s) { s.setOutputDevice(kJack); });
    ASSERT_NO_FATAL_FAILURE(startPlayingOnJack(rig));
    QTest::keyClick(&*rig.window, Qt::Key_Space);
    ASSERT_NE(rig.playback().state(), PlayState::Playing);
    // The stream stops once the fade-out has reached silence (a few polls).
    ASSERT_TRUE(QTest::qWaitFor([&] { return !rig.engine().output().isActive(); }, 3000));
    const double at = rig.playback().position();
    ServerComesBack again;
    ASSERT_EQ(::kill(test::wrapperJackServerPid(), SIGKILL), 0);
    QTest::qWait(500);

    // Play itself must not wait on the dead server (timed alone: a busy machine may hold up
    // the event loop around it).
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(&*rig.window, Qt::Key_Space);
    EXPECT_LT(clock.elapsed(), 1000) << "Play waited on the dead server";
    QTest::qWait(300);
    EXPECT_NE(rig.playback().state(), PlayState::Playing);
    EXPECT_TRUE(rig.statusMessage().startsWith(QStringLiteral("Audio could not start: ")))
        << rig.statusMessage().toStdString();
    EXPECT_TRUE(rig.statusMessage().contains(kJack));
    EXPECT_FALSE(indicatorIs(rig, ui::palette::kGood));
    EXPECT_TRUE(notices(rig).contains(QStringLiteral("Audio could not start")));
    EXPECT_EQ(rig.playback().position(), at);
    // The window answers: the mixer still works (and the change survives the device switch).
    QTest::mouseClick(rig.in<QPushButton>(rig.mixer()->strip(1), "muteButton"), Qt::LeftButton);
    EXPECT_TRUE(rig.engine().mix().muted(1));

    ui::SettingsDialog* dialog = rig.window->showSettings();
    ASSERT_NO_FATAL_FAILURE(chooseDevice(rig, dialog, kAlsa));
    dialog->close();
    rig.focusWindow();
    expectPlaysOnFrom(rig, at);
}

}  // namespace unity_DeviceLossWindowTest
