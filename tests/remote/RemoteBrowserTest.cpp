// The web remote's page in a real headless Chromium (WebDriver): it loads with the token in
// its address, a tap on Play reaches the player and the page shows the new state, which
// /api/state agrees with; a tap on a marker asks for it; the read-only page has no buttons. Skipped
// without chromium and chromedriver (scripts/install-deps.sh test).
#include <gtest/gtest.h>

#include "HttpTestSupport.h"
#include "OscTestSupport.h"
#include "WebDriver.h"
#include "stemdeck/remote/HttpDoor.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_RemoteBrowserTest {

using namespace stemdeck;

namespace {

// Plays and pauses as the player would, telling the door (as ControlCenter does).
class TogglePort : public test::RecordingPort {
  public:
    control::ActionResult invoke(const control::ActionCall& call) override {
        calls.push_back(call);
        const control::ControlState before = current;
        if (call.name == "play_pause") {
            current.playing = !current.playing;
            current.state = current.playing ? "playing" : "paused";
        }
        if (listener && !(before == current)) listener->stateChanged(before, current);
        return control::ActionResult::success();
    }
    control::StateListener* listener = nullptr;
};

}  // namespace

TEST(RemoteBrowser, TapPlayAndThePageAndTheApiSayPlaying) {
    if (!test::WebDriver::available()) GTEST_SKIP() << "needs chromium and chromium-driver";
    TogglePort port;
    port.current.song = "First Light";
    port.current.stems = {{"drums", 0.0, false, false}, {"bass", -3.0, true, false}};
    port.current.setName = "Friday";
    port.current.setIndex = 0;
    port.current.setSongs = {{"First Light", 212.0}, {"Harbour", 185.0}, {"Last Train", 240.0}};
    port.current.section = "Verse 1";
    port.current.nextSection = "Chorus";
    port.current.barBeat = "5.3";
    port.current.timeLeft = 142.0;
    port.current.setTimeLeft = 637.0;
    port.current.position = 20.0;
    port.current.markers = {{"Intro", 0.0}, {"Verse 1", 12.0}, {"Chorus", 40.0}};
    remote::HttpDoor door{port};
    port.listener = &door;
    ASSERT_TRUE(door.start(QHostAddress::LocalHost, 0, "full-token-1", "read-token-1"));
    const std::string base = "http://127.0.0.1:" + std::to_string(door.port()) + "/?token=";

    test::WebDriver browser;
    ASSERT_TRUE(browser.start()) << browser.error();
    ASSERT_TRUE(browser.navigate(base + "full-token-1")) << browser.error();
    const std::string state = browser.find("#state");
    ASSERT_FALSE(state.empty()) << browser.error();
    // Live: the WebSocket's first state names the song.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return browser.text(browser.find("#song")) == "First Light"; }, 10000));
    EXPECT_EQ(browser.text(state), "STOPPED");  // text-transform: uppercase
    const std::string play = browser.find("#play");
    ASSERT_FALSE(play.empty());
    ASSERT_TRUE(browser.click(play)) << browser.error();
    EXPECT_TRUE(QTest::qWaitFor([&] { return browser.text(state) == "PLAYING"; }, 10000))
        << browser.text(state);
    ASSERT_EQ(port.calls.size(), 1u);
    EXPECT_EQ(port.calls[0].name, "play_pause");
    EXPECT_EQ(port.calls[0].origin, control::Origin::WebSocket);
    const auto api = test::httpGet(door.port(), "/api/state", test::bearer("full-token-1"));
    EXPECT_EQ(api.json().value("playing", false), true);
    EXPECT_EQ(browser.script("return document.querySelectorAll('.stem').length;"), 3)
        << "two stems and the master";
    if (const char* shot = std::getenv("STEMDECK_REMOTE_SCREENSHOT")) browser.screenshot(shot);
    // A tap on the set's second song asks for it by number.
    ASSERT_TRUE(browser.click(browser.find("#setlist li:nth-child(2) button"))) << browser.error();
    ASSERT_TRUE(QTest::qWaitFor([&] { return port.calls.size() == 2; }, 5000));
    EXPECT_EQ(port.calls[1].name, "song.goto");
    EXPECT_EQ(std::get<std::int64_t>(port.calls[1].params.at("n")), 2);
    // The song's markers, the one the play is in outlined; a tap goes to one by number.
    EXPECT_EQ(browser.script("return document.querySelectorAll('#markers li').length;"), 3);
    EXPECT_EQ(browser.script("return document.querySelector('#markers li.current').textContent;"),
              "2. Verse 10:12");
    ASSERT_TRUE(browser.click(browser.find("#markers li:nth-child(3) button"))) << browser.error();
    ASSERT_TRUE(QTest::qWaitFor([&] { return port.calls.size() == 3; }, 5000));
    EXPECT_EQ(port.calls[2].name, "marker.goto");
    EXPECT_EQ(std::get<std::int64_t>(port.calls[2].params.at("n")), 3);

    // The read-only page: the stage view, no buttons at all.
    ASSERT_TRUE(browser.navigate(base + "read-token-1")) << browser.error();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return browser.text(browser.find("#song")) == "First Light"; }, 10000));
    EXPECT_EQ(browser.script("return document.querySelectorAll('button, input').length;"), 0);
    EXPECT_EQ(browser.script("return document.querySelectorAll('#markers li').length;"), 3);
    EXPECT_EQ(port.calls.size(), 3u);
}

}  // namespace unity_RemoteBrowserTest
