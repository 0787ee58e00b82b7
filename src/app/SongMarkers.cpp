#include "stemdeck/app/SongMarkers.h"

#include <QDebug>
#include <algorithm>
#include <cmath>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/StageCues.h"

namespace stemdeck::app {

SongMarkers::SongMarkers(PlaybackManager& playback, const MarkerStore& store, QObject* parent)
    : QObject(parent), playback_(playback), store_(store) {}

void SongMarkers::loadForCurrentSong() {
    folder_ = playback_.songFolder();
    MarkerStore::Loaded loaded = store_.load(folder_);
    markers_ = std::move(loaded.markers);
    warning_ = displayName(loaded.warning);  // it names the markers file
    if (!warning_.isEmpty()) {
        qWarning().noquote() << warning_;
        emit message(warning_);
    }
    emit changed();
}

int SongMarkers::addAtPlayhead() {
    if (folder_.isEmpty() || !playback_.hasSong()) return -1;
    if (count() >= MarkerStore::kMaxMarkers) {
        emit message(
            QStringLiteral("A song keeps at most %1 markers.").arg(MarkerStore::kMaxMarkers));
        return -1;
    }
    // "Marker N" with N one more than the markers there are: quick to tell apart, renamed later.
    const SongMarker marker{QStringLiteral("Marker %1").arg(count() + 1), playback_.position()};
    const auto at = std::upper_bound(
        markers_.begin(), markers_.end(), marker,
        [](const SongMarker& a, const SongMarker& b) { return a.seconds < b.seconds; });
    const int index = static_cast<int>(at - markers_.begin());
    markers_.insert(at, marker);
    save();
    return index;
}

int SongMarkers::addSections(const std::vector<double>& seconds) {
    if (folder_.isEmpty() || !playback_.hasSong()) return 0;
    int added = 0;
    for (const double at : seconds) {
        if (count() >= MarkerStore::kMaxMarkers) break;
        if (!(at >= 0.0 && at <= MarkerStore::kMaxSeconds)) continue;
        const bool taken = std::any_of(markers_.begin(), markers_.end(), [at](const auto& m) {
            return std::abs(m.seconds - at) < kSameSpotSeconds;
        });
        if (taken) continue;
        ++added;
        const SongMarker marker{QStringLiteral("Section %1").arg(added), at};
        markers_.insert(std::upper_bound(markers_.begin(), markers_.end(), marker,
                                         [](const SongMarker& a, const SongMarker& b) {
                                             return a.seconds < b.seconds;
                                         }),
                        marker);
    }
    if (added > 0) save();
    return added;
}

void SongMarkers::rename(int index, const QString& name) {
    const QString line = displayLine(name, MarkerStore::kMaxNameLength);
    if (!valid(index) || line.isEmpty() || line == markers_[index].name) return;
    markers_[index].name = line;
    save();
}

void SongMarkers::remove(int index) {
    if (!valid(index)) return;
    markers_.erase(markers_.begin() + index);
    save();
}

void SongMarkers::jumpTo(int index) {
    jumpToAt(index, nextBar_);
}

void SongMarkers::jumpToAt(int index, bool atNextBar) {
    if (!valid(index)) return;
    playback_.jumpTo(markers_[index].seconds,
                     atNextBar ? audio::Quantize::NextBar : audio::Quantize::Immediate);
}

int SongMarkers::nextIndex(double seconds) const {
    // A jump lands a hair before its marker: that marker is not "next" any more.
    for (int i = 0; i < count(); ++i)
        if (markers_[i].seconds > seconds + stage::kMarkerSlackSeconds) return i;
    return -1;
}

int SongMarkers::previousIndex(double seconds) const {
    for (int i = count() - 1; i >= 0; --i)
        if (markers_[i].seconds < seconds - kPreviousGraceSeconds) return i;
    return -1;
}

void SongMarkers::loopSection(int index) {
    if (!valid(index)) return;
    const double end = index + 1 < count() ? markers_[index + 1].seconds : playback_.duration();
    playback_.loopSection(markers_[index].seconds, end,
                          nextBar_ ? audio::Quantize::NextBar : audio::Quantize::Immediate);
}

void SongMarkers::save() {
    emit changed();
    QString error;
    if (!store_.save(folder_, markers_, &error))
        emit message(QStringLiteral("The markers could not be saved: %1").arg(error));
}

}  // namespace stemdeck::app
