#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <memory>
#include <nlohmann/json.hpp>

#include "stemdeck/control/ControlPort.h"

class QWebSocket;

namespace stemdeck::remote {

// One browser's WebSocket on the web remote (docs/design/CONTROL.md §8): the whole state as
// {"type":"state","access":…,"state":{…}} when it opens, then {"type":"patch","changes":{…}}
// on every change (HttpDoor forwards them). The client sends {"type":"action","id":7,
// "name":"play","params":{…}} and gets {"type":"result","id":7,"ok":…,"error":…,"message":…};
// {"type":"state"} asks for the whole state again. Messages over kMaxMessageBytes close the
// socket; more than kActionsPerSecond actions a second are refused. A read-only session
// cannot act. Every method: the control thread only.
class WsSession : public QObject {
    Q_OBJECT
  public:
    static constexpr qint64 kMaxMessageBytes = 16 * 1024;
    static constexpr int kActionsPerSecond = 50;

    WsSession(std::unique_ptr<QWebSocket> socket, control::ControlPort& port, bool readOnly,
              QObject* parent = nullptr);
    ~WsSession() override;

    void pushChanges(const nlohmann::json& changes);
    void close();

  signals:
    void finished(WsSession* session);  // the socket closed: the owner deletes the session

  private:
    void receive(const QString& text);
    void sendState();
    void send(const nlohmann::json& message);
    void reply(const nlohmann::json& id, const control::ActionResult& result);

    std::unique_ptr<QWebSocket> socket_;
    control::ControlPort& port_;
    bool readOnly_ = false;
    QElapsedTimer window_;
    int actionsInWindow_ = 0;
};

}  // namespace stemdeck::remote
