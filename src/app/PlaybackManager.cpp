#include "stemdeck/app/PlaybackManager.h"

#include <QDebug>
#include <QFile>
#include <QStringList>
#include <algorithm>

#include "stemdeck/app/MixStore.h"

namespace stemdeck::app {

namespace {

QString describe(const audio::OutputConfig& c) {
    QString what = c.device.empty() ? QStringLiteral("the default audio device")
                                    : QStringLiteral("'%1'").arg(QString::fromStdString(c.device));
    if (c.sampleRate > 0) what += QStringLiteral(" at %1 Hz").arg(c.sampleRate);
    return what;
}

}  // namespace

PlaybackManager::PlaybackManager(audio::Engine& engine, MixStore* mixes, QObject* parent)
    : QObject(parent), engine_(engine), mixes_(mixes) {
    qRegisterMetaType<audio::PlayState>();
    connect(&loader_, &SongLoader::finished, this, &PlaybackManager::onLoadFinished);
    connect(&timer_, &QTimer::timeout, this, &PlaybackManager::poll);
    timer_.start(kPollIntervalMs);
    handoverTimer_.setInterval(kHandoverPollMs);
    connect(&handoverTimer_, &QTimer::timeout, this, &PlaybackManager::waitForSilence);
}

PlaybackManager::~PlaybackManager() {
    saveMix();
}

// ---- output ----------------------------------------------------------------------------

void PlaybackManager::openOutput(const audio::OutputConfig& config) {
    const int rate = predictedRate(config);
    if (engine_.hasSong() && rate > 0 && rate != engine_.song()->sampleRate) {
        // Engine::openOutput would decode the song again on this thread; do it on the
        // worker and switch once it is ready, while the current output keeps playing.
        pendingOutput_ = config;
        // A new song on its way is restarted at the new rate; else the current one reloads.
        const bool newSongLoading = isLoading() && !reloading_;
        startLoad(newSongLoading ? loader_.folder() : songFolder_, rate, !newSongLoading);
        return;
    }
    if (isLoading() && loader_.targetRate() != rate) {
        // The song being loaded would arrive at the old rate: switch when it is ready.
        pendingOutput_ = config;
        startLoad(loader_.folder(), rate, reloading_);
        return;
    }
    openOutputNow(config);
}

void PlaybackManager::openOutputNow(const audio::OutputConfig& config) {
    const bool wasPlaying = engine_.state() == audio::PlayState::Playing;
    std::vector<audio::OutputConfig> attempts{config};
    if (config.sampleRate > 0) attempts.push_back({config.device, 0, config.framesPerBuffer});
    if (!config.device.empty()) attempts.push_back({{}, 0, config.framesPerBuffer});

    QStringList failures;
    bool opened = false;
    for (const audio::OutputConfig& attempt : attempts) {
        try {
            engine_.openOutput(attempt);
            opened = true;
            break;
        } catch (const audio::AudioDeviceError& e) {
            failures << QString::fromStdString(e.what());
        } catch (const audio::LoadError& e) {
            // The device opened at a rate the song could not be decoded at: do not play the
            // song at the wrong speed.
            engine_.closeOutput();
            failures << QString::fromStdString(e.what());
            break;
        }
    }
    if (opened && failures.isEmpty()) {
        outputProblem_.clear();
    } else if (opened) {
        outputProblem_ = QStringLiteral("Could not use %1 (%2). Playing on %3 instead.")
                             .arg(describe(config), failures.join(QStringLiteral("; ")),
                                  QString::fromStdString(engine_.output().deviceName()));
    } else {
        outputProblem_ = QStringLiteral("No audio output: %1. Choose a device in Settings.")
                             .arg(failures.join(QStringLiteral("; ")));
    }
    if (opened && wasPlaying) play();
    if (!outputProblem_.isEmpty()) emit errorOccurred(outputProblem_);
    emit outputChanged();
    publishTransport();
}

int PlaybackManager::predictedRate(const audio::OutputConfig& config) const {
    if (config.sampleRate > 0) return config.sampleRate;
    // The device's default rate, found the way PortAudioOutput finds the device. If this
    // guess is wrong, Engine::openOutput still decodes the song at the right rate.
    const auto devices = audio::PortAudioOutput::devices();
    const QString wanted = QString::fromStdString(config.device);
    const audio::OutputDevice* match = nullptr;
    for (const auto& d : devices) {
        const bool named =
            wanted.compare(QString::fromStdString(d.label()), Qt::CaseInsensitive) == 0 ||
            wanted.compare(QString::fromStdString(d.name), Qt::CaseInsensitive) == 0;
        if (wanted.isEmpty() ? d.isDefault : named) {
            match = &d;
            break;
        }
    }
    if (!match && wanted.isEmpty() && !devices.empty()) match = &devices.front();
    return match ? static_cast<int>(match->defaultSampleRate) : 0;
}

QString PlaybackManager::outputDescription() const {
    const audio::PortAudioOutput& out = engine_.output();
    if (!out.isOpen()) return QStringLiteral("No audio output");
    const double ms = 1000.0 * out.framesPerBuffer() / out.sampleRate();
    return QStringLiteral("%1, %2 Hz, %3 frames (%4 ms)")
        .arg(QString::fromStdString(out.deviceName()))
        .arg(out.sampleRate())
        .arg(out.framesPerBuffer())
        .arg(ms, 0, 'f', 1);
}

void PlaybackManager::setLatencyMonitorEnabled(bool on) {
    // Figures from an earlier session would mix with the new ones: start them over.
    if (on && !engine_.latencyMonitorEnabled()) engine_.resetLatencyStats();
    engine_.setLatencyMonitorEnabled(on);
    emit latencyMonitorChanged(on);
}

// ---- songs -----------------------------------------------------------------------------

void PlaybackManager::openSong(const QString& folder) {
    // A song loads at the rate the output runs at (or the one it is about to run at).
    const int rate = pendingOutput_ ? predictedRate(*pendingOutput_) : engine_.sampleRate();
    startLoad(folder, rate, false);
}

void PlaybackManager::startLoad(const QString& folder, int targetRate, bool reload) {
    reloading_ = reload;
    loader_.start(folder, targetRate);
    emit loadStarted(folder);
    emit loadProgress(0.0);
}

void PlaybackManager::cancelLoad() {
    loader_.cancel();
}

void PlaybackManager::onLoadFinished(const SongLoader::Result& result) {
    const bool reload = reloading_;
    reloading_ = false;
    if (!result.loaded) {
        if (pendingOutput_) {
            pendingOutput_.reset();
            emit errorOccurred(
                QStringLiteral("The audio output was not changed: the song could not be "
                               "prepared at the new sample rate (%1).")
                    .arg(result.error));
        }
        if (result.cancelled)
            emit loadCancelled(result.folder);
        else
            emit loadFailed(result.folder, result.error);
        return;
    }
    if (!pendingOutput_ && engine_.outputOpen() &&
        result.loaded->song.sampleRate != engine_.sampleRate()) {
        // The output changed rate while this song was loading.
        startLoad(result.folder, engine_.sampleRate(), reload);
        return;
    }
    // Taken now, before a fade-out changes the play state.
    handover_ = Handover{result, reload, engine_.mix().snapshot(), engine_.positionSeconds(),
                         engine_.state() == audio::PlayState::Playing};
    if (!handover_->wasPlaying) {
        adoptLoadedSong();
        return;
    }
    // Replacing the song stops the stream: fade out first so the switch does not click.
    engine_.pause();
    publishTransport();
    handoverPolls_ = 0;
    handoverTimer_.start();
}

void PlaybackManager::waitForSilence() {
    if (!engine_.transport().silent() && ++handoverPolls_ < kHandoverMaxPolls) return;
    handoverTimer_.stop();
    adoptLoadedSong();
}

void PlaybackManager::adoptLoadedSong() {
    if (!handover_) return;
    const Handover h = std::move(*handover_);
    handover_.reset();
    if (!h.reload) saveMix();

    if (pendingOutput_) engine_.closeOutput();  // so the engine takes a song at the new rate
    engine_.setSong(std::move(h.result.loaded->song));
    peaks_ = std::make_shared<const std::vector<WaveformPeaks>>(std::move(h.result.loaded->peaks));
    songFolder_ = h.result.folder;
    if (h.reload) {
        engine_.mix().apply(h.mix);
        savedMix_ = engine_.mix().snapshot();
    } else {
        restoreMix();
    }
    if (pendingOutput_) {
        const audio::OutputConfig config = *pendingOutput_;
        pendingOutput_.reset();
        openOutputNow(config);
    }
    if (h.reload) {
        engine_.seekSeconds(h.position);
        if (h.wasPlaying) play();
    }
    lastPosition_ = -1.0;
    // Duration first: whoever reacts to songLoaded may already seek.
    emit durationChanged(duration());
    emit songLoaded(songFolder_);
    publishTransport();
}

std::vector<std::string> PlaybackManager::stemNames() const {
    std::vector<std::string> names;
    if (const audio::Song* song = engine_.song())
        for (const audio::Stem& stem : song->stems) names.push_back(stem.name);
    return names;
}

void PlaybackManager::restoreMix() {
    mixWarning_.clear();
    if (mixes_) {
        const MixStore::Loaded stored = mixes_->load(songFolder_, stemNames());
        mixWarning_ = stored.warning;
        if (!stored.warning.isEmpty()) {
            qWarning().noquote() << stored.warning;
            emit message(stored.warning);
        }
        if (stored.mix) engine_.mix().apply(*stored.mix);
    }
    savedMix_ = engine_.mix().snapshot();
}

void PlaybackManager::saveMix() {
    pollsSinceSave_ = 0;
    if (!mixes_ || !engine_.hasSong() || songFolder_.isEmpty()) return;
    const audio::MixSnapshot mix = engine_.mix().snapshot();
    if (mix == savedMix_) return;
    QString error;
    if (mixes_->save(songFolder_, stemNames(), mix, &error)) {
        savedMix_ = mix;
    } else {
        // Remember it as saved anyway, so the failure is reported once, not every second.
        savedMix_ = mix;
        emit message(QStringLiteral("The mix could not be saved: %1").arg(error));
    }
}

// ---- transport -------------------------------------------------------------------------

void PlaybackManager::play() {
    if (!engine_.hasSong()) return;
    if (!engine_.outputOpen()) {
        emit errorOccurred(outputProblem_.isEmpty()
                               ? QStringLiteral("No audio output is open. Choose a device in "
                                                "Settings.")
                               : outputProblem_);
        return;
    }
    engine_.play();
    if (engine_.state() != audio::PlayState::Playing && !engine_.deviceError().empty()) {
        // The device went away while nothing played (the stream was stopped): it only shows
        // now.
        reportOutputProblem(
            QStringLiteral("Audio could not start: %1. Choose an output in "
                           "Settings (or reconnect there)."));
    }
    publishTransport();
}

void PlaybackManager::pause() {
    engine_.pause();
    publishTransport();
}

void PlaybackManager::togglePlayPause() {
    if (state() == audio::PlayState::Playing)
        pause();
    else
        play();
}

void PlaybackManager::stop() {
    engine_.stop();
    publishTransport();
}

void PlaybackManager::seek(double seconds) {
    engine_.seekSeconds(std::clamp(seconds, 0.0, duration()));
    publishTransport();
}

void PlaybackManager::seekBy(double deltaSeconds) {
    seek(position() + deltaSeconds);
}

void PlaybackManager::poll() {
    if (loader_.busy()) emit loadProgress(loader_.progress());
    // The audio thread only raises a flag at the end of the song; stopping (and rewinding)
    // happens here, and Engine::service stops the stream once it has faded to silence.
    const bool ended = engine_.consumeEndOfSong();
    if (ended) engine_.stop();
    if (!engine_.service()) onDeviceLost();
    publishTransport();
    if (ended) emit finished();
    if (++pollsSinceSave_ >= kMixSavePolls) saveMix();
}

void PlaybackManager::onDeviceLost() {
    // The engine has paused where the audio stopped and let go of the output.
    reportOutputProblem(
        QStringLiteral("Audio stopped: %1. Playback is paused where it was; "
                       "choose an output in Settings (or reconnect there) to "
                       "carry on."));
}

void PlaybackManager::reportOutputProblem(const QString& pattern) {
    // Kept (not only said once in passing): the window shows it where the output's state is.
    outputProblem_ = pattern.arg(QString::fromStdString(engine_.deviceError()));
    emit errorOccurred(outputProblem_);
    emit outputChanged();
}

void PlaybackManager::publishTransport() {
    const audio::PlayState now = state();
    if (lastState_ != now) {
        lastState_ = now;
        emit stateChanged(now);
    }
    const double pos = position();
    if (pos != lastPosition_) {
        lastPosition_ = pos;
        emit positionChanged(pos);
    }
}

}  // namespace stemdeck::app
