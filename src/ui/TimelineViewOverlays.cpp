// TimelineView, what is drawn over the cached lanes on every paint: the part not decoded yet,
// the A-B loop and the markers' flags; and the words lane's place. The rest is in
// TimelineView.cpp.
#include <QFontMetrics>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "stemdeck/ui/Palette.h"
#include "stemdeck/ui/TimelineView.h"
#include "stemdeck/ui/WordsLanePainter.h"

namespace stemdeck::ui {

void TimelineView::drawLoop(QPainter& p) const {
    if (loopStart_ < 0) return;
    const int height = viewport()->height();
    // A loop that is off stays visible but grey: it is ready to be switched on again.
    const QColor edge = loopEnabled_ ? palette::kAccent : palette::kDimText;
    const double x0 = std::round(xAt(loopStart_)) + 0.5;
    if (hasLoop()) {
        const double x1 = std::round(xAt(loopEnd_)) + 0.5;
        QColor shade = edge;
        shade.setAlpha(loopEnabled_ ? 50 : 28);
        p.fillRect(QRectF(x0, 0, x1 - x0, height), shade);
    }
    QFont font = this->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.8);
    p.setFont(font);
    const auto drawEdge = [&](double x, const QString& label, bool labelLeft) {
        p.setPen(QPen(edge, 1.5));
        p.drawLine(QPointF(x, 0), QPointF(x, height));
        const QRectF tag(labelLeft ? x - 14 : x, 0, 14, 13);
        p.fillRect(tag, edge);
        p.setPen(palette::kWindow);
        p.drawText(tag, Qt::AlignCenter, label);
    };
    drawEdge(x0, QStringLiteral("A"), false);
    if (hasLoop()) drawEdge(std::round(xAt(loopEnd_)) + 0.5, QStringLiteral("B"), true);
}

app::TimeSpans TimelineView::undecodedSpans() const {
    app::TimeSpans gaps;
    double from = 0.0;
    for (const app::TimeSpan& span : decoded_) {
        if (span.start > from) gaps.push_back({from, span.start});
        from = std::max(from, span.end);
    }
    if (from < duration_) gaps.push_back({from, duration_});
    return gaps;
}

void TimelineView::drawUndecoded(QPainter& p) const {
    // Dimmed, then hatched: "not here yet", also where a lane is silent. The hatching is
    // aligned to the viewport, so strips painted at different times join up.
    QColor dim = palette::kWindow;
    dim.setAlpha(150);
    QColor hatch = palette::kDimText;
    hatch.setAlpha(60);
    p.setBrushOrigin(0, 0);
    for (const app::TimeSpan& gap : undecodedSpans()) {
        // Edges inside the song on their rounded pixel, as setDecodedSpans repaints them.
        const double x0 =
            std::max(0.0, gap.start > 0.0 ? std::round(xAt(gap.start)) : std::floor(xAt(0.0)));
        const double x1 =
            std::min<double>(viewport()->width(), gap.end < duration_ ? std::round(xAt(gap.end))
                                                                      : std::ceil(xAt(duration_)));
        if (x1 <= x0) continue;
        const QRectF rest(x0, 0, x1 - x0, viewport()->height());
        p.fillRect(rest, dim);
        p.fillRect(rest, QBrush(hatch, Qt::BDiagPattern));
    }
}

void TimelineView::drawMarkers(QPainter& p) const {
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    p.setFont(font);
    for (int i = 0; i < markerCount(); ++i) {
        const QRect flag = flagRect(i);
        if (flag.right() < 0 || flag.left() > viewport()->width()) continue;
        const double x = flag.left() + 0.5;
        p.setPen(QPen(palette::kWarn, 1.0));
        p.drawLine(QPointF(x, kRulerHeight), QPointF(x, viewport()->height()));
        p.fillRect(flag, palette::kWarn);
        p.setPen(palette::kWindow);
        p.drawText(flag.adjusted(5, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, markers_[i].name);
    }
}

void TimelineView::setWords(std::shared_ptr<const words::SongWords> words,
                            words::Transposer transposer) {
    words_ = std::move(words);
    wordsTransposer_ = transposer;
    updateScrollRange();  // the stem lanes share less (or more) height
    invalidate();
}

QString TimelineView::wordsChord(const std::string& name) const {
    return QString::fromStdString(wordsTransposer_.chord(name));
}

QRect TimelineView::wordsRect() const {
    if (laneCount() == 0 || !WordsLanePainter::shows(words_.get())) return {};
    // At the bottom, under the stem lanes; never more than a third of the view.
    const int height = std::min(WordsLanePainter::height(), viewport()->height() / 3);
    return {0, viewport()->height() - height, viewport()->width(), height};
}

}  // namespace stemdeck::ui
