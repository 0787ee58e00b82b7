// The OSC door over real UDP on 127.0.0.1 against a recording ControlPort.
#include <gtest/gtest.h>

#include <limits>

#include "OscTestSupport.h"
#include "stemdeck/remote/OscDoor.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_OscDoorTest {

using namespace stemdeck;
using control::ActionResult;
using control::ParamValue;
using control::osc::OscArg;
using test::bundle;
using test::encoded;
using test::OscClient;
using test::RecordingPort;

namespace {

class OscDoorTest : public ::testing::Test {
  protected:
    void SetUp() override {
        port.current.song = "Song A";
        port.current.stems = {{"drums", 0.0, false, false}, {"bass", -3.0, false, false}};
        QString error;
        ASSERT_TRUE(door.start(QHostAddress::LocalHost, 0, &error)) << error.toStdString();
        ASSERT_NE(door.port(), 0);
    }

    // Sends one datagram and waits until the port has seen `calls` calls in total.
    bool sendAndWaitCalls(const std::vector<char>& bytes, std::size_t calls) {
        client.send(bytes, door.port());
        return QTest::qWaitFor([&] { return port.calls.size() >= calls; }, 2000);
    }

    RecordingPort port;
    remote::OscDoor door{port};
    OscClient client;
};

struct Expected {
    std::vector<char> datagram;
    std::string action;
    std::map<std::string, ParamValue> params;
};

}  // namespace

TEST(OscDoorOff, IsClosedUntilStarted) {
    RecordingPort port;
    remote::OscDoor door{port};
    EXPECT_FALSE(door.isListening());
    EXPECT_EQ(door.port(), 0);
}

TEST_F(OscDoorTest, EachAddressRunsItsAction) {
    using S = std::string;
    using I = std::int64_t;
    const std::vector<Expected> table{
        {encoded("/stemdeck/play"), "play", {}},
        {encoded("/stemdeck/pause"), "pause", {}},
        {encoded("/stemdeck/play_pause"), "play_pause", {}},
        {encoded("/stemdeck/stop"), "stop", {}},
        {encoded("/stemdeck/to_start"), "to_start", {}},
        {encoded("/stemdeck/seek", {12.5f}), "seek", {{"seconds", 12.5}}},
        {encoded("/stemdeck/song/next"), "song.next", {}},
        {encoded("/stemdeck/song/previous"), "song.previous", {}},
        {encoded("/stemdeck/song/goto", {std::int32_t{3}}), "song.goto", {{"n", I{3}}}},
        {encoded("/stemdeck/marker/next"), "marker.next", {}},
        {encoded("/stemdeck/marker/previous"), "marker.previous", {}},
        {encoded("/stemdeck/marker/goto", {std::int64_t{2}}), "marker.goto", {{"n", I{2}}}},
        {encoded("/stemdeck/vamp"), "vamp", {}},
        {encoded("/stemdeck/loop", {std::int32_t{0}}), "loop", {{"on", false}}},
        {encoded("/stemdeck/click", {true}), "click", {{"on", true}}},
        {encoded("/stemdeck/lock", {1.0f}), "lock", {{"on", true}}},
        {encoded("/stemdeck/stage", {false}), "stage", {{"on", false}}},
        {encoded("/stemdeck/tempo", {0.875}), "tempo", {{"ratio", 0.875}}},
        {encoded("/stemdeck/tempo/up"), "tempo.up", {}},
        {encoded("/stemdeck/tempo/down", {5.0f}), "tempo.down", {{"percent", 5.0}}},
        {encoded("/stemdeck/pitch", {std::int32_t{-2}, 50.0f}),
         "pitch",
         {{"semitones", I{-2}}, {"cents", 50.0}}},
        {encoded("/stemdeck/pitch/up"), "pitch.up", {}},
        {encoded("/stemdeck/pitch/down"), "pitch.down", {}},
        {encoded("/stemdeck/tap_tempo"), "tap_tempo", {}},
        {encoded("/stemdeck/lyrics/stamp"), "lyrics.stamp", {}},
        {encoded("/stemdeck/stem/drums/gain", {-6.0f}),
         "stem.gain",
         {{"stem", S("drums")}, {"db", -6.0}}},
        {encoded("/stemdeck/stem/2/mute", {false}), "stem.mute", {{"stem", S("2")}, {"on", false}}},
        {encoded("/stemdeck/stem/Bass Guitar/solo"), "stem.solo", {{"stem", S("Bass Guitar")}}},
        {encoded("/stemdeck/master/gain", {-3.0f}), "master.gain", {{"db", -3.0}}},
        {encoded("/stemdeck/action", {S("marker.next"), S(R"({"at": "bar"})")}),
         "marker.next",
         {{"at", S("bar")}}},
        {encoded("/stemdeck/action", {S("stem.gain"), S(R"({"stem": "vox", "db": -4.5})")}),
         "stem.gain",
         {{"stem", S("vox")}, {"db", -4.5}}},
        {encoded("/stemdeck/action", {S("play")}), "play", {}},
    };
    for (std::size_t i = 0; i < table.size(); ++i) {
        ASSERT_TRUE(sendAndWaitCalls(table[i].datagram, i + 1))
            << "no call for " << table[i].action;
        const auto& call = port.calls[i];
        EXPECT_EQ(call.name, table[i].action) << "row " << i;
        EXPECT_EQ(call.params, table[i].params) << "row " << i << " " << call.name;
        EXPECT_EQ(call.origin, control::Origin::Osc);
        EXPECT_GT(call.receivedNs, 0);
    }
    EXPECT_TRUE(client.settle(50).empty()) << "good calls are not answered";
}

TEST_F(OscDoorTest, BundleRunsEachMessageInOrder) {
    ASSERT_TRUE(
        sendAndWaitCalls(bundle({encoded("/stemdeck/stop"), bundle({encoded("/stemdeck/to_start")}),
                                 encoded("/stemdeck/play")}),
                         3));
    EXPECT_EQ(port.calls[0].name, "stop");
    EXPECT_EQ(port.calls[1].name, "to_start");
    EXPECT_EQ(port.calls[2].name, "play");
}

TEST_F(OscDoorTest, RefusedActionIsAnsweredToTheSender) {
    port.next = ActionResult::failure(ActionResult::Code::Locked, "the mix is locked");
    OscClient bystander;
    bystander.send(encoded("/stemdeck/subscribe"), door.port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return door.subscriberCount() == 1; }, 2000));
    ASSERT_TRUE(sendAndWaitCalls(encoded("/stemdeck/stem/drums/mute", {true}), 1));
    const auto& replies = client.waitFor(1);
    ASSERT_EQ(replies.size(), 1u);
    EXPECT_EQ(replies[0].address, "/stemdeck/error");
    EXPECT_EQ(replies[0].types, "ss");
    EXPECT_EQ(std::get<std::string>(replies[0].args[0]), "/stemdeck/stem/drums/mute");
    EXPECT_EQ(std::get<std::string>(replies[0].args[1]), "the mix is locked");
    bystander.settle(100);
    EXPECT_TRUE(bystander.withAddress("/stemdeck/error").empty()) << "errors go to the sender only";
}

TEST_F(OscDoorTest, BadPacketsGetAnErrorAndTheDoorAnswersTheNextGoodOne) {
    auto good = encoded("/stemdeck/seek", {1.0f});
    auto tags = good;
    tags[16 + 1] = 'q';  // a type tag liblo does not know
    std::vector<std::pair<const char*, std::vector<char>>> bad{
        {"garbage", std::vector<char>{'\x01', '\x02', '\x03'}},
        {"truncated", std::vector<char>(good.begin(), good.end() - 4)},
        {"oversized", std::vector<char>(20000, '/')},
        {"unknown type tag", tags},
        {"wrong type", encoded("/stemdeck/seek", {std::string("later")})},
        {"missing argument", encoded("/stemdeck/song/goto")},
        {"unknown address", encoded("/stemdeck/explode")},
        {"not ours", encoded("/mixer/fader1", {0.5f})},
        {"nested too deep",
         bundle({bundle({bundle({bundle({bundle({encoded("/stemdeck/play")})})})})})},
        {"bad bundle size",
         [] {
             auto b = bundle({encoded("/stemdeck/play")});
             b[19] = 120;
             return b;
         }()},
        {"not finite", encoded("/stemdeck/master/gain", {std::numeric_limits<float>::quiet_NaN()})},
        {"bad JSON",
         encoded("/stemdeck/action", {std::string("seek"), std::string("{seconds: 3")})},
        {"empty action", encoded("/stemdeck/action", {std::string(""), std::string("{}")})},
    };
    for (std::size_t i = 0; i < bad.size(); ++i) {
        client.send(bad[i].second, door.port());
        const auto& replies = client.waitFor(i + 1);
        ASSERT_EQ(replies.size(), i + 1) << "no error reply for " << bad[i].first;
        EXPECT_EQ(replies[i].address, "/stemdeck/error") << bad[i].first;
        ASSERT_EQ(replies[i].types, "ss") << bad[i].first;
        EXPECT_FALSE(std::get<std::string>(replies[i].args[1]).empty()) << bad[i].first;
    }
    EXPECT_TRUE(port.calls.empty()) << "nothing of a bad packet runs";
    ASSERT_TRUE(sendAndWaitCalls(good, 1));
    EXPECT_EQ(port.calls[0].name, "seek");
    const auto& replies = client.received;
    EXPECT_NE(std::get<std::string>(replies[4].args[1]).find("number"), std::string::npos);
    EXPECT_EQ(std::get<std::string>(replies[6].args[0]), "/stemdeck/explode");
}

TEST_F(OscDoorTest, ErrorRepliesAreRateLimited) {
    for (int i = 0; i < 60; ++i) client.send(encoded("/stemdeck/nope"), door.port());
    client.settle(300);
    EXPECT_GE(client.received.size(), 1u);
    EXPECT_LE(client.received.size(), static_cast<std::size_t>(remote::OscDoor::kErrorsPerSecond));
    ASSERT_TRUE(sendAndWaitCalls(encoded("/stemdeck/play"), 1));
}

TEST_F(OscDoorTest, StateDumpsAreRateLimited) {
    for (int i = 0; i < 15; ++i) client.send(encoded("/stemdeck/state"), door.port());
    client.waitFor(1);
    client.settle(300);
    EXPECT_EQ(client.withAddress("/stemdeck/state/song").size(),
              static_cast<std::size_t>(remote::OscDoor::kDumpsPerSecond));
    EXPECT_EQ(client.withAddress("/stemdeck/error").size(), 5u);
}

TEST_F(OscDoorTest, AnActionMayCloseTheDoorWhileItReads) {
    struct ClosingPort : RecordingPort {
        remote::OscDoor* door = nullptr;
        ActionResult invoke(const control::ActionCall& call) override {
            door->stop();
            return RecordingPort::invoke(call);
        }
    } closing;
    remote::OscDoor door2{closing};
    closing.door = &door2;
    ASSERT_TRUE(door2.start(QHostAddress::LocalHost, 0));
    const quint16 at = door2.port();
    client.send(bundle({encoded("/stemdeck/stop"), encoded("/stemdeck/play")}), at);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !closing.calls.empty(); }, 2000));
    QTest::qWait(50);
    EXPECT_EQ(closing.calls.size(), 1u) << "the rest of the bundle is dropped with the door";
    EXPECT_FALSE(door2.isListening());
    EXPECT_TRUE(door2.start(QHostAddress::LocalHost, at)) << "the port is free again";
}

TEST_F(OscDoorTest, StateDumpGoesToTheSender) {
    client.send(encoded("/stemdeck/state"), door.port());
    client.waitFor(20);
    client.settle(100);
    const auto song = client.withAddress("/stemdeck/state/song");
    ASSERT_EQ(song.size(), 1u);
    EXPECT_EQ(std::get<std::string>(song[0]->args[0]), "Song A");
    const auto bass = client.withAddress("/stemdeck/stem/bass/gain");
    ASSERT_EQ(bass.size(), 1u);
    EXPECT_FLOAT_EQ(std::get<float>(bass[0]->args[0]), -3.0f);
    EXPECT_EQ(door.subscriberCount(), 0) << "a dump does not subscribe";
}

TEST_F(OscDoorTest, SubscribersGetChangesUntilTheyUnsubscribe) {
    OscClient listener;  // subscribed by the client on the listener's port
    client.send(encoded("/stemdeck/subscribe", {std::int32_t{listener.port()}}), door.port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return door.subscriberCount() == 1; }, 2000));
    listener.waitFor(20);
    listener.settle(100);
    EXPECT_EQ(listener.withAddress("/stemdeck/state/song").size(), 1u)
        << "a new subscriber gets the state";
    listener.received.clear();

    const control::ControlState before = port.current;
    port.current.playing = true;
    port.current.stems[0].mute = true;
    door.stateChanged(before, port.current);
    listener.waitFor(2);
    listener.settle(100);
    ASSERT_EQ(listener.received.size(), 2u);
    EXPECT_EQ(listener.received[0].address, "/stemdeck/state/playing");
    EXPECT_EQ(std::get<std::int32_t>(listener.received[0].args[0]), 1);
    EXPECT_EQ(listener.received[1].address, "/stemdeck/stem/drums/mute");
    EXPECT_TRUE(client.received.empty()) << "the client subscribed another port";

    client.send(encoded("/stemdeck/unsubscribe", {std::int32_t{listener.port()}}), door.port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return door.subscriberCount() == 0; }, 2000));
    listener.received.clear();
    const control::ControlState playing = port.current;
    port.current.playing = false;
    door.stateChanged(playing, port.current);
    EXPECT_TRUE(listener.settle(150).empty());
}

TEST_F(OscDoorTest, AtMostEightSubscribersTheOldestDropped) {
    std::vector<std::unique_ptr<OscClient>> clients;
    for (int i = 0; i < remote::OscDoor::kMaxSubscribers + 1; ++i) {
        clients.push_back(std::make_unique<OscClient>());
        clients.back()->send(encoded("/stemdeck/subscribe"), door.port());
        ASSERT_TRUE(QTest::qWaitFor([&] { return !clients.back()->waitFor(1, 50).empty(); }, 2000));
    }
    EXPECT_EQ(door.subscriberCount(), remote::OscDoor::kMaxSubscribers);
    for (auto& c : clients) {
        c->settle(20);
        c->received.clear();
    }
    const control::ControlState before = port.current;
    port.current.click = true;
    door.stateChanged(before, port.current);
    for (std::size_t i = 1; i < clients.size(); ++i)
        EXPECT_EQ(clients[i]->waitFor(1).size(), 1u) << "subscriber " << i;
    EXPECT_TRUE(clients[0]->settle(100).empty()) << "the oldest was dropped";
}

TEST(OscDoorPort, TakenPortIsAOneLineError) {
    QUdpSocket holder;
    holder.setProxy(QNetworkProxy::NoProxy);
    ASSERT_TRUE(holder.bind(QHostAddress::LocalHost, 0, QAbstractSocket::DontShareAddress));
    RecordingPort port;
    remote::OscDoor door{port};
    QString error;
    EXPECT_FALSE(door.start(QHostAddress::LocalHost, holder.localPort(), &error));
    EXPECT_FALSE(door.isListening());
    EXPECT_TRUE(error.contains(QString::number(holder.localPort()))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("127.0.0.1"))) << error.toStdString();
    EXPECT_FALSE(error.contains(QLatin1Char('\n')));
}

}  // namespace unity_OscDoorTest
