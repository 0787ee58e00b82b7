#include "stemdeck/app/LyricsStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "SongFiles.h"

namespace stemdeck::app {

LyricsStore::LyricsStore(const QString& fallbackDirectory)
    : fallback_(storeDirectory(fallbackDirectory, QStringLiteral("lyrics"))) {}

QString LyricsStore::fallbackFile(const QString& songFolder) const {
    // The keyed name of the other stores, with the extension of an LRC file.
    const QFileInfo keyed(keyedSongFile(fallback_, songFolder));
    return keyed.dir().filePath(keyed.completeBaseName() + QStringLiteral(".lrc"));
}

QString LyricsStore::fileFor(const QString& songFolder) const {
    const QFileInfo folder(songFolder);
    const QFileInfo file(QDir(songFolder).filePath(kFileName));
    // QSaveFile writes a temporary file beside the target: the folder must be writable too.
    const bool writable =
        folder.isDir() && folder.isWritable() && (!file.exists() || file.isWritable());
    return writable ? file.filePath() : fallbackFile(songFolder);
}

QString LyricsStore::fallbackLyrics(const QString& songFolder) const {
    if (QFileInfo::exists(QDir(songFolder).filePath(kFileName))) return {};
    const QString file = fallbackFile(songFolder);
    return QFileInfo(file).isFile() ? file : QString();
}

bool LyricsStore::save(const QString& songFolder, const QByteArray& lrc, QString* error) const {
    const QString path = fileFor(songFolder);
    const QFileInfo target(path);
    if (target.isSymLink() || (target.exists() && !target.isFile())) {
        if (error) *error = QStringLiteral("%1 is not a plain file: not overwritten").arg(path);
        return false;
    }
    const QString backup = path + kBackupSuffix;
    if (target.exists() && !QFileInfo::exists(backup) && !QFile::copy(path, backup)) {
        if (error) *error = QStringLiteral("cannot keep a copy of %1 as %2").arg(path, backup);
        return false;
    }
    return writeFileAtomically(path, lrc, error);
}

}  // namespace stemdeck::app
