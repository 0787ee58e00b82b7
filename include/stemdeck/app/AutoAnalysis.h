#pragma once

#include <QObject>
#include <QString>
#include <optional>

#include "stemdeck/analysis/AnalysisResult.h"
#include "stemdeck/app/SongAnalysisRunner.h"

namespace stemdeck::app {

class PlaybackManager;

// Every song analysed after it loads (issue 14): once the current song has decoded and its
// meta.json lacks a tempo, meter or key, SongAnalysisRunner finds them in the background (or
// takes them from the cache), and a tempo meta.json does not give becomes the click's grid
// (PlaybackManager::adoptDetectedTempo). meta.json is written only on request (writeToMeta).
// GUI thread only.
class AutoAnalysis : public QObject {
    Q_OBJECT
  public:
    AutoAnalysis(PlaybackManager& playback, AnalysisCache cache = AnalysisCache(),
                 QObject* parent = nullptr);

    // The current song's analysis, once it finished (none before, or for a song whose
    // meta.json gives tempo, meter and key).
    const std::optional<analysis::AnalysisResult>& result() const { return result_; }
    const QString& folder() const { return resultFolder_; }
    bool running() const { return runner_.running(); }

    // Writes `bpm`, `key`, the meter (`beatsPerBar`/4) and the first downbeat (seconds; not
    // when negative) into `folder`'s meta.json, keeping
    // its other fields (a new file when there is none), atomically. Refuses (false, `error`
    // one line) a meta.json that is not a JSON object, or one that is (or links to) anything
    // but a plain file; never writes anything else in the song folder. Any thread.
    static bool writeToMeta(const QString& folder, double bpm, const QString& key, int beatsPerBar,
                            double firstDownbeat, QString* error);

  signals:
    // result() changed (a new analysis, or none for a new song).
    void resultChanged();
    // One line for the status bar (a damaged cache file, an analysis that failed).
    void message(const QString& text);

  private:
    void songDecoded(const QString& folder);
    void analysed(const QString& folder, const analysis::AnalysisResult& result, bool fromCache,
                  const QString& message);

    PlaybackManager& playback_;
    SongAnalysisRunner runner_;
    std::optional<analysis::AnalysisResult> result_;
    QString resultFolder_;
};

}  // namespace stemdeck::app
