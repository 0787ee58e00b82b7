#pragma once

#include <QWidget>
#include <memory>

#include "stemdeck/words/ChordName.h"
#include "stemdeck/words/SongWords.h"

class QLabel;

namespace stemdeck::ui {

// The stage view's words (issue 14), under its section cues: the chord sounding now (meta.json's
// timed chords, named as played: transposed by the pitch setting, spelled for the key it lands
// in), the current lyric line large and the next one below. Hidden for a song without synced
// lyrics or timed chords. setPosition() costs two binary searches and touches a label only when
// its line or chord changes. GUI thread only.
class StageWords : public QWidget {
    Q_OBJECT
  public:
    explicit StageWords(QWidget* parent = nullptr);

    void setWords(std::shared_ptr<const words::SongWords> words);
    void setPosition(double songSeconds);
    // The pitch setting in whole semitones.
    void setPitch(int semitones);
    // Font sizes for the stage view's scale (1 at 1280x720).
    void setScale(double scale);

    int currentLine() const { return line_; }
    QString lineText() const;
    QString nextLineText() const;
    QString chordText() const;

  private:
    void showLines();
    void showChord();

    std::shared_ptr<const words::SongWords> words_;
    words::Transposer transposer_;
    int pitch_ = 0;
    QLabel* chord_;
    QLabel* lineLabel_;
    QLabel* next_;
    int line_ = -1;
    int chordIndex_ = -1;
};

}  // namespace stemdeck::ui
