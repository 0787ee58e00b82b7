#include "stemdeck/app/MarkerStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>
#include <cmath>

#include "SongFiles.h"
#include "stemdeck/app/DisplayText.h"

namespace stemdeck::app {

namespace {

constexpr int kMarkerFormatVersion = 1;
constexpr int kListed = 4;  // problems named in a warning; the rest are counted

QString songFile(const QString& songFolder) {
    return QDir(songFolder).filePath(MarkerStore::kFileName);
}

}  // namespace

MarkerStore::MarkerStore(const QString& fallbackDirectory)
    : fallback_(storeDirectory(fallbackDirectory, QStringLiteral("markers"))) {}

QString MarkerStore::fileFor(const QString& songFolder) const {
    const QFileInfo folder(songFolder);
    const QFileInfo file(songFile(songFolder));
    // QSaveFile writes a temporary file beside the target: the folder must be writable too.
    const bool writable =
        folder.isDir() && folder.isWritable() && (!file.exists() || file.isWritable());
    return writable ? file.filePath() : keyedSongFile(fallback_, songFolder);
}

MarkerStore::Loaded MarkerStore::parse(const QByteArray& json) {
    Loaded out;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        out.warning = parseError.errorString();
        return out;
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("version")).toInt() != kMarkerFormatVersion ||
        !root.value(QStringLiteral("markers")).isArray()) {
        out.warning = QStringLiteral("not a markers file (version %1 with a list of markers)")
                          .arg(kMarkerFormatVersion);
        return out;
    }
    const QJsonArray list = root.value(QStringLiteral("markers")).toArray();
    QStringList skipped;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (static_cast<int>(out.markers.size()) == kMaxMarkers) {
            skipped << QStringLiteral("markers after the first %1").arg(kMaxMarkers);
            break;
        }
        const QJsonObject entry = list.at(i).toObject();
        const QJsonValue seconds = entry.value(QStringLiteral("seconds"));
        const QJsonValue name = entry.value(QStringLiteral("name"));
        const double t = seconds.toDouble(-1.0);
        if (!list.at(i).isObject() || !seconds.isDouble() || !(t >= 0.0 && t <= kMaxSeconds) ||
            !(name.isString() || name.isUndefined())) {
            skipped << QStringLiteral("entry %1").arg(i + 1);
            continue;
        }
        QString text = displayLine(name.toString(), kMaxNameLength);
        if (text.isEmpty()) text = QStringLiteral("Marker %1").arg(out.markers.size() + 1);
        out.markers.push_back({text, t});
    }
    std::stable_sort(
        out.markers.begin(), out.markers.end(),
        [](const SongMarker& a, const SongMarker& b) { return a.seconds < b.seconds; });
    if (!skipped.isEmpty()) {
        out.warning =
            QStringLiteral("skipped ") + skipped.mid(0, kListed).join(QStringLiteral(", "));
        if (skipped.size() > kListed)
            out.warning += QStringLiteral(" and %1 more").arg(skipped.size() - kListed);
    }
    return out;
}

MarkerStore::Loaded MarkerStore::load(const QString& songFolder) const {
    QString path = fileFor(songFolder);
    // Markers shipped in a read-only song folder, until the user changes them.
    if (!QFileInfo::exists(path)) path = songFile(songFolder);
    QFile file(path);
    if (!file.exists()) return {};
    const QString where = QDir::toNativeSeparators(path);
    Loaded loaded;
    if (!file.open(QIODevice::ReadOnly))
        loaded.warning = file.errorString();
    else if (file.size() > kMaxFileBytes)
        loaded.warning = QStringLiteral("larger than 1 MB");
    else
        loaded = parse(file.readAll());
    if (loaded.warning.isEmpty()) return loaded;
    // The next save replaces the file: keep what it had.
    const QString copy = path + kDamagedSuffix;
    QFile::remove(copy);
    const bool kept = file.isOpen() && QFile::copy(path, copy);
    loaded.warning =
        QStringLiteral("Markers in %1 %2 (%3).%4")
            .arg(
                where,
                loaded.markers.empty() ? QStringLiteral("were ignored")
                                       : QStringLiteral("were partly ignored"),
                loaded.warning,
                kept
                    ? QStringLiteral(" The file is kept as %1.").arg(QDir::toNativeSeparators(copy))
                    : QString());
    return loaded;
}

QByteArray MarkerStore::serialize(const std::vector<SongMarker>& markers) {
    QJsonArray list;
    for (const SongMarker& m : markers)
        list.append(
            QJsonObject{{QStringLiteral("name"), m.name}, {QStringLiteral("seconds"), m.seconds}});
    const QJsonObject root{{QStringLiteral("version"), kMarkerFormatVersion},
                           {QStringLiteral("markers"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool MarkerStore::save(const QString& songFolder, const std::vector<SongMarker>& markers,
                       QString* error) const {
    return writeFileAtomically(fileFor(songFolder), serialize(markers), error);
}

}  // namespace stemdeck::app
