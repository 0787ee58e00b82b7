#include "stemdeck/app/SongMeta.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include "stemdeck/app/DisplayText.h"

namespace stemdeck::app {

SongMeta SongMeta::read(const QString& folder) {
    QFile file(QDir(folder).filePath(QStringLiteral("meta.json")));
    QByteArray json;
    if (file.open(QIODevice::ReadOnly) && file.size() <= kMaxFileBytes) json = file.readAll();
    return parse(json, QDir(folder).dirName());
}

SongMeta SongMeta::parse(const QByteArray& json, const QString& folderName) {
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    const auto text = [&](const char* key) {
        return displayLine(o.value(QLatin1String(key)).toString(), kMaxTextLength);
    };
    SongMeta meta;
    meta.title = text("title");
    meta.artist = text("artist");
    meta.key = text("key");
    meta.timeSignature = text("time_signature");
    parseTimeSignature(meta.timeSignature, &meta.beatsPerBar, &meta.beatUnit);
    // A tempo of 1e300 (or "1e999", which reads as infinity) is damage, not a tempo.
    const double tempo = o.value(QStringLiteral("tempo")).toDouble();
    meta.tempo = tempo > 0.0 && tempo <= kMaxTempo ? tempo : 0.0;
    // A file name's escape or newline is shown, not turned into a space (see displayName).
    if (meta.title.isEmpty()) meta.title = displayLine(displayName(folderName), kMaxTextLength);
    if (meta.title.isEmpty()) meta.title = QStringLiteral("Untitled");  // the folder "/"
    return meta;
}

bool SongMeta::parseTimeSignature(const QString& text, int* beatsPerBar, int* beatUnit) {
    const QStringList parts = text.split(QLatin1Char('/'));
    if (parts.size() != 2) return false;
    bool okN = false, okD = false;
    // toInt rejects anything but digits (and a sign) and values beyond int.
    const int n = parts[0].trimmed().toInt(&okN);
    const int d = parts[1].trimmed().toInt(&okD);
    const bool powerOfTwo = d > 0 && (d & (d - 1)) == 0;
    if (!okN || !okD || n < 1 || n > kMaxBeatsPerBar || !powerOfTwo || d > 32) return false;
    *beatsPerBar = n;
    *beatUnit = d;
    return true;
}

QString SongMeta::details() const {
    QStringList parts;
    if (!key.isEmpty()) parts << QStringLiteral("Key %1").arg(key);
    if (tempo > 0) parts << QStringLiteral("%1 BPM").arg(tempo, 0, 'g', 4);
    if (!timeSignature.isEmpty()) parts << timeSignature;
    return parts.join(QStringLiteral(" · "));
}

}  // namespace stemdeck::app
