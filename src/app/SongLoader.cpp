#include "stemdeck/app/SongLoader.h"

#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <new>

#include "stemdeck/app/DisplayText.h"

namespace stemdeck::app {

SongLoader::SongLoader(QObject* parent) : QObject(parent) {
    // A superseded load may still be winding down while the next one runs.
    pool_.setMaxThreadCount(2);
}

SongLoader::~SongLoader() {
    if (progress_) progress_->requestCancel();
    pool_.waitForDone();
}

void SongLoader::start(const QString& folder, int targetRate, std::vector<int> followRates) {
    if (progress_) progress_->requestCancel();
    auto progress = std::make_shared<audio::LoadProgress>();
    progress_ = progress;
    folder_ = folder;
    targetRate_ = targetRate;

    auto* watcher = new QFutureWatcher<Result>(this);
    watcher_ = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher != watcher_) return;  // superseded by a newer load
        watcher_ = nullptr;
        progress_.reset();
        emit finished(watcher->result());
    });
    audio::LoadOptions options;
    options.targetRate = targetRate;
    options.memoryLimitBytes = memoryLimit_;
    watcher->setFuture(QtConcurrent::run(
        &pool_, [folder, options, followRates = std::move(followRates), progress] {
            return loadNow(folder, options, followRates, *progress);
        }));
}

void SongLoader::cancel() {
    if (progress_) progress_->requestCancel();
}

double SongLoader::progress() const {
    return progress_ ? progress_->fraction() : 0.0;
}

SongLoader::Result SongLoader::loadNow(const QString& folder, audio::LoadOptions options,
                                       const std::vector<int>& followRates,
                                       audio::LoadProgress& progress) {
    Result result;
    result.folder = folder;
    result.targetRate = options.targetRate;
    try {
        auto loaded = std::make_shared<LoadedSong>();
        audio::ScannedSong scanned =
            audio::StemLoader::scan(QFile::encodeName(folder).toStdString());
        const int own = audio::StemLoader::chooseSampleRate(scanned.probes);
        if (own != options.targetRate && std::ranges::find(followRates, own) != followRates.end()) {
            options.targetRate = own;
            result.followed = true;
        }
        loaded->song = audio::StemLoader::loadScanned(std::move(scanned), options, &progress);
        for (const audio::Stem& stem : loaded->song.stems) {
            if (progress.cancelRequested())
                throw audio::LoadError(audio::LoadError::Kind::Cancelled, "loading cancelled");
            loaded->peaks.push_back(WaveformPeaks::of(stem, loaded->song.sampleRate));
        }
        result.loaded = std::move(loaded);
    } catch (const audio::LoadError& e) {
        result.cancelled = e.kind() == audio::LoadError::Kind::Cancelled;
        result.error = displayName(std::string(e.what()));
        result.errorKind = e.kind();
        result.fileErrors = e.errors();
        result.ignored = e.ignored();
    } catch (const std::bad_alloc&) {
        result.error = QStringLiteral("not enough memory to load %1").arg(displayPath(folder));
        result.errorKind = audio::LoadError::Kind::OutOfMemory;
    } catch (const std::exception& e) {
        result.error = displayName(std::string(e.what()));
    }
    return result;
}

}  // namespace stemdeck::app
