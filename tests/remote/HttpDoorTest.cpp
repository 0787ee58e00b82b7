// The web remote over real HTTP and WebSocket on 127.0.0.1 against a recording ControlPort:
// tokens, status codes, size limits, slow clients, live patches.
#include <gtest/gtest.h>

#include <QTcpSocket>

#include "HttpTestSupport.h"
#include "OscTestSupport.h"
#include "stemdeck/control/RequestLimits.h"
#include "stemdeck/remote/GuardedTcpServer.h"
#include "stemdeck/remote/HttpDoor.h"
#include "stemdeck/remote/WsSession.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_HttpDoorTest {

using namespace stemdeck;
using control::ActionResult;
using test::bearer;
using test::httpGet;
using test::httpPost;
using test::rawHttp;
using test::WsClient;

namespace {

const std::string kToken = "full-token-123";
const std::string kRead = "read-token-456";

// Records calls like RecordingPort and, as ControlCenter does, tells the listener about the
// change an action made ("play" starts playing).
class LivePort : public test::RecordingPort {
  public:
    ActionResult invoke(const control::ActionCall& call) override {
        calls.push_back(call);
        const control::ControlState before = current;
        if (call.name == "play") {
            current.playing = true;
            current.state = "playing";
        }
        if (listener && !(before == current)) listener->stateChanged(before, current);
        return next;
    }
    control::StateListener* listener = nullptr;
};

class HttpDoorTest : public ::testing::Test {
  protected:
    void SetUp() override {
        port.current.song = "Song A";
        port.current.stems = {{"drums", 0.0, false, false}};
        port.specs = {{"play",
                       "Play",
                       control::ActionSpec::Kind::Trigger,
                       control::ActionSpec::Scope::Transport,
                       {},
                       ""}};
        port.listener = &door;
        QString error;
        ASSERT_TRUE(door.start(QHostAddress::LocalHost, 0, QString::fromStdString(kToken),
                               QString::fromStdString(kRead), &error))
            << error.toStdString();
        ASSERT_NE(door.port(), 0);
    }

    LivePort port;
    remote::HttpDoor door{port};
};

}  // namespace

TEST(HttpDoorOff, IsClosedUntilStartedAndNeedsAToken) {
    test::RecordingPort port;
    remote::HttpDoor door{port};
    EXPECT_FALSE(door.isListening());
    EXPECT_EQ(door.port(), 0);
    QString error;
    EXPECT_FALSE(door.start(QHostAddress::LocalHost, 0, QString(), QString(), &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(door.isListening());
}

TEST_F(HttpDoorTest, EveryRouteAnswers401WithoutAToken) {
    // Nine refusals: the tenth from one address would start the throttle (below).
    for (const std::string target : {"/", "/api/state", "/api/actions", "/nope", "/ws"}) {
        const auto answer = httpGet(door.port(), target);
        EXPECT_EQ(answer.status, 401) << target;
        EXPECT_TRUE(answer.body.empty()) << target;
        EXPECT_TRUE(answer.hasHeader("WWW-Authenticate: Bearer")) << target;
    }
    EXPECT_EQ(httpGet(door.port(), "/?token=wrong").status, 401);
    EXPECT_EQ(httpGet(door.port(), "/ws?token=wrong").status, 401);
    EXPECT_EQ(httpPost(door.port(), "/api/action/play", "{}").status, 401);
    EXPECT_EQ(httpPost(door.port(), "/api/action/play", "{}", bearer("wrong")).status, 401);
    EXPECT_TRUE(port.calls.empty());
}

TEST_F(HttpDoorTest, GuessingTokensIsThrottled) {
    for (int i = 0; i < 10; ++i)
        EXPECT_EQ(httpGet(door.port(), "/api/state", bearer("guess" + std::to_string(i))).status,
                  401);
    const auto blocked = httpGet(door.port(), "/api/state", bearer(kToken));
    EXPECT_EQ(blocked.status, 429);
    EXPECT_TRUE(blocked.hasHeader("Retry-After: 10"));
    EXPECT_TRUE(port.calls.empty());
}

TEST_F(HttpDoorTest, WebSocketWithoutTheTokenIsRefused) {
    WsClient none;
    EXPECT_FALSE(none.open(door.port(), ""));
    WsClient wrong;
    EXPECT_FALSE(wrong.open(door.port(), "?token=wrong"));
    EXPECT_EQ(door.webSocketCount(), 0);
}

TEST_F(HttpDoorTest, TokenAsBearerInAnyCaseOrInTheQuery) {
    for (const std::string& header :
         {"Authorization: Bearer " + kToken + "\r\n", "authorization: bearer " + kToken + "\r\n",
          "AUTHORIZATION: BEARER " + kToken + "\r\n"}) {
        const auto answer = httpGet(door.port(), "/api/state", header);
        ASSERT_EQ(answer.status, 200) << header;
        EXPECT_EQ(answer.json().value("song", ""), "Song A");
    }
    const auto query = httpGet(door.port(), "/api/state?token=" + kToken);
    EXPECT_EQ(query.status, 200);
    const auto actions = httpGet(door.port(), "/api/actions", bearer(kToken));
    ASSERT_EQ(actions.status, 200);
    ASSERT_TRUE(actions.json().is_array());
    EXPECT_EQ(actions.json()[0].value("name", ""), "play");
}

TEST_F(HttpDoorTest, AnswersCarryTheSecurityHeaders) {
    const auto page = httpGet(door.port(), "/?token=" + kToken);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(page.hasHeader("Cache-Control: no-store"));
    EXPECT_TRUE(page.hasHeader("Referrer-Policy: no-referrer"));
    EXPECT_TRUE(page.hasHeader("X-Content-Type-Options: nosniff"));
    EXPECT_TRUE(page.hasHeader("Content-Security-Policy: default-src 'self'"));
    EXPECT_TRUE(page.hasHeader("Content-Type: text/html"));
    EXPECT_NE(page.body.find("stemdeck"), std::string::npos);
    EXPECT_EQ(page.body.find("__STEMDECK_ACCESS__"), std::string::npos);
}

TEST_F(HttpDoorTest, ActionRunsWithItsParameters) {
    const auto answer = httpPost(door.port(), "/api/action/stem.gain",
                                 R"({"stem":"drums","db":-6})", bearer(kToken));
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(answer.json(), nlohmann::json({{"ok", true}}));
    ASSERT_EQ(port.calls.size(), 1u);
    EXPECT_EQ(port.calls[0].name, "stem.gain");
    EXPECT_EQ(port.calls[0].origin, control::Origin::Http);
    EXPECT_EQ(std::get<std::string>(port.calls[0].params.at("stem")), "drums");
    EXPECT_EQ(std::get<std::int64_t>(port.calls[0].params.at("db")), -6);
    // An empty body is no parameters.
    EXPECT_EQ(httpPost(door.port(), "/api/action/play", "", bearer(kToken)).status, 200);
}

TEST_F(HttpDoorTest, ReadOnlyTokenWatchesButCannotAct) {
    EXPECT_EQ(httpGet(door.port(), "/api/state", bearer(kRead)).status, 200);
    const auto page = httpGet(door.port(), "/?token=" + kRead);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("\"read\""), std::string::npos);
    const auto act = httpPost(door.port(), "/api/action/play", "{}", bearer(kRead));
    EXPECT_EQ(act.status, 403);
    EXPECT_TRUE(port.calls.empty());
}

TEST_F(HttpDoorTest, RefusalsMapToTheirStatus) {
    EXPECT_EQ(httpPost(door.port(), "/api/action/play", "{nope", bearer(kToken)).status, 400);
    EXPECT_EQ(httpPost(door.port(), "/api/action/play", "[1]", bearer(kToken)).status, 400);
    EXPECT_TRUE(port.calls.empty());  // bad JSON never reaches the port
    const std::vector<std::pair<ActionResult::Code, int>> table{
        {ActionResult::Code::UnknownAction, 404}, {ActionResult::Code::BadParam, 400},
        {ActionResult::Code::OutOfRange, 400},    {ActionResult::Code::Unavailable, 409},
        {ActionResult::Code::Locked, 409},        {ActionResult::Code::ReadOnly, 403}};
    for (const auto& [code, status] : table) {
        port.next = ActionResult::failure(code, "refused", "db");
        const auto answer = httpPost(door.port(), "/api/action/x", "{}", bearer(kToken));
        EXPECT_EQ(answer.status, status) << control::codeName(code);
        EXPECT_EQ(answer.json().value("error", ""), control::codeName(code));
        EXPECT_EQ(answer.json().value("param", ""), "db");
    }
    EXPECT_EQ(httpGet(door.port(), "/api/action/play", bearer(kToken)).status, 405);
    EXPECT_EQ(httpGet(door.port(), "/nothing", bearer(kToken)).status, 404);
}

TEST_F(HttpDoorTest, HostMustBeThisMachineOnLoopback) {
    const auto rebinding = rawHttp(
        door.port(), QByteArray::fromStdString("GET /api/state HTTP/1.1\r\nHost: evil.example"
                                               "\r\n" +
                                               bearer(kToken) + "\r\n"));
    EXPECT_EQ(rebinding.status, 421);
    const auto local = rawHttp(
        door.port(), QByteArray::fromStdString("GET /api/state HTTP/1.1\r\nHost: localhost:80"
                                               "\r\n" +
                                               bearer(kToken) + "\r\n"));
    EXPECT_EQ(local.status, 200);
}

TEST_F(HttpDoorTest, SizeLimitsAre411And413And431) {
    const auto noLength =
        rawHttp(door.port(), QByteArray::fromStdString("POST /api/action/play HTTP/1.1\r\nHost: "
                                                       "127.0.0.1\r\n" +
                                                       bearer(kToken) + "\r\n{}"));
    EXPECT_EQ(noLength.status, 411);
    EXPECT_TRUE(noLength.closed);
    const auto chunked = rawHttp(
        door.port(), QByteArray::fromStdString("POST /api/action/play HTTP/1.1\r\nHost: "
                                               "127.0.0.1\r\nTransfer-Encoding: chunked\r\n" +
                                               bearer(kToken) + "\r\n2\r\n{}\r\n0\r\n\r\n"));
    EXPECT_EQ(chunked.status, 411);
    const std::string big(200 * 1024, ' ');
    const auto tooLarge = httpPost(door.port(), "/api/action/play", big, bearer(kToken));
    EXPECT_EQ(tooLarge.status, 413);
    const auto headers = httpGet(door.port(), "/api/state",
                                 bearer(kToken) + "X-Pad: " + std::string(20000, 'a') + "\r\n");
    EXPECT_EQ(headers.status, 431);
    EXPECT_TRUE(port.calls.empty());
    // The door is unaffected.
    EXPECT_EQ(httpGet(door.port(), "/api/state", bearer(kToken)).status, 200);
}

// Qt HttpServer reads a partial request and keeps its transaction open: the limits must hold
// for a head or a body that comes in several pieces as well.
TEST_F(HttpDoorTest, LimitsHoldForRequestsInPieces) {
    const auto inPieces = [&](const std::vector<QByteArray>& pieces) {
        QTcpSocket socket;
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.connectToHost(QHostAddress::LocalHost, door.port());
        EXPECT_TRUE(
            QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }));
        for (const QByteArray& piece : pieces) {
            socket.write(piece);
            QTest::qWait(60);  // each piece its own read on the server
        }
        QByteArray got;
        (void)QTest::qWaitFor(
            [&] {
                got += socket.readAll();
                return got.contains("\r\n\r\n");
            },
            3000);
        return got.mid(9, 3).toInt();
    };
    const QByteArray pad(9000, 'a');
    EXPECT_EQ(
        inPieces({"GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: " + pad, pad + "\r\n\r\n"}),
        431);
    EXPECT_EQ(inPieces({"POST /api/action/play HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                        "Content-Length: 900000\r\n\r\n"}),
              413);
    EXPECT_EQ(inPieces({"POST /api/action/play HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                        QByteArray::fromStdString(bearer(kToken)) + "\r\n{}"}),
              411);
    // A request within the limits, in pieces, then a second on the same connection.
    EXPECT_EQ(inPieces({"POST /api/action/play HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                        QByteArray::fromStdString(bearer(kToken)) + "Content-Length: 2\r\n",
                        "\r\n{", "}"}),
              200);
    EXPECT_EQ(port.calls.size(), 1u);
}

TEST_F(HttpDoorTest, GarbageLeavesTheDoorWorking) {
    for (const QByteArray& garbage :
         {QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11),
          QByteArray("HELLO\r\n\r\n"), QByteArray("GET\r\n\r\n"),
          QByteArray("GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n"),
          QByteArray("POST /api/action/play HTTP/1.1\r\nContent-Length: x\r\n\r\n")}) {
        const auto answer = rawHttp(door.port(), garbage, 1000);
        EXPECT_TRUE(answer.status == 0 || answer.status == 400 || answer.status == 401)
            << garbage.toStdString() << " → " << answer.status;
    }
    EXPECT_TRUE(port.calls.empty());
    EXPECT_EQ(httpGet(door.port(), "/api/state", bearer(kToken)).status, 200);
}

TEST(HttpDoorSlow, SlowClientIsClosedAtTheDeadline) {
    test::RecordingPort port;
    remote::HttpDoor door{port};
    door.setRequestTimeout(300);
    ASSERT_TRUE(door.start(QHostAddress::LocalHost, 0, "t1", "t2"));
    QTcpSocket slow;
    slow.setProxy(QNetworkProxy::NoProxy);
    slow.connectToHost(QHostAddress::LocalHost, door.port());
    ASSERT_TRUE(QTest::qWaitFor([&] { return slow.state() == QAbstractSocket::ConnectedState; }));
    slow.write("GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\n");  // never finished
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return slow.state() == QAbstractSocket::UnconnectedState; }, 3000));
    EXPECT_EQ(httpGet(door.port(), "/api/state?token=t1").status, 200);
}

TEST_F(HttpDoorTest, ConnectionsOverTheLimitAreClosed) {
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < remote::GuardedTcpServer::kMaxConnections; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->setProxy(QNetworkProxy::NoProxy);
        idle.back()->connectToHost(QHostAddress::LocalHost, door.port());
    }
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return std::all_of(idle.begin(), idle.end(), [](const auto& s) {
            return s->state() == QAbstractSocket::ConnectedState;
        });
    }));
    QTest::qWait(100);  // the server has taken them all
    const auto refused = httpGet(door.port(), "/api/state", bearer(kToken));
    EXPECT_EQ(refused.status, 0);
    idle.clear();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return httpGet(door.port(), "/api/state", bearer(kToken)).status == 200; }, 3000));
}

TEST_F(HttpDoorTest, WebSocketGetsStateThenPatchesAfterAnotherDoorsAction) {
    WsClient ws;
    ASSERT_TRUE(ws.open(door.port(), "?token=" + kToken));
    const auto state = ws.waitFor("state");
    ASSERT_TRUE(state.is_object());
    EXPECT_EQ(state["access"], "full");
    EXPECT_EQ(state["state"]["song"], "Song A");
    EXPECT_EQ(state["state"]["playing"], false);
    // Another door (OSC here) starts playback: the browser hears of it.
    port.invoke({"play", {}, control::Origin::Osc, 0});
    const auto patch = ws.waitFor("patch");
    ASSERT_TRUE(patch.is_object());
    EXPECT_EQ(patch["changes"]["playing"], true);
    EXPECT_EQ(patch["changes"]["state"], "playing");
    EXPECT_FALSE(patch["changes"].contains("song"));
}

TEST_F(HttpDoorTest, WebSocketActionsAnswerWithTheirId) {
    WsClient ws;
    ASSERT_TRUE(ws.open(door.port(), "?token=" + kToken));
    ws.send(
        {{"type", "action"}, {"id", 7}, {"name", "play"}, {"params", nlohmann::json::object()}});
    const auto result = ws.waitFor("result");
    ASSERT_TRUE(result.is_object());
    EXPECT_EQ(result["id"], 7);
    EXPECT_EQ(result["ok"], true);
    ASSERT_EQ(port.calls.size(), 1u);
    EXPECT_EQ(port.calls[0].origin, control::Origin::WebSocket);
    const std::size_t seen = ws.messages.size();
    ws.socket.sendTextMessage("{not json");
    const auto bad = ws.waitFor("result", seen);
    EXPECT_EQ(bad["ok"], false);
    EXPECT_EQ(bad["error"], "bad_param");
    EXPECT_EQ(port.calls.size(), 1u);
}

TEST_F(HttpDoorTest, ReadOnlyWebSocketWatchesButCannotAct) {
    WsClient ws;
    ASSERT_TRUE(ws.open(door.port(), "?token=" + kRead));
    EXPECT_EQ(ws.waitFor("state")["access"], "read");
    ws.send({{"type", "action"}, {"id", 1}, {"name", "play"}});
    const auto result = ws.waitFor("result");
    EXPECT_EQ(result["ok"], false);
    EXPECT_EQ(result["error"], "read_only");
    EXPECT_TRUE(port.calls.empty());
}

TEST_F(HttpDoorTest, OversizedWebSocketMessageClosesOnlyThatSocket) {
    WsClient ws;
    ASSERT_TRUE(ws.open(door.port(), "?token=" + kToken));
    ws.socket.sendTextMessage(QString(40000, QLatin1Char('a')));
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return ws.socket.state() == QAbstractSocket::UnconnectedState; }, 3000));
    EXPECT_TRUE(port.calls.empty());
    WsClient next;
    EXPECT_TRUE(next.open(door.port(), "?token=" + kToken));
}

TEST_F(HttpDoorTest, AtMostSixteenWebSockets) {
    std::vector<std::unique_ptr<WsClient>> clients;
    for (int i = 0; i < remote::HttpDoor::kMaxWebSockets; ++i) {
        clients.push_back(std::make_unique<WsClient>());
        ASSERT_TRUE(clients.back()->open(door.port(), "?token=" + kToken)) << i;
    }
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return door.webSocketCount() == remote::HttpDoor::kMaxWebSockets; }, 3000));
    WsClient extra;
    EXPECT_FALSE(extra.open(door.port(), "?token=" + kToken));
    clients.pop_back();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return door.webSocketCount() < remote::HttpDoor::kMaxWebSockets; }, 3000));
    WsClient again;
    EXPECT_TRUE(again.open(door.port(), "?token=" + kToken));
}

TEST_F(HttpDoorTest, StopFreesThePortAtOnce) {
    const quint16 used = door.port();
    door.stop();
    EXPECT_FALSE(door.isListening());
    EXPECT_EQ(door.port(), 0);
    QString error;
    ASSERT_TRUE(door.start(QHostAddress::LocalHost, used, "again-token", {}, &error))
        << error.toStdString();
    EXPECT_EQ(door.port(), used);
    EXPECT_EQ(httpGet(door.port(), "/api/state", bearer("again-token")).status, 200);
    EXPECT_EQ(httpGet(door.port(), "/api/state", bearer(kRead)).status, 401);
}

TEST_F(HttpDoorTest, WebSocketActionsAreLimitedPerSecond) {
    WsClient ws;
    ASSERT_TRUE(ws.open(door.port(), "?token=" + kToken));
    ASSERT_TRUE(ws.waitFor("state").is_object());
    const int sent = remote::WsSession::kActionsPerSecond + 10;
    for (int i = 0; i < sent; ++i) ws.send({{"type", "action"}, {"id", i}, {"name", "stop"}});
    const auto results = [&] {
        return std::count_if(ws.messages.begin(), ws.messages.end(), [](const auto& m) {
            return m.is_object() && m.value("type", "") == "result";
        });
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return results() == sent; }, 5000)) << results();
    EXPECT_EQ(port.calls.size(), static_cast<std::size_t>(remote::WsSession::kActionsPerSecond));
    const auto& last = ws.messages.back();
    EXPECT_EQ(last["ok"], false);
    EXPECT_NE(last.value("message", "").find("too many"), std::string::npos) << last.dump();
}

}  // namespace unity_HttpDoorTest
