#include "stemdeck/remote/HttpDoor.h"

// Every use of Qt HttpServer is in this file: its API changed in Qt 6.5 (see CONTROL.md §1).
#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>
#include <chrono>
#include <map>

#include "stemdeck/control/ActionJson.h"
#include "stemdeck/control/RequestLimits.h"
#include "stemdeck/remote/GuardedTcpServer.h"
#include "stemdeck/remote/RemotePage.h"
#include "stemdeck/remote/WsSession.h"

namespace stemdeck::remote {
namespace {

using Status = QHttpServerResponder::StatusCode;

// Qt warns "WebSocket received but no slots connected … or request not handled" on every
// refused upgrade (a wrong token): expected here, and noise in a log. Other categories go to
// the filter that was installed before.
QLoggingCategory::CategoryFilter previousFilter = nullptr;
void quietHttpServer(QLoggingCategory* category) {
    if (previousFilter) previousFilter(category);
    if (qstrcmp(category->categoryName(), "qt.httpserver") == 0)
        category->setEnabled(QtWarningMsg, false);
}

void installLogFilter() {
    static const bool installed = [] {
        previousFilter = QLoggingCategory::installFilter(quietHttpServer);
        return true;
    }();
    (void)installed;
}

const char* const kContentSecurity =
    "default-src 'self'; connect-src 'self'; script-src 'unsafe-inline'; "
    "style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

void writeResponse(QHttpServerResponder& responder, int status, const QByteArray& body,
                   const QByteArray& type, bool bare = false) {
    responder.writeStatusLine(static_cast<Status>(status));
    responder.writeHeader("Cache-Control", "no-store");
    responder.writeHeader("Referrer-Policy", "no-referrer");
    responder.writeHeader("X-Content-Type-Options", "nosniff");
    responder.writeHeader("X-Frame-Options", "DENY");
    responder.writeHeader("Content-Security-Policy", kContentSecurity);
    if (status == 401) responder.writeHeader("WWW-Authenticate", "Bearer");
    if (status == 429) responder.writeHeader("Retry-After", "10");
    if (!bare && !type.isEmpty()) responder.writeHeader("Content-Type", type);
    responder.writeHeader("Content-Length", QByteArray::number(bare ? 0 : body.size()));
    responder.writeBody(bare ? QByteArray() : body);
}

void writeJson(QHttpServerResponder& responder, int status, const nlohmann::json& json) {
    writeResponse(responder, status,
                  QByteArray::fromStdString(
                      json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)),
                  "application/json");
}

void writeError(QHttpServerResponder& responder, int status, const std::string& message) {
    writeJson(responder, status, {{"ok", false}, {"error", message}});
}

int statusOf(const control::ActionResult& result) {
    using Code = control::ActionResult::Code;
    switch (result.code) {
        case Code::Ok:
            return 200;
        case Code::UnknownAction:
            return 404;
        case Code::BadParam:
        case Code::OutOfRange:
            return 400;
        case Code::Unavailable:
        case Code::Locked:
            return 409;
        case Code::ReadOnly:
            return 403;
    }
    return 500;
}

// The token a request carries: `Authorization: Bearer T` (the scheme in any case), else
// `?token=T`.
QString tokenOf(const QByteArray& authorization, const QUrlQuery& query) {
    const QByteArray value = authorization.trimmed();
    if (value.size() > 7 && value.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return QString::fromUtf8(value.mid(7).trimmed());
    return query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
}

// Guessing tokens: after kMaxFailures refusals (401) from one address within kWindowMs,
// that address gets 429 for kWindowMs, whatever it sends.
class AuthThrottle {
  public:
    static constexpr int kMaxFailures = 10;
    static constexpr qint64 kWindowMs = 10'000;

    bool blocked(const QHostAddress& from) {
        const auto it = peers_.find(from.toString());
        return it != peers_.end() && it->second.blocked.isValid() &&
               it->second.blocked.elapsed() < kWindowMs;
    }
    void failed(const QHostAddress& from) {
        if (peers_.size() > 256) prune();
        Peer& peer = peers_[from.toString()];
        if (!peer.window.isValid() || peer.window.elapsed() >= kWindowMs) {
            peer.window.start();
            peer.failures = 0;
        }
        if (++peer.failures >= kMaxFailures) peer.blocked.start();
    }

  private:
    struct Peer {
        QElapsedTimer window;
        int failures = 0;
        QElapsedTimer blocked;
    };
    void prune() {
        std::erase_if(peers_, [](const auto& entry) {
            return entry.second.window.elapsed() >= kWindowMs &&
                   (!entry.second.blocked.isValid() || entry.second.blocked.elapsed() >= kWindowMs);
        });
    }
    std::map<QString, Peer> peers_;
};

}  // namespace

class HttpDoor::Server : public QAbstractHttpServer {
  public:
    explicit Server(HttpDoor& door) : door_(door) {}

  protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override {
        // Only refused WebSocket upgrades come here (every other request is answered).
        auto responder = makeResponder(request, socket);
        writeResponse(responder, refusal_, {}, {}, true);
    }

  private:
    void answer(const QHttpServerRequest& request, QTcpSocket* socket, Access access);

    HttpDoor& door_;
    int refusal_ = 401;
    AuthThrottle throttle_;
};

bool HttpDoor::Server::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) {
    const bool upgrade = request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
    refusal_ = 401;
    int status = 0;
    const Access access = door_.accessOf(tokenOf(request.value("authorization"), request.query()));
    if (throttle_.blocked(request.remoteAddress())) {
        status = 429;
    } else if (!door_.hostAllowed(request.value("host"))) {
        status = 421;  // a name that only points here (DNS rebinding)
    } else if (access == Access::None) {
        status = 401;
        throttle_.failed(request.remoteAddress());
    }
    if (upgrade) {
        if (status == 0 && request.url().path() != QLatin1String("/ws")) status = 404;
        if (status == 0 && door_.webSocketCount() >= kMaxWebSockets) status = 503;
        if (status != 0) {
            refusal_ = status;
            return false;  // Qt calls missingHandler and closes
        }
        door_.tcp_->release(socket);  // the WebSocket has limits of its own
        return true;                  // written nothing: Qt goes on with the handshake
    }
    if (status != 0) {
        auto responder = makeResponder(request, socket);
        writeResponse(responder, status, {}, {}, true);
        return true;
    }
    answer(request, socket, access);
    return true;
}

void HttpDoor::Server::answer(const QHttpServerRequest& request, QTcpSocket* socket,
                              Access access) {
    auto responder = makeResponder(request, socket);
    const QString path = request.url().path();
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    control::ControlPort& port = door_.port_;
    const QLatin1String actionPrefix("/api/action/");
    if (path == QLatin1String("/") || path == QLatin1String("/index.html")) {
        if (!get) return writeError(responder, 405, "use GET");
        return writeResponse(responder, 200, remotePage(access == Access::Read),
                             "text/html; charset=utf-8");
    }
    if (path == QLatin1String("/api/state")) {
        if (!get) return writeError(responder, 405, "use GET");
        return writeJson(responder, 200, control::toJson(port.state()));
    }
    if (path == QLatin1String("/api/actions")) {
        if (!get) return writeError(responder, 405, "use GET");
        return writeJson(responder, 200, control::specsToJson(port.actions()));
    }
    if (path == QLatin1String("/ws")) return writeError(responder, 400, "/ws is a WebSocket");
    if (!path.startsWith(actionPrefix)) return writeError(responder, 404, "no such page");
    if (!post) return writeError(responder, 405, "use POST");
    if (access != Access::Full) return writeError(responder, 403, "this token may only watch");
    control::ActionCall call;
    call.name = path.mid(actionPrefix.size()).toStdString();
    call.origin = control::Origin::Http;
    call.receivedNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::steady_clock::now().time_since_epoch())
                          .count();
    const QByteArray body = request.body();
    control::ActionResult result =
        control::paramsFromJson(std::string_view(body.constData(), body.size()), call.params);
    if (result.ok()) result = port.invoke(call);
    writeJson(responder, statusOf(result), control::resultToJson(result));
}

HttpDoor::HttpDoor(control::ControlPort& port, QObject* parent) : QObject(parent), port_(port) {}

HttpDoor::~HttpDoor() {
    stop();
}

bool HttpDoor::start(const QHostAddress& address, quint16 port, const QString& fullToken,
                     const QString& readToken, QString* error) {
    stop();
    const auto fail = [&](const QString& message) {
        if (error) *error = message;
        return false;
    };
    if (fullToken.isEmpty()) return fail(QStringLiteral("web remote: a token is needed"));
    if (fullToken == readToken)
        return fail(QStringLiteral("web remote: the read-only token must differ from the token"));
    installLogFilter();
    auto server = std::make_unique<Server>(*this);
    auto* tcp = new GuardedTcpServer;
    tcp->setProxy(QNetworkProxy::NoProxy);  // a stage network needs none; libproxy is slow
    if (requestTimeoutMs_ > 0) tcp->setRequestTimeout(requestTimeoutMs_);
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return fail(QStringLiteral("web remote: cannot listen on %1:%2: %3")
                        .arg(address.toString())
                        .arg(port)
                        .arg(why));
    }
    tcp->setHttpReceiver(server.get());
    server->bind(tcp);  // takes ownership
    connect(server.get(), &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (server_ && server_->hasPendingWebSocketConnections())
            if (auto socket = server_->nextPendingWebSocketConnection()) {
                QWebSocket* raw = socket.get();
                const Access access = accessOf(tokenOf(raw->request().rawHeader("Authorization"),
                                                       QUrlQuery(raw->requestUrl())));
                if (access == Access::None || webSocketCount() >= kMaxWebSockets) {
                    raw->abort();
                    continue;
                }
                auto* session =
                    new WsSession(std::move(socket), port_, access == Access::Read, this);
                sessions_.push_back(session);
                connect(session, &WsSession::finished, this, &HttpDoor::dropSession);
            }
    });
    full_ = TokenCheck(fullToken);
    read_ = TokenCheck(readToken);
    loopbackOnly_ = address.isLoopback();
    tcp_ = tcp;
    server_ = std::move(server);
    return true;
}

void HttpDoor::stop() {
    for (WsSession* session : sessions_) {
        session->disconnect(this);
        session->close();
        session->deleteLater();
    }
    sessions_.clear();
    if (server_) {
        server_->disconnect(this);
        tcp_->close();  // the port is free at once, for a start() that follows
        // stop() may run inside one of the server's own slots (an action closing the door).
        server_.release()->deleteLater();
    }
    tcp_ = nullptr;
}

bool HttpDoor::isListening() const {
    return tcp_ != nullptr && tcp_->isListening();
}

quint16 HttpDoor::port() const {
    return tcp_ ? tcp_->serverPort() : 0;
}

QHostAddress HttpDoor::address() const {
    return tcp_ ? tcp_->serverAddress() : QHostAddress();
}

void HttpDoor::setRequestTimeout(int ms) {
    requestTimeoutMs_ = ms;
    if (tcp_) tcp_->setRequestTimeout(ms);
}

HttpDoor::Access HttpDoor::accessOf(const QString& given) const {
    if (given.isEmpty()) return Access::None;
    // Both checks always run: which token matched is not told by the time taken.
    const bool full = full_.matches(given);
    const bool read = read_.matches(given);
    return full ? Access::Full : read ? Access::Read : Access::None;
}

bool HttpDoor::hostAllowed(const QByteArray& host) const {
    if (!loopbackOnly_) return true;
    QByteArray name = host.trimmed();
    if (name.startsWith('[')) {
        name = name.mid(1, name.indexOf(']') - 1);
    } else if (const qsizetype colon = name.lastIndexOf(':'); colon >= 0) {
        name = name.left(colon);
    }
    if (name.compare("localhost", Qt::CaseInsensitive) == 0) return true;
    const QHostAddress address(QString::fromLatin1(name));
    return !address.isNull() && address.isLoopback();
}

void HttpDoor::dropSession(WsSession* session) {
    std::erase(sessions_, session);
    session->deleteLater();
}

void HttpDoor::stateChanged(const control::ControlState& before,
                            const control::ControlState& after) {
    if (sessions_.empty()) return;
    const nlohmann::json changes = control::diff(before, after);
    if (changes.empty()) return;
    for (WsSession* session : sessions_) session->pushChanges(changes);
}

}  // namespace stemdeck::remote
