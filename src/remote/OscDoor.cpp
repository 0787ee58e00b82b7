#include "stemdeck/remote/OscDoor.h"

#include <QNetworkProxy>
#include <QUdpSocket>
#include <chrono>

#include "stemdeck/control/osc/OscRoutes.h"
#include "stemdeck/control/osc/OscState.h"

namespace stemdeck::remote {

using control::osc::OscMessage;
using control::osc::OscRoute;

OscDoor::OscDoor(control::ControlPort& port, QObject* parent) : QObject(parent), port_(port) {}

OscDoor::~OscDoor() {
    stop();
}

bool OscDoor::start(const QHostAddress& address, quint16 port, QString* error) {
    stop();
    auto* socket = new QUdpSocket(this);
    // Datagrams go straight to the surface: asking the system's proxy settings (libproxy, a
    // thread of its own) is useless for UDP on a stage network and slow.
    socket->setProxy(QNetworkProxy::NoProxy);
    // No SO_REUSEADDR: a port another program holds must be refused, not shared.
    if (!socket->bind(address, port, QAbstractSocket::DontShareAddress)) {
        if (error)
            *error = QStringLiteral("OSC: cannot listen on %1:%2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(socket->errorString());
        delete socket;
        return false;
    }
    socket_ = socket;
    connect(socket_, &QUdpSocket::readyRead, this, &OscDoor::readPending);
    return true;
}

void OscDoor::stop() {
    if (socket_) {
        // stop() may run inside the socket's own readyRead (an action closing the door).
        socket_->close();
        socket_->disconnect(this);
        socket_->deleteLater();
    }
    socket_ = nullptr;
    subscribers_.clear();
}

bool OscDoor::isListening() const {
    return socket_ != nullptr;
}

quint16 OscDoor::port() const {
    return socket_ ? socket_->localPort() : 0;
}

void OscDoor::readPending() {
    // One byte over the limit is enough to tell that a datagram is too large; the rest of it
    // is discarded by the read.
    QByteArray buffer(static_cast<qsizetype>(control::osc::kMaxDatagramBytes + 1),
                      Qt::Uninitialized);
    while (socket_ && socket_->hasPendingDatagrams()) {
        Peer sender;
        const qint64 size =
            socket_->readDatagram(buffer.data(), buffer.size(), &sender.address, &sender.port);
        if (size < 0) break;
        handleDatagram(QByteArray::fromRawData(buffer.constData(), static_cast<qsizetype>(size)),
                       sender);
    }
}

void OscDoor::handleDatagram(const QByteArray& bytes, const Peer& sender) {
    const auto packet =
        control::osc::decodeDatagram(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    if (!packet.ok()) {
        sendError(sender, packet.address, packet.error);
        return;
    }
    for (const OscMessage& message : packet.messages) {
        if (!socket_) return;  // an action closed the door
        handleMessage(message, sender);
    }
}

void OscDoor::handleMessage(const OscMessage& message, const Peer& sender) {
    OscRoute route = control::osc::routeMessage(message);
    const Peer target{sender.address,
                      route.port > 0 ? static_cast<quint16>(route.port) : sender.port};
    switch (route.kind) {
        case OscRoute::Kind::Error:
            sendError(sender, message.address, route.error);
            return;
        case OscRoute::Kind::StateDump:
            if (!dumps_.allow(kDumpsPerSecond))
                sendError(sender, message.address,
                          "too many state requests, try again in a second");
            else
                sendAll(sender, control::osc::stateMessages(port_.state()));
            return;
        case OscRoute::Kind::Subscribe:
            subscribe(target);
            return;
        case OscRoute::Kind::Unsubscribe:
            unsubscribe(target);
            return;
        case OscRoute::Kind::Action:
            break;
    }
    route.call.receivedNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                std::chrono::steady_clock::now().time_since_epoch())
                                .count();
    const control::ActionResult result = port_.invoke(route.call);
    if (!result.ok()) sendError(sender, message.address, result.message);
}

void OscDoor::subscribe(const Peer& peer) {
    unsubscribe(peer);  // subscribing again renews: the peer becomes the newest
    if (static_cast<int>(subscribers_.size()) >= kMaxSubscribers) subscribers_.pop_front();
    subscribers_.push_back(peer);
    if (dumps_.allow(kDumpsPerSecond)) sendAll(peer, control::osc::stateMessages(port_.state()));
}

void OscDoor::unsubscribe(const Peer& peer) {
    std::erase(subscribers_, peer);
}

void OscDoor::stateChanged(const control::ControlState& before,
                           const control::ControlState& after) {
    if (!socket_ || subscribers_.empty()) return;
    const auto messages = control::osc::changeMessages(before, after);
    for (const Peer& peer : subscribers_) sendAll(peer, messages);
}

void OscDoor::sendError(const Peer& to, const std::string& address, const std::string& message) {
    // A flood of bad packets must not turn the door into a flood of replies.
    if (!errors_.allow(kErrorsPerSecond)) return;
    send(to,
         control::osc::makeMessage("/stemdeck/error", {control::osc::printableText(address, 200),
                                                       control::osc::printableText(message, 300)}));
}

bool OscDoor::RateWindow::allow(int perSecond) {
    if (!window.isValid() || window.elapsed() >= 1000) {
        window.start();
        count = 0;
    }
    return ++count <= perSecond;
}

void OscDoor::send(const Peer& to, const OscMessage& message) {
    if (!socket_) return;
    const std::vector<char> bytes = control::osc::encodeMessage(message);
    socket_->writeDatagram(bytes.data(), static_cast<qint64>(bytes.size()), to.address, to.port);
}

void OscDoor::sendAll(const Peer& to, const std::vector<OscMessage>& messages) {
    // A dump or a change of several fields travels as one bundle: one datagram instead of
    // dozens, and the client sees the fields change together.
    if (!socket_) return;
    for (const std::vector<char>& bytes : control::osc::encodeBundles(messages))
        socket_->writeDatagram(bytes.data(), static_cast<qint64>(bytes.size()), to.address,
                               to.port);
}

}  // namespace stemdeck::remote
