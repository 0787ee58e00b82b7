#include "stemdeck/app/SongLocator.h"

#include <QDir>
#include <QFileInfo>

namespace stemdeck::app {

QString SongLocator::songFolderFor(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists()) return {};
    if (info.isDir()) return QDir::cleanPath(info.absoluteFilePath());
    QDir folder = info.absoluteDir();
    if (folder.dirName().compare(QLatin1String("tracks"), Qt::CaseInsensitive) == 0) folder.cdUp();
    return QDir::cleanPath(folder.absolutePath());
}

QString SongLocator::songFolderForArgument(const QString& argument) {
    const QString folder = songFolderFor(argument);
    return folder.isEmpty() ? argument : folder;
}

QString SongLocator::songFolderFromUrls(const QList<QUrl>& urls) {
    for (const QUrl& url : urls) {
        if (!url.isLocalFile()) continue;
        const QString folder = songFolderFor(url.toLocalFile());
        if (!folder.isEmpty()) return folder;
    }
    return {};
}

QString SongLocator::demoSong(const QString& applicationDir, const QString& fallback) {
    const QString installed =
        QDir::cleanPath(applicationDir + QStringLiteral("/../share/stemdeck/demo"));
    if (QFileInfo(installed).isDir()) return installed;
    if (!fallback.isEmpty() && QFileInfo(fallback).isDir()) return QDir::cleanPath(fallback);
    return {};
}

}  // namespace stemdeck::app
