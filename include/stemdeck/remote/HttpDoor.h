#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <memory>
#include <vector>

#include "stemdeck/control/ControlPort.h"
#include "stemdeck/remote/TokenCheck.h"

class QTcpSocket;

namespace stemdeck::remote {

class GuardedTcpServer;
class WsSession;

// The web remote (docs/design/CONTROL.md §8, §9; README "Web remote"): HTTP and WebSocket on
// one port. Routes: GET / (the page, RemotePage), GET /api/state, GET /api/actions,
// POST /api/action/<name> (JSON parameters), GET /ws (WebSocket, WsSession). Every request
// needs a token, as `Authorization: Bearer T` or `?token=T`: the full token may act, the
// read-only one may only watch (403 on actions); without one, a bare 401 (after 10 of them
// from one address within 10 s, 429 for 10 s). When bound to a
// loopback address the Host header must name this machine (DNS rebinding). Closed until
// start(): the owner decides (off by default). Every method: the control thread only.
class HttpDoor : public QObject, public control::StateListener {
    Q_OBJECT
  public:
    static constexpr int kMaxWebSockets = 16;

    explicit HttpDoor(control::ControlPort& port, QObject* parent = nullptr);
    ~HttpDoor() override;

    // Listens on address:port (port 0: any free port, see port()). `fullToken` must not be
    // empty; an empty `readToken` means no read-only access. False with a one-line *error
    // when it cannot (the port is taken, the address is not this machine's, no token).
    bool start(const QHostAddress& address, quint16 port, const QString& fullToken,
               const QString& readToken, QString* error = nullptr);
    void stop();
    bool isListening() const;
    quint16 port() const;  // the bound port, 0 when closed
    QHostAddress address() const;
    int webSocketCount() const { return static_cast<int>(sessions_.size()); }
    // Tests: the slowloris deadline of connections accepted afterwards (default 10 s).
    void setRequestTimeout(int ms);

    // Pushes the changes to every WebSocket (ControlCenter calls this after each change).
    void stateChanged(const control::ControlState& before,
                      const control::ControlState& after) override;

  private:
    class Server;  // the Qt HttpServer part, HttpDoor.cpp only (its API changed in 6.5)
    friend class Server;
    enum class Access { None, Read, Full };

    Access accessOf(const QString& given) const;
    bool hostAllowed(const QByteArray& host) const;
    void acceptWebSocket(bool readOnly);
    void dropSession(WsSession* session);

    control::ControlPort& port_;
    std::unique_ptr<Server> server_;
    GuardedTcpServer* tcp_ = nullptr;  // owned by server_
    TokenCheck full_;
    TokenCheck read_;
    bool loopbackOnly_ = true;
    int requestTimeoutMs_ = 0;          // 0: GuardedTcpServer's default
    std::vector<bool> pendingWs_;       // read-only flag of each accepted upgrade, in order
    std::vector<WsSession*> sessions_;  // children of this door
};

}  // namespace stemdeck::remote
