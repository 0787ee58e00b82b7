// Per-stem output routing from the settings dialog, on a JACK dummy server with 4 outputs
// (ctest ui_routing_4ch sets STEMDECK_JACK_OUTPUTS=4).
#include <gtest/gtest.h>

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QTableWidget>

#include "WindowRig.h"
#include "stemdeck/ui/SettingsDialog.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_RoutingWindowTest {

using namespace stemdeck;
namespace fs = std::filesystem;

namespace {

fs::path writeSong(const test::TempDir& dir, const std::string& name,
                   const std::vector<std::string>& stems) {
    constexpr int kRate = 48000;
    const auto folder = dir / name;
    fs::create_directories(folder);
    for (std::size_t i = 0; i < stems.size(); ++i)
        test::writeAudioFile(
            folder / (stems[i] + ".wav"),
            {test::sine(110.0 * static_cast<double>(i + 1), 0.3, kRate, 4 * kRate)}, kRate);
    return folder;
}

std::size_t stemIndex(test::WindowRig& rig, const char* name) {
    const int index = rig.engine().song()->stemIndex(name);
    EXPECT_GE(index, 0) << name;
    return static_cast<std::size_t>(std::max(0, index));
}

// The outputs combo of a table row (rows: the stems, then the click).
QComboBox* routeCombo(ui::SettingsDialog* dialog, std::size_t row) {
    auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("routingTable"));
    auto* combo =
        table ? qobject_cast<QComboBox*>(table->cellWidget(static_cast<int>(row), 1)) : nullptr;
    EXPECT_NE(combo, nullptr) << "row " << row;
    return combo;
}

}  // namespace

TEST(RoutingWindow, AllChannelsAndRoutesSurviveARestartAndAReload) {
    const char* outputs = std::getenv("STEMDECK_JACK_OUTPUTS");
    if (!outputs || std::atoi(outputs) < 4) GTEST_SKIP() << "needs STEMDECK_JACK_OUTPUTS=4";
    test::WindowRig rig;
    const fs::path song = writeSong(rig.dir, "song", {"bass", "click", "keys"});
    ASSERT_TRUE(rig.load(song));
    EXPECT_EQ(rig.engine().outputChannels(), 2) << "stereo by default";
    rig.engine().mix().setGainDb(0, -9.0f);
    rig.playback().seek(1.5);

    ui::SettingsDialog* dialog = rig.window->showSettings();
    auto* table = rig.in<QTableWidget>(dialog, "routingTable");
    EXPECT_FALSE(table->isEnabled());
    auto* channels = rig.in<QComboBox>(dialog, "channelsCombo");
    EXPECT_EQ(channels->itemText(channels->findData(0)),
              QStringLiteral("All channels of the device (4)"));
    channels->setCurrentIndex(channels->findData(0));
    ASSERT_EQ(rig.engine().outputChannels(), 4);
    EXPECT_NEAR(rig.playback().position(), 1.5, 1e-3) << "the position is kept";
    EXPECT_FLOAT_EQ(rig.engine().mix().gainDb(0), -9.0f) << "the mix is kept";
    EXPECT_EQ(rig.settings->outputChannels(), 0);
    ASSERT_TRUE(table->isEnabled());
    ASSERT_EQ(table->rowCount(), 4);  // three stems and the click

    const std::size_t click = stemIndex(rig, "click");
    QComboBox* clickStem = routeCombo(dialog, click);
    ASSERT_EQ(clickStem->count(), 2);
    EXPECT_EQ(clickStem->itemText(1), QStringLiteral("3–4"));
    clickStem->setCurrentIndex(1);
    EXPECT_EQ(rig.engine().route(click), 1);
    routeCombo(dialog, rig.engine().clickSource())->setCurrentIndex(1);
    EXPECT_EQ(rig.engine().route(rig.engine().clickSource()), 1);
    EXPECT_EQ(rig.engine().route(stemIndex(rig, "bass")), 0);
    EXPECT_EQ(QSettings(rig.ini, QSettings::IniFormat)
                  .value(app::Settings::kStemRoutesKey)
                  .toStringList(),
              QStringList{QStringLiteral("click=1")});

    // The next start of the app: 4 channels again, and the routes are back.
    rig.restart();
    ASSERT_TRUE(rig.load(song));
    ASSERT_EQ(rig.engine().outputChannels(), 4);
    EXPECT_EQ(rig.engine().route(stemIndex(rig, "click")), 1);
    EXPECT_EQ(rig.engine().route(rig.engine().clickSource()), 1);
    EXPECT_EQ(rig.engine().route(stemIndex(rig, "bass")), 0);

    // Another song with a "click" stem gets the route by name; the first one again, too.
    ASSERT_TRUE(rig.load(writeSong(rig.dir, "other", {"click", "drums"})));
    EXPECT_EQ(rig.engine().route(stemIndex(rig, "click")), 1);
    EXPECT_EQ(rig.engine().route(stemIndex(rig, "drums")), 0);
    ASSERT_TRUE(rig.load(song));
    EXPECT_EQ(rig.engine().route(stemIndex(rig, "click")), 1);

    // Back to stereo: everything plays on 1-2, the table says why it is off.
    dialog = rig.window->showSettings();
    channels = rig.in<QComboBox>(dialog, "channelsCombo");
    channels->setCurrentIndex(channels->findData(2));
    EXPECT_EQ(rig.engine().outputChannels(), 2);
    EXPECT_FALSE(rig.in<QTableWidget>(dialog, "routingTable")->isEnabled());
}

TEST(RoutingWindow, OnAStereoOutputTheTableIsOffAndSaysWhy) {
    test::WindowRig rig;
    ASSERT_TRUE(rig.load(writeSong(rig.dir, "song", {"bass", "guide"})));
    ASSERT_EQ(rig.engine().outputChannels(), 2);
    ui::SettingsDialog* dialog = rig.window->showSettings();
    auto* table = rig.in<QTableWidget>(dialog, "routingTable");
    EXPECT_FALSE(table->isEnabled());
    EXPECT_EQ(table->rowCount(), 3);
    EXPECT_EQ(routeCombo(dialog, 0)->count(), 1) << "only 1-2 on a stereo stream";
    EXPECT_TRUE(rig.in<QLabel>(dialog, "routingHint")
                    ->text()
                    .contains(QStringLiteral("4 or more outputs")));
}

}  // namespace unity_RoutingWindowTest
