#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/StemProbe.h"

namespace stemdeck::audio {

// Thrown when a whole song cannot be loaded (missing or empty folder, no readable stem,
// not enough memory, cancelled). Per-file problems are reported in Song::errors (skipped) and
// Song::warnings (loaded) instead; a song with no stem at all (NoStems) carries them here, so
// each can be shown.
class LoadError : public std::runtime_error {
  public:
    enum class Kind { FolderMissing, NotAFolder, NoStems, OutOfMemory, Cancelled, Io };
    LoadError(Kind kind, const std::string& message, std::vector<FileIssue> errors = {},
              std::vector<FileIssue> ignored = {})
        : std::runtime_error(message),
          kind_(kind),
          errors_(std::move(errors)),
          ignored_(std::move(ignored)) {}
    Kind kind() const { return kind_; }
    // Audio files that could not be loaded, and files deliberately not loaded (as Song has).
    const std::vector<FileIssue>& errors() const { return errors_; }
    const std::vector<FileIssue>& ignored() const { return ignored_; }

  private:
    Kind kind_;
    std::vector<FileIssue> errors_;
    std::vector<FileIssue> ignored_;
};

struct LoadOptions {
    int targetRate = 0;  // 0: the most common rate among the stems
    // 0: one per core. Stems decode in parallel; with fewer stems than workers, the spare
    // workers resample long stems in time segments (loader/SegmentedResampler.h).
    unsigned workers = 0;
    // The memory a song may take. 0: a share (loader::kUsableMemoryShare) of what the system
    // reports as available, the rest being left to the machine's other work.
    std::uint64_t memoryLimitBytes = 0;
    // Memory held by songs that stay loaded beside this one (a set's song playing while the
    // next is preloaded: loader::songBytes); counted against memoryLimitBytes
    // (loader::memoryLimitBeside).
    std::uint64_t residentBytes = 0;
};

// Progress of a load, shared between the loading thread, its decoding workers and a poller
// (GUI timer, CLI). Lock-free; never touched by the audio thread.
class LoadProgress {
  public:
    // Any thread.
    void requestCancel() { cancel_.store(true, std::memory_order_relaxed); }
    bool cancelRequested() const { return cancel_.load(std::memory_order_relaxed); }
    // 0..1; source frames decoded over the source frames the stems are expected to hold. Any
    // thread.
    double fraction() const {
        const auto total = total_.load(std::memory_order_relaxed);
        return total > 0 ? static_cast<double>(done_.load(std::memory_order_relaxed)) / total : 0.0;
    }
    // Holds a SongDecode where it is once its first audio is in, until released (a cancel
    // still stops it): a gate for tests that must see a song still decoding, however fast the
    // machine decodes. Any thread.
    void hold(bool held) { hold_.store(held, std::memory_order_relaxed); }
    bool held() const { return hold_.load(std::memory_order_relaxed); }
    int stemsDone() const { return stemsDone_.load(std::memory_order_relaxed); }
    int stemsTotal() const { return stemsTotal_.load(std::memory_order_relaxed); }

    // Loader side: begin() on the loading thread before the workers start; addFrames() and
    // stemFinished() on the decoding workers (loader/DecodePool.h).
    void begin(std::int64_t totalFrames, int stems) {
        done_.store(0, std::memory_order_relaxed);
        stemsDone_.store(0, std::memory_order_relaxed);
        total_.store(totalFrames, std::memory_order_relaxed);
        stemsTotal_.store(stems, std::memory_order_relaxed);
    }
    void addFrames(std::int64_t frames) { done_.fetch_add(frames, std::memory_order_relaxed); }
    void stemFinished() { stemsDone_.fetch_add(1, std::memory_order_relaxed); }

  private:
    std::atomic<bool> cancel_{false};
    std::atomic<bool> hold_{false};
    std::atomic<std::int64_t> done_{0};
    std::atomic<std::int64_t> total_{0};
    std::atomic<int> stemsDone_{0};
    std::atomic<int> stemsTotal_{0};
};

// The stems a scan of a song folder found, and the files it did not take, before decoding.
struct ScannedSong {
    std::filesystem::path folder;
    std::vector<StemProbe> probes;   // sorted by name, names unique
    std::vector<FileIssue> errors;   // audio files that cannot be loaded
    std::vector<FileIssue> ignored;  // files deliberately left out
};

// Finds the stems of a song folder and decodes them, in parallel, into memory. The load
// itself is orchestrated here; each step is a job of its own in loader/ (StemFolder: the
// folder policy and the naming; SongMemory, MemoryBudget, SystemMemory: memory; DecodePool:
// the worker threads; StemDecoder: one stem; LoadMessages: the wording).
// Every function: any thread but the audio thread (they block, allocate and read files); the
// GUI calls them on a worker (app::SongLoader), the CLI on its main thread.
class StemLoader {
  public:
    // Audio files of a song folder (the folder itself and its tracks/ subfolder), sorted by
    // stem name, each with a name no other stem has. Files that cannot be used go to `errors`
    // (unreadable, damaged, a sample rate outside limits::kMinSampleRate..kMaxSampleRate);
    // known non-audio files, a master mix and stemdeck's renders to `ignored`. Throws
    // LoadError when the folder is missing, not a folder or cannot be opened.
    // Quietly ignored: hidden files, ".stemdeck" files, documents, images, MIDI, lyrics and
    // editor peak caches, a top-level master.* / mix.* when other stems exist (the reference
    // mix), and any file whose software tag says a stemdeck render (RenderMark.h) wrote it.
    static ScannedSong scan(const std::filesystem::path& folder);
    static std::vector<StemProbe> scan(const std::filesystem::path& folder,
                                       std::vector<FileIssue>& errors,
                                       std::vector<FileIssue>& ignored);

    // Bytes needed to hold these stems decoded at `targetRate` (0: each at its own rate), as
    // they are stored (2 bytes a sample for 8- and 16-bit sources, 4 for the others;
    // loader::storageFormat): exact for uncompressed files, an estimate bounded by a realistic
    // compression ratio for the others (their headers may lie; decoding then takes what the
    // audio really needs).
    static std::uint64_t bytesNeeded(const std::vector<StemProbe>& probes, int targetRate);

    // Scans, checks memory, decodes and resamples. Throws LoadError for song-level failures.
    static Song load(const std::filesystem::path& folder, const LoadOptions& options = {},
                     LoadProgress* progress = nullptr);
    // The same for a song already scanned. A stem that needs more memory than the song may
    // take is skipped (named in Song::errors); the song fails only when none fits. Decoding
    // reads every file to its real end, whatever its header says, with buffers that grow as
    // the audio arrives; a file that outgrows the memory left is skipped.
    static Song loadScanned(ScannedSong scanned, const LoadOptions& options = {},
                            LoadProgress* progress = nullptr);

    // The rate a song plays at when LoadOptions::targetRate is 0: the most common rate among
    // the stems, the highest of them on a tie. 0 for no stems.
    static int chooseSampleRate(const std::vector<StemProbe>& probes);
    // Stem order: case-insensitive, digit runs compared as numbers ("track2" < "track10").
    static bool naturalLess(const std::string& a, const std::string& b);
    // Memory the system can give without swapping: MemAvailable (or free pages when there is
    // no /proc), capped by the cgroup limit when running in a container. A song takes at most
    // loader::kUsableMemoryShare of it.
    static std::uint64_t availableMemoryBytes();
};

}  // namespace stemdeck::audio
