#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QStringList>

namespace stemdeck::remote {

// The web remote's page (resources/remote/index.html, one file with its script and style,
// compiled in as a Qt resource): transport, setlist, sections, the stems' mute/solo/faders
// and the stage information, live over the WebSocket. A read-only page is the stage view,
// with no buttons. Any thread.
QByteArray remotePage(bool readOnly);

// The page's addresses with a token, as shown to the user (text and QR code): one for the
// bound address, or one per address of this machine (IPv4 first) when bound to all
// ("http://192.168.1.20:8080/?token=…"; IPv6 in brackets). Any thread.
QStringList remotePageUrls(const QHostAddress& bound, quint16 port, const QString& token);

}  // namespace stemdeck::remote
