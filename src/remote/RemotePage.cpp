#include "stemdeck/remote/RemotePage.h"

#include <QFile>
#include <QNetworkInterface>
#include <QUrl>

// Outside any namespace: Q_INIT_RESOURCE declares the resource's init function where it is
// used. The resource lives in a static library, so it must be registered before a read.
static void initRemoteResource() {
    Q_INIT_RESOURCE(remote);
}

namespace stemdeck::remote {

QByteArray remotePage(bool readOnly) {
    static const QByteArray page = [] {
        initRemoteResource();
        QFile file(QStringLiteral(":/stemdeck/remote/index.html"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QByteArray out = page;
    // The page asks for no access level over the network: the server writes it in.
    out.replace("__STEMDECK_ACCESS__", readOnly ? "read" : "full");
    return out;
}

QStringList remotePageUrls(const QHostAddress& bound, quint16 port, const QString& token) {
    QList<QHostAddress> hosts;
    const bool any = bound == QHostAddress::AnyIPv4 || bound == QHostAddress::AnyIPv6 ||
                     bound == QHostAddress::Any;
    if (any) {
        const QList<QHostAddress> all = QNetworkInterface::allAddresses();
        for (const QHostAddress& a : all)
            if (a.protocol() == QAbstractSocket::IPv4Protocol) hosts.push_back(a);
        // Link-local IPv6 needs a scope a browser's address cannot carry well: left out.
        if (bound != QHostAddress::AnyIPv4)
            for (const QHostAddress& a : all)
                if (a.protocol() == QAbstractSocket::IPv6Protocol && !a.isLinkLocal())
                    hosts.push_back(a);
    } else {
        hosts.push_back(bound);
    }
    const QString query = QString::fromLatin1(QUrl::toPercentEncoding(token));
    QStringList urls;
    for (const QHostAddress& a : hosts) {
        const QString host = a.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QStringLiteral("[%1]").arg(a.toString())
                                 : a.toString();
        urls << QStringLiteral("http://%1:%2/?token=%3").arg(host).arg(port).arg(query);
    }
    return urls;
}

}  // namespace stemdeck::remote
