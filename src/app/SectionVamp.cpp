#include "stemdeck/app/SectionVamp.h"

#include <algorithm>
#include <cmath>

#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SongMarkers.h"
#include "stemdeck/audio/timeline/LoopRegion.h"

namespace stemdeck::app {

namespace {

// Song seconds closer than this are the same place (a frame at the lowest rates is ~0.1 ms):
// a marker jump lands on its frame, a reload at another rate rounds the loop's edges.
constexpr double kSlackSeconds = 0.001;

bool near(double a, double b) {
    return std::abs(a - b) <= kSlackSeconds;
}

}  // namespace

std::optional<SectionVamp::Section> SectionVamp::sectionAt(const std::vector<SongMarker>& markers,
                                                           double seconds, double duration) {
    if (markers.empty() || !std::isfinite(seconds) || !std::isfinite(duration)) return {};
    const auto after =
        std::upper_bound(markers.begin(), markers.end(), seconds + kSlackSeconds,
                         [](double s, const SongMarker& m) { return s < m.seconds; });
    Section section;
    if (after == markers.begin()) {
        section.name = tr("Start");
        section.start = 0.0;
    } else {
        section.name = std::prev(after)->name;
        section.start = std::prev(after)->seconds;
    }
    section.end = after != markers.end() ? after->seconds : duration;
    if (section.end - section.start <= 0.0) return {};
    return section;
}

SectionVamp::SectionVamp(PlaybackManager& playback, const SongMarkers& markers, QObject* parent)
    : QObject(parent), playback_(playback), markers_(markers) {
    connect(&playback_, &PlaybackManager::loopChanged, this, &SectionVamp::onLoopChanged);
    connect(&playback_, &PlaybackManager::songLoaded, this, &SectionVamp::onSongLoaded);
    connect(&playback_, &PlaybackManager::positionChanged, this, &SectionVamp::onPosition);
}

std::optional<SectionVamp::Section> SectionVamp::sectionHere() const {
    if (!playback_.hasSong()) return {};
    return sectionAt(markers_.markers(), playback_.position(), playback_.duration());
}

void SectionVamp::vamp() {
    if (active_) return;
    if (!playback_.hasSong()) {
        emit message(tr("No song to vamp."));
        return;
    }
    if (markers_.count() == 0) {
        emit message(
            tr("This song has no markers: add them (M) where its sections start, "
               "then vamp a section."));
        return;
    }
    const std::optional<Section> here = sectionHere();
    if (!here || here->end - here->start < audio::LoopRegion::kMinLengthMs / 1000.0) {
        emit message(tr("The section here is too short to vamp."));
        return;
    }
    // Vamping again while a release plays out: the user's loop is still the one saved.
    if (!releasing_)
        userLoop_ = {playback_.loopStart(), playback_.loopEnd(), playback_.loopEnabled()};
    releasing_ = false;
    changingLoop_ = true;
    playback_.setLoop(here->start, here->end, true);  // the position stays where it is
    changingLoop_ = false;
    // The engine's edges, on its frames: the position is compared with them.
    section_ = {here->name, playback_.loopStart(), playback_.loopEnd()};
    folder_ = playback_.songFolder();
    active_ = true;
    expectLoopOn_ = true;
    emit vampChanged(true, section_.start, section_.end);
}

void SectionVamp::release() {
    if (!active_) return;
    active_ = false;
    releasing_ = true;
    if (mode_ == VampRelease::EndOfPass) {
        expectLoopOn_ = false;
        changingLoop_ = true;
        playback_.clearLoop();
        changingLoop_ = false;
    } else {
        // The loop stays on until the jump: it is taken at the bar line or the loop's end,
        // whichever comes first, so the section never wraps again.
        playback_.jumpTo(section_.end, audio::Quantize::NextBar);
    }
    emit vampChanged(false, section_.start, section_.end);
    onPosition(playback_.position());  // not playing: the jump was taken at once
}

void SectionVamp::toggle() {
    if (active_)
        release();
    else
        vamp();
}

bool SectionVamp::loopIsOurs() const {
    if (!expectLoopOn_) return playback_.loopEnd() < 0.0 && playback_.loopStart() < 0.0;
    return playback_.loopEnabled() && near(playback_.loopStart(), section_.start) &&
           near(playback_.loopEnd(), section_.end);
}

void SectionVamp::onLoopChanged() {
    if (changingLoop_ || (!active_ && !releasing_) || loopIsOurs()) return;
    // The user set a loop of their own: it stays, and the vamp is over.
    const bool wasActive = active_;
    drop();
    if (wasActive) emit vampChanged(false, section_.start, section_.end);
}

void SectionVamp::onSongLoaded(const QString& folder) {
    if ((!active_ && !releasing_) || folder == folder_) return;
    // Another song (which starts without a loop): the vamp and the loop it kept belong to the
    // song before.
    const bool wasActive = active_;
    drop();
    if (wasActive) emit vampChanged(false, section_.start, section_.end);
}

void SectionVamp::onPosition(double seconds) {
    if (!releasing_) return;
    if (seconds >= section_.start - kSlackSeconds && seconds < section_.end) return;
    releasing_ = false;
    restoreUserLoop();
}

void SectionVamp::restoreUserLoop() {
    changingLoop_ = true;
    playback_.clearLoop();
    if (userLoop_.start >= 0.0 && userLoop_.end > userLoop_.start)
        playback_.setLoop(userLoop_.start, userLoop_.end, userLoop_.enabled);
    changingLoop_ = false;
}

void SectionVamp::drop() {
    active_ = false;
    releasing_ = false;
}

}  // namespace stemdeck::app
