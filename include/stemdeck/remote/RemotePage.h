#pragma once

#include <QByteArray>

namespace stemdeck::remote {

// The web remote's page (resources/remote/index.html, one file with its script and style,
// compiled in as a Qt resource): transport, setlist, sections, the stems' mute/solo/faders
// and the stage information, live over the WebSocket. A read-only page is the stage view,
// with no buttons. Any thread.
QByteArray remotePage(bool readOnly);

}  // namespace stemdeck::remote
