#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "stemdeck/app/WaveformPeaks.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/SongDecode.h"
#include "stemdeck/audio/loader/StemLoader.h"

template <typename T>
class QFutureWatcher;

namespace stemdeck::app {

// Waveform peaks of a song's stems (one per stem, same order), and the song they were made of.
struct SongPeaks {
    std::shared_ptr<const audio::Song> song;
    std::shared_ptr<const std::vector<WaveformPeaks>> peaks;
};

// Loads one song at a time on a worker thread (progressive loading, issue 11): the worker
// scans the folder, starts a SongDecode and reports `finished` as soon as every stem holds its
// first audio; the decode goes on in the background, owned by whoever takes the result. The
// worker only touches what it owns (its progress and its result), so the GUI thread may start
// a new load, cancel, or destroy the loader at any moment. Waveform peaks need whole stems:
// computePeaks() makes them on the same pool once the decode has finished. GUI thread only.
class SongLoader : public QObject {
    Q_OBJECT
  public:
    struct Result {
        QString folder;
        int targetRate = 0;  // the rate asked for (0: the stems' own)
        // The song loaded at its own rate, one of the `followRates` start() was given, instead
        // of targetRate.
        bool followed = false;
        // The song, its first audio ready (SongDecode::song() is not null); it may still be
        // decoding. Null on failure.
        std::shared_ptr<audio::SongDecode> decode;
        QString error;  // why the song could not be loaded
        bool cancelled = false;
        // What kind of failure (none: something unexpected, said in `error`), and for a song
        // with no usable stem, each file's problem and the files left out on purpose.
        std::optional<audio::LoadError::Kind> errorKind;
        std::vector<audio::FileIssue> fileErrors;
        std::vector<audio::FileIssue> ignored;

        int sampleRate() const { return decode ? decode->song()->sampleRate : 0; }
    };

    explicit SongLoader(QObject* parent = nullptr);
    ~SongLoader() override;  // cancels and waits for the worker (and a peaks job)

    // Starts loading `folder` at `targetRate` (0: the stems' own rate), or at the song's own
    // rate (StemLoader::chooseSampleRate) when that is one of `followRates` (the rates the
    // output could switch to). A load already running is cancelled and its result dropped:
    // only the newest load reports `finished`.
    void start(const QString& folder, int targetRate, std::vector<int> followRates = {});
    // Asks the running load to stop; it then reports `finished` with `cancelled` set. A load
    // that has reported `finished` is no longer the loader's: its decode is stopped by its
    // owner (Engine::setSong of another song, or SongDecode::cancel).
    void cancel();
    bool busy() const { return watcher_ != nullptr; }
    const QString& folder() const { return folder_; }
    int targetRate() const { return targetRate_; }
    // 0..1 of the way to first audio (where `finished` comes), read from the worker's
    // progress counters (lock-free).
    double progress() const;
    // The most memory a song may take (LoadOptions::memoryLimitBytes; 0: what the system
    // reports as available). For loads started afterwards.
    void setMemoryLimit(std::uint64_t bytes) { memoryLimit_ = bytes; }
    // Decoding threads of a song (LoadOptions::workers; 0: one per core). For loads started
    // afterwards; tests use 1 to keep a long song decoding for a while.
    void setWorkers(unsigned workers) { workers_ = workers; }

    // Computes the waveform peaks of `song` on the pool; `peaksReady` follows. `song` must be
    // whole (its decode finished). A peaks job still running for another song is dropped.
    void computePeaks(std::shared_ptr<const audio::Song> song);

  signals:
    // On the GUI thread.
    void finished(const stemdeck::app::SongLoader::Result& result);
    // On the GUI thread: the peaks computePeaks() was asked for (not for a dropped job).
    void peaksReady(const stemdeck::app::SongPeaks& peaks);

  private:
    // What the worker shares with the GUI thread: the decode's progress (and cancel flag) and
    // the share of the song first audio is, for the progress bar (0: not known yet).
    struct Shared {
        std::shared_ptr<audio::LoadProgress> progress = std::make_shared<audio::LoadProgress>();
        std::atomic<double> firstAudioShare{0.0};
    };
    // The blocking work, on the worker: it touches nothing but its arguments.
    static Result loadNow(const QString& folder, audio::LoadOptions options,
                          const std::vector<int>& followRates, Shared& shared);

    QThreadPool pool_;
    QFutureWatcher<Result>* watcher_ = nullptr;
    std::shared_ptr<Shared> shared_;
    QFutureWatcher<SongPeaks>* peaksWatcher_ = nullptr;
    std::shared_ptr<std::atomic<bool>> peaksCancel_;
    QString folder_;
    int targetRate_ = 0;
    std::uint64_t memoryLimit_ = 0;
    unsigned workers_ = 0;
};

}  // namespace stemdeck::app
