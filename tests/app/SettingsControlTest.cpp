// The control layer's settings (keys, the OSC door): what the file holds is checked, a damaged
// or hand-edited value is the default, never nonsense.
#include <gtest/gtest.h>

#include <QSettings>

#include "TempDir.h"
#include "stemdeck/app/Settings.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SettingsControlTest {

using stemdeck::app::Settings;
namespace test = stemdeck::test;

namespace {

QString iniIn(const test::TempDir& dir) {
    return QString::fromStdString((dir / "stemdeck.ini").string());
}

}  // namespace

TEST(SettingsControl, KeysAreUnsetEmptyOrAListAndSurviveARestart) {
    test::TempDir dir;
    {
        Settings s(iniIn(dir));
        EXPECT_FALSE(s.keyBinding("marker.next").has_value()) << "never set: the defaults";
        s.setKeyBinding("marker.next", {"N"});
        s.setKeyBinding("to_start", {"Home", "F2"});
        s.setKeyBinding("click", {});
        ASSERT_TRUE(s.sync());
    }
    Settings s(iniIn(dir));
    EXPECT_EQ(s.keyBinding("marker.next"), QStringList{"N"});
    EXPECT_EQ(s.keyBinding("to_start"), (QStringList{"Home", "F2"}));
    ASSERT_TRUE(s.keyBinding("click").has_value()) << "unbound is not the defaults";
    EXPECT_TRUE(s.keyBinding("click")->isEmpty());
    s.resetKeyBinding("marker.next");
    EXPECT_FALSE(s.keyBinding("marker.next").has_value());
}

TEST(SettingsControl, AHandEditedKeyListIsCutToWhatIsUsable) {
    test::TempDir dir;
    {
        QSettings raw(iniIn(dir), QSettings::IniFormat);
        raw.setValue("keys/play", QStringList{" F3 ", "", "F3", QString(500, 'x'), "F4", "F5", "F6",
                                              "F7", "F8"});
    }
    Settings s(iniIn(dir));
    EXPECT_EQ(s.keyBinding("play"), (QStringList{"F3", "F4", "F5", "F6"}));
}

TEST(SettingsControl, TheOscDoorIsOffOnThisMachineUnlessToldAndDamageIsTheDefault) {
    test::TempDir dir;
    {
        Settings s(iniIn(dir));
        EXPECT_FALSE(s.oscEnabled());
        EXPECT_EQ(s.oscAddress(), QStringLiteral("127.0.0.1"));
        EXPECT_EQ(s.oscPort(), Settings::kDefaultOscPort);
        EXPECT_FALSE(s.setOscAddress("stage.local"));
        EXPECT_FALSE(s.setOscAddress("300.1.1.1"));
        EXPECT_FALSE(s.setOscPort(0));
        EXPECT_FALSE(s.setOscPort(70000));
        EXPECT_TRUE(s.setOscAddress(" 0.0.0.0 "));
        EXPECT_TRUE(s.setOscPort(8000));
        s.setOscEnabled(true);
        ASSERT_TRUE(s.sync());
    }
    {
        Settings s(iniIn(dir));
        EXPECT_TRUE(s.oscEnabled());
        EXPECT_EQ(s.oscAddress(), QStringLiteral("0.0.0.0"));
        EXPECT_EQ(s.oscPort(), 8000);
        EXPECT_TRUE(s.setOscAddress("::1"));
    }
    {
        QSettings raw(iniIn(dir), QSettings::IniFormat);
        raw.setValue(Settings::kOscEnabledKey, "yes please");
        raw.setValue(Settings::kOscAddressKey, "; rm -rf /");
        raw.setValue(Settings::kOscPortKey, "99999");
    }
    Settings s(iniIn(dir));
    EXPECT_FALSE(s.oscEnabled());
    EXPECT_EQ(s.oscAddress(), QStringLiteral("127.0.0.1"));
    EXPECT_EQ(s.oscPort(), Settings::kDefaultOscPort);
}

TEST(SettingsControl, TheMidiDoorIsOffOnAVirtualInputWithTheDefaultMapping) {
    test::TempDir dir;
    {
        Settings s(iniIn(dir));
        EXPECT_FALSE(s.midiEnabled());
        EXPECT_EQ(s.midiInput(), QStringLiteral("virtual"));
        EXPECT_EQ(s.midiMappingPath(), Settings::defaultMidiMappingPath());
        EXPECT_TRUE(s.midiMappingPath().endsWith(QStringLiteral("/midi/default.json")));
        EXPECT_FALSE(s.setMidiInput(QStringLiteral("  ")));
        EXPECT_FALSE(s.setMidiMappingPath(QStringLiteral("relative/map.json")));
        s.setMidiEnabled(true);
        EXPECT_TRUE(s.setMidiInput(QStringLiteral("nanoKONTROL2")));
        EXPECT_TRUE(s.setMidiMappingPath(QStringLiteral("/tmp/x/../map.json")));
        ASSERT_TRUE(s.sync());
    }
    {
        Settings s(iniIn(dir));
        EXPECT_TRUE(s.midiEnabled());
        EXPECT_EQ(s.midiInput(), QStringLiteral("nanoKONTROL2"));
        EXPECT_EQ(s.midiMappingPath(), QStringLiteral("/tmp/map.json"));
    }
    {
        QSettings raw(iniIn(dir), QSettings::IniFormat);
        raw.setValue(Settings::kMidiEnabledKey, "maybe");
        raw.setValue(Settings::kMidiInputKey, QString(5000, 'x'));
        raw.setValue(Settings::kMidiMappingKey, "map.json");
    }
    Settings s(iniIn(dir));
    EXPECT_FALSE(s.midiEnabled());
    EXPECT_EQ(s.midiInput(), QStringLiteral("virtual"));
    EXPECT_EQ(s.midiMappingPath(), Settings::defaultMidiMappingPath());
}

TEST(SettingsControl, MidiClockOutIsOffOnItsVirtualPortAndKeepsItsOutput) {
    test::TempDir dir;
    {
        Settings s(iniIn(dir));
        EXPECT_FALSE(s.midiClockEnabled());
        EXPECT_EQ(s.midiClockOutput(), QStringLiteral("virtual"));
        EXPECT_FALSE(s.setMidiClockOutput(QStringLiteral("  ")));
        EXPECT_FALSE(s.setMidiClockOutput(QString(5000, 'x')));
        s.setMidiClockEnabled(true);
        EXPECT_TRUE(s.setMidiClockOutput(QStringLiteral(" alsa:TR-8 ")));
        ASSERT_TRUE(s.sync());
    }
    {
        Settings s(iniIn(dir));
        EXPECT_TRUE(s.midiClockEnabled());
        EXPECT_EQ(s.midiClockOutput(), QStringLiteral("alsa:TR-8"));
    }
    {
        QSettings raw(iniIn(dir), QSettings::IniFormat);
        raw.setValue(Settings::kMidiClockEnabledKey, "maybe");
        raw.setValue(Settings::kMidiClockOutputKey, QString(5000, 'x'));
    }
    Settings s(iniIn(dir));
    EXPECT_FALSE(s.midiClockEnabled());
    EXPECT_EQ(s.midiClockOutput(), QStringLiteral("virtual"));
}

TEST(SettingsControl, TheWebRemoteIsOffOnThisMachineAndKeepsItsTokens) {
    test::TempDir dir;
    const QString token = QStringLiteral("AbCdEfGhIjKlMnOpQrSt_-");
    {
        Settings s(iniIn(dir));
        EXPECT_FALSE(s.remoteEnabled());
        EXPECT_EQ(s.remoteAddress(), QStringLiteral("127.0.0.1"));
        EXPECT_EQ(s.remotePort(), Settings::kDefaultRemotePort);
        EXPECT_TRUE(s.remoteToken().isEmpty()) << "generated by the hub on first use";
        EXPECT_TRUE(s.remoteReadToken().isEmpty());
        EXPECT_FALSE(s.setRemoteToken(QStringLiteral("short")));
        EXPECT_FALSE(s.setRemoteToken(QString(257, QLatin1Char('a'))));
        EXPECT_FALSE(s.setRemoteToken(QStringLiteral("has spaces in it, sixteen+")));
        EXPECT_FALSE(s.setRemoteAddress(QStringLiteral("example.com")));
        EXPECT_FALSE(s.setRemotePort(0));
        EXPECT_FALSE(s.setRemotePort(70000));
        s.setRemoteEnabled(true);
        EXPECT_TRUE(s.setRemoteAddress(QStringLiteral("0.0.0.0")));
        EXPECT_TRUE(s.setRemotePort(8181));
        EXPECT_TRUE(s.setRemoteToken(token));
        EXPECT_TRUE(s.setRemoteReadToken(token + QStringLiteral("r")));
        ASSERT_TRUE(s.sync());
    }
    {
        Settings s(iniIn(dir));
        EXPECT_TRUE(s.remoteEnabled());
        EXPECT_EQ(s.remoteAddress(), QStringLiteral("0.0.0.0"));
        EXPECT_EQ(s.remotePort(), 8181);
        EXPECT_EQ(s.remoteToken(), token);
        EXPECT_EQ(s.remoteReadToken(), token + QStringLiteral("r"));
    }
    {
        QSettings raw(iniIn(dir), QSettings::IniFormat);
        raw.setValue(Settings::kRemotePortKey, "80a");
        raw.setValue(Settings::kRemoteTokenKey, "tiny");
        raw.setValue(Settings::kRemoteAddressKey, "1.2.3");
    }
    Settings s(iniIn(dir));
    EXPECT_EQ(s.remotePort(), Settings::kDefaultRemotePort);
    EXPECT_TRUE(s.remoteToken().isEmpty());
    EXPECT_EQ(s.remoteAddress(), QStringLiteral("127.0.0.1"));
}

}  // namespace unity_SettingsControlTest
