#pragma once

#include <QObject>
#include <QString>
#include <optional>

#include "stemdeck/app/set/SetList.h"
#include "stemdeck/audio/click/ClickSettings.h"

namespace stemdeck::app {
class MarkerStore;
class PlaybackManager;
}  // namespace stemdeck::app

// What the set player needs of the playback, in one small interface: the SetPlayer talks to
// this, never to the PlaybackManager, so its logic is tested against a fake, and the switch
// to gapless hand-overs is made here alone. GUI thread only.
namespace stemdeck::app::set {

class SetPlaybackPort : public QObject {
    Q_OBJECT
  public:
    using QObject::QObject;

    virtual void openSong(const QString& folder) = 0;
    virtual void play() = 0;
    virtual bool playing() const = 0;
    virtual void seek(double seconds) = 0;
    virtual void setTempo(double ratio) = 0;
    virtual void setPitch(int semitones, double cents) = 0;
    virtual audio::ClickSettings click() const = 0;
    virtual void setClick(const audio::ClickSettings& settings) = 0;
    // Where the song's marker `name` is (song seconds); none when it has no such marker.
    virtual std::optional<double> markerSeconds(const QString& folder,
                                                const QString& name) const = 0;

    // True when the playback itself moves on to the cued song for gap, segue and crossfade
    // (and says so with songAdvanced); false when the player must open the next song at the
    // end of this one (the song ends, then the next loads: not gapless).
    virtual bool handlesTransitions() const = 0;
    // The current song was set up from `current`; `nextFolder` (empty: none) with `next` is
    // the song after it. A gapless playback cues it here to start by `current.transition`.
    virtual void prepareNext(const SetEntry& current, const QString& nextFolder,
                             const SetEntry& next) = 0;

  signals:
    void songLoaded(const QString& folder);
    void loadFailed(const QString& folder, const QString& message);
    // The song played to its end and stopped.
    void finished();
    // A gapless playback moved on to the cued song by itself.
    void songAdvanced(const QString& folder);
    // A gapless playback could not cue the next song.
    void nextSongFailed(const QString& folder, const QString& message);
};

// The port on the PlaybackManager: the next song is preloaded beside the current one and
// cued in the same stream (PlaybackManager::cueNextSong), so every transition is the engine's,
// sample-exact: stop, gap, segue, crossfade.
class PlaybackSetPort : public SetPlaybackPort {
    Q_OBJECT
  public:
    // `markers` may be null (a default MarkerStore).
    PlaybackSetPort(PlaybackManager& playback, const MarkerStore* markers,
                    QObject* parent = nullptr);

    void openSong(const QString& folder) override;
    void play() override;
    bool playing() const override;
    void seek(double seconds) override;
    void setTempo(double ratio) override;
    void setPitch(int semitones, double cents) override;
    audio::ClickSettings click() const override;
    void setClick(const audio::ClickSettings& settings) override;
    std::optional<double> markerSeconds(const QString& folder, const QString& name) const override;
    bool handlesTransitions() const override { return true; }
    void prepareNext(const SetEntry& current, const QString& nextFolder,
                     const SetEntry& next) override;

  private:
    PlaybackManager& playback_;
    const MarkerStore* markers_;
    SetEntry cued_;  // the entry the cued song was set up from
};

}  // namespace stemdeck::app::set
