#pragma once

#include <QObject>
#include <QString>
#include <optional>
#include <vector>

#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/VampRelease.h"

namespace stemdeck::app {

class PlaybackManager;
class SongMarkers;

// "Vamp this section": the section the play is in (marker to next marker) repeats until it is
// released. vamp() loops the section where the play is without moving it: the current pass
// plays on and then repeats, through the engine's seamless loop seam. The user's A-B loop is
// remembered and comes back when the vamp is over. release() ends it as releaseMode() says:
// EndOfPass switches the loop off, so the pass plays out into the next section; NextBar jumps
// seamlessly to the section's end at the click grid's next bar line (or at the section's end,
// if that comes first). The user's loop returns once the play has left the section. A song
// change, or the user changing the loop, ends the vamp (the user's loop is then theirs).
// GUI thread only.
class SectionVamp : public QObject {
    Q_OBJECT
  public:
    struct Section {
        QString name;
        double start = 0.0;
        double end = 0.0;
    };
    // The section holding `seconds` in a song of `duration` seconds with `markers` (sorted):
    // from the last marker at or before it to the next marker (the song's end after the last
    // one); before the first marker, the song's start to it ("Start"). None without markers
    // or when that section is empty. Any thread (pure).
    static std::optional<Section> sectionAt(const std::vector<SongMarker>& markers, double seconds,
                                            double duration);

    SectionVamp(PlaybackManager& playback, const SongMarkers& markers, QObject* parent = nullptr);

    void setReleaseMode(VampRelease mode) { mode_ = mode; }
    VampRelease releaseMode() const { return mode_; }

    // Loops the section the play is in; a song without markers (or a section too short to
    // loop) is said through message() and nothing changes. Nothing while vamping already.
    void vamp();
    // Ends the vamp as releaseMode() says; nothing when not vamping.
    void release();
    void toggle();
    bool active() const { return active_; }
    // The section being vamped (the last one, once released).
    const Section& section() const { return section_; }
    // What vamp() would loop now (none: no song, no markers).
    std::optional<Section> sectionHere() const;

  signals:
    void vampChanged(bool active, double startSeconds, double endSeconds);
    void message(const QString& text);

  private:
    // The A-B loop as the user left it (no complete loop: end < 0).
    struct UserLoop {
        double start = -1.0;
        double end = -1.0;
        bool enabled = false;
    };
    void onLoopChanged();
    void onSongLoaded(const QString& folder);
    // While released: once the play is out of the section, the user's loop comes back.
    void onPosition(double seconds);
    // Whether the engine's loop is still the one this left there (a reload keeps it).
    bool loopIsOurs() const;
    void restoreUserLoop();
    // Ends vamping and the wait to restore, without touching the loop.
    void drop();

    PlaybackManager& playback_;
    const SongMarkers& markers_;
    VampRelease mode_ = VampRelease::EndOfPass;
    bool active_ = false;
    bool releasing_ = false;  // released; the user's loop waits for the play to leave
    bool expectLoopOn_ = false;
    bool changingLoop_ = false;  // loopChanged from this class's own edits
    Section section_;
    UserLoop userLoop_;
    QString folder_;
};

}  // namespace stemdeck::app
