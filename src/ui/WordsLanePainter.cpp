#include "stemdeck/ui/WordsLanePainter.h"

#include <QFontMetrics>
#include <QPainter>
#include <algorithm>

#include "stemdeck/ui/Palette.h"

namespace stemdeck::ui {

namespace {

// Adds the labels of the items [first, n) that start before `width`, the one sounding at the
// left edge included (drawn from its start, off the left edge, so its text is cut).
template <typename TimeOf, typename TextOf>
void addRow(std::vector<WordsLanePainter::Label>& out, const WordsLanePainter& lane, int first,
            int n, int width, bool chord, TimeOf timeOf, TextOf textOf) {
    for (int i = std::max(0, first); i < n; ++i) {
        const double x = lane.xAt(timeOf(i));
        if (x >= width) break;
        const double next = i + 1 < n ? lane.xAt(timeOf(i + 1)) : static_cast<double>(width);
        QString text = textOf(i);
        if (text.isEmpty()) continue;  // a break or "no chord": nothing to write
        out.push_back({std::move(text), x, std::min(next, static_cast<double>(width)) - x, chord});
    }
}

}  // namespace

bool WordsLanePainter::shows(const words::SongWords* words) {
    return words && (!words->chords.chords().empty() || (words->lyrics && words->lyrics->synced()));
}

std::vector<WordsLanePainter::Label> WordsLanePainter::labels(int width) const {
    std::vector<Label> out;
    if (!words || pixelsPerSecond <= 0) return out;
    const auto& chords = words->chords.chords();
    if (!chords.empty()) {
        // The last chord started at the left edge (chordAt() is -1 after an entry's end).
        const auto it =
            std::upper_bound(chords.begin(), chords.end(), firstSecond,
                             [](double t, const words::TimedChord& c) { return t < c.time; });
        const int first = static_cast<int>(it - chords.begin()) - 1;
        addRow(
            out, *this, first, static_cast<int>(chords.size()), width, true,
            [&](int i) { return chords[static_cast<std::size_t>(i)].time; },
            [&](int i) {
                const auto& name = chords[static_cast<std::size_t>(i)].name;
                return QString::fromStdString(name.empty() ? name : transposer.chord(name));
            });
    }
    if (words->lyrics && words->lyrics->synced()) {
        const auto& lines = words->lyrics->lines();
        addRow(
            out, *this, words->lyrics->lineAt(firstSecond), static_cast<int>(lines.size()), width,
            false, [&](int i) { return lines[static_cast<std::size_t>(i)].time; },
            [&](int i) {
                return QString::fromStdString(lines[static_cast<std::size_t>(i)].text).trimmed();
            });
    }
    return out;
}

void WordsLanePainter::paint(QPainter& p, const QRect& area, const QFont& baseFont) const {
    p.save();
    p.setClipRect(area, Qt::IntersectClip);
    p.fillRect(area, palette::kPanel);
    QFont font = baseFont;
    font.setPointSizeF(std::max(7.0, baseFont.pointSizeF() * 0.85));
    for (const Label& label : labels(area.width())) {
        QFont f = font;
        f.setBold(label.chord);
        p.setFont(f);
        const QFontMetrics metrics(f);
        const int x = area.left() + static_cast<int>(label.x);
        const int room = static_cast<int>(label.room) - kGap;
        if (room < metrics.averageCharWidth()) continue;  // no room to show even its first letter
        const QRect row(x + 2, area.top() + (label.chord ? 0 : kRowHeight), room, kRowHeight);
        p.setPen(label.chord ? palette::kAccent : palette::kText);
        p.drawText(row, Qt::AlignLeft | Qt::AlignVCenter,
                   metrics.elidedText(label.text, Qt::ElideRight, room));
        p.setPen(palette::kDimText);
        p.drawLine(QPoint(x, row.top() + 2), QPoint(x, row.bottom() - 2));
    }
    p.restore();
}

}  // namespace stemdeck::ui
