#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QWidget>
#include <vector>

#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/audio/click/ClickSettings.h"

class QLabel;
class QPushButton;

namespace stemdeck::ui {

class BeatLight;
class StageWords;

// View › Stage: what a player on stage needs, readable from three metres: the song's title,
// the section it is in and the next one (from its markers) with the time to it, bar.beat on the
// click's grid with a light that flashes on each beat (another colour on the downbeat), the
// time left in the song and in the set, the next song, the count-in, and whether the mix is
// locked. Only play/pause, stop, vamp and previous/next song can be pressed; Escape asks to
// leave.
// White on black, text sized to the window. It only shows what it is told (the main window
// feeds it from the PlaybackManager's signals and, while playing, from its frame tick) and
// repaints only what changed: a label whose text is the same is not repainted, and the beat
// light only when it switches. GUI thread only.
class StageView : public QWidget {
    Q_OBJECT
  public:
    explicit StageView(QWidget* parent = nullptr);
    ~StageView() override;

    // A new song: its title and length. `hasTempo`: the song says its tempo (meta.json), so
    // bar.beat means something; without it the position is shown as a time instead.
    void setSong(const QString& title, double durationSeconds, bool hasTempo);
    // The song has a tempo after all (one found by analysis) or no longer has one.
    void setHasTempo(bool hasTempo);
    void setDuration(double seconds);
    // The click's grid: BPM, meter, first beat.
    void setClick(const audio::ClickSettings& click);
    // The song's markers, sorted by time.
    void setMarkers(std::vector<app::SongMarker> markers);
    void setPosition(double seconds);
    void setPlaying(bool playing);
    // Beats of count-in still to play (0: none).
    void setCountIn(int beatsLeft);
    void setLocked(bool locked);
    // The song is part of a set: the song after it (empty: this is the last) and how long the
    // rest of the set plays after this song ends. Enables previous/next song as there are.
    void setSetContext(const QString& nextSong, double setSecondsLeftAfterThisSong);
    // No set: the next song is hidden, the set's time left is the song's, previous/next off.
    void clearSetContext();
    void setSongNavigation(bool canPrevious, bool canNext);
    // The vamp button: "Release <section>" while `section` repeats; otherwise "Vamp <the
    // section the play is in>" (off for a song without markers).
    void setVamp(bool active, const QString& section);

    bool hasSetContext() const { return inSet_; }
    double position() const { return position_; }
    // The lyrics and chord under the section cues: fed by the main window (MainWindowWords).
    StageWords* words() const { return words_; }

  signals:
    void playPauseRequested();
    void stopRequested();
    void previousSongRequested();
    void nextSongRequested();
    void vampRequested();
    void leaveRequested();

  protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

  private:
    QLabel* addLabel(const char* name, Qt::Alignment align);
    QPushButton* addButton(const char* name, const QString& text);
    void scaleFonts();
    // Sets a label's text, cut with "…" to its width (the full text stays its tooltip).
    void setElided(QLabel* label, const QString& text);
    void showTimes();
    void showSections();
    void showBeat();
    void showSetContext();
    void showVamp();

    QLabel* title_;
    QLabel* lock_;
    QLabel* section_;
    QLabel* nextSection_;
    StageWords* words_;
    QLabel* barBeat_;
    BeatLight* light_;
    QLabel* songLeft_;
    QLabel* setLeft_;
    QLabel* nextSong_;
    QPushButton* previous_;
    QPushButton* playPause_;
    QPushButton* stop_;
    QPushButton* vamp_;
    QPushButton* next_;

    double duration_ = 0.0;
    double position_ = 0.0;
    bool hasTempo_ = false;
    audio::ClickSettings click_;
    std::vector<app::SongMarker> markers_;
    int countIn_ = 0;
    QElapsedTimer sinceCountBeat_;  // the count-in's light flashes on each beat it counts
    bool inSet_ = false;
    QString nextSongName_;
    double setAfterSong_ = 0.0;
    bool vamping_ = false;
    QString vampSection_;
};

}  // namespace stemdeck::ui
