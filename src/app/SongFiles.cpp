#include "SongFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include "SaveFileLeftovers.h"

namespace stemdeck::app {

QString canonicalFolder(const QString& folder) {
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(QFileInfo(folder).absoluteFilePath()) : canonical;
}

QString keyedSongFile(const QString& directory, const QString& songFolder) {
    const QByteArray hash =
        QCryptographicHash::hash(canonicalFolder(songFolder).toUtf8(), QCryptographicHash::Sha1);
    return directory + QLatin1Char('/') + QString::fromLatin1(hash.toHex()) +
           QStringLiteral(".json");
}

bool writeFileAtomically(const QString& path, const QByteArray& data, QString* error) {
    const auto fail = [&](const QString& why) {
        if (error) *error = why;
        return false;
    };
    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory))
        return fail(QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(directory)));
    // QSaveFile writes a temporary file and renames it over the old one on commit
    // (tests/app/AtomicWriteTest).
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(file.errorString());
    // A short write is no error to Qt (a file size limit, a full disk part-way): committing
    // then would put a cut-off file in place of the old one (tests/app/SetFileTest).
    if (file.write(data) != data.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return fail(why.isEmpty() ? QStringLiteral("written only in part") : why);
    }
    if (!file.commit()) return fail(file.errorString());
    removeSaveFileLeftovers(file.fileName());
    return true;
}

QString storeDirectory(const QString& directory, const QString& name) {
    if (!directory.isEmpty()) return directory;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/' + name;
}

}  // namespace stemdeck::app
