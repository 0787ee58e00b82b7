#include "stemdeck/remote/GuardedTcpServer.h"

#include <sys/socket.h>

#include <QTcpSocket>
#include <QTimer>

#include "stemdeck/control/RequestLimits.h"

namespace stemdeck::remote {
namespace {

const char* const kTimerName = "stemdeck_request_timer";

// Room for the largest head and body allowed; a socket stops reading from the system when
// its buffer is full, so nothing larger is ever held.
constexpr qint64 kReadBufferBytes =
    static_cast<qint64>(control::kMaxHeadBytes + control::kMaxBodyBytes + 1024);

QByteArray statusText(int status) {
    switch (status) {
        case 400:
            return "Bad Request";
        case 411:
            return "Length Required";
        case 413:
            return "Payload Too Large";
        case 431:
            return "Request Header Fields Too Large";
        default:
            return "Error";
    }
}

}  // namespace

GuardedTcpServer::GuardedTcpServer(QObject* parent) : QTcpServer(parent) {}

int GuardedTcpServer::openConnections() {
    std::erase_if(sockets_, [](const QPointer<QTcpSocket>& s) {
        return s.isNull() || s->state() == QAbstractSocket::UnconnectedState;
    });
    return static_cast<int>(sockets_.size());
}

void GuardedTcpServer::incomingConnection(qintptr descriptor) {
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (openConnections() >= kMaxConnections) {
        socket->abort();  // a flood of connections must not starve the stage's phones
        socket->deleteLater();
        return;
    }
    socket->setReadBufferSize(kReadBufferBytes);
    sockets_.emplace_back(socket);
    // One deadline per request: restarted when a request is complete (inspect), it closes a
    // connection that trickles a request in or sits idle.
    auto* timer = new QTimer(socket);
    timer->setObjectName(kTimerName);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, socket, [socket] { socket->abort(); });
    timer->start(timeoutMs_);
    // Before addPendingConnection: the HTTP server connects its own slot when it takes the
    // socket, so ours runs first and can refuse before it buffers anything.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    addPendingConnection(socket);
}

void GuardedTcpServer::inspect(QTcpSocket* socket) {
    const QByteArray bytes = socket->peek(kReadBufferBytes);
    const control::HeadVerdict verdict =
        control::checkRequestHead(std::string_view(bytes.constData(), bytes.size()));
    if (verdict.kind == control::HeadVerdict::Kind::Reject) {
        refuse(socket, verdict.status, QByteArray::fromStdString(verdict.reason));
        return;
    }
    if (verdict.complete(static_cast<std::size_t>(bytes.size())))
        if (auto* timer = socket->findChild<QTimer*>(kTimerName)) timer->start(timeoutMs_);
}

void GuardedTcpServer::refuse(QTcpSocket* socket, int status, const QByteArray& reason) {
    if (receiver_) socket->disconnect(receiver_);
    socket->disconnect(this);
    const QByteArray body = "{\"error\":\"" + reason + "\"}";
    socket->write(
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText(status) +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\nConnection: close\r\nCache-Control: no-store\r\n"
        "X-Content-Type-Options: nosniff\r\n\r\n" +
        body);
    socket->flush();
    // Half-close and keep reading (and dropping) what the client still sends: closing with
    // unread bytes would reset the connection and could lose the answer on its way.
    ::shutdown(static_cast<int>(socket->socketDescriptor()), SHUT_WR);
    socket->readAll();
    connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    if (auto* timer = socket->findChild<QTimer*>(kTimerName)) timer->start(2000);
}

void GuardedTcpServer::release(QTcpSocket* socket) {
    if (auto* timer = socket->findChild<QTimer*>(kTimerName)) delete timer;
    socket->disconnect(this);
    std::erase_if(sockets_, [socket](const QPointer<QTcpSocket>& s) { return s == socket; });
}

}  // namespace stemdeck::remote
