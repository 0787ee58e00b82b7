// PlaybackManager, its set part: the next song loads beside the current one on a loader of its
// own, is cued in the engine with its set entry's settings, and when the audio thread moves on
// to it (a gap, segue or crossfade, or a stop and the next play) the timer makes it the current
// song for the widgets, as a song loaded the usual way. The rest is in PlaybackManager.cpp.
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SongMeta.h"
#include "stemdeck/app/set/EntryTransition.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/loader/SongMemory.h"
#include "stemdeck/audio/loader/StemNames.h"

namespace stemdeck::app {

void PlaybackManager::setCurrentLeadOut(const audio::SongTransition& leadOut) {
    try {
        if (!engine_.setCurrentLeadOut(leadOut) && engine_.hasSong())
            emit message(
                QStringLiteral("The transition is already under way; it stays as it "
                               "was."));
    } catch (const std::invalid_argument& e) {
        emit errorOccurred(QStringLiteral("The transition was not changed: %1.")
                               .arg(QString::fromStdString(e.what())));
    }
}

void PlaybackManager::cueNextSong(const QString& folder, const set::SetEntry& entry,
                                  double startSeconds) {
    uncueNextSong();
    if (!engine_.hasSong()) {
        emit nextSongFailed(folder, QStringLiteral("no song is playing to follow"));
        return;
    }
    nextEntry_ = entry;
    nextStartSeconds_ = std::isfinite(startSeconds) ? std::max(0.0, startSeconds) : 0.0;
    // Both songs stay in memory: an explicit limit is for the two together; the system's
    // figure already leaves out the song playing.
    const std::uint64_t resident = audio::loader::songBytes(*engine_.song());
    nextLoader_.setMemoryLimit(
        memoryLimit_ == 0 ? 0
                          : std::max<std::uint64_t>(
                                1, audio::loader::memoryLimitBeside(resident, memoryLimit_).bytes));
    nextLoader_.start(folder, engine_.song()->sampleRate);
}

void PlaybackManager::uncueNextSong() {
    if (nextLoader_.busy()) nextLoader_.cancel();
    nextLoaded_.reset();
    cuedFolder_.clear();
    cuedDecode_.reset();
    engine_.uncueNext();
}

void PlaybackManager::onNextLoaded(const SongLoader::Result& result) {
    if (result.cancelled) return;  // replaced by another next song, or let go of
    if (!result.decode) {
        emit nextSongFailed(result.folder, displayName(result.error));
        return;
    }
    nextLoaded_ = result;
    cueLoadedNext();  // or, while a song let go of is still being handed back, a later poll
}

bool PlaybackManager::cueLoadedNext() {
    if (!nextLoaded_ || engine_.hasCued()) return false;
    const SongLoader::Result result = std::move(*nextLoaded_);
    nextLoaded_.reset();
    audio::NextSongSettings settings;
    settings.tempo = nextEntry_.tempo;
    settings.pitchCents = nextEntry_.pitchCents();
    if (const auto next = result.decode->song()) {
        const auto at =
            static_cast<std::int64_t>(std::llround(nextStartSeconds_ * next->sampleRate));
        settings.startFrame =
            std::clamp<std::int64_t>(at, 0, std::max<std::int64_t>(0, next->frames - 1));
        // Its saved mix from its first sample: set once it is current, a segue would play its
        // first moments at the defaults (a muted click or guide stem loud). A damaged mix file
        // is reported when the song becomes current (restoreMix).
        if (mixes_) settings.mix = mixes_->load(result.folder, audio::stemNames(*next)).mix;
    }
    // The user's click (level) with the next song's own tempo and meter, and the entry's
    // click on/off and count-in.
    settings.click = engine_.click();
    const SongMeta meta = SongMeta::read(result.folder);
    if (meta.tempo > 0) settings.click.bpm = meta.tempo;
    if (meta.beatsPerBar > 0) {
        settings.click.beatsPerBar = meta.beatsPerBar;
        settings.click.beatUnit = meta.beatUnit;
    }
    settings.click.firstBeatSeconds = meta.firstDownbeat;
    settings.click.enabled = nextEntry_.click;
    settings.click.countInBars = nextEntry_.countInBars;
    try {
        if (!engine_.cueNext(result.decode, settings, set::leadOutOf(nextEntry_))) {
            emit nextSongFailed(result.folder, QStringLiteral("there is no song to follow"));
            return false;
        }
    } catch (const std::invalid_argument& e) {
        emit nextSongFailed(result.folder, displayName(std::string(e.what())));
        return false;
    }
    cuedFolder_ = result.folder;
    cuedDecode_ = result.decode;
    cuedPitchCents_ = settings.pitchCents;
    emit nextSongCued(cuedFolder_);
    return true;
}

void PlaybackManager::pollSet() {
    if (nextLoaded_) cueLoadedNext();
    if (engine_.hasCued()) saveMix();  // the current song's mix, before it may be replaced
    if (engine_.consumeSongChanged()) adoptAdvancedSong();
}

void PlaybackManager::adoptAdvancedSong() {
    // The engine's song methods address the new song now; the finished one is freed.
    songFolder_ = cuedFolder_;
    cuedFolder_.clear();
    // Its click came from its meta.json when it was cued (cueLoadedNext).
    songHasTempo_ = SongMeta::read(songFolder_).tempo > 0;
    watchDecode(std::move(cuedDecode_), false);
    restoreMix();
    loopA_.reset();
    const double cents = cuedPitchCents_;
    pitchSemitones_ = static_cast<int>(std::trunc(cents / 100.0));
    pitchFineCents_ = cents - 100.0 * pitchSemitones_;
    announceSong();
    publishTransport();
    emit songAdvanced(songFolder_);
}

}  // namespace stemdeck::app

namespace stemdeck::app {

audio::GuideCues* PlaybackManager::songCues() {
    return engine_.songCues();
}

audio::GuideCues* PlaybackManager::cuedCues() {
    return engine_.cuedCues();
}

std::optional<audio::ClickSettings> PlaybackManager::cuedClick() const {
    return engine_.cuedClick();
}

}  // namespace stemdeck::app
