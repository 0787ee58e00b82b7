#include "stemdeck/app/PlaybackManager.h"

#include <QDebug>
#include <QFile>
#include <QStringList>
#include <algorithm>
#include <cmath>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/SongMeta.h"
#include "stemdeck/audio/Limits.h"

namespace stemdeck::app {

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
        // The loader's message quotes file names: shown in the window, they must not reorder
        // or break its text.
        const QString error = displayName(result.error);
        if (pendingOutput_) {
            pendingOutput_.reset();
            emit errorOccurred(
                QStringLiteral("The audio output was not changed: the song could not be "
                               "prepared at the new sample rate (%1).")
                    .arg(error));
        }
        if (result.cancelled) {
            emit loadCancelled(result.folder);
        } else {
            lastFailure_ = result;
            emit loadFailed(result.folder, error);
        }
        return;
    }
    if (!pendingOutput_ && engine_.outputOpen() &&
        result.loaded->song.sampleRate != engine_.sampleRate()) {
        // The output changed rate while this song was loading.
        startLoad(result.folder, engine_.sampleRate(), reload);
        return;
    }
    // Taken now, before a fade-out changes the play state.
    handover_ = Handover{result,
                         reload,
                         engine_.mix().snapshot(),
                         engine_.positionSeconds(),
                         engine_.state() == audio::PlayState::Playing,
                         loopStart(),
                         loopEnd(),
                         loopEnabled()};
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
    lastPosition_ = -1.0;
    emit loopChanged();
    emit tempoPitchChanged();
    emit clickChanged();
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
                               ? QStringLiteral("No audio output is open. Choose a device in "
                                                "Settings.")
                               : outputProblem_);
        return;
    }
    engine_.play();
    publishCountIn();  // "Count-in 4" at once, not on the next poll
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

// ---- A-B loop -------------------------------------------------------------------------

std::int64_t PlaybackManager::toFrames(double seconds) const {
    const audio::Song* song = engine_.song();
    if (!song) return 0;
    return std::clamp(static_cast<std::int64_t>(std::llround(seconds * song->sampleRate)),
                      std::int64_t{0}, engine_.durationFrames());
}

double PlaybackManager::toSeconds(std::int64_t frames) const {
    const audio::Song* song = engine_.song();
    return song && song->sampleRate > 0 ? static_cast<double>(frames) / song->sampleRate : 0.0;
}

bool PlaybackManager::hasLoop() const {
    const audio::LoopBounds bounds = engine_.loop();
    return bounds.end > bounds.start;
}

double PlaybackManager::loopStart() const {
    if (loopA_) return toSeconds(*loopA_);
    return hasLoop() ? toSeconds(engine_.loop().start) : -1.0;
}

double PlaybackManager::loopEnd() const {
    return !loopA_ && hasLoop() ? toSeconds(engine_.loop().end) : -1.0;
}

void PlaybackManager::setLoopFrames(std::int64_t start, std::int64_t end, bool enable) {
    const bool wasOn = engine_.loop().enabled;
    if (!engine_.setLoop(start, end)) {
        emit message(QStringLiteral("That loop is too short (it must be at least %1 ms long).")
                         .arg(audio::LoopRegion::kMinLengthMs));
        return;
    }
    loopA_.reset();
    engine_.setLoopEnabled(enable || wasOn);
}

void PlaybackManager::setLoopStartHere() {
    if (!engine_.hasSong()) return;
    const std::int64_t a = engine_.positionFrames();
    if (hasLoop() && engine_.loop().end > a) {
        // Moves A of the existing loop, which stays on or off as it was.
        setLoopFrames(a, engine_.loop().end, false);
    } else {
        // A at or after the old B starts a new loop.
        engine_.clearLoop();
        loopA_ = a;
    }
    emit loopChanged();
}

void PlaybackManager::setLoopEndHere() {
    if (!engine_.hasSong()) return;
    const std::int64_t b = engine_.positionFrames();
    const std::int64_t a = loopA_ ? *loopA_ : hasLoop() ? engine_.loop().start : 0;
    if (b <= a) {
        emit message(QStringLiteral("B must come after A: set A ([) before this point first."));
        return;
    }
    setLoopFrames(a, b, true);
    emit loopChanged();
}

void PlaybackManager::setLoop(double startSeconds, double endSeconds, bool enable) {
    if (!engine_.hasSong()) return;
    setLoopFrames(toFrames(std::min(startSeconds, endSeconds)),
                  toFrames(std::max(startSeconds, endSeconds)), enable);
    emit loopChanged();
}

void PlaybackManager::loopSection(double startSeconds, double endSeconds,
                                  audio::Quantize quantize) {
    if (!engine_.hasSong()) return;
    if (!engine_.loopSection(toFrames(startSeconds), toFrames(endSeconds), quantize)) {
        emit message(QStringLiteral("That section is too short to loop."));
        return;
    }
    loopA_.reset();
    emit loopChanged();
    publishTransport();
}

void PlaybackManager::toggleLoop() {
    if (!hasLoop()) {
        emit message(
            QStringLiteral("No loop yet: set A ([) and B (]) first, or Shift+drag "
                           "over the timeline."));
        emit loopChanged();  // a checkable control that flipped flips back
        return;
    }
    engine_.setLoopEnabled(!engine_.loop().enabled);
    emit loopChanged();
}

void PlaybackManager::clearLoop() {
    loopA_.reset();
    engine_.clearLoop();
    emit loopChanged();
}

// ---- tempo and pitch -------------------------------------------------------------------

void PlaybackManager::setTempo(double ratio) {
    engine_.setTempo(ratio);
    emit tempoPitchChanged();
}

void PlaybackManager::setPitch(int semitones, double cents) {
    setPitchNow(semitones, cents);
    emit tempoPitchChanged();
}

void PlaybackManager::setPitchNow(int semitones, double cents) {
    // Kept apart as the user set them (the engine has only the total), within +-12 semitones.
    namespace limits = audio::limits;
    pitchSemitones_ =
        std::clamp(semitones, -limits::kMaxPitchSemitones, limits::kMaxPitchSemitones);
    pitchFineCents_ = std::isfinite(cents)
                          ? std::clamp(cents, -limits::kMaxFineCents, limits::kMaxFineCents)
                          : 0.0;
    const double total = std::clamp(100.0 * pitchSemitones_ + pitchFineCents_,
                                    -limits::kMaxPitchCents, limits::kMaxPitchCents);
    pitchFineCents_ = total - 100.0 * pitchSemitones_;
    engine_.setPitch(pitchSemitones_, pitchFineCents_);
}

// ---- click and count-in ----------------------------------------------------------------

void PlaybackManager::setClick(const audio::ClickSettings& settings) {
    engine_.setClick(settings);
    emit clickChanged();
}

void PlaybackManager::adoptSongTempo() {
    const SongMeta meta = SongMeta::read(songFolder_);
    audio::ClickSettings click = engine_.click();
    if (meta.tempo > 0) click.bpm = meta.tempo;
    if (meta.beatsPerBar > 0) {
        click.beatsPerBar = meta.beatsPerBar;
        click.beatUnit = meta.beatUnit;
    }
    click.firstBeatSeconds = 0.0;
    engine_.setClick(click);
}

void PlaybackManager::publishCountIn() {
    const int left = countInBeatsLeft();
    if (left == lastCountIn_) return;
    lastCountIn_ = left;
    emit countInChanged(left);
}

void PlaybackManager::poll() {
    if (loader_.busy()) emit loadProgress(loader_.progress());
    // The audio thread only raises a flag at the end of the song; stopping (and rewinding)
    // happens here, and Engine::service stops the stream once it has faded to silence.
    const bool ended = engine_.consumeEndOfSong();
    if (ended) engine_.stop();
    if (!engine_.service()) onDeviceLost();
    publishTransport();
    publishCountIn();
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
