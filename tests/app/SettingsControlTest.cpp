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

}  // namespace unity_SettingsControlTest
