#pragma once

#include <QObject>
#include <QString>
#include <vector>

#include "stemdeck/app/MarkerStore.h"

namespace stemdeck::app {

class PlaybackManager;

// The current song's markers: loaded when a song arrives, saved at every change (a save that
// fails is said once per change, and the markers stay in memory), and the jumps and section
// loops they lead to. GUI thread only.
class SongMarkers : public QObject {
    Q_OBJECT
  public:
    SongMarkers(PlaybackManager& playback, const MarkerStore& store, QObject* parent = nullptr);

    // Reads the markers of the PlaybackManager's current song; call once it has loaded.
    void loadForCurrentSong();
    const std::vector<SongMarker>& markers() const { return markers_; }
    int count() const { return static_cast<int>(markers_.size()); }
    // What was wrong with the song's markers file; empty when nothing.
    const QString& warning() const { return warning_; }

    // Adds "Marker N" at the play position; returns its index (-1 without a song).
    int addAtPlayhead();
    // Adds a marker "Section N" at each of `seconds` that is not within
    // kSameSpotSeconds of a marker there is (analysis suggestions taken twice add nothing);
    // saves once. Returns how many were added.
    static constexpr double kSameSpotSeconds = 0.5;
    int addSections(const std::vector<double>& seconds);
    void rename(int index, const QString& name);
    void remove(int index);

    // Jumps to a marker at once, or (jumpAtNextBar) seamlessly at the click grid's next bar.
    void jumpTo(int index);
    // The same, at the next bar or at once as `atNextBar` says (a remote's `at` parameter).
    void jumpToAt(int index, bool atNextBar);
    // A press of Previous this close after a marker goes to the one before it (as a CD
    // player's previous track): a page-turner pressed twice steps back two sections.
    static constexpr double kPreviousGraceSeconds = 1.0;
    // The first marker after `seconds`, or -1.
    int nextIndex(double seconds) const;
    // The last marker more than kPreviousGraceSeconds before `seconds`, or -1.
    int previousIndex(double seconds) const;
    bool jumpAtNextBar() const { return nextBar_; }
    void setJumpAtNextBar(bool on) { nextBar_ = on; }
    // Loops from a marker to the next one (or to the song's end), on, and goes there.
    void loopSection(int index);

  signals:
    void changed();
    void message(const QString& text);

  private:
    bool valid(int index) const { return index >= 0 && index < count(); }
    void save();

    PlaybackManager& playback_;
    const MarkerStore& store_;
    QString folder_;
    std::vector<SongMarker> markers_;
    QString warning_;
    bool nextBar_ = false;
};

}  // namespace stemdeck::app
