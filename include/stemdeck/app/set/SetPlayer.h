#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <optional>
#include <utility>

#include "stemdeck/app/set/SetList.h"
#include "stemdeck/audio/click/ClickSettings.h"

// Plays a set song after song: jumps to any entry (opens its song and, once it is loaded,
// applies the entry's tempo, pitch, click and count-in and goes to its start marker), Next /
// Previous, and what happens at the end of a song by its transition. A song's settings live
// with its entry: nothing of the song before carries over. Talks to the playback only through
// a SetPlaybackPort. GUI thread only.
namespace stemdeck::app::set {

class SetPlaybackPort;
class SetSession;

class SetPlayer : public QObject {
    Q_OBJECT
  public:
    SetPlayer(SetSession& session, SetPlaybackPort& port, QObject* parent = nullptr);

    // Makes `row` the current entry and opens its song; `play`: start it once it is set up.
    // A row whose song cannot be opened stays current (problem() says why), so Next goes on
    // from it.
    void jumpTo(int row, bool play = false);
    // The entry after / before the current one (the first when there is none); keeps playing
    // if the playback was playing.
    void next();
    void previous();
    bool hasNext() const;
    bool hasPrevious() const;
    // The entry being opened, -1 when none.
    int pendingRow() const { return pending_ ? pending_->row : -1; }
    // Seconds left of a gap in progress (0: none).
    double gapLeft() const;

    // The click the entry asks for on top of `base` (the level and anything else the user
    // set stay): on/off and count-in bars from the entry, tempo and meter from the song's
    // meta.json, else the click's defaults, never the song before's.
    static audio::ClickSettings clickFor(const SetEntry& entry, const QString& folder,
                                         audio::ClickSettings base);
    // Whole semitones and the cents left over of an entry's transposition.
    static std::pair<int, double> pitchOf(const SetEntry& entry);

  signals:
    // The entry's song is loaded and set up.
    void entryStarted(int row);
    // An entry could not be played (one line naming the entry).
    void problem(const QString& message);

  private:
    struct Pending {
        int row = -1;
        QString folder;
        bool play = false;
        bool skipOnFailure = false;  // reached by auto-advance: a failure moves on
    };
    void open(int row, bool play, bool skipOnFailure);
    void onSongLoaded(const QString& folder);
    void onLoadFailed(const QString& folder, const QString& message);
    void onFinished();
    void onAdvanced(const QString& folder);
    void applyEntry(int row, const QString& folder);
    // Tells the port what follows `row`: entry `next` (-1: row + 1).
    void prepareNext(int row, int next = -1);
    void onNextFailed(const QString& folder, const QString& message);
    QString label(int row) const;

    SetSession& session_;
    SetPlaybackPort& port_;
    std::optional<Pending> pending_;
    int cueRow_ = -1;  // the entry last told to the port as the next song (-1: none)
    // A song opened outside the set plays: nothing is cued behind it and it does not advance;
    // next() goes on after the set's current entry, and opening an entry ends it.
    bool outside_ = false;
    QTimer gapTimer_;
};

}  // namespace stemdeck::app::set
