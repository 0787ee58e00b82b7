// PlaybackManager, its rehearsal part: the A-B loop, tempo and pitch, the click and the
// count-in. The rest is in PlaybackManager.cpp and PlaybackManagerOutput.cpp.
#include <algorithm>
#include <cmath>

#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SongMeta.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/core/Limits.h"

namespace stemdeck::app {

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

bool PlaybackManager::loopEnabled() const {
    return engine_.loop().enabled;
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

double PlaybackManager::tempo() const {
    return engine_.tempo();
}

double PlaybackManager::pitchCents() const {
    return engine_.pitchCents();
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

audio::ClickSettings PlaybackManager::click() const {
    return engine_.click();
}

int PlaybackManager::countInBeatsLeft() const {
    return engine_.countingIn() ? engine_.countInBeatsLeft() : 0;
}

void PlaybackManager::adoptSongTempo() {
    const SongMeta meta = SongMeta::read(songFolder_);
    audio::ClickSettings click = engine_.click();
    if (meta.tempo > 0) click.bpm = meta.tempo;
    if (meta.beatsPerBar > 0) {
        click.beatsPerBar = meta.beatsPerBar;
        click.beatUnit = meta.beatUnit;
    }
    click.firstBeatSeconds = meta.firstDownbeat;
    songHasTempo_ = meta.tempo > 0;
    engine_.setClick(click);
}

void PlaybackManager::rereadSongGrid() {
    if (songFolder_.isEmpty()) return;
    adoptSongTempo();
    emit clickChanged();
}

void PlaybackManager::adoptDetectedTempo(const QString& folder, double bpm, double firstBeatSeconds,
                                         int beatsPerBar) {
    if (folder != songFolder_ || !audio::limits::bpmInRange(bpm)) return;
    const SongMeta meta = SongMeta::read(songFolder_);
    if (meta.tempo > 0) return;  // the song's own tempo wins
    audio::ClickSettings click = engine_.click();
    click.bpm = bpm;
    if (meta.beatsPerBar <= 0 && beatsPerBar > 0) click.beatsPerBar = beatsPerBar;
    click.firstBeatSeconds = std::max(0.0, firstBeatSeconds);
    songHasTempo_ = true;
    engine_.setClick(click);
    emit clickChanged();
}

}  // namespace stemdeck::app
