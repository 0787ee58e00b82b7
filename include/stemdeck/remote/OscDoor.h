#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <deque>
#include <string>
#include <vector>

#include "stemdeck/control/ControlPort.h"
#include "stemdeck/control/osc/OscCodec.h"

class QUdpSocket;

namespace stemdeck::remote {

// The OSC door (docs/design/CONTROL.md §7, README "OSC control"): a QUdpSocket on the address
// the user picked (127.0.0.1 by default) whose datagrams are decoded (control::osc), routed to
// actions and run through the ControlPort. Errors go back to the sender only, as
// /stemdeck/error s s (address, message), at most kErrorsPerSecond a second. /stemdeck/state
// dumps the state to the sender (at most kDumpsPerSecond dumps a second, with subscribing);
// /stemdeck/subscribe [port] registers a client (≤ 8, the oldest dropped) to which every state
// change is pushed. Closed until start(): the owner decides (off by default). Every method: the
// control thread only.
class OscDoor : public QObject, public control::StateListener {
    Q_OBJECT
  public:
    static constexpr int kMaxSubscribers = 8;
    static constexpr int kErrorsPerSecond = 20;
    // A spoofed sender address would otherwise make each small request a large reply to it.
    static constexpr int kDumpsPerSecond = 10;

    explicit OscDoor(control::ControlPort& port, QObject* parent = nullptr);
    ~OscDoor() override;

    // Binds to address:port (port 0: any free port, see port()). False with a one-line
    // *error when it cannot (the port is taken, the address is not this machine's).
    bool start(const QHostAddress& address, quint16 port, QString* error = nullptr);
    void stop();
    bool isListening() const;
    quint16 port() const;  // the bound port, 0 when closed
    int subscriberCount() const { return static_cast<int>(subscribers_.size()); }

    // Pushes the changes to every subscriber (ControlCenter calls this after each change).
    void stateChanged(const control::ControlState& before,
                      const control::ControlState& after) override;

  private:
    struct Peer {
        QHostAddress address;
        quint16 port = 0;
        bool operator==(const Peer& other) const {
            return address == other.address && port == other.port;
        }
    };

    void readPending();
    void handleDatagram(const QByteArray& bytes, const Peer& sender);
    void handleMessage(const control::osc::OscMessage& message, const Peer& sender);
    void subscribe(const Peer& peer);
    void unsubscribe(const Peer& peer);
    void sendError(const Peer& to, const std::string& address, const std::string& message);
    void send(const Peer& to, const control::osc::OscMessage& message);
    void sendAll(const Peer& to, const std::vector<control::osc::OscMessage>& messages);  // bundled

    control::ControlPort& port_;
    QUdpSocket* socket_ = nullptr;
    std::deque<Peer> subscribers_;  // oldest first
    // At most `perSecond` events in each one-second window.
    struct RateWindow {
        QElapsedTimer window;
        int count = 0;
        bool allow(int perSecond);
    };
    RateWindow errors_;  // error replies
    RateWindow dumps_;   // full state dumps (/state, /subscribe): ~40 datagrams each
};

}  // namespace stemdeck::remote
