#include "stemdeck/app/SongLoader.h"

#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <new>

#include "stemdeck/app/DisplayText.h"

namespace stemdeck::app {

namespace {

// The share of the song's source frames that first audio is: each stem's first
// SongDecode::kFirstAudioSeconds of the longest stem's length (an estimate: stems whose
// header gives no length decode whole first, and the bar is clamped at its end).
double firstAudioShare(const std::vector<audio::StemProbe>& probes) {
    double longest = 0.0;
    for (const audio::StemProbe& p : probes)
        if (p.sampleRate > 0 && p.frames > 0)
            longest = std::max(longest, static_cast<double>(p.frames) / p.sampleRate);
    if (longest <= 0.0) return 1.0;
    return std::clamp(audio::SongDecode::kFirstAudioSeconds / longest, 0.01, 1.0);
}

}  // namespace

SongLoader::SongLoader(QObject* parent) : QObject(parent) {
    // A superseded load may still be winding down while the next one runs (and a peaks job
    // beside them).
    pool_.setMaxThreadCount(3);
}

SongLoader::~SongLoader() {
    if (shared_) shared_->progress->requestCancel();
    if (peaksCancel_) peaksCancel_->store(true);
    pool_.waitForDone();
}

void SongLoader::start(const QString& folder, int targetRate, std::vector<int> followRates) {
    if (shared_) shared_->progress->requestCancel();
    auto shared = std::make_shared<Shared>();
    shared_ = shared;
    folder_ = folder;
    targetRate_ = targetRate;

    auto* watcher = new QFutureWatcher<Result>(this);
    watcher_ = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        // Superseded by a newer load: its decode (if it got that far) goes with the watcher.
        if (watcher != watcher_) return;
        watcher_ = nullptr;
        shared_.reset();
        emit finished(watcher->result());
    });
    audio::LoadOptions options;
    options.targetRate = targetRate;
    options.memoryLimitBytes = memoryLimit_;
    options.workers = workers_;
    watcher->setFuture(
        QtConcurrent::run(&pool_, [folder, options, followRates = std::move(followRates), shared] {
            return loadNow(folder, options, followRates, *shared);
        }));
}

void SongLoader::cancel() {
    if (shared_) shared_->progress->requestCancel();
}

double SongLoader::progress() const {
    if (!shared_) return 0.0;
    const double share = shared_->firstAudioShare.load(std::memory_order_relaxed);
    if (share <= 0.0) return 0.0;
    return std::min(1.0, shared_->progress->fraction() / share);
}

SongLoader::Result SongLoader::loadNow(const QString& folder, audio::LoadOptions options,
                                       const std::vector<int>& followRates, Shared& shared) {
    Result result;
    result.folder = folder;
    result.targetRate = options.targetRate;
    try {
        audio::ScannedSong scanned =
            audio::StemLoader::scan(QFile::encodeName(folder).toStdString());
        const int own = audio::StemLoader::chooseSampleRate(scanned.probes);
        if (own != options.targetRate && std::ranges::find(followRates, own) != followRates.end()) {
            options.targetRate = own;
            result.followed = true;
        }
        shared.firstAudioShare.store(firstAudioShare(scanned.probes), std::memory_order_relaxed);
        auto decode = audio::SongDecode::start(std::move(scanned), options, shared.progress);
        // Throws Cancelled when start() is called again, cancel() or the loader goes.
        decode->waitFirstAudio();
        result.decode = std::move(decode);
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

void SongLoader::computePeaks(std::shared_ptr<const audio::Song> song) {
    if (peaksCancel_) peaksCancel_->store(true);  // a job for an earlier song is dropped
    if (!song) return;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    peaksCancel_ = cancel;
    auto* watcher = new QFutureWatcher<SongPeaks>(this);
    peaksWatcher_ = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher != peaksWatcher_) return;
        peaksWatcher_ = nullptr;
        peaksCancel_.reset();
        const SongPeaks result = watcher->result();
        if (result.peaks) emit peaksReady(result);
    });
    watcher->setFuture(QtConcurrent::run(&pool_, [song = std::move(song), cancel] {
        // The song's samples no longer change (its decode finished); the song is shared, so
        // it stays while this runs even if another song replaces it.
        SongPeaks result{song, nullptr};
        auto peaks = std::make_shared<std::vector<WaveformPeaks>>();
        for (const audio::Stem& stem : song->stems) {
            if (cancel->load()) return result;
            peaks->push_back(WaveformPeaks::of(stem, song->sampleRate));
        }
        result.peaks = std::move(peaks);
        return result;
    }));
}

}  // namespace stemdeck::app
