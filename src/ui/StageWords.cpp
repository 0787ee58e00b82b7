#include "stemdeck/ui/StageWords.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

namespace stemdeck::ui {

namespace {

// Font sizes in pixels at 1280x720, as StageView's.
constexpr int kChordPx = 56;
constexpr int kLinePx = 60;
constexpr int kNextLinePx = 36;

QLabel* makeLabel(QWidget* parent, const char* name) {
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // A long line wraps rather than widening the stage view.
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

}  // namespace

StageWords::StageWords(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("stageWords"));
    chord_ = makeLabel(this, "stageChord");
    chord_->setWordWrap(false);
    chord_->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    lineLabel_ = makeLabel(this, "stageLyric");
    next_ = makeLabel(this, "stageNextLyric");
    // The chord in the section's yellow, the next line in the dimmer grey of the other cues.
    chord_->setStyleSheet(QStringLiteral("color: #ffd84a;"));
    next_->setStyleSheet(QStringLiteral("color: #d0d0d0;"));
    auto* current = new QHBoxLayout;
    current->addWidget(chord_);
    current->addWidget(lineLabel_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(current);
    layout->addWidget(next_);
    setScale(1.0);
    setWords(nullptr);
}

void StageWords::setWords(std::shared_ptr<const words::SongWords> words) {
    words_ = std::move(words);
    const bool lyrics = words_ && words_->lyrics && words_->lyrics->synced();
    setVisible(lyrics || (words_ && !words_->chords.chords().empty()));
    lineLabel_->setVisible(lyrics);
    next_->setVisible(lyrics);
    line_ = -2;  // shown anew by the next setPosition
    chordIndex_ = -2;
    setPitch(pitch_);
    setPosition(0.0);
}

void StageWords::setPosition(double songSeconds) {
    if (!words_) return;
    const int line = words_->lyrics ? words_->lyrics->lineAt(songSeconds) : -1;
    if (line != line_) {
        line_ = line;
        showLines();
    }
    const int chord = words_->chords.chordAt(songSeconds);
    if (chord != chordIndex_) {
        chordIndex_ = chord;
        showChord();
    }
}

void StageWords::setPitch(int semitones) {
    pitch_ = semitones;
    const auto key = words_ ? words::MusicKey::parse(words_->key()) : std::nullopt;
    transposer_ = words::Transposer(semitones, key);
    showChord();
}

void StageWords::setScale(double scale) {
    const auto sized = [this, scale](int pixels, bool bold) {
        QFont font = this->font();
        font.setPixelSize(std::max(8, static_cast<int>(pixels * scale)));
        font.setBold(bold);
        return font;
    };
    chord_->setFont(sized(kChordPx, true));
    lineLabel_->setFont(sized(kLinePx, true));
    next_->setFont(sized(kNextLinePx, false));
}

QString StageWords::lineText() const {
    return lineLabel_->text();
}

QString StageWords::nextLineText() const {
    return next_->text();
}

QString StageWords::chordText() const {
    return chord_->text();
}

void StageWords::showLines() {
    const auto lineText = [this](int index) {
        if (!words_ || !words_->lyrics || index < 0) return QString();
        const auto& lines = words_->lyrics->lines();
        return index < static_cast<int>(lines.size())
                   ? QString::fromStdString(lines[static_cast<std::size_t>(index)].text).trimmed()
                   : QString();
    };
    // Before the first line, the first one waits below.
    lineLabel_->setText(lineText(line_));
    next_->setText(lineText(line_ + 1));
}

void StageWords::showChord() {
    QString text;
    if (words_ && chordIndex_ >= 0) {
        const auto& name = words_->chords.chords()[static_cast<std::size_t>(chordIndex_)].name;
        if (!name.empty()) text = QString::fromStdString(transposer_.chord(name));
    }
    chord_->setText(text);
}

}  // namespace stemdeck::ui
