#pragma once

#include <QByteArray>
#include <QString>

namespace stemdeck::app {

// Where the lyrics stamping editor saves a song's synced lyrics (issue 14, part 2):
// lyrics.lrc in the song folder when the folder is writable (the lyrics travel with the song,
// and SongWords::load() finds them there first), else a file in an app folder keyed by the
// song's path, as MarkerStore does. The write is atomic (QSaveFile). The first time an existing
// lyrics.lrc is replaced it is kept as lyrics.lrc.bak (later saves keep that first .bak, so
// what the user had is never lost). Only lyrics.lrc and its .bak are ever written: a target
// that is not a plain file (a symlink, say, to a stem) is refused. GUI or worker thread; one
// save at a time per song.
class LyricsStore {
  public:
    static inline const QString kFileName = QStringLiteral("lyrics.lrc");
    static inline const QString kBackupSuffix = QStringLiteral(".bak");

    // `fallbackDirectory`: where lyrics of read-only song folders go; empty:
    // <AppDataLocation>/lyrics.
    explicit LyricsStore(const QString& fallbackDirectory = {});

    // The file this song's lyrics are saved to.
    QString fileFor(const QString& songFolder) const;
    // The app-folder file of this song when it exists and the song folder has no lyrics.lrc:
    // what to read in place of the folder's lyrics; empty otherwise.
    QString fallbackLyrics(const QString& songFolder) const;
    // Writes `lrc` to fileFor(); false with a one-line `error` when it cannot.
    bool save(const QString& songFolder, const QByteArray& lrc, QString* error = nullptr) const;

  private:
    QString fallbackFile(const QString& songFolder) const;

    QString fallback_;
};

}  // namespace stemdeck::app
