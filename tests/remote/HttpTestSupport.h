#pragma once
// Shared by the web remote's tests: a raw HTTP/1.1 client on 127.0.0.1 (QTcpSocket, so that
// malformed and oversized requests can be sent as they are) and a WebSocket client. Both run
// the event loop while they wait: the door answers on the same thread.

#include <QNetworkProxy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace stemdeck::test {

struct HttpAnswer {
    int status = 0;  // 0: no answer (closed or timed out)
    std::string head;
    std::string body;
    bool closed = false;  // the server closed the connection

    nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
    bool hasHeader(const std::string& line) const { return head.find(line) != std::string::npos; }
};

// Sends `bytes` as they are and reads one answer (head and Content-Length body).
inline HttpAnswer rawHttp(quint16 port, const QByteArray& bytes, int ms = 3000) {
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);  // no libproxy thread (it races under TSan)
    socket.connectToHost(QHostAddress::LocalHost, port);
    HttpAnswer answer;
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, ms))
        return answer;
    socket.write(bytes);
    QByteArray got;
    const auto complete = [&] {
        got += socket.readAll();
        const qsizetype end = got.indexOf("\r\n\r\n");
        if (end < 0) return false;
        const QByteArray head = got.left(end).toLower();
        const qsizetype at = head.indexOf("content-length:");
        const qsizetype length =
            at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        return got.size() >= end + 4 + length;
    };
    (void)QTest::qWaitFor(
        [&] { return complete() || socket.state() == QAbstractSocket::UnconnectedState; }, ms);
    got += socket.readAll();
    // An answer that says it closes: wait for the close itself.
    if (got.toLower().contains("\r\nconnection: close\r\n"))
        (void)QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; },
                              1000);
    answer.closed = socket.state() == QAbstractSocket::UnconnectedState;
    const qsizetype end = got.indexOf("\r\n\r\n");
    if (!got.startsWith("HTTP/1.1 ") || end < 0) return answer;
    answer.status = got.mid(9, 3).toInt();
    answer.head = got.left(end).toStdString();
    answer.body = got.mid(end + 4).toStdString();
    return answer;
}

inline HttpAnswer httpGet(quint16 port, const std::string& target,
                          const std::string& headers = {}) {
    return rawHttp(port,
                   QByteArray::fromStdString("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                                             headers + "\r\n"));
}

inline HttpAnswer httpPost(quint16 port, const std::string& target, const std::string& body,
                           const std::string& headers = {}) {
    return rawHttp(port, QByteArray::fromStdString(
                             "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers +
                             "Content-Type: application/json\r\nContent-Length: " +
                             std::to_string(body.size()) + "\r\n\r\n" + body));
}

inline std::string bearer(const std::string& token) {
    return "Authorization: Bearer " + token + "\r\n";
}

// A browser's WebSocket: collects the JSON messages it receives.
class WsClient {
  public:
    WsClient() {
        socket.setProxy(QNetworkProxy::NoProxy);
        QObject::connect(
            &socket, &QWebSocket::textMessageReceived, &socket, [this](const QString& text) {
                messages.push_back(nlohmann::json::parse(text.toStdString(), nullptr, false));
            });
    }
    bool open(quint16 port, const std::string& query, int ms = 3000) {
        socket.open(
            QUrl(QString::fromStdString("ws://127.0.0.1:" + std::to_string(port) + "/ws" + query)));
        return QTest::qWaitFor(
                   [&] {
                       return socket.state() == QAbstractSocket::ConnectedState ||
                              socket.state() == QAbstractSocket::UnconnectedState;
                   },
                   ms) &&
               socket.state() == QAbstractSocket::ConnectedState;
    }
    void send(const nlohmann::json& message) {
        socket.sendTextMessage(QString::fromStdString(message.dump()));
    }
    // Waits for the first message (from `from` on) of this type; null after `ms`.
    nlohmann::json waitFor(const std::string& type, std::size_t from = 0, int ms = 3000) {
        nlohmann::json found;
        (void)QTest::qWaitFor(
            [&] {
                for (std::size_t i = from; i < messages.size(); ++i)
                    if (messages[i].is_object() && messages[i].value("type", "") == type) {
                        found = messages[i];
                        return true;
                    }
                return false;
            },
            ms);
        return found;
    }

    QWebSocket socket;
    std::vector<nlohmann::json> messages;
};

}  // namespace stemdeck::test
