#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "stemdeck/app/WaveformPeaks.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/StemLoader.h"

template <typename T>
class QFutureWatcher;

namespace stemdeck::app {

// A decoded song and the waveform peaks of its stems, both made on a worker thread.
struct LoadedSong {
    audio::Song song;
    std::vector<WaveformPeaks> peaks;  // one per stem, same order
};

// Loads one song at a time on a worker thread: StemLoader::load, then the waveform peaks.
// The worker only touches what it owns (its progress and its result), so the GUI thread may
// start a new load, cancel, or destroy the loader at any moment. GUI thread only.
class SongLoader : public QObject {
    Q_OBJECT
  public:
    struct Result {
        QString folder;
        int targetRate = 0;  // the rate asked for (0: the stems' own)
        // The song loaded at its own rate, one of the `followRates` start() was given, instead
        // of targetRate.
        bool followed = false;
        std::shared_ptr<LoadedSong> loaded;  // null on failure
        QString error;                       // why the song could not be loaded
        bool cancelled = false;
        // What kind of failure (none: something unexpected, said in `error`), and for a song
        // with no usable stem, each file's problem and the files left out on purpose.
        std::optional<audio::LoadError::Kind> errorKind;
        std::vector<audio::FileIssue> fileErrors;
        std::vector<audio::FileIssue> ignored;
    };

    explicit SongLoader(QObject* parent = nullptr);
    ~SongLoader() override;  // cancels and waits for the worker

    // Starts loading `folder` at `targetRate` (0: the stems' own rate), or at the song's own
    // rate (StemLoader::chooseSampleRate) when that is one of `followRates` (the rates the
    // output could switch to). A load already running is cancelled and its result dropped:
    // only the newest load reports `finished`.
    void start(const QString& folder, int targetRate, std::vector<int> followRates = {});
    // Asks the running load to stop; it then reports `finished` with `cancelled` set.
    void cancel();
    bool busy() const { return watcher_ != nullptr; }
    const QString& folder() const { return folder_; }
    int targetRate() const { return targetRate_; }
    // 0..1, read from the worker's progress counters (lock-free).
    double progress() const;
    // The most memory a song may take (LoadOptions::memoryLimitBytes; 0: what the system
    // reports as available). For loads started afterwards.
    void setMemoryLimit(std::uint64_t bytes) { memoryLimit_ = bytes; }

  signals:
    void finished(const stemdeck::app::SongLoader::Result& result);

  private:
    // The blocking work, on the worker: it touches nothing but its arguments.
    static Result loadNow(const QString& folder, audio::LoadOptions options,
                          const std::vector<int>& followRates, audio::LoadProgress& progress);

    QThreadPool pool_;
    QFutureWatcher<Result>* watcher_ = nullptr;
    std::shared_ptr<audio::LoadProgress> progress_;
    QString folder_;
    int targetRate_ = 0;
    std::uint64_t memoryLimit_ = 0;
};

}  // namespace stemdeck::app
