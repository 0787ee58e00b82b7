#include "stemdeck/remote/GuardedTcpServer.h"

#include <sys/socket.h>

#include <QTcpSocket>
#include <QTimer>

#include "stemdeck/control/RequestLimits.h"

namespace stemdeck::remote {
namespace {

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

// What the server knows of one connection's current request, a child of its socket.
class GuardedTcpServer::Guard : public QObject {
  public:
    explicit Guard(QTcpSocket* socket) : QObject(socket) {
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, socket, [socket] { socket->abort(); });
    }
    QTimer timer;  // the request's deadline
    // The request's bytes so far. Qt HttpServer reads a partial request inside a transaction
    // and leaves it open: a later peek() shows only the bytes after those it has read, so
    // the head is pieced together here.
    QByteArray seen;
};

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
    auto* guard = new Guard(socket);
    guard->timer.start(timeoutMs_);
    // Before addPendingConnection: the HTTP server connects its own slot when it takes the
    // socket, so ours runs first and can refuse before it buffers anything.
    connect(socket, &QTcpSocket::readyRead, this,
            [this, socket, guard] { inspect(socket, guard); });
    addPendingConnection(socket);
}

void GuardedTcpServer::inspect(QTcpSocket* socket, Guard* guard) {
    const QByteArray fresh = socket->peek(kReadBufferBytes);
    // No transaction open: the HTTP server has finished the previous request (or read none
    // yet), and the unread bytes start a new one.
    if (!socket->isTransactionStarted()) guard->seen.clear();
    guard->seen += fresh;
    if (guard->seen.size() > kReadBufferBytes) guard->seen.truncate(kReadBufferBytes);
    const control::HeadVerdict verdict = control::checkRequestHead(
        std::string_view(guard->seen.constData(), static_cast<std::size_t>(guard->seen.size())));
    if (verdict.kind == control::HeadVerdict::Kind::Reject) {
        refuse(socket, guard, verdict.status, QByteArray::fromStdString(verdict.reason));
        return;
    }
    if (verdict.complete(static_cast<std::size_t>(guard->seen.size()))) {
        guard->timer.start(timeoutMs_);
        guard->seen.clear();
    }
}

void GuardedTcpServer::refuse(QTcpSocket* socket, Guard* guard, int status,
                              const QByteArray& reason) {
    if (receiver_) socket->disconnect(receiver_);
    socket->disconnect(this);
    // The HTTP server's half-read request: end its transaction so that what is read from
    // now on is dropped, not kept for a rollback.
    if (socket->isTransactionStarted()) socket->commitTransaction();
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
    guard->seen.clear();
    guard->timer.start(2000);
}

void GuardedTcpServer::release(QTcpSocket* socket) {
    // Guard has no meta-object of its own (findChildren would match any child).
    for (QObject* child : socket->children())
        if (auto* guard = dynamic_cast<Guard*>(child)) {
            delete guard;
            break;
        }
    socket->disconnect(this);
    std::erase_if(sockets_, [socket](const QPointer<QTcpSocket>& s) { return s == socket; });
}

}  // namespace stemdeck::remote
