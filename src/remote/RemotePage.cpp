#include "stemdeck/remote/RemotePage.h"

#include <QFile>

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

}  // namespace stemdeck::remote
