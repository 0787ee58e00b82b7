#pragma once

#include <QObject>
#include <QString>
#include <memory>

namespace stemdeck::app {

class MarkerStore;
class PlaybackManager;

// Live spoken guide cues (a set's guide_cues): for the current song and the set's cued next
// one, each marker's name one bar before it (guideCueClips), made on a worker thread whenever
// a song arrives, is cued, or its markers or click change, then handed to that song's
// transport (GuideCues). Off: the cues fade out and nothing is synthesised. GUI thread only.
class SongGuideCues : public QObject {
    Q_OBJECT
  public:
    // `markers` is where the songs' markers are read (SongMarkers saves there at every change).
    SongGuideCues(PlaybackManager& playback, const MarkerStore& markers, QObject* parent = nullptr);
    ~SongGuideCues() override;

    void setEnabled(bool on);
    bool enabled() const { return enabled_; }
    // dB, clamped to GuideCues' range (-40..0).
    void setLevelDb(double db);
    double levelDb() const { return levelDb_; }

    // The current song's markers changed: its cues are made again.
    void markersChanged();
    // No build under way (tests).
    bool idle() const { return running_ == 0; }

  signals:
    // Cues were handed to `folder`'s transport (`count` of them).
    void built(const QString& folder, int count);
    // The voice is unavailable (espeak-ng data missing): said once.
    void message(const QString& text);

  private:
    enum class Target { Current, Cued };
    void rebuild(Target target);
    void applySettings();

    PlaybackManager& playback_;
    const MarkerStore& markers_;
    bool enabled_ = false;
    double levelDb_ = -6.0;
    unsigned generation_[2] = {0, 0};  // a newer build for a target makes older ones stale
    QString builtFolder_[2];           // whose cues each target's transport has (empty: none)
    int builtRate_[2] = {0, 0};
    int running_ = 0;
    bool toldUnavailable_ = false;
};

}  // namespace stemdeck::app
