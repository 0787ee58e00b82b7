// Progressive loading: the song's stems decode a slice at a time in play order, and the song is
// handed over once each holds its first seconds.
#include "stemdeck/audio/loader/SongDecode.h"

#include <algorithm>
#include <limits>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "stemdeck/audio/loader/DecodePool.h"
#include "stemdeck/audio/loader/LoadMessages.h"
#include "stemdeck/audio/loader/MemoryBudget.h"
#include "stemdeck/audio/loader/Resampler.h"
#include "stemdeck/audio/loader/SongMemory.h"
#include "stemdeck/audio/loader/StemDecoder.h"
#include "stemdeck/audio/loader/StemPeaks.h"

namespace stemdeck::audio {

using namespace loader;

namespace {

constexpr std::size_t kNoStem = std::numeric_limits<std::size_t>::max();
constexpr int kWorkerNice = 5;

// Decoding may run while the song plays: below the GUI and any audio thread not scheduled as
// real-time (a nice value of the calling thread's own; Linux sets it per thread). Best effort.
void lowerThisThreadsPriority() {
#ifdef __linux__
    setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), kWorkerNice);
#endif
}

// Whether the header's length can be relied on until the end is reached: an MP3's is mpg123's
// estimate (exact only with a Xing or LAME header), and some files give none at all.
bool lengthKnown(const StemProbe& probe) {
    return probe.frames > 0 && probe.codec != StemCodec::Mpeg;
}

std::int64_t songFramesOf(std::int64_t sourceFrames, int sourceRate, int songRate) {
    const auto frames = static_cast<std::size_t>(std::max<std::int64_t>(sourceFrames, 0));
    return static_cast<std::int64_t>(
        sourceRate == songRate ? frames : Resampler::outputFrames(frames, sourceRate, songRate));
}

}  // namespace

struct SongDecode::Worker {
    StemProbe probe;
    std::size_t index = kNoStem;  // its stem in song_->stems (kNoStem: dropped at hand-over)
    std::unique_ptr<StemDecodeJob> job;
    std::int64_t firstFrames = 0;  // song frames that make its first audio
    bool wholeFirst = false;       // decoded whole before hand-over (its length is unknown)
    std::int64_t ready = 0;        // its watermark after its last slice (read while it is busy)
    bool busy = false;
    bool done = false;
    bool failed = false;
    bool afterHandOver = false;  // finished (or failed) after the song was handed over
    StemFailure failure;
    std::vector<std::string> notes;

    // Why it failed, one line for the song's errors or the report (`outcome`: what was done).
    FileIssue failureIssue(const std::filesystem::path& folder,
                           const std::string& outcome = "skipped") const {
        return {probe.file, failureMessage(failure, displayName(probe.file, folder), outcome),
                failure.memory() ? FileProblem::TooBig : FileProblem::NotAudio};
    }
    // What did not go quite as its file says, one line each, appended to `into`.
    void addWarnings(const std::filesystem::path& folder, std::vector<FileIssue>& into) const {
        const auto name = displayName(probe.file, folder);
        for (const auto& note : notes) into.push_back({probe.file, name + ": " + note});
    }
};

std::shared_ptr<SongDecode> SongDecode::start(ScannedSong scanned, const LoadOptions& options,
                                              std::shared_ptr<LoadProgress> progress) {
    std::shared_ptr<SongDecode> decode(new SongDecode());
    decode->progress_ = progress ? std::move(progress) : std::make_shared<LoadProgress>();
    auto song = std::make_shared<Song>();
    song->folder = scanned.folder;
    song->errors = std::move(scanned.errors);
    song->ignored = std::move(scanned.ignored);
    auto& probes = scanned.probes;
    if (probes.empty()) throw noStemsError(song->folder, *song);
    song->sampleRate =
        options.targetRate > 0 ? options.targetRate : StemLoader::chooseSampleRate(probes);
    const MemoryLimit limit = memoryLimitBeside(options.residentBytes, options.memoryLimitBytes);
    fitInMemory(probes, song->sampleRate, limit, *song);
    decode->budget_ = std::make_unique<MemoryBudget>(limit.bytes);

    std::int64_t totalFrames = 0;
    for (const auto& p : probes) totalFrames += expectedFrames(p);
    decode->progress_->begin(totalFrames, static_cast<int>(probes.size()));
    if (decode->progress_->cancelRequested()) throw cancelledError(song->folder);

    song->stems.resize(probes.size());
    const auto first = static_cast<std::int64_t>(kFirstAudioSeconds * song->sampleRate);
    for (std::size_t i = 0; i < probes.size(); ++i) {
        auto worker = std::make_unique<Worker>();
        worker->probe = probes[i];
        worker->index = i;
        worker->wholeFirst = !lengthKnown(probes[i]);
        worker->firstFrames = std::min(
            first, songFramesOf(expectedFrames(probes[i]), probes[i].sampleRate, song->sampleRate));
        decode->stems_.push_back(std::move(worker));
    }
    decode->song_ = std::move(song);
    decode->startWorkers(options.workers);
    return decode;
}

void SongDecode::startWorkers(unsigned workers) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned wanted = workers ? workers : cores;
    resampleThreads_ = resampleThreadsPerStem(wanted, stems_.size());
    const auto count = static_cast<unsigned>(std::min<std::size_t>(wanted, stems_.size()));
    {
        std::lock_guard lock(mutex_);  // the workers wait for threadCount_ to be final
        try {
            threads_.reserve(count);
            for (unsigned i = 0; i < count; ++i)
                threads_.emplace_back([this] {
                    lowerThisThreadsPriority();
                    runWorker();
                });
        } catch (const std::exception&) {  // the threads already running share the work
        }
        threadCount_ = threads_.size();
    }
    if (threadCount_ == 0) {  // no thread at all: decode here, whole
        threadCount_ = 1;
        runWorker();
    }
}

SongDecode::~SongDecode() {
    cancel();
    for (auto& t : threads_) t.join();
}

void SongDecode::cancel() {
    progress_->requestCancel();
    std::lock_guard lock(mutex_);
    changed_.notify_all();
}

void SongDecode::waitFirstAudio() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return firstAudio_.load() || finished_.load(); });
    if (progress_->cancelRequested() && !firstAudio_) throw cancelledError(song_->folder);
    if (song_->stems.empty()) throw noStemsError(song_->folder, *song_);
    if (!firstAudio_) throw cancelledError(song_->folder);
}

void SongDecode::wait() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return finished_.load(); });
}

std::shared_ptr<const Song> SongDecode::song() const {
    std::lock_guard lock(mutex_);
    if (!firstAudio_ || song_->stems.empty()) return nullptr;
    handedOut_ = true;
    return song_;
}

Song SongDecode::takeWholeSong() {
    wait();
    std::lock_guard lock(mutex_);
    if (progress_->cancelRequested()) throw cancelledError(song_->folder);
    if (handedOut_) throw std::logic_error("the song was handed out while it decoded");
    Song& song = *song_;
    // Nobody reads the song: the stems that failed late go (as they do when they fail early).
    std::vector<Stem> kept;
    for (auto& w : stems_) {
        if (w->index == kNoStem) continue;
        if (w->failed) {
            song.errors.push_back(w->failureIssue(song.folder));
            continue;
        }
        if (w->afterHandOver) w->addWarnings(song.folder, song.warnings);
        Stem& stem = song.stems[w->index];
        stem.sourceFrames = w->job->decodedSourceFrames();
        stem.audio.releaseSpare();  // what finished after hand-over kept its spare
        kept.push_back(std::move(stem));
    }
    song.stems = std::move(kept);
    if (song.stems.empty()) throw noStemsError(song.folder, song);
    song.frames = 0;
    for (auto& stem : song.stems) {
        song.frames = std::max(song.frames, stem.frames());
        if (stem.peaks.size() != peakBucketCount(stem.frames())) computePeaks(stem);
    }
    return std::move(song);
}

SongDecode::Watermarks SongDecode::handOverFrames() const {
    std::lock_guard lock(mutex_);
    return handOver_;
}

SongDecode::Report SongDecode::report() const {
    std::lock_guard lock(mutex_);
    Report report;
    for (const auto& w : stems_) {
        if (!w->afterHandOver || w->index == kNoStem) continue;
        if (w->failed && !w->failure.cancelled)
            report.errors.push_back(w->failureIssue(song_->folder, "it plays what was decoded"));
        w->addWarnings(song_->folder, report.warnings);
    }
    return report;
}

std::int64_t SongDecode::decodedFrames() const {
    if (!firstAudio_.load(std::memory_order_acquire)) return 0;
    std::int64_t lowest = song_->frames;
    for (const auto& stem : song_->stems)
        if (stem.audio.decoding()) lowest = std::min(lowest, stem.audio.readyFrames());
    return lowest;
}

void SongDecode::runWorker() noexcept {
    std::unique_lock lock(mutex_);
    for (;;) {
        if (progress_->cancelRequested()) break;
        Worker* w = pickLocked();
        if (!w) {
            if (std::all_of(stems_.begin(), stems_.end(), [](const auto& s) { return s->done; }))
                break;
            changed_.wait(lock);
            continue;
        }
        w->busy = true;
        ++busy_;
        Stem& stem = song_->stems[w->index];  // stems move only while no worker is busy
        const bool release = !firstAudio_;    // no reader yet: spare capacity may go
        const auto slice = static_cast<std::int64_t>(kSliceSeconds * w->probe.sampleRate);
        const int rate = song_->sampleRate;
        lock.unlock();
        bool whole = false, failed = false;
        const StemFailure failure = runGuarded(
            [&] {
                if (!w->job) {
                    w->job = std::make_unique<StemDecodeJob>(w->probe, rate, resampleThreads_,
                                                             *budget_, stem);
                    stem.peaks.assign(peakBucketCount(songFramesOf(expectedFrames(w->probe),
                                                                   w->probe.sampleRate, rate)),
                                      0.0f);
                    stem.audio.setDecoding(true);
                }
                whole = w->job->step(slice, *progress_, release);
            },
            failed);
        lock.lock();
        w->busy = false;
        --busy_;
        w->ready = stem.frames();  // stems move only while no worker is busy: still `stem`
        if (failed && failure.cancelled) break;
        if (failed || whole) finishLocked(*w, failed, failure);
        handOverIfReadyLocked();
        changed_.notify_all();
    }
    if (++exited_ == threadCount_) {
        // Whatever did not finish (a cancel) stops decoding: readers stop waiting for it.
        for (auto& s : stems_)
            if (!s->done && s->index != kNoStem && s->index < song_->stems.size())
                song_->stems[s->index].audio.setDecoding(false);
        finished_.store(true, std::memory_order_release);
        changed_.notify_all();
    }
}

SongDecode::Worker* SongDecode::pickLocked() {
    if (handOverPending_) return nullptr;
    // Play order: the stem furthest behind. Before hand-over, first audio comes first, then
    // the stems that must be whole before the song can be handed over.
    Worker* best = nullptr;
    int bestClass = 0;
    std::int64_t bestReady = 0;
    for (auto& w : stems_) {
        if (w->busy || w->done) continue;
        const std::int64_t ready = w->ready;
        int cls = 2;
        if (!firstAudio_) cls = ready < w->firstFrames ? 0 : w->wholeFirst ? 1 : 2;
        if (!best || cls < bestClass || (cls == bestClass && ready < bestReady)) {
            best = w.get();
            bestClass = cls;
            bestReady = ready;
        }
    }
    return best;
}

void SongDecode::finishLocked(Worker& w, bool failed, const StemFailure& failure) {
    w.done = true;
    w.failed = failed;
    w.failure = failure;
    w.afterHandOver = firstAudio_;
    if (w.job) w.notes = w.job->notes();
    if (w.index != kNoStem && w.job) song_->stems[w.index].audio.setDecoding(false);
    const std::int64_t share = expectedFrames(w.probe);
    const std::int64_t reported = w.job ? w.job->reportedFrames() : 0;
    if (reported < share) progress_->addFrames(share - reported);
    progress_->stemFinished();
}

void SongDecode::handOverIfReadyLocked() {
    if (firstAudio_) return;
    for (const auto& w : stems_) {
        if (!w->done && (w->wholeFirst || w->ready < w->firstFrames)) return;
    }
    if (busy_ > 0) {  // the stems move: wait until no worker writes one
        handOverPending_ = true;
        return;
    }
    handOverPending_ = false;
    Song& song = *song_;
    std::vector<Stem> kept;
    for (auto& w : stems_) {
        if (w->failed) {
            song.errors.push_back(w->failureIssue(song.folder));
            w->index = kNoStem;
            continue;
        }
        w->addWarnings(song.folder, song.warnings);
        kept.push_back(std::move(song.stems[w->index]));
        w->index = kept.size() - 1;
    }
    song.stems = std::move(kept);
    song.frames = 0;
    for (auto& w : stems_) {
        if (w->index == kNoStem) continue;
        Stem& stem = song.stems[w->index];
        w->job->retarget(stem);
        // A whole stem counts by its real length; one still decoding by its header's.
        const std::int64_t claimed =
            songFramesOf(w->probe.frames, w->probe.sampleRate, song.sampleRate);
        song.frames =
            std::max(song.frames, w->done ? stem.frames() : std::max(claimed, stem.frames()));
        if (!w->done) continue;
        stem.sourceFrames = w->job->decodedSourceFrames();
        if (stem.peaks.size() != peakBucketCount(stem.frames())) computePeaks(stem);
    }
    handOver_ = {};
    for (std::size_t i = 0; i < song.stems.size(); ++i) {
        const std::int64_t ready = song.stems[i].frames();
        handOver_.lowest = i == 0 ? ready : std::min(handOver_.lowest, ready);
        handOver_.highest = std::max(handOver_.highest, ready);
    }
    firstAudio_.store(true, std::memory_order_release);
}

}  // namespace stemdeck::audio
