// Settings › Controls › MIDI's "Send MIDI clock" on the main window (issue 13): it switches the
// window's clock out live (a JACK MIDI listener on the dummy server of tests/support/with_jack.sh
// hears Start, then ticks, once the song plays), off closes it, a synth not there is one line in
// the tab and on the status line, and the next window opens what the settings keep.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <algorithm>

#include "JackMidiPeer.h"
#include "JackServer.h"
#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/remote/ControlHub.h"
#include "stemdeck/ui/MidiControlTab.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MidiClockWindowTest {

using namespace stemdeck;

namespace {
constexpr int kTimeoutMs = 10000;
}  // namespace

TEST(MidiControlTab, SendMidiClockSwitchesTheWindowsClockLiveAndANewWindowKeepsIt) {
    if (test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    test::WindowRig rig;
    remote::ControlHub* hub = rig.window->controlHub();
    ASSERT_TRUE(hub);
    EXPECT_FALSE(hub->clockOpen()) << "off by default";
    EXPECT_FALSE(rig.engine().clockAnchorEnabled());
    const auto folder = test::writeUiSong(rig.dir, "song", 8.0, 1);
    ASSERT_TRUE(rig.load(folder));
    {
        ui::MidiControlTab tab(*hub, *rig.settings);
        auto* send = rig.in<QCheckBox>(&tab, "midiClockEnabled");
        auto* output = rig.in<QComboBox>(&tab, "midiClockOutput");
        auto* status = rig.in<QLabel>(&tab, "midiClockStatus");
        ASSERT_TRUE(send && output && status);
        EXPECT_FALSE(send->isChecked());
        EXPECT_EQ(output->currentText(), QStringLiteral("virtual"));
        EXPECT_FALSE(output->accessibleName().isEmpty());

        send->setChecked(true);
        ASSERT_TRUE(hub->clockOpen()) << hub->clockStatus().toStdString();
        EXPECT_TRUE(rig.engine().clockAnchorEnabled());
        EXPECT_TRUE(status->text().contains(QStringLiteral("stemdeck-clock:clock_out")))
            << status->text().toStdString();
        EXPECT_TRUE(rig.settings->midiClockEnabled());

        // A drum machine on the dummy server hears Start, then ticks, once the song plays.
        test::JackMidiPeer listener;
        ASSERT_TRUE(listener.open("clock_listener")) << listener.error();
        ASSERT_TRUE(listener.connectFrom("stemdeck-clock:clock_out")) << listener.error();
        std::vector<std::uint8_t> heard;  // status bytes
        const auto ticks = [&] {
            for (const auto& m : listener.received())
                if (!m.empty()) heard.push_back(m[0]);
            return std::count(heard.begin(), heard.end(), std::uint8_t{0xF8});
        };
        rig.playback().play();
        ASSERT_TRUE(QTest::qWaitFor([&] { return ticks() >= 8; }, kTimeoutMs))
            << heard.size() << " messages";
        const auto start = std::find(heard.begin(), heard.end(), std::uint8_t{0xFA});
        ASSERT_NE(start, heard.end()) << "no Start";
        EXPECT_EQ(std::find(heard.begin(), start, std::uint8_t{0xF8}), start)
            << "a tick before Start";
        rig.playback().pause();

        send->setChecked(false);
        EXPECT_FALSE(hub->clockOpen());
        EXPECT_EQ(hub->clockDoor(), nullptr);
        EXPECT_FALSE(rig.engine().clockAnchorEnabled()) << "closed: the callback publishes nothing";
        EXPECT_EQ(status->text(), QStringLiteral("MIDI clock out: off"));
        EXPECT_FALSE(rig.settings->midiClockEnabled());

        // A synth that is not there: one line in the tab and the status line; on again.
        send->setChecked(true);
        output->setCurrentText(QStringLiteral("no-such-synth"));
        emit output->lineEdit()->editingFinished();
        EXPECT_FALSE(hub->clockOpen());
        EXPECT_TRUE(hub->clockFailed());
        EXPECT_TRUE(status->text().contains(QStringLiteral("no-such-synth")))
            << status->text().toStdString();
        EXPECT_FALSE(status->text().contains(QLatin1Char('\n')));
        EXPECT_EQ(rig.statusMessage(), status->text());
        listener.close();
    }
    // The next window opens what the settings keep: on, to the synth still not there.
    rig.restart();
    hub = rig.window->controlHub();
    EXPECT_FALSE(hub->clockOpen());
    EXPECT_TRUE(rig.statusMessage().contains(QStringLiteral("no-such-synth")))
        << rig.statusMessage().toStdString();
    ui::MidiControlTab tab(*hub, *rig.settings);
    auto* send = rig.in<QCheckBox>(&tab, "midiClockEnabled");
    auto* output = rig.in<QComboBox>(&tab, "midiClockOutput");
    ASSERT_TRUE(send && output);
    EXPECT_TRUE(send->isChecked());
    EXPECT_EQ(output->currentText(), QStringLiteral("no-such-synth"));
    output->setCurrentText(QStringLiteral("virtual"));
    emit output->lineEdit()->editingFinished();
    EXPECT_TRUE(hub->clockOpen()) << hub->clockStatus().toStdString();
    rig.restart();
    EXPECT_TRUE(rig.window->controlHub()->clockOpen())
        << rig.window->controlHub()->clockStatus().toStdString();
    EXPECT_TRUE(rig.engine().clockAnchorEnabled());
}

}  // namespace unity_MidiClockWindowTest
