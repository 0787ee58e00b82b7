#include "stemdeck/remote/WsSession.h"

#include <QWebSocket>
#include <chrono>

#include "stemdeck/control/ActionJson.h"
#include "stemdeck/control/JsonDepth.h"

namespace stemdeck::remote {
namespace {

// Deeper JSON is refused before nlohmann sees it (its parser recurses).
constexpr int kMaxDepth = 8;

control::ActionResult badMessage(std::string message) {
    return control::ActionResult::failure(control::ActionResult::Code::BadParam,
                                          std::move(message));
}

}  // namespace

WsSession::WsSession(std::unique_ptr<QWebSocket> socket, control::ControlPort& port, bool readOnly,
                     QObject* parent)
    : QObject(parent), socket_(std::move(socket)), port_(port), readOnly_(readOnly) {
    socket_->setMaxAllowedIncomingMessageSize(static_cast<quint64>(kMaxMessageBytes));
    socket_->setMaxAllowedIncomingFrameSize(static_cast<quint64>(kMaxMessageBytes));
    connect(socket_.get(), &QWebSocket::textMessageReceived, this, &WsSession::receive);
    connect(socket_.get(), &QWebSocket::binaryMessageReceived, this, [this] {
        reply(nullptr, badMessage("binary messages are not understood: send JSON text"));
    });
    connect(socket_.get(), &QWebSocket::disconnected, this, [this] { emit finished(this); });
    sendState();
}

WsSession::~WsSession() {
    if (socket_) socket_->disconnect(this);
}

void WsSession::close() {
    socket_->close();
}

void WsSession::pushChanges(const nlohmann::json& changes) {
    send({{"type", "patch"}, {"changes", changes}});
}

void WsSession::sendState() {
    send({{"type", "state"},
          {"access", readOnly_ ? "read" : "full"},
          {"state", control::toJson(port_.state())}});
}

void WsSession::send(const nlohmann::json& message) {
    if (socket_->state() != QAbstractSocket::ConnectedState) return;
    socket_->sendTextMessage(QString::fromStdString(
        message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
}

void WsSession::reply(const nlohmann::json& id, const control::ActionResult& result) {
    nlohmann::json message = control::resultToJson(result);
    message["type"] = "result";
    message["id"] = id;
    send(message);
}

void WsSession::receive(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    if (control::jsonNestingDepth(
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
            kMaxDepth) > kMaxDepth)
        return reply(nullptr, badMessage("the message is nested too deeply"));
    nlohmann::json message;
    try {
        message = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const nlohmann::json::exception&) {
        return reply(nullptr, badMessage("the message is not JSON"));
    }
    if (!message.is_object() || !message.contains("type") || !message["type"].is_string())
        return reply(nullptr, badMessage("a message needs a \"type\""));
    nlohmann::json id = message.value("id", nlohmann::json());
    if (!id.is_null() && !id.is_number() && !id.is_string()) id = nullptr;
    const std::string type = message["type"].get<std::string>();
    if (type == "state") return sendState();
    if (type != "action") return reply(id, badMessage("unknown message type: use action or state"));
    if (readOnly_)
        return reply(id, control::ActionResult::failure(control::ActionResult::Code::ReadOnly,
                                                        "this token may only watch"));
    if (!window_.isValid() || window_.elapsed() >= 1000) {
        window_.start();
        actionsInWindow_ = 0;
    }
    if (++actionsInWindow_ > kActionsPerSecond)
        return reply(id, control::ActionResult::failure(control::ActionResult::Code::Unavailable,
                                                        "too many actions, try again in a second"));
    if (!message.contains("name") || !message["name"].is_string())
        return reply(id, badMessage("an action needs a \"name\""));
    control::ActionCall call;
    call.name = message["name"].get<std::string>();
    call.origin = control::Origin::WebSocket;
    call.receivedNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::steady_clock::now().time_since_epoch())
                          .count();
    const control::ActionResult parsed =
        control::paramsFromJsonValue(message.value("params", nlohmann::json()), call.params);
    if (!parsed.ok()) return reply(id, parsed);
    reply(id, port_.invoke(call));
}

}  // namespace stemdeck::remote
