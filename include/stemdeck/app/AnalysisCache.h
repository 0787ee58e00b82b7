#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <atomic>
#include <optional>

#include "stemdeck/analysis/AnalysisResult.h"

namespace stemdeck::audio {
struct Song;
}

namespace stemdeck::app {

// Analysis results (tempo, beats, downbeats, key) kept in the app's data folder,
// `analysis/<key>.json`, keyed by what the stems hold, not where they are: a song moved or
// copied keeps its analysis, a stem re-exported in place gets a new one.
//
// The key is a SHA-256 over, for each stem file in name order, its size and its first and
// last MiB (size and mtime are not content: a copy changes the mtime, a re-export with the
// same length may keep it), plus the meter the bars were found for and the analysis' version.
// Reading 2 MiB per file keeps a 10-stem song's key under a few tens of ms; a change in the
// middle of a file of more than 2 MiB that keeps its size goes unseen (stems are rendered
// whole, so a new render changes its ends too). Any thread; nothing is shared between calls.
class AnalysisCache {
  public:
    static constexpr qint64 kHashedEdgeBytes = 1 << 20;
    // Bumped when SongAnalyzer's results change: older files are then missed, not used.
    static constexpr int kVersion = 1;

    // `directory` empty: the app's data folder's analysis/.
    explicit AnalysisCache(const QString& directory = {});
    const QString& directory() const { return directory_; }

    // The key of these files' content; empty with `error` set when one cannot be read.
    static QByteArray contentKey(const QStringList& files, int beatsPerBar, QString* error);
    // The stem files of a loaded song (relative ones against its folder).
    static QStringList stemFiles(const audio::Song& song);
    QString fileFor(const QByteArray& key) const;

    // The result stored under `key`. None on a miss (`problem` left empty) and none with
    // `problem` set (one line) for a file that is there but damaged.
    std::optional<analysis::AnalysisResult> load(const QByteArray& key, QString* problem) const;
    // Stores atomically; false with `error` set (one line) when it cannot.
    bool store(const QByteArray& key, const analysis::AnalysisResult& result, QString* error) const;

    struct Outcome {
        analysis::AnalysisResult result;
        bool fromCache = false;
        QString message;  // one line when something was off (a damaged cache file); else empty
    };
    // The cached result for this song, else an analysis (AnalysisSource, SongAnalyzer), then
    // stored. Not the GUI thread (seconds of work); throws AnalysisCancelled when `cancel` is
    // set. A cache that cannot be read or written costs a new analysis, said in `message`.
    // `beatsPerBar` 0: the meter is found too (AnalysisOptions::beatsPerBar).
    Outcome analyse(const audio::Song& song, int beatsPerBar,
                    const std::atomic<bool>* cancel = nullptr) const;

  private:
    QString directory_;
};

}  // namespace stemdeck::app
