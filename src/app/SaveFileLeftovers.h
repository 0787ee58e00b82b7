#pragma once

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace stemdeck::app {

// QSaveFile writes into an unnamed temporary file, links it in as FILE.XXXXXX once complete
// and renames that over FILE. A process killed between the link and the rename leaves that
// (complete, harmless) FILE.XXXXXX behind. This removes such leftovers once they are older
// than `minAgeSeconds`: a save in progress in another process never is.
inline void removeSaveFileLeftovers(const QString& file, int minAgeSeconds = 60) {
    const QFileInfo info(file);
    const QDateTime stale = QDateTime::currentDateTimeUtc().addSecs(-minAgeSeconds);
    const QString pattern = info.fileName() + QStringLiteral(".??????");
    for (const QFileInfo& leftover :
         info.dir().entryInfoList({pattern}, QDir::Files | QDir::Hidden | QDir::System))
        if (leftover.lastModified().toUTC() < stale) QFile::remove(leftover.filePath());
}

}  // namespace stemdeck::app
