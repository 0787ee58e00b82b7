#pragma once

#include <QString>
#include <QWidget>

#include "stemdeck/app/LyricsStore.h"
#include "stemdeck/words/LyricsStamper.h"

class QKeyEvent;
class QLabel;
class QTableWidget;

namespace stemdeck::ui {

// Lyrics › Stamp Lyrics… (issue 14, part 2): a window over a words::LyricsStamper. The song
// plays (Space, or the window's Play button: it asks the main window, which owns playback), and
// each tap of Return or T stamps the next line at the song position and moves on; the selected
// line can be nudged ±10 ms (- and +), cleared (Delete) or played from (P); Save writes
// lyrics.lrc through app::LyricsStore. Positions are song seconds (what PlaybackManager
// reports), so stamps made at a slower tempo land where the words are sung. GUI thread only.
class StampWindow : public QWidget {
    Q_OBJECT
  public:
    explicit StampWindow(QWidget* parent = nullptr);

    // The song whose lyrics are stamped (Save writes to its folder) and the lines to start
    // from: its lyrics, or none for pasted or opened text.
    void setSong(const QString& folder, words::LyricsStamper stamper);
    void setStore(app::LyricsStore store) { store_ = std::move(store); }
    // Replaces the lines by plain or LRC text (pasted, opened); stamps of LRC text are kept.
    void setText(const QString& text);
    void setPosition(double songSeconds);
    // Another song was loaded while the window is open: the window follows it (its lines), as
    // the lyrics panel does, after asking whether to save the old song's unsaved stamps (Save
    // or Discard). When that save fails the window stays on the old song and says so.
    void followSong(const QString& folder, words::LyricsStamper stamper);

    const words::LyricsStamper& stamper() const { return stamper_; }
    QString folder() const { return folder_; }
    int selectedLine() const;
    void selectLine(int line);
    bool modified() const { return modified_; }

    // The editing actions, as the keys and buttons do them.
    bool stampNext();
    void nudgeSelected(int steps);
    void clearSelected();
    void playFromSelected();
    // Writes the LRC; false when it cannot (the status line says why).
    bool save();
    QString status() const;

  signals:
    void playPauseRequested();
    void playFromRequested(double songSeconds);
    // After a successful save(), with the file written.
    void saved(const QString& file);

  protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    // The window's keys; true when `event` was one.
    bool handleKey(const QKeyEvent* event);
    void openText();
    void pasteText();
    void refill();
    void refreshRow(int row);
    void showStatus(const QString& text);

    words::LyricsStamper stamper_;
    app::LyricsStore store_;
    QString folder_;
    QTableWidget* table_ = nullptr;
    QLabel* positionLabel_ = nullptr;
    QLabel* status_ = nullptr;
    double position_ = 0.0;
    bool modified_ = false;
};

}  // namespace stemdeck::ui
