#include "stemdeck/app/ExportJob.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentRun>
#include <chrono>
#include <filesystem>
#include <thread>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/SongDecode.h"

namespace stemdeck::app {

audio::RenderOptions exportOptions(const audio::Engine& engine, const ExportChoices& choices) {
    audio::RenderOptions options;
    options.format = choices.format;
    if (choices.tempoAndPitch) {
        options.tempo = engine.tempo();
        options.pitchCents = engine.pitchCents();
    }
    const audio::LoopBounds loop = engine.loop();
    if (choices.loopOnly && loop.end > loop.start && loop.start >= 0) {
        options.loopStart = loop.start;
        options.loopEnd = loop.end;
        options.loops = std::max(1, choices.loops);
    }
    options.click = engine.click();
    options.click.enabled = choices.click;
    // A count-in belongs to live playback; the file starts with the music.
    options.click.countInBars = 0;
    return options;
}

ExportJob::ExportJob(std::shared_ptr<const audio::Song> song, audio::MixSnapshot mix, QString file,
                     audio::RenderOptions options, QObject* parent,
                     std::shared_ptr<audio::SongDecode> decode)
    : QObject(parent),
      song_(std::move(song)),
      decode_(std::move(decode)),
      mix_(std::move(mix)),
      file_(std::move(file)),
      options_(std::move(options)) {
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = watcher_.result();
        emit finished(outcome.ok, outcome.message);
    });
}

std::unique_ptr<ExportJob> ExportJob::fromEngine(const audio::Engine& engine, const QString& file,
                                                 const ExportChoices& choices,
                                                 std::shared_ptr<audio::SongDecode> decode) {
    if (!engine.hasSong()) return nullptr;
    if (decode && decode.get() != engine.decode()) decode.reset();  // not this song's
    return std::make_unique<ExportJob>(engine.sharedSong(), engine.mix().snapshot(), file,
                                       exportOptions(engine, choices), nullptr, std::move(decode));
}

QString ExportJob::refusal(const audio::Song& song, const QString& file) {
    const auto songFile =
        audio::OfflineRenderer::songFileAt(song, std::filesystem::path(file.toStdString()));
    if (!songFile) return {};
    const QString folder = QString::fromStdString(song.folder.string());
    const QString name = QDir(folder).relativeFilePath(QString::fromStdString(songFile->string()));
    return tr("%1 is the song's own %2: exporting there would destroy it. Nothing was written; "
              "choose another file name.")
        .arg(displayPath(file), displayPath(name));
}

ExportJob::~ExportJob() {
    cancel();
    // The worker reads song_ and emits on this object: it must be done before they go.
    watcher_.disconnect(this);
    watcher_.waitForFinished();
}

void ExportJob::start() {
    if (started_) return;
    started_ = true;
    watcher_.setFuture(QtConcurrent::run([this] { return run(); }));
}

ExportJob::Wait ExportJob::waitForDecode() {
    // Finished before the job started: the song is whole (the job was made from the engine's
    // current song, whose decode nothing had stopped).
    if (!decode_ || decode_->finished()) return Wait::Whole;
    emit waitingForSong();
    // SongDecode::wait() cannot be interrupted: poll, so that a cancel stops the job at once.
    constexpr auto kPoll = std::chrono::milliseconds(20);
    while (!decode_->finished()) {
        if (cancel_.load(std::memory_order_relaxed)) return Wait::Cancelled;
        std::this_thread::sleep_for(kPoll);
    }
    // The decode stopped because another song replaced this one: it is not whole.
    return decode_->progress()->cancelRequested() ? Wait::Stopped : Wait::Whole;
}

ExportJob::Outcome ExportJob::run() {
    const QString shown = displayPath(file_);
    if (!song_) return {false, tr("There is no song to export.")};
    const Wait wait = waitForDecode();
    if (wait == Wait::Cancelled)
        return {false, tr("Export cancelled; %1 was not written.").arg(shown)};
    if (wait == Wait::Stopped)
        return {false, tr("The song stopped loading before it was complete (another song was "
                          "opened); %1 was not written.")
                           .arg(shown)};
    audio::MixControls mix(song_->stems.size());
    mix.apply(mix_);
    audio::RenderOptions options = options_;
    options.progress = [this](double fraction) {
        emit progressChanged(fraction);
        return !cancel_.load(std::memory_order_relaxed);
    };
    options.cancel = &cancel_;
    try {
        audio::OfflineRenderer::renderToFile(*song_, mix,
                                             std::filesystem::path(file_.toStdString()), options);
    } catch (const audio::RenderError& e) {
        if (cancel_.load(std::memory_order_relaxed))
            return {false, tr("Export cancelled; %1 was not written.").arg(shown)};
        return {false, tr("Could not export to %1: %2. Nothing was written; choose another "
                          "file or folder.")
                           .arg(shown, displayName(std::string(e.what())))};
    } catch (const std::exception& e) {
        return {false,
                tr("Could not export to %1: %2.").arg(shown, displayName(std::string(e.what())))};
    }
    return {true, tr("Exported the mix to %1.").arg(shown)};
}

}  // namespace stemdeck::app
