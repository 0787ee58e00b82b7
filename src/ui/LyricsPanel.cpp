#include "stemdeck/ui/LyricsPanel.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <string>

#include "stemdeck/words/TextFile.h"

namespace stemdeck::ui {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

const QColor kSung(0xff, 0xd2, 0x4a);
const QColor kText(0xf0, 0xf0, 0xf0);
const QColor kDim(0x9a, 0x9a, 0x9a);
const QColor kChord(0x6c, 0xc8, 0xff);

}  // namespace

LyricsPanel::LyricsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("lyricsPanel"));
    setMinimumSize(240, 160);
    setAutoFillBackground(true);
    QPalette dark = palette();
    dark.setColor(QPalette::Window, QColor(0x16, 0x16, 0x18));
    dark.setColor(QPalette::WindowText, kDim);  // the Capo label on the dark ground
    setPalette(dark);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    auto* bar = new QHBoxLayout;
    auto* capoLabel = new QLabel(tr("Capo"), this);
    capoBox_ = new QSpinBox(this);
    capoBox_->setObjectName(QStringLiteral("lyricsCapo"));
    capoBox_->setRange(0, 11);
    capoBox_->setToolTip(tr("Chord names as played with a capo on this fret"));
    capoLabel->setBuddy(capoBox_);
    bar->addStretch();
    bar->addWidget(capoLabel);
    bar->addWidget(capoBox_);
    layout->addLayout(bar);
    layout->addStretch();
    connect(capoBox_, &QSpinBox::valueChanged, this, [this] { updateTransposer(); });
}

void LyricsPanel::setWords(std::shared_ptr<const words::SongWords> words) {
    words_ = std::move(words);
    mode_ = Mode::Empty;
    if (words_ && words_->sheet && !words_->sheet->lines.empty())
        mode_ = Mode::Sheet;
    else if (words_ && (words_->lyrics || !words_->chords.chords().empty()))
        mode_ = Mode::Prompter;
    {
        const QSignalBlocker quiet(capoBox_);
        capoBox_->setValue(words_ && words_->sheet ? words_->sheet->capo : 0);
    }
    line_ = word_ = chord_ = -1;
    updateTransposer();
    setPosition(0.0);
    update();
}

int LyricsPanel::capo() const {
    return capoBox_->value();
}

void LyricsPanel::setPitch(int semitones) {
    if (semitones == pitch_) return;
    pitch_ = semitones;
    updateTransposer();
}

void LyricsPanel::setCapo(int capo) {
    capoBox_->setValue(capo);
}

void LyricsPanel::updateTransposer() {
    const std::string key = words_ ? words_->key() : std::string();
    transposer_ = words::Transposer(pitch_, words::MusicKey::parse(key), capoBox_->value());
    update();
    emit transposerChanged();
}

void LyricsPanel::setPosition(double songSeconds) {
    int line = -1;
    int word = -1;
    int chord = -1;
    if (words_) {
        if (mode_ == Mode::Sheet) {
            line = words_->sheetLineAt(songSeconds);
        } else if (words_->lyrics) {
            line = words_->lyrics->lineAt(songSeconds);
            word = words_->lyrics->wordAt(line, songSeconds);
        }
        chord = words_->chords.chordAt(songSeconds);
    }
    if (line == line_ && word == word_ && chord == chord_) return;
    line_ = line;
    word_ = word;
    chord_ = chord;
    update();
}

QString LyricsPanel::currentLineText() const {
    if (!words_ || line_ < 0) return {};
    if (mode_ == Mode::Sheet) return qs(words_->sheet->lines[static_cast<std::size_t>(line_)].text);
    return qs(words_->lyrics->lines()[static_cast<std::size_t>(line_)].text);
}

QString LyricsPanel::nextLineText() const {
    if (!words_) return {};
    const auto next = static_cast<std::size_t>(line_ + 1);
    if (mode_ == Mode::Sheet)
        return next < words_->sheet->lines.size() ? qs(words_->sheet->lines[next].text) : QString();
    if (!words_->lyrics) return {};
    const auto& lines = words_->lyrics->lines();
    // Unsynced lyrics have no current line: the first is "next" until there is one.
    return next < lines.size() ? qs(lines[next].text) : QString();
}

QString LyricsPanel::currentChord() const {
    if (!words_ || chord_ < 0) return {};
    return shownChord(words_->chords.chords()[static_cast<std::size_t>(chord_)].name);
}

QString LyricsPanel::shownChord(const std::string& name) const {
    return qs(transposer_.chord(name));
}

void LyricsPanel::paintEvent(QPaintEvent* event) {
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QRect area = rect().adjusted(12, 36, -12, -8);
    if (mode_ == Mode::Empty) {
        painter.setPen(kDim);
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                         tr("No lyrics or chords for this song\n(lyrics.lrc, lyrics.txt, a .cho "
                            "chord sheet or meta.json chords in its folder)"));
        return;
    }
    if (mode_ == Mode::Sheet)
        paintSheet(painter, area);
    else
        paintPrompter(painter, area);
}

void LyricsPanel::paintPrompter(QPainter& painter, const QRect& area) {
    QFont base = font();
    int y = area.top();
    const QString chord = currentChord();
    if (!chord.isEmpty()) {
        QFont chordFont = base;
        chordFont.setPointSizeF(base.pointSizeF() * 1.6);
        chordFont.setBold(true);
        painter.setFont(chordFont);
        painter.setPen(kChord);
        painter.drawText(QRect(area.left(), y, area.width(), QFontMetrics(chordFont).height()),
                         Qt::AlignLeft, chord);
        y += QFontMetrics(chordFont).height() + 6;
    }
    if (!words_->lyrics) return;
    const auto& lyrics = *words_->lyrics;
    if (!lyrics.synced()) {
        // Unsynced: the text as a page, from the top.
        painter.setFont(base);
        painter.setPen(kText);
        QString page;
        for (const auto& line : lyrics.lines()) page += qs(line.text) + QLatin1Char('\n');
        painter.drawText(QRect(area.left(), y, area.width(), area.bottom() - y),
                         Qt::AlignLeft | Qt::TextWordWrap, page);
        return;
    }
    QFont big = base;
    big.setPointSizeF(base.pointSizeF() * 2.0);
    big.setBold(true);
    const QFontMetrics bigMetrics(big);
    painter.setFont(big);
    const QRect lineRect(area.left(), y, area.width(), bigMetrics.height() * 3);
    if (line_ >= 0) {
        const auto& line = lyrics.lines()[static_cast<std::size_t>(line_)];
        if (line.words.empty() || word_ < 0) {
            painter.setPen(word_ < 0 && !line.words.empty() ? kText : kSung);
            painter.drawText(lineRect, Qt::AlignLeft | Qt::TextWordWrap, qs(line.text));
        } else {
            // Word by word: sung words lit, the current one underlined, the rest plain. The
            // text before the first stamp (if any) counts as sung.
            int x = lineRect.left();
            int row = lineRect.top() + bigMetrics.ascent();
            std::size_t stamped = 0;
            for (const auto& w : line.words) stamped += w.text.size();
            const std::size_t prefix = line.text.size() - std::min(stamped, line.text.size());
            auto draw = [&](const QString& piece, const QColor& color, bool current) {
                const int width = bigMetrics.horizontalAdvance(piece);
                if (x + width > lineRect.right() && x > lineRect.left()) {
                    x = lineRect.left();
                    row += bigMetrics.lineSpacing();
                }
                painter.setPen(color);
                QFont f = big;
                f.setUnderline(current);
                painter.setFont(f);
                painter.drawText(x, row, piece);
                x += width;
            };
            if (prefix > 0) draw(qs(line.text.substr(0, prefix)), kSung, false);
            for (int i = 0; i < static_cast<int>(line.words.size()); ++i)
                draw(qs(line.words[static_cast<std::size_t>(i)].text), i <= word_ ? kSung : kText,
                     i == word_);
        }
    }
    y = lineRect.bottom() + 8;
    QFont next = base;
    next.setPointSizeF(base.pointSizeF() * 1.3);
    painter.setFont(next);
    painter.setPen(kDim);
    painter.drawText(QRect(area.left(), y, area.width(), area.bottom() - y),
                     Qt::AlignLeft | Qt::TextWordWrap, nextLineText());
}

void LyricsPanel::paintSheet(QPainter& painter, const QRect& area) {
    const auto& sheet = *words_->sheet;
    QFont lyricFont = font();
    lyricFont.setPointSizeF(font().pointSizeF() * 1.3);
    QFont chordFont = lyricFont;
    chordFont.setBold(true);
    const QFontMetrics lyricMetrics(lyricFont);
    const QFontMetrics chordMetrics(chordFont);
    auto heightOf = [&](const words::SheetLine& line) {
        return lyricMetrics.lineSpacing() + (line.chords.empty() ? 0 : chordMetrics.lineSpacing());
    };
    // The current line a third of the way down; the lines before it above.
    int first = std::max(line_, 0);
    int above = area.height() / 3;
    while (first > 0 && above - heightOf(sheet.lines[static_cast<std::size_t>(first - 1)]) > 0) {
        above -= heightOf(sheet.lines[static_cast<std::size_t>(first - 1)]);
        --first;
    }
    int y = area.top() + (line_ < 0 ? 0 : above);
    if (!sheet.title.empty() && line_ < 0) {
        painter.setFont(chordFont);
        painter.setPen(kText);
        painter.drawText(area.left(), y + chordMetrics.ascent(), qs(sheet.title));
        y += chordMetrics.lineSpacing() * 2;
    }
    for (std::size_t i = static_cast<std::size_t>(first); i < sheet.lines.size(); ++i) {
        if (y > area.bottom()) break;
        const auto& line = sheet.lines[i];
        const bool current = static_cast<int>(i) == line_;
        const QString text = qs(line.text);
        if (!line.chords.empty()) {
            painter.setFont(chordFont);
            painter.setPen(kChord);
            int minX = area.left();
            for (const auto& chord : line.chords) {
                // The position counts code points; QString counts UTF-16 units, two for a
                // character past U+FFFF.
                const QString before =
                    qs(std::string(words::codePointPrefix(line.text, chord.position)));
                const int x = std::max(minX, area.left() + lyricMetrics.horizontalAdvance(before));
                const QString name = shownChord(chord.name);
                painter.drawText(x, y + chordMetrics.ascent(), name);
                minX = x + chordMetrics.horizontalAdvance(name + QLatin1Char(' '));
            }
            y += chordMetrics.lineSpacing();
        }
        painter.setFont(lyricFont);
        painter.setPen(line.kind == words::SheetLine::Kind::Comment ? kDim
                       : current                                    ? kSung
                                                                    : kText);
        painter.drawText(area.left(), y + lyricMetrics.ascent(), text);
        y += lyricMetrics.lineSpacing();
    }
}

}  // namespace stemdeck::ui
