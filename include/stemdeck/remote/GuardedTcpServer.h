#pragma once

#include <QPointer>
#include <QTcpServer>
#include <vector>

class QTcpSocket;

namespace stemdeck::remote {

// The TCP server under the web remote's HTTP door. Qt HttpServer 6.4 buffers a request whole,
// however large, and waits for it forever; this server looks at each request's head first
// (control::checkRequestHead, on peeked bytes, its readyRead slot connected before the HTTP
// server's) and answers 411/413/431 itself, closing the connection. It also keeps at most
// kMaxConnections open, and closes a connection whose request is not complete within the
// request timeout (slowloris) or that stays idle that long. A socket handed to the WebSocket
// layer is released from these rules. Every method: the control thread only.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
  public:
    static constexpr int kMaxConnections = 32;
    static constexpr int kRequestTimeoutMs = 10'000;

    explicit GuardedTcpServer(QObject* parent = nullptr);

    // The object whose connections to a refused socket are cut (the HTTP server), so that it
    // never sees the refused request.
    void setHttpReceiver(QObject* receiver) { receiver_ = receiver; }
    // Tests shorten the timeout; it applies to connections accepted afterwards.
    void setRequestTimeout(int ms) { timeoutMs_ = ms; }
    // No more limits on this socket (it became a WebSocket, which has its own).
    void release(QTcpSocket* socket);
    int openConnections();

  protected:
    void incomingConnection(qintptr descriptor) override;

  private:
    class Guard;
    void inspect(QTcpSocket* socket, Guard* guard);
    void refuse(QTcpSocket* socket, Guard* guard, int status, const QByteArray& reason);

    QObject* receiver_ = nullptr;
    int timeoutMs_ = kRequestTimeoutMs;
    std::vector<QPointer<QTcpSocket>> sockets_;  // pointers clear themselves when deleted
};

}  // namespace stemdeck::remote
