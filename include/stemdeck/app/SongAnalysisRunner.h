#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <memory>

#include "stemdeck/analysis/AnalysisResult.h"
#include "stemdeck/app/AnalysisCache.h"

namespace stemdeck::audio {
struct Song;
}

namespace stemdeck::app {

// Analyses a loaded song in the background: its cached result, else SongAnalyzer on a worker
// thread of its own at idle priority (SCHED_IDLE on Linux: it never takes the CPU from
// playback or the GUI), then cached (AnalysisCache). One song at a time: starting another
// cancels the one running, whose result is then never reported. GUI thread only.
class SongAnalysisRunner : public QObject {
    Q_OBJECT
  public:
    explicit SongAnalysisRunner(AnalysisCache cache = AnalysisCache(), QObject* parent = nullptr);
    ~SongAnalysisRunner() override;  // cancels and waits for the worker (within a second)

    // `song` whole (decoded): the worker reads it while it runs, the shared pointer keeps it.
    // `beatsPerBar` 0: the meter is found too (3 or 4, AnalysisOptions::beatsPerBar).
    void start(const QString& folder, std::shared_ptr<const audio::Song> song, int beatsPerBar);
    // The same analysis with section suggestions (AnalysisResult::sections, on bar lines),
    // never from nor into the cache; reported by analysed() with `fromCache` false.
    void startSections(const QString& folder, std::shared_ptr<const audio::Song> song,
                       int beatsPerBar);
    void cancel();
    bool running() const { return running_; }
    const AnalysisCache& cache() const { return cache_; }

  signals:
    // `message`: one line when something was off on the way (a damaged cache file), else empty.
    void analysed(const QString& folder, const stemdeck::analysis::AnalysisResult& result,
                  bool fromCache, const QString& message);
    void failed(const QString& folder, const QString& message);

  private:
    struct Job;
    void run(const QString& folder, std::shared_ptr<const audio::Song> song, int beatsPerBar,
             bool sections);
    void finished();

    AnalysisCache cache_;
    QThreadPool pool_;
    std::unique_ptr<QFutureWatcher<void>> watcher_;
    std::shared_ptr<Job> job_;
    bool running_ = false;
};

}  // namespace stemdeck::app
