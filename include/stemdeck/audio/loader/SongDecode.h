#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "stemdeck/audio/loader/DecodePool.h"
#include "stemdeck/audio/loader/DecodedRanges.h"
#include "stemdeck/audio/loader/MemoryBudget.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/StemDecoder.h"
#include "stemdeck/audio/loader/StemLoader.h"

namespace stemdeck::audio {

// A song decoding in the background while it may already play (progressive loading).
//
// start() scans nothing: it takes a scanned song, chooses the rate, checks memory, builds the
// Song with one (still empty) Stem per probe and starts worker threads. The workers decode in
// play order: each takes the stem that is furthest behind and decodes one slice of it
// (kSliceSeconds of source audio), so every stem's watermark (StemAudio::readyFrames) moves
// forward together, well ahead of a playhead. The song can be handed to the engine once every
// stem holds its first kFirstAudioSeconds (firstAudioReady()); readers then play what is
// decoded and the transport waits (buffers) at a watermark of a stem that is still decoding.
//
// Song::frames is fixed at hand-over and must not change after it (readers hold it): it is the
// longest stem's length as its header says. Stems whose header cannot say (an MP3 without a
// Xing/LAME header, a streamed FLAC with no length) are decoded whole before hand-over, so
// their real length counts. A stem that fails or ends early after hand-over keeps what was
// decoded and is silent after it; it is named in report(). A cancel (another song opened, the
// decode destroyed) stops the workers within one slice.
//
// Threads: start() and the destructor on a control or loading thread (never the audio
// thread); every other method on any thread but the audio thread, unless it says otherwise.
class SongDecode {
  public:
    static constexpr double kFirstAudioSeconds = 2.0;
    static constexpr double kSliceSeconds = 2.0;
    // How often a waiting worker or waitFirstAudio() looks at a cancel made through the
    // LoadProgress alone (which wakes nobody).
    static constexpr std::chrono::milliseconds kCancelPoll{50};
    // A stem decoding this far (song seconds) short of the focus opens an island there.
    static constexpr double kJumpSeconds = 4.0;

    // What went wrong or differently after hand-over, for the front end to show once decoding
    // is over (and before it: each entry is final once added).
    struct Report {
        std::vector<FileIssue> errors;    // stems that failed part way (the rest is silent)
        std::vector<FileIssue> warnings;  // stems that loaded, not quite as their file says
    };

    // Starts decoding. Throws LoadError for what fails the song before any decoding (no stems,
    // not enough memory for any stem). `progress` may be shared with a poller; it also carries
    // the cancel request.
    static std::shared_ptr<SongDecode> start(ScannedSong scanned, const LoadOptions& options = {},
                                             std::shared_ptr<LoadProgress> progress = nullptr);
    ~SongDecode();  // cancels and joins the workers
    SongDecode(const SongDecode&) = delete;
    SongDecode& operator=(const SongDecode&) = delete;

    // Blocks until every stem holds its first audio (or is whole, or failed). Throws LoadError:
    // Cancelled when cancelled first, NoStems when every stem failed.
    void waitFirstAudio();
    bool firstAudioReady() const { return firstAudio_.load(std::memory_order_acquire); }
    // Blocks until every stem is decoded or stopped.
    void wait();
    bool finished() const { return finished_.load(std::memory_order_acquire); }
    // Asks the workers to stop (they do within one slice). Any thread but the audio one.
    void cancel();
    // Decodes from song frame `frame` on first (a seek there): each stem's first missing frame
    // from it on comes next, in an island opened there when the stem's decoding is more than
    // kJumpSeconds behind it and its file seeks exactly (StemDecodeJob::canJump); once the
    // stems hold everything from it to the end, the rest from the start. Before hand-over it
    // only takes effect at hand-over. Any thread but the audio one (it locks).
    void prioritize(std::int64_t frame);

    // The song, shared with the workers that still write its stems' audio. Only once
    // firstAudioReady(); null before. Its stems, names and Song::frames do not change after.
    std::shared_ptr<const Song> song() const;
    // The song for a blocking load (StemLoader::loadScanned): waits for the whole decode, then
    // drops the stems that failed (naming them in Song::errors), moves the report into the
    // song's errors and warnings and sets Song::frames to the longest real length. Throws
    // LoadError (Cancelled, NoStems). Only when song() was never handed out.
    Song takeWholeSong();

    // The stems' watermarks (song frames) when the song was handed over: the lowest is the
    // first audio every stem had, the highest shows how far play order let one stem run ahead.
    struct Watermarks {
        std::int64_t lowest = 0, highest = 0;
    };
    Watermarks handOverFrames() const;
    // The report so far (a copy; complete once finished()).
    Report report() const;
    // Song frames every stem holds (the lowest watermark among stems still decoding;
    // Song::frames once finished). Any thread, lock-free.
    std::int64_t decodedFrames() const;
    // Every stretch of song frames every stem holds (decodedRanges(song()): the islands a seek
    // opened too); [0, Song::frames) once finished, none before first audio. Any thread but
    // the audio one (allocates); lock-free.
    FrameRanges decodedRanges() const;
    // 0..1 of the expected source frames. Any thread, lock-free.
    double fraction() const { return progress_->fraction(); }
    const std::shared_ptr<LoadProgress>& progress() const { return progress_; }

  private:
    struct Worker;  // SongDecode.cpp: one stem's decoders and its place in play order
    // A worker's next step and its rank (lower first: `order`, then `frame`).
    struct Choice {
        int order = 0;
        std::int64_t frame = 0;
        int region = 0;            // the region whose decoder steps (-1: none)
        std::int64_t openAt = -1;  // or an island to open there
    };
    SongDecode() = default;
    void startWorkers(unsigned workers);
    void runWorker() noexcept;
    int openIsland(Worker& w, Stem& stem, std::int64_t at);
    // With mutex_ held:
    Worker* pickLocked();
    Choice chooseLocked(const Worker& w) const;
    void stepped(Worker& w, int region, loader::StemDecodeJob::Step result, bool failed,
                 const loader::StemFailure& failure);
    void finishLocked(Worker& w, bool failed, const loader::StemFailure& failure);
    void handOverIfReadyLocked();

    std::shared_ptr<Song> song_;
    std::shared_ptr<LoadProgress> progress_;
    std::unique_ptr<loader::MemoryBudget> budget_;
    std::vector<std::unique_ptr<Worker>> stems_;  // one per probe, in the song's stem order
    unsigned resampleThreads_ = 1;
    std::vector<std::thread> threads_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::size_t threadCount_ = 0, exited_ = 0;
    int busy_ = 0;                  // workers decoding a slice now
    bool handOverPending_ = false;  // ready to hand over once no worker is busy
    mutable bool handedOut_ = false;
    Watermarks handOver_;
    std::int64_t focus_ = 0;  // prioritize()'s frame
    std::atomic<bool> firstAudio_{false};
    std::atomic<bool> finished_{false};
};

}  // namespace stemdeck::audio
