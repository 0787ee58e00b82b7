#pragma once

#include <QByteArray>
#include <QString>
#include <vector>

namespace stemdeck::app {

// A named place in a song (Verse, Chorus...), in song seconds: seconds do not change when the
// song is decoded at another rate.
struct SongMarker {
    QString name;
    double seconds = 0.0;

    bool operator==(const SongMarker&) const = default;
};

// Keeps each song's markers: markers.json in the song folder when the folder is writable (they
// travel with the song), else a file in an app folder keyed by the song's path, as MixStore
// does. Files are written atomically. A file that cannot be used is reported, never
// overwritten: it is first copied aside (kDamagedSuffix) so nothing in it is lost.
class MarkerStore {
  public:
    struct Loaded {
        std::vector<SongMarker> markers;  // sorted by time
        // What was ignored and why, naming the file; empty when everything was used.
        QString warning;
    };

    static inline const QString kFileName = QStringLiteral("markers.json");
    static inline const QString kDamagedSuffix = QStringLiteral(".damaged");
    static constexpr qint64 kMaxFileBytes = 1 << 20;
    static constexpr int kMaxMarkers = 1000;
    static constexpr qsizetype kMaxNameLength = 80;
    static constexpr double kMaxSeconds = 24.0 * 3600.0;

    // `fallbackDirectory`: where markers of read-only song folders go; empty:
    // <AppDataLocation>/markers.
    explicit MarkerStore(const QString& fallbackDirectory = {});

    // The file markers of this song are written to.
    QString fileFor(const QString& songFolder) const;
    Loaded load(const QString& songFolder) const;
    bool save(const QString& songFolder, const std::vector<SongMarker>& markers,
              QString* error = nullptr) const;

    // load() and save() without the file. parse() keeps every entry it can use (names made
    // one displayable line, empty ones "Marker N"), skips the others and says which.
    static Loaded parse(const QByteArray& json);
    static QByteArray serialize(const std::vector<SongMarker>& markers);

  private:
    QString fallback_;
};

}  // namespace stemdeck::app
