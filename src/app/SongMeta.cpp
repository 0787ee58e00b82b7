#include "stemdeck/app/SongMeta.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>

namespace stemdeck::app {

SongMeta SongMeta::read(const QString& folder) {
    SongMeta meta;
    QFile file(QDir(folder).filePath(QStringLiteral("meta.json")));
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        meta.title = o.value(QStringLiteral("title")).toString().trimmed();
        meta.artist = o.value(QStringLiteral("artist")).toString().trimmed();
        meta.key = o.value(QStringLiteral("key")).toString().trimmed();
        meta.tempo = std::max(0.0, o.value(QStringLiteral("tempo")).toDouble());
        meta.timeSignature = o.value(QStringLiteral("time_signature")).toString().trimmed();
    }
    if (meta.title.isEmpty()) meta.title = QDir(folder).dirName();
    return meta;
}

QString SongMeta::details() const {
    QStringList parts;
    if (!key.isEmpty()) parts << QStringLiteral("Key %1").arg(key);
    if (tempo > 0) parts << QStringLiteral("%1 BPM").arg(tempo, 0, 'g', 4);
    if (!timeSignature.isEmpty()) parts << timeSignature;
    return parts.join(QStringLiteral(" · "));
}

}  // namespace stemdeck::app
