#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/set/EntryTransition.h"
#include "stemdeck/app/set/SetPlaybackPort.h"

namespace stemdeck::app::set {

PlaybackSetPort::PlaybackSetPort(PlaybackManager& playback, const MarkerStore* markers,
                                 QObject* parent)
    : SetPlaybackPort(parent), playback_(playback), markers_(markers) {
    connect(&playback_, &PlaybackManager::songLoaded, this, &SetPlaybackPort::songLoaded);
    connect(&playback_, &PlaybackManager::loadFailed, this, &SetPlaybackPort::loadFailed);
    connect(&playback_, &PlaybackManager::finished, this, &SetPlaybackPort::finished);
    connect(&playback_, &PlaybackManager::songAdvanced, this, &SetPlaybackPort::songAdvanced);
    connect(&playback_, &PlaybackManager::nextSongFailed, this, &SetPlaybackPort::nextSongFailed);
}

void PlaybackSetPort::openSong(const QString& folder) {
    playback_.openSong(folder);
}

void PlaybackSetPort::play() {
    playback_.play();
}

bool PlaybackSetPort::playing() const {
    return playback_.state() == audio::PlayState::Playing;
}

void PlaybackSetPort::seek(double seconds) {
    playback_.seek(seconds);
}

void PlaybackSetPort::setTempo(double ratio) {
    playback_.setTempo(ratio);
}

void PlaybackSetPort::setPitch(int semitones, double cents) {
    playback_.setPitch(semitones, cents);
}

audio::ClickSettings PlaybackSetPort::click() const {
    return playback_.click();
}

void PlaybackSetPort::setClick(const audio::ClickSettings& settings) {
    playback_.setClick(settings);
}

void PlaybackSetPort::prepareNext(const SetEntry& current, const QString& nextFolder,
                                  const SetEntry& next) {
    playback_.setCurrentLeadOut(leadOutOf(current));
    if (nextFolder.isEmpty()) {
        playback_.uncueNextSong();
        return;
    }
    // The same song already cued (an edit elsewhere in the set) stays: no second load.
    if (playback_.cuedFolder() == nextFolder && cued_.playsLike(next)) return;
    cued_ = next;
    double start = 0.0;
    if (!next.startMarker.empty())
        start = markerSeconds(nextFolder, QString::fromStdString(next.startMarker)).value_or(0.0);
    playback_.cueNextSong(nextFolder, next, start);
}

std::optional<double> PlaybackSetPort::markerSeconds(const QString& folder,
                                                     const QString& name) const {
    const MarkerStore fallback;
    const MarkerStore::Loaded loaded = (markers_ ? *markers_ : fallback).load(folder);
    for (const SongMarker& marker : loaded.markers)
        if (marker.name == name) return marker.seconds;
    return std::nullopt;
}

}  // namespace stemdeck::app::set
