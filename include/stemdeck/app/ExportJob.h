#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/render/OfflineRenderer.h"

namespace stemdeck::audio {
class Engine;
class SongDecode;
struct Song;
}  // namespace stemdeck::audio

namespace stemdeck::app {

// What the user asked the export to include beyond the mix itself.
struct ExportChoices {
    audio::RenderSampleFormat format = audio::RenderSampleFormat::Pcm24;
    bool tempoAndPitch = false;  // the engine's current tempo ratio and transposition
    bool loopOnly = false;       // only the engine's A-B loop, `loops` times
    int loops = 1;
    bool click = false;  // the engine's click settings, switched on
};

// Render options that reproduce what the engine plays now, as far as `choices` ask. A loop
// is only used when the engine has one (Engine::loop()). GUI thread.
audio::RenderOptions exportOptions(const audio::Engine& engine, const ExportChoices& choices);

// Renders a mix of a song to a file on a worker thread (OfflineRenderer::renderToFile, the
// CLI's render path), so playback and the GUI carry on meanwhile. The job shares the song's samples
// (read-only; they live until the job is done) and keeps its own copy of the mix: loading
// another song or moving a fader during the export changes nothing in the file. A failed or
// cancelled export leaves no file behind (the renderer writes a hidden temporary file and renames
// it when complete). A song still decoding (progressive loading) is not rendered half-read:
// the job first waits on its worker for the decode to finish (waitingForSong), then renders
// the whole song; a decode stopped before its end (another song opened meanwhile) fails the
// export. Made and started on the GUI thread; cancel() from any thread.
class ExportJob : public QObject {
    Q_OBJECT
  public:
    // `decode`: the decode still writing `song`'s stems (null for a whole song).
    ExportJob(std::shared_ptr<const audio::Song> song, audio::MixSnapshot mix, QString file,
              audio::RenderOptions options, QObject* parent = nullptr,
              std::shared_ptr<audio::SongDecode> decode = nullptr);
    // The current song and mix of `engine` (the song is shared, not copied); null when it has no
    // song. `decode`: the song's decode when it may still run (the engine's, shared).
    static std::unique_ptr<ExportJob> fromEngine(
        const audio::Engine& engine, const QString& file, const ExportChoices& choices,
        std::shared_ptr<audio::SongDecode> decode = nullptr);
    ~ExportJob() override;  // cancels a running export and waits for it to stop

    // Why `file` must not be exported to, for the dialog to say before anything starts: it
    // is (or resolves to) a file of `song` (OfflineRenderer::songFileAt, the check the render
    // itself makes again before writing). Empty when it may be written. GUI thread.
    static QString refusal(const audio::Song& song, const QString& file);

    const QString& file() const { return file_; }
    // At most once.
    void start();
    // Any thread: stops within a block of audio; finished(false, ...) follows.
    void cancel() { cancel_.store(true, std::memory_order_relaxed); }
    bool running() const { return watcher_.isRunning(); }

  signals:
    // Emitted on the worker thread: connect with the default connection type, so that a
    // receiver living on the GUI thread gets it queued.
    void progressChanged(double fraction);
    // Emitted on the worker thread (queued to GUI receivers), once, before progressChanged:
    // the song is still loading and the job waits for it before rendering.
    void waitingForSong();
    // On the GUI thread. `message` says what was written, or why nothing was.
    void finished(bool ok, const QString& message);

  private:
    struct Outcome {
        bool ok = false;
        QString message;
    };
    Outcome run();

    // Waits on the worker for decode_ to finish (cancellable): Whole, or why not.
    enum class Wait { Whole, Cancelled, Stopped };
    Wait waitForDecode();

    std::shared_ptr<const audio::Song> song_;
    std::shared_ptr<audio::SongDecode> decode_;
    audio::MixSnapshot mix_;
    QString file_;
    audio::RenderOptions options_;
    std::atomic<bool> cancel_{false};
    bool started_ = false;  // a watcher without a future counts as finished: no help
    QFutureWatcher<Outcome> watcher_;
};

}  // namespace stemdeck::app
