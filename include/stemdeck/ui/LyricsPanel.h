#pragma once

#include <QString>
#include <QWidget>
#include <memory>

#include "stemdeck/words/ChordName.h"
#include "stemdeck/words/SongWords.h"

class QPainter;
class QSpinBox;

namespace stemdeck::ui {

// The song's words as it plays (issue 14): a prompter (the current lyric line large, its
// current word lit when the LRC stamps words, the next line below, the sounding chord of
// meta.json above), or, when the song has a ChordPro sheet, the sheet scrolling with the song
// (its lines timed from the LRC: words::SongWords). Chord names follow the pitch setting and
// the capo (from the sheet's {capo}, changeable here), spelled for the key they land in.
//
// setPosition() takes song seconds (what PlaybackManager reports, so it follows the tempo
// setting) and costs two binary searches; it repaints only when the line, word or chord
// changes. GUI thread only.
class LyricsPanel : public QWidget {
    Q_OBJECT
  public:
    enum class Mode { Empty, Prompter, Sheet };

    explicit LyricsPanel(QWidget* parent = nullptr);

    void setWords(std::shared_ptr<const words::SongWords> words);
    void setPosition(double songSeconds);
    // The pitch setting in whole semitones.
    void setPitch(int semitones);
    void setCapo(int capo);

    Mode mode() const { return mode_; }
    int capo() const;
    // What is shown, for the tests and the accessibility text: the current and next lyric
    // lines (in sheet mode: sheet lines), the lit word (-1: none), the sounding chord.
    int currentLine() const { return line_; }
    int currentWord() const { return word_; }
    QString currentLineText() const;
    QString nextLineText() const;
    QString currentChord() const;
    // A chord name as shown: transposed by the pitch and the capo.
    QString shownChord(const std::string& name) const;
    // What names the chords (the pitch, the capo, the song's key), for the timeline's words
    // lane to name them the same way.
    const words::Transposer& transposer() const { return transposer_; }

  signals:
    // transposer() changed: the pitch, the capo or the song.
    void transposerChanged();

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    void updateTransposer();
    void paintPrompter(QPainter& painter, const QRect& area);
    void paintSheet(QPainter& painter, const QRect& area);

    std::shared_ptr<const words::SongWords> words_;
    words::Transposer transposer_;
    QSpinBox* capoBox_ = nullptr;
    Mode mode_ = Mode::Empty;
    int pitch_ = 0;
    int line_ = -1;
    int word_ = -1;
    int chord_ = -1;
};

}  // namespace stemdeck::ui
