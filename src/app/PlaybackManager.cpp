#include "stemdeck/app/PlaybackManager.h"

#include <QDebug>
#include <QFile>
#include <QStringList>
#include <algorithm>
#include <utility>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/audio/Engine.h"

namespace stemdeck::app {

PlaybackManager::PlaybackManager(audio::Engine& engine, MixStore* mixes, QObject* parent)
    : QObject(parent), engine_(engine), mixer_(engine), mixes_(mixes) {
    qRegisterMetaType<audio::PlayState>();
    connect(&loader_, &SongLoader::finished, this, &PlaybackManager::onLoadFinished);
    connect(&loader_, &SongLoader::peaksReady, this, &PlaybackManager::onPeaksReady);
    connect(&nextLoader_, &SongLoader::finished, this, &PlaybackManager::onNextLoaded);
    connect(&timer_, &QTimer::timeout, this, &PlaybackManager::poll);
    timer_.start(kPollIntervalMs);
    handoverTimer_.setInterval(kHandoverPollMs);
    connect(&handoverTimer_, &QTimer::timeout, this, &PlaybackManager::waitForSilence);
}

PlaybackManager::~PlaybackManager() {
    saveMix();
}

// ---- songs -----------------------------------------------------------------------------

void PlaybackManager::openSong(const QString& folder) {
    // A song loads at the rate the output runs at (or the one it is about to run at).
    const int rate =
        pendingOutput_ ? audio::Engine::expectedRate(*pendingOutput_) : engine_.sampleRate();
    startLoad(folder, rate, false, followRates());
}

void PlaybackManager::startLoad(const QString& folder, int targetRate, bool reload,
                                std::vector<int> followRates) {
    reloading_ = reload;
    loader_.start(folder, targetRate, std::move(followRates));
    emit loadStarted(folder);
    emit loadProgress(0.0);
}

void PlaybackManager::cancelLoad() {
    loader_.cancel();
}

void PlaybackManager::onLoadFinished(const SongLoader::Result& result) {
    const bool reload = reloading_;
    reloading_ = false;
    if (!result.decode) {
        // The loader's message quotes file names: shown in the window, they must not reorder
        // or break its text.
        const QString error = displayName(result.error);
        if (pendingOutput_) {
            pendingOutput_.reset();
            emit errorOccurred(tr("The audio output was not changed: the song could not be "
                                  "prepared at the new sample rate (%1).")
                                   .arg(error));
        }
        if (result.cancelled) {
            emit loadCancelled(result.folder);
        } else {
            lastFailure_ = result;
            emit loadFailed(result.folder, error);
        }
        if (engine_.reloadRate() != 0) {
            if (!reload) {
                // The song in the engine still waits to be loaded at the output's rate.
                reloadForOutput(false);
            } else if (std::exchange(outputChangePending_, false)) {
                emit errorOccurred(tr("The song cannot play on this output: it could "
                                      "not be prepared at %1 Hz (%2).")
                                       .arg(engine_.reloadRate())
                                       .arg(error));
                emit outputChanged();
            }
        }
        return;
    }
    const bool follow = !reload && result.followed && followLoadedSong(result);
    if (!follow && !pendingOutput_ && engine_.outputOpen() &&
        result.sampleRate() != engine_.sampleRate()) {
        // The output changed rate while this song was loading.
        startLoad(result.folder, engine_.sampleRate(), reload);
        return;
    }
    // Taken now, before a fade-out changes the play state.
    const bool playing = engine_.state() == audio::PlayState::Playing;
    handover_ = Handover{result,
                         reload,
                         engine_.mix().snapshot(),
                         engine_.positionSeconds(),
                         playing || (reload && resumeAfterReload_),
                         loopStart(),
                         loopEnd(),
                         loopEnabled()};
    resumeAfterReload_ = false;
    if (!playing) {
        adoptLoadedSong();
        return;
    }
    // Replacing the song stops the stream: fade out first so the switch does not click.
    engine_.beginFadeOut();
    publishTransport();
    handoverTimer_.start();
}

void PlaybackManager::waitForSilence() {
    if (!engine_.fadeOutDone()) return;
    handoverTimer_.stop();
    adoptLoadedSong();
}

void PlaybackManager::adoptLoadedSong() {
    if (!handover_) return;
    const Handover h = std::move(*handover_);
    handover_.reset();
    if (!h.reload) saveMix();

    if (pendingOutput_) engine_.closeOutput();  // so the engine takes a song at the new rate
    if (!h.reload) resumeAfterReload_ = false;  // a new song waits for play
    // The song plays from its first audio on; the rest decodes meanwhile (pollDecode).
    engine_.setSong(h.result.decode);
    cuedFolder_.clear();  // a new song starts a new set: the engine let the cued one go
    cuedDecode_.reset();
    // A next song still loading, or loaded and waiting to be cued, is let go of as well:
    // cued later, it would follow a song it was not chosen for (one opened outside the set).
    // The set's player cues again for a set song (SetPlayer::onSongLoaded).
    if (!h.reload) {
        if (nextLoader_.busy()) nextLoader_.cancel();
        nextLoaded_.reset();
    }
    songFolder_ = h.result.folder;
    watchDecode(h.result.decode, h.reload);
    if (h.reload) {
        engine_.mix().apply(h.mix);
        savedMix_ = engine_.mix().snapshot();
    } else {
        restoreMix();
    }
    if (pendingOutput_) {
        const audio::OutputConfig config = *pendingOutput_;
        pendingOutput_.reset();
        openOutputNow(config, std::exchange(pendingFollowsSong_, false));
    }
    loopA_.reset();
    engine_.clearLoop();
    if (h.reload) {
        if (h.loopEnd > h.loopStart && h.loopStart >= 0)
            setLoopFrames(toFrames(h.loopStart), toFrames(h.loopEnd), h.loopEnabled);
        else if (h.loopStart >= 0)
            loopA_ = toFrames(h.loopStart);
        engine_.seekSeconds(h.position);
        if (h.wasPlaying) play();
    }
    if (!h.reload) {
        engine_.setTempo(1.0);
        setPitchNow(0, 0.0);
        adoptSongTempo();
    }
    announceSong();
    // An output change that waited for this song is done once the song can play there.
    if (outputChangePending_ && engine_.reloadRate() == 0) {
        outputChangePending_ = false;
        emit outputChanged();
    }
    publishTransport();
}

void PlaybackManager::announceSong() {
    lastPosition_ = -1.0;
    emit loopChanged();
    emit tempoPitchChanged();
    emit clickChanged();
    // Duration first: whoever reacts to songLoaded may already seek.
    emit durationChanged(duration());
    emit songLoaded(songFolder_);
    pollDecode();  // how far it is already (and songDecoded if it is whole)
}

bool PlaybackManager::hasSong() const {
    return engine_.hasSong();
}

const audio::Song* PlaybackManager::song() const {
    return engine_.song();
}

std::shared_ptr<const audio::Song> PlaybackManager::sharedSong() const {
    return decode_ ? decode_->song() : nullptr;
}

std::unique_ptr<ExportJob> PlaybackManager::exportJob(const QString& file,
                                                      const ExportChoices& choices) const {
    // A song still decoding is waited for by the job, on its worker.
    return ExportJob::fromEngine(engine_, file, choices, decode_);
}

void PlaybackManager::restoreMix() {
    mixWarning_.clear();
    if (mixes_) {
        const MixStore::Loaded stored = mixes_->load(songFolder_, stemNames());
        // It names the song's folder and stems.
        mixWarning_ = displayName(stored.warning);
        if (!mixWarning_.isEmpty()) {
            qWarning().noquote() << mixWarning_;
            emit message(mixWarning_);
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
        emit message(QStringLiteral("The mix could not be saved: %1").arg(displayName(error)));
    }
}

// ---- transport -------------------------------------------------------------------------

void PlaybackManager::play() {
    if (!engine_.hasSong()) return;
    if (!engine_.outputOpen()) {
        emit errorOccurred(outputProblem_.isEmpty()
                               ? tr("No audio output is open. Choose a device in Settings.")
                               : outputProblem_);
        return;
    }
    if (engine_.reloadRate() != 0) {
        // The song is being prepared for the output's rate: it plays once it is ready.
        resumeAfterReload_ = true;
        return;
    }
    engine_.play();
    publishCountIn();  // "Count-in 4" at once, not on the next poll
    if (engine_.state() != audio::PlayState::Playing && !engine_.deviceError().empty()) {
        // The device went away while nothing played (the stream was stopped): it only shows
        // now.
        reportOutputProblem(
            tr("Audio could not start: %1. Choose an output in Settings (or reconnect there)."));
    }
    publishTransport();
}

void PlaybackManager::pause() {
    resumeAfterReload_ = false;
    engine_.pause();
    publishTransport();
}

void PlaybackManager::togglePlayPause() {
    if (state() == audio::PlayState::Playing || resumeAfterReload_)
        pause();
    else
        play();
}

void PlaybackManager::stop() {
    resumeAfterReload_ = false;
    engine_.stop();
    publishTransport();
}

void PlaybackManager::seek(double seconds) {
    engine_.seekSeconds(std::clamp(seconds, 0.0, duration()));
    publishTransport();
}

void PlaybackManager::jumpTo(double seconds, audio::Quantize quantize) {
    if (!engine_.hasSong()) return;
    // Stopped or paused there is no next bar to wait for: go at once.
    if (state() != audio::PlayState::Playing) quantize = audio::Quantize::Immediate;
    engine_.jumpTo(toFrames(seconds), quantize);
    publishTransport();
}

void PlaybackManager::seekBy(double deltaSeconds) {
    seek(position() + deltaSeconds);
}

audio::PlayState PlaybackManager::state() const {
    return engine_.state();
}

double PlaybackManager::position() const {
    return engine_.positionSeconds();
}

double PlaybackManager::duration() const {
    return engine_.durationSeconds();
}

void PlaybackManager::publishCountIn() {
    const int left = countInBeatsLeft();
    if (left == lastCountIn_) return;
    lastCountIn_ = left;
    emit countInChanged(left);
}

void PlaybackManager::poll() {
    if (loader_.busy()) emit loadProgress(loader_.progress());
    // Read before the set's advance (raised after it): a song that ended on a Stop lead-out
    // has been replaced by the cued one, which waits at its start (not rewound: a start
    // marker would be lost), and the end is said once the new song is announced.
    const bool stoppedHandOver = engine_.consumeStoppedHandOver();
    pollSet();  // a set's advance first: what follows reads the song playing now
    // The audio thread only raises a flag at the end of the song; stopping (and rewinding)
    // happens here, and Engine::service stops the stream once it has faded to silence.
    const bool ended = engine_.consumeEndOfSong();
    if (ended) engine_.stop();
    if (!engine_.service()) onDeviceLost();
    pollDecode();
    publishTransport();
    publishCountIn();
    if (ended || stoppedHandOver) emit finished();
    if (++pollsSinceSave_ >= kMixSavePolls) saveMix();
}

void PlaybackManager::onDeviceLost() {
    // The engine has paused where the audio stopped and let go of the output.
    reportOutputProblem(
        tr("Audio stopped: %1. Playback is paused where it was; choose an output in Settings "
           "(or reconnect there) to carry on."));
}

void PlaybackManager::reportOutputProblem(const QString& pattern) {
    // Kept (not only said once in passing): the window shows it where the output's state is.
    outputProblem_ = pattern.arg(displayName(engine_.deviceError()));
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
