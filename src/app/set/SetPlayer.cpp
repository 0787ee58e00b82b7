#include "stemdeck/app/set/SetPlayer.h"

#include <QDir>
#include <cmath>

#include "stemdeck/app/SongMeta.h"
#include "stemdeck/app/set/SetPlaybackPort.h"
#include "stemdeck/app/set/SetSession.h"

namespace stemdeck::app::set {

SetPlayer::SetPlayer(SetSession& session, SetPlaybackPort& port, QObject* parent)
    : QObject(parent), session_(session), port_(port) {
    gapTimer_.setSingleShot(true);
    connect(&gapTimer_, &QTimer::timeout, this, [this] {
        const int next = session_.nextIndex();
        if (next >= 0) open(next, true, true);
    });
    connect(&port_, &SetPlaybackPort::songLoaded, this, &SetPlayer::onSongLoaded);
    connect(&port_, &SetPlaybackPort::loadFailed, this, &SetPlayer::onLoadFailed);
    connect(&port_, &SetPlaybackPort::finished, this, &SetPlayer::onFinished);
    connect(&port_, &SetPlaybackPort::songAdvanced, this, &SetPlayer::onAdvanced);
    connect(&port_, &SetPlaybackPort::nextSongFailed, this, &SetPlayer::onNextFailed);
    // An edit of the set changes what comes next.
    connect(&session_, &SetSession::changed, this, [this] {
        if (session_.currentIndex() >= 0 && !pending_ && !outside_)
            prepareNext(session_.currentIndex());
    });
    connect(&session_, &SetSession::reset, this, [this] {
        pending_.reset();
        gapTimer_.stop();
        outside_ = false;
    });
}

QString SetPlayer::label(int row) const {
    return QString::fromStdString(entryLabel(static_cast<std::size_t>(row), session_.entry(row)));
}

void SetPlayer::jumpTo(int row, bool play) {
    if (row < 0 || row >= session_.size()) return;
    open(row, play, false);
}

void SetPlayer::open(int row, bool play, bool skipOnFailure) {
    gapTimer_.stop();
    session_.setCurrentIndex(row);
    pending_ = Pending{row, session_.songFolder(row), play, skipOnFailure};
    port_.openSong(pending_->folder);
}

bool SetPlayer::hasNext() const {
    return session_.size() > 0 && session_.currentIndex() + 1 < session_.size();
}

bool SetPlayer::hasPrevious() const {
    return session_.currentIndex() > 0;
}

void SetPlayer::next() {
    if (!hasNext()) return;
    open(session_.currentIndex() + 1, port_.playing() || (pending_ && pending_->play), false);
}

void SetPlayer::previous() {
    if (!hasPrevious()) return;
    open(session_.currentIndex() - 1, port_.playing() || (pending_ && pending_->play), false);
}

double SetPlayer::gapLeft() const {
    return gapTimer_.isActive() ? gapTimer_.remainingTime() / 1000.0 : 0.0;
}

audio::ClickSettings SetPlayer::clickFor(const SetEntry& entry, const QString& folder,
                                         audio::ClickSettings base) {
    const audio::ClickSettings defaults;
    const SongMeta meta = SongMeta::read(folder);
    base.enabled = entry.click;
    base.countInBars = entry.countInBars;
    base.bpm = meta.tempo > 0 ? meta.tempo : defaults.bpm;
    base.beatsPerBar = meta.beatsPerBar > 0 ? meta.beatsPerBar : defaults.beatsPerBar;
    base.beatUnit = meta.beatsPerBar > 0 ? meta.beatUnit : defaults.beatUnit;
    base.firstBeatSeconds = meta.firstDownbeat;
    return base;
}

std::pair<int, double> SetPlayer::pitchOf(const SetEntry& entry) {
    const double total = entry.pitchCents();
    const auto semitones = static_cast<int>(std::trunc(total / 100.0));
    return {semitones, total - 100.0 * semitones};
}

void SetPlayer::onSongLoaded(const QString& folder) {
    // A reload of the song at another rate, or a song opened outside the set, is not ours.
    if (!pending_ || QDir::cleanPath(folder) != QDir::cleanPath(pending_->folder)) {
        // Neither the set's current song (a reload) nor the cued one (an advance announces
        // its song before songAdvanced): a song opened outside the set.
        const auto isEntry = [&](int row) {
            return row >= 0 && row < session_.size() &&
                   QDir::cleanPath(folder) == QDir::cleanPath(session_.songFolder(row));
        };
        if (session_.currentIndex() >= 0 && !pending_ && !isEntry(session_.currentIndex()) &&
            !isEntry(cueRow_)) {
            // Outside the set: it plays alone (the port let the cued song go with the old
            // song), the set stays where it was for next().
            outside_ = true;
            cueRow_ = -1;
            gapTimer_.stop();
        }
        return;
    }
    Pending done = *pending_;
    pending_.reset();
    outside_ = false;
    // The set may have been edited while the song loaded: the entry is the one of that song.
    if (done.row >= session_.size() || session_.songFolder(done.row) != done.folder) {
        done.row = -1;
        for (int row = 0; row < session_.size() && done.row < 0; ++row)
            if (session_.songFolder(row) == done.folder) done.row = row;
        if (done.row < 0) return;
        session_.setCurrentIndex(done.row);
    }
    applyEntry(done.row, done.folder);
    prepareNext(done.row);
    if (done.play) port_.play();
    emit entryStarted(done.row);
}

void SetPlayer::applyEntry(int row, const QString& folder) {
    const SetEntry& entry = session_.entry(row);
    port_.setTempo(entry.tempo);
    const auto [semitones, cents] = pitchOf(entry);
    port_.setPitch(semitones, cents);
    port_.setClick(clickFor(entry, folder, port_.click()));
    if (entry.startMarker.empty()) return;
    const QString name = QString::fromStdString(entry.startMarker);
    if (const auto at = port_.markerSeconds(folder, name))
        port_.seek(*at);
    else
        emit problem(tr("%1: the song has no marker '%2'; it starts at its beginning")
                         .arg(label(row), name));
}

void SetPlayer::prepareNext(int row, int next) {
    if (row < 0 || row >= session_.size()) return;
    if (next < 0) next = row + 1;
    if (next >= session_.size()) next = -1;
    cueRow_ = next;
    port_.prepareNext(session_.entry(row), next >= 0 ? session_.songFolder(next) : QString(),
                      next >= 0 ? session_.entry(next) : SetEntry{});
}

void SetPlayer::onLoadFailed(const QString& folder, const QString& message) {
    if (!pending_ || QDir::cleanPath(folder) != QDir::cleanPath(pending_->folder)) return;
    const Pending failed = *pending_;
    pending_.reset();
    emit problem(tr("%1: %2").arg(label(failed.row), message));
    // On the way through the set the show goes on with the song after it.
    if (failed.skipOnFailure && failed.row + 1 < session_.size())
        open(failed.row + 1, failed.play, true);
}

void SetPlayer::onFinished() {
    const int current = session_.currentIndex();
    if (current < 0 || pending_ || outside_ || port_.handlesTransitions()) return;
    const int next = session_.nextIndex();
    if (next < 0) return;  // the end of the set
    const SetEntry& entry = session_.entry(current);
    switch (entry.transition) {
        case Transition::Stop:
            open(next, false, true);
            break;  // cued: plays on the next Play
        case Transition::Gap:
            gapTimer_.start(static_cast<int>(std::lround(entry.gapSeconds * 1000.0)));
            break;
        case Transition::Segue:
        case Transition::Crossfade:
            open(next, true, true);
            break;
    }
}

void SetPlayer::onNextFailed(const QString& folder, const QString& message) {
    const int failed = cueRow_;
    if (failed < 0 || failed >= session_.size() ||
        QDir::cleanPath(session_.songFolder(failed)) != QDir::cleanPath(folder)) {
        emit problem(tr("%1: %2").arg(QDir::toNativeSeparators(folder), message));
        return;
    }
    emit problem(tr("%1: %2").arg(label(failed), message));
    // The show goes on: the song after the one that cannot play is cued in its place.
    if (failed + 1 < session_.size()) prepareNext(session_.currentIndex(), failed + 1);
}

void SetPlayer::onAdvanced(const QString& folder) {
    // The gapless playback moved on by itself: the cued entry (the next one, or the one after
    // songs that could not be cued) is current, set up as it was cued.
    const int next = cueRow_;
    if (next < 0 || next >= session_.size() ||
        QDir::cleanPath(session_.songFolder(next)) != QDir::cleanPath(folder))
        return;
    session_.setCurrentIndex(next);
    prepareNext(next);
    emit entryStarted(next);
}

}  // namespace stemdeck::app::set
