#pragma once
// Shared by the OSC tests: a recording ControlPort (a test double of the port only) and a UDP
// client on 127.0.0.1 that speaks to the door.

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkProxy>
#include <QTest>
#include <QUdpSocket>
#include <cstring>
#include <string>
#include <vector>

#include "stemdeck/control/ControlPort.h"
#include "stemdeck/control/osc/OscCodec.h"

namespace stemdeck::test {

class RecordingPort : public control::ControlPort {
  public:
    control::ActionResult invoke(const control::ActionCall& call) override {
        calls.push_back(call);
        return next;
    }
    const control::ControlState& state() const override { return current; }
    const std::vector<control::ActionSpec>& actions() const override { return specs; }

    std::vector<control::ActionCall> calls;
    control::ActionResult next;  // what every invoke answers
    control::ControlState current;
    std::vector<control::ActionSpec> specs;
};

// "#bundle" + a time tag + each element with its size: what OSC clients send.
inline std::vector<char> bundle(const std::vector<std::vector<char>>& elements) {
    std::vector<char> out{'#', 'b', 'u', 'n', 'd', 'l', 'e', '\0', 0, 0, 0, 0, 0, 0, 0, 1};
    for (const auto& e : elements) {
        const auto n = static_cast<std::uint32_t>(e.size());
        out.push_back(static_cast<char>(n >> 24));
        out.push_back(static_cast<char>(n >> 16));
        out.push_back(static_cast<char>(n >> 8));
        out.push_back(static_cast<char>(n));
        out.insert(out.end(), e.begin(), e.end());
    }
    return out;
}

inline std::vector<char> encoded(std::string address, std::vector<control::osc::OscArg> args = {}) {
    return control::osc::encodeMessage(
        control::osc::makeMessage(std::move(address), std::move(args)));
}

class OscClient {
  public:
    // No proxy, as the door's own socket: Qt would ask libproxy on a thread of its own, which
    // ThreadSanitizer cannot see synchronised (uninstrumented Qt), and loopback needs none.
    OscClient() {
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.bind(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return socket.localPort(); }

    void send(const std::vector<char>& bytes, quint16 to) {
        socket.writeDatagram(bytes.data(), static_cast<qint64>(bytes.size()),
                             QHostAddress::LocalHost, to);
    }
    // Runs the event loop until `count` messages have arrived in total or `ms` passed.
    const std::vector<control::osc::OscMessage>& waitFor(std::size_t count, int ms = 2000) {
        (void)QTest::qWaitFor(
            [&] {
                drain();
                return received.size() >= count;
            },
            ms);
        return received;
    }
    // Runs the event loop for `ms`, collecting whatever arrives.
    const std::vector<control::osc::OscMessage>& settle(int ms = 150) {
        QTest::qWait(ms);
        drain();
        return received;
    }
    std::vector<const control::osc::OscMessage*> withAddress(const std::string& address) const {
        std::vector<const control::osc::OscMessage*> out;
        for (const auto& m : received)
            if (m.address == address) out.push_back(&m);
        return out;
    }

    QUdpSocket socket;
    std::vector<control::osc::OscMessage> received;

  private:
    void drain() {
        while (socket.hasPendingDatagrams()) {
            QByteArray bytes(static_cast<qsizetype>(socket.pendingDatagramSize()),
                             Qt::Uninitialized);
            socket.readDatagram(bytes.data(), bytes.size());
            auto packet = control::osc::decodeDatagram(bytes.constData(),
                                                       static_cast<std::size_t>(bytes.size()));
            for (auto& m : packet.messages) received.push_back(std::move(m));
        }
    }
};

}  // namespace stemdeck::test
