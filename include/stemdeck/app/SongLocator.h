#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace stemdeck::app {

// Turns what the user points at (a dropped folder or file, a command-line argument) into a
// song folder, and finds the bundled demo song. Any thread.
class SongLocator {
  public:
    // A folder is the song; a file means the song it belongs to: its folder, or the folder
    // above when the file sits in the song's tracks/ subfolder. Empty when `path` does not exist.
    static QString songFolderFor(const QString& path);
    // What a command-line argument names: the song of an existing path, else the argument as
    // it is, so that the loader can say clearly what is wrong with it.
    static QString songFolderForArgument(const QString& argument);
    // The song of the first local file or folder among `urls`; empty when there is none.
    static QString songFolderFromUrls(const QList<QUrl>& urls);
    // The demo song: installed beside the binary (<prefix>/share/stemdeck/demo for
    // <prefix>/bin/stemdeck), else `fallback` (the source tree's copy, compiled in). Empty
    // when neither exists.
    static QString demoSong(const QString& applicationDir, const QString& fallback);
};

}  // namespace stemdeck::app
