#include "stemdeck/app/control/StateCollector.h"

#include <QFileInfo>
#include <algorithm>
#include <cmath>

#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SectionVamp.h"
#include "stemdeck/app/SongMarkers.h"
#include "stemdeck/app/StageCues.h"
#include "stemdeck/app/control/LockState.h"
#include "stemdeck/app/set/SetListModel.h"
#include "stemdeck/app/set/SetSession.h"

namespace stemdeck::app {

namespace {

// ControlState's stand-in for -inf dB (its JSON has no infinity).
constexpr double kSilentDb = -100.0;

double shownDb(float db) {
    return std::isfinite(db) ? std::max<double>(db, kSilentDb) : kSilentDb;
}

const char* stateName(audio::PlayState state) {
    switch (state) {
        case audio::PlayState::Playing:
            return "playing";
        case audio::PlayState::Paused:
            return "paused";
        case audio::PlayState::Stopped:
            break;
    }
    return "stopped";
}

}  // namespace

std::string StateCollector::barBeat(const audio::ClickSettings& click, double seconds,
                                    bool hasTempo, int countInBeats) {
    if (!hasTempo || countInBeats > 0) return {};
    return stage::formatBarBeat(stage::barBeatAt(click, seconds)).toStdString();
}

const SongMeta& StateCollector::meta() {
    const QString& folder = parts_.playback.songFolder();
    if (folder != metaFolder_) {
        metaFolder_ = folder;
        meta_ = folder.isEmpty() ? SongMeta{} : SongMeta::read(folder);
    }
    return meta_;
}

control::ControlState StateCollector::sample() {
    PlaybackManager& playback = parts_.playback;
    control::ControlState s;
    const audio::PlayState state = playback.state();
    s.state = stateName(state);
    s.playing = state == audio::PlayState::Playing;
    s.position = playback.position();
    s.duration = playback.duration();
    s.timeLeft = std::max(0.0, s.duration - s.position);
    const bool hasSong = playback.hasSong();
    const SongMeta& songMeta = meta();
    if (hasSong) s.song = songMeta.title.toStdString();

    if (parts_.markers && hasSong) {
        const stage::Sections sections = stage::sectionsAt(parts_.markers->markers(), s.position);
        s.section = sections.current.toStdString();
        s.nextSection = sections.next.toStdString();
        for (const SongMarker& marker : parts_.markers->markers())
            s.markers.push_back({marker.name.toStdString(), marker.seconds});
    }
    const audio::ClickSettings click = playback.click();
    s.countIn = playback.countInBeatsLeft();
    s.barBeat =
        hasSong ? barBeat(click, s.position, playback.songHasTempo(), s.countIn) : std::string();
    s.click = click.enabled;
    s.bpm = click.bpm;
    s.loop = playback.loopEnabled();
    s.vamp = parts_.vamp && parts_.vamp->active();
    s.tempo = playback.tempo();
    s.pitchCents = playback.pitchCents();
    s.lock = parts_.lock && parts_.lock->locked();
    s.stage = stageShown_ && stageShown_();
    sampleSet(s);
    sampleMix(s);
    return s;
}

void StateCollector::sampleSet(control::ControlState& s) const {
    const set::SetSession* session = parts_.session;
    if (!session || session->size() == 0) return;
    s.setName = session->displayName().toStdString();
    s.setIndex = session->currentIndex();
    for (int row = 0; row < session->size(); ++row) {
        // The folder's name, as the set panel titles an entry.
        control::ControlState::SetSong song;
        song.title = QFileInfo(session->songFolder(row)).fileName().toStdString();
        song.duration = parts_.setModel ? parts_.setModel->songSeconds(row) : 0.0;
        s.setSongs.push_back(std::move(song));
    }
    s.setTimeLeft = parts_.setModel ? parts_.setModel->secondsLeft(s.position) : s.timeLeft;
}

void StateCollector::sampleMix(control::ControlState& s) const {
    const MixerFacade& mixer = parts_.playback.mixer();
    if (!mixer.hasSong()) return;
    const audio::MixControls& mix = mixer.controls();
    const std::vector<std::string> names = mixer.stemNames();
    for (std::size_t i = 0; i < names.size() && i < mix.stemCount(); ++i)
        s.stems.push_back({names[i], shownDb(mix.gainDb(i)), mix.muted(i), mix.soloed(i)});
    s.masterDb = shownDb(mix.masterGainDb());
}

}  // namespace stemdeck::app
