#include "stemdeck/app/SongAnalysisRunner.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>

#include "stemdeck/analysis/AnalysisSource.h"
#include "stemdeck/analysis/SongAnalyzer.h"
#include "stemdeck/audio/loader/Song.h"

namespace stemdeck::app {

// What one analysis shares between the GUI thread and its worker: the worker writes the
// outcome before its future finishes, the GUI thread reads it after.
struct SongAnalysisRunner::Job {
    QString folder;
    std::shared_ptr<const audio::Song> song;
    int beatsPerBar = 4;
    bool sections = false;
    std::atomic<bool> cancel{false};
    AnalysisCache::Outcome outcome;
    QString error;  // set when it failed
};

SongAnalysisRunner::SongAnalysisRunner(AnalysisCache cache, QObject* parent)
    : QObject(parent), cache_(std::move(cache)) {
    pool_.setMaxThreadCount(1);
}

SongAnalysisRunner::~SongAnalysisRunner() {
    cancel();
    pool_.waitForDone();
}

void SongAnalysisRunner::cancel() {
    if (job_) job_->cancel = true;
    if (watcher_) watcher_->disconnect(this);
    watcher_.reset();
    job_.reset();
    running_ = false;
}

void SongAnalysisRunner::start(const QString& folder, std::shared_ptr<const audio::Song> song,
                               int beatsPerBar) {
    run(folder, std::move(song), beatsPerBar, false);
}

void SongAnalysisRunner::startSections(const QString& folder,
                                       std::shared_ptr<const audio::Song> song, int beatsPerBar) {
    run(folder, std::move(song), beatsPerBar, true);
}

void SongAnalysisRunner::run(const QString& folder, std::shared_ptr<const audio::Song> song,
                             int beatsPerBar, bool sections) {
    cancel();
    auto job = std::make_shared<Job>();
    job->folder = folder;
    job->song = std::move(song);
    job->beatsPerBar = beatsPerBar;
    job->sections = sections;
    job_ = job;
    running_ = true;
    watcher_ = std::make_unique<QFutureWatcher<void>>();
    connect(watcher_.get(), &QFutureWatcher<void>::finished, this, &SongAnalysisRunner::finished);
    const AnalysisCache cache = cache_;
    watcher_->setFuture(QtConcurrent::run(&pool_, [job, cache] {
        // Idle priority: the analysis only uses what playback and the GUI leave.
        QThread::currentThread()->setPriority(QThread::IdlePriority);
        try {
            if (job->sections) {
                // Asked for by hand, now and then: not cached (the cache holds what every song
                // gets; the segmenter is a slower extra pass).
                const analysis::AnalysisOptions options{job->beatsPerBar, true};
                job->outcome.result = analysis::SongAnalyzer::analyze(
                    analysis::AnalysisSource::fromSong(*job->song), options, &job->cancel);
            } else {
                job->outcome = cache.analyse(*job->song, job->beatsPerBar, &job->cancel);
            }
        } catch (const analysis::AnalysisCancelled&) {
            job->error = QStringLiteral("cancelled");
        } catch (const std::exception& e) {
            job->error = QString::fromUtf8(e.what());
        }
        job->song.reset();  // the song's memory goes with the next song, not with this job
    }));
}

void SongAnalysisRunner::finished() {
    const std::shared_ptr<Job> job = job_;
    watcher_.release()->deleteLater();
    job_.reset();
    running_ = false;
    if (!job || job->cancel) return;
    if (!job->error.isEmpty()) {
        emit failed(job->folder, QStringLiteral("cannot analyse the song: %1").arg(job->error));
        return;
    }
    emit analysed(job->folder, job->outcome.result, job->outcome.fromCache, job->outcome.message);
}

}  // namespace stemdeck::app
