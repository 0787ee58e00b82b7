// Progressive loading: the song's stems decode a slice at a time in play order, and the song is
// handed over once each holds its first seconds.
#include "stemdeck/audio/loader/SongDecode.h"

#include <algorithm>
#include <array>
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
    static constexpr int kRegions = 1 + StemAudio::kMaxIslands;
    StemProbe probe;
    std::size_t index = kNoStem;  // its stem in song_->stems (kNoStem: dropped at hand-over)
    // Its decoders by StemAudio region: 0 the front (from frame 0), then the islands seeks
    // opened. Kept until the stem is done (their notes count); `over` once a region's decoder
    // stopped (the end reached, joined to the next region, or failed).
    std::array<std::unique_ptr<StemDecodeJob>, kRegions> jobs;
    std::array<bool, kRegions> over{};
    int ended = 0;          // the region whose decoder reached the end of the file
    bool canJump = false;   // islands may be opened (StemDecodeJob::canJump)
    std::int64_t unit = 1;  // islands start on multiples of it
    // The next step (pickLocked): a region's decoder, or an island to open at openAt (>= 0).
    int region = StemAudio::kFront;
    std::int64_t openAt = -1;
    std::int64_t firstFrames = 0;  // song frames that make its first audio
    bool wholeFirst = false;       // decoded whole before hand-over (its length is unknown)
    std::int64_t ready = 0;        // its watermark after its last slice (read while it is busy)
    bool busy = false;
    bool done = false;
    bool failed = false;
    bool afterHandOver = false;  // finished (or failed) after the song was handed over
    StemFailure failure;
    std::vector<std::string> notes;

    StemDecodeJob* front() const { return jobs[0].get(); }
    // The decoder that knows the stem's length (the one that reached the end), else the front.
    StemDecodeJob* tail() const {
        return jobs[static_cast<std::size_t>(ended)] ? jobs[static_cast<std::size_t>(ended)].get()
                                                     : front();
    }
    bool decodersLeft() const {
        for (int r = 0; r < kRegions; ++r)
            if (jobs[static_cast<std::size_t>(r)] && !over[static_cast<std::size_t>(r)])
                return true;
        return false;
    }

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
        worker->canJump =
            !worker->wholeFirst && StemDecodeJob::canJump(probes[i], song->sampleRate);
        worker->unit = StemDecodeJob::islandUnit(probes[i], song->sampleRate);
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
    // A cancel through the LoadProgress alone (the loader's) sets a flag and wakes nobody:
    // look at it every kCancelPoll as well.
    while (!changed_.wait_for(lock, kCancelPoll, [this] {
        return firstAudio_.load() || finished_.load() || progress_->cancelRequested();
    })) {
    }
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
        stem.sourceFrames = w->tail()->decodedSourceFrames();
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

void SongDecode::prioritize(std::int64_t frame) {
    std::lock_guard lock(mutex_);
    focus_ = std::max<std::int64_t>(frame, 0);
    changed_.notify_all();
}

std::int64_t SongDecode::decodedFrames() const {
    if (!firstAudio_.load(std::memory_order_acquire)) return 0;
    std::int64_t lowest = song_->frames;
    for (const auto& stem : song_->stems)
        if (stem.audio.decoding()) lowest = std::min(lowest, stem.audio.readyFrames());
    return lowest;
}

FrameRanges SongDecode::decodedRanges() const {
    if (!firstAudio_.load(std::memory_order_acquire)) return {};
    return audio::decodedRanges(*song_);  // once finished no stem decodes: all of it
}

void SongDecode::runWorker() noexcept {
    std::unique_lock lock(mutex_);
    for (;;) {
        if (progress_->cancelRequested()) break;
        if (firstAudio_ && progress_->held()) {  // a test's gate (LoadProgress::hold)
            changed_.wait_for(lock, kCancelPoll);
            continue;
        }
        Worker* w = pickLocked();
        if (!w) {
            if (std::all_of(stems_.begin(), stems_.end(), [](const auto& s) { return s->done; }))
                break;
            // Parked until another worker moves on; a cancel through the LoadProgress alone
            // wakes nobody, so it is looked at every kCancelPoll too.
            changed_.wait_for(lock, kCancelPoll);
            continue;
        }
        w->busy = true;
        ++busy_;
        Stem& stem = song_->stems[w->index];  // stems move only while no worker is busy
        const bool release = !firstAudio_;    // no reader yet: spare capacity may go
        const auto slice = static_cast<std::int64_t>(kSliceSeconds * w->probe.sampleRate);
        const int rate = song_->sampleRate;
        int region = w->region;
        const std::int64_t openAt = w->openAt;
        lock.unlock();
        if (openAt >= 0) region = openIsland(*w, stem, openAt);
        auto result = StemDecodeJob::Step::More;
        bool failed = false;
        const StemFailure failure = runGuarded(
            [&] {
                if (region < 0) return;  // no island after all: the next pick decides
                if (!w->front()) {
                    w->jobs[0] = std::make_unique<StemDecodeJob>(w->probe, rate, resampleThreads_,
                                                                 *budget_, stem);
                    stem.peaks.assign(peakBucketCount(songFramesOf(expectedFrames(w->probe),
                                                                   w->probe.sampleRate, rate)),
                                      0.0f);
                    stem.audio.setDecoding(true);
                }
                result =
                    w->jobs[static_cast<std::size_t>(region)]->step(slice, *progress_, release);
            },
            failed);
        lock.lock();
        w->busy = false;
        --busy_;
        w->ready = stem.frames();  // stems move only while no worker is busy: still `stem`
        if (failed && failure.cancelled) break;
        if (region >= 0) stepped(*w, region, result, failed, failure);
        handOverIfReadyLocked();
        changed_.notify_all();
    }
    // A worker that stops (a cancel) wakes the parked ones: they stop too, and the last one
    // to go says the decode is finished.
    changed_.notify_all();
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
    // the stems that must be whole before the song can be handed over; after it, what follows
    // the focus (a seek target) comes first (Choice).
    Worker* best = nullptr;
    Choice bestChoice;
    for (auto& w : stems_) {
        if (w->busy || w->done) continue;
        Choice c;
        if (!firstAudio_) {
            c.order = !w->front() || w->ready < w->firstFrames ? 0 : w->wholeFirst ? 1 : 2;
            c.frame = w->ready;
        } else {
            c = chooseLocked(*w);
            if (c.region < 0 && c.openAt < 0) continue;
        }
        if (!best || c.order < bestChoice.order ||
            (c.order == bestChoice.order && c.frame < bestChoice.frame)) {
            best = w.get();
            bestChoice = c;
        }
    }
    if (best) {
        best->region = bestChoice.region;
        best->openAt = bestChoice.openAt;
    }
    return best;
}

// What a stem decodes next once the song plays: the first frame it lacks from the focus on,
// by the decoder of the region that reaches it, or by a new island there when that region's
// writer is far behind (StemAudio regions). Once everything from the focus to the end is
// there, the holes before it, from frame 0. Called with mutex_ held, the stem not busy.
SongDecode::Choice SongDecode::chooseLocked(const Worker& w) const {
    const StemAudio& audio = song_->stems[w.index].audio;
    Choice c;
    c.region = -1;
    c.frame = std::max(audio.readyFrom(focus_), focus_);
    if (c.frame >= song_->frames) {
        c.order = 1;
        c.frame = audio.readyFrames();
    }
    int owner = StemAudio::kFront;  // the region with the last start at or before the frame
    for (int r = 1; r <= audio.islandCount(); ++r)
        if (audio.regionStart(r) <= c.frame && audio.regionStart(r) > audio.regionStart(owner))
            owner = r;
    const auto o = static_cast<std::size_t>(owner);
    if (!w.jobs[o] || w.over[o]) {
        // That region's decoder stopped (a failure): finish what the others still decode.
        for (int r = 0; r < Worker::kRegions; ++r)
            if (w.jobs[static_cast<std::size_t>(r)] && !w.over[static_cast<std::size_t>(r)])
                return {2, audio.writtenFrames(r), r, -1};
        if (!w.front() && owner == StemAudio::kFront) c.region = owner;  // not started yet
        return c;
    }
    const std::int64_t behind = c.frame - audio.writtenFrames(owner);
    const auto jump = static_cast<std::int64_t>(kJumpSeconds * song_->sampleRate);
    if (c.order == 0 && w.canJump && behind > jump &&
        audio.islandCount() < StemAudio::kMaxIslands) {
        c.openAt = c.frame / w.unit * w.unit;
        return c;
    }
    c.region = owner;
    return c;
}

// Opens an island at `at` for a worker that holds its stem (busy, unlocked): the region, or -1
// when it cannot be (the file would not seek: that stem decodes in play order from now on).
int SongDecode::openIsland(Worker& w, Stem& stem, std::int64_t at) {
    bool failed = false;
    std::unique_ptr<StemDecodeJob> island;
    runGuarded(
        [&] {
            island = std::make_unique<StemDecodeJob>(w.probe, song_->sampleRate, resampleThreads_,
                                                     *budget_, stem, at);
        },
        failed);
    if (failed || !island->openIsland()) {
        std::lock_guard lock(mutex_);
        w.canJump = false;
        return -1;
    }
    const int region = stem.audio.islandCount();  // the island just opened
    w.jobs[static_cast<std::size_t>(region)] = std::move(island);
    return region;
}

// After a step of `region`'s decoder (mutex_ held): a decoder that reached the end, the next
// region or a failure stops; the stem is done once none is left.
void SongDecode::stepped(Worker& w, int region, StemDecodeJob::Step result, bool failed,
                         const StemFailure& failure) {
    const auto r = static_cast<std::size_t>(region);
    if (failed) {
        if (!w.failed) w.failure = failure;  // the first failure is the one to tell
        w.failed = true;
        w.over[r] = true;
    } else if (result == StemDecodeJob::Step::Whole) {
        w.over[r] = true;
        w.ended = region;
    } else if (result == StemDecodeJob::Step::Joined) {
        w.over[r] = true;
    }
    if (!w.decodersLeft()) finishLocked(w, w.failed, w.failure);
}

void SongDecode::finishLocked(Worker& w, bool failed, const StemFailure& failure) {
    w.done = true;
    w.failed = failed;
    w.failure = failure;
    w.afterHandOver = firstAudio_;
    if (StemDecodeJob* tail = w.tail()) {
        for (const auto& job : w.jobs)
            if (job && job.get() != tail) tail->carry(*job);
        w.notes = tail->notes();
    }
    if (w.index != kNoStem && w.front()) song_->stems[w.index].audio.setDecoding(false);
    const std::int64_t share = expectedFrames(w.probe);
    const std::int64_t reported = w.front() ? w.front()->reportedFrames() : 0;
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
        for (auto& job : w->jobs)
            if (job) job->retarget(stem);
        // A whole stem counts by its real length; one still decoding by its header's.
        const std::int64_t claimed =
            songFramesOf(w->probe.frames, w->probe.sampleRate, song.sampleRate);
        song.frames =
            std::max(song.frames, w->done ? stem.frames() : std::max(claimed, stem.frames()));
        if (!w->done) continue;
        stem.sourceFrames = w->tail()->decodedSourceFrames();
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
