#include "stemdeck/ui/TimelineView.h"

#include <QContextMenuEvent>
#include <QFontMetrics>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QRegion>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "stemdeck/ui/LanePainter.h"
#include "stemdeck/ui/Palette.h"
#include "stemdeck/ui/RulerPainter.h"
#include "stemdeck/ui/WordsLanePainter.h"

namespace stemdeck::ui {

namespace {

constexpr int kLaneGap = 1;
constexpr double kFollowMargin = 0.1;  // where the playhead lands after the view pages along

}  // namespace

TimelineView::TimelineView(QWidget* parent) : QAbstractScrollArea(parent) {
    setFrameShape(QFrame::NoFrame);
    // Lanes never get thinner than kMinLaneHeight: many stems scroll instead.
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFocusPolicy(Qt::NoFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setMouseTracking(true);  // the cursor shows where a loop edge can be grabbed
    setMinimumHeight(kRulerHeight + 60);
}

void TimelineView::setSong(std::vector<Lane> lanes,
                           std::shared_ptr<const std::vector<app::WaveformPeaks>> peaks,
                           double duration) {
    lanes_ = std::move(lanes);
    peaks_ = std::move(peaks);
    audible_.assign(lanes_.size(), true);
    duration_ = std::max(0.0, duration);
    decoded_ = {{0.0, duration_}};
    position_ = 0.0;
    loopStart_ = loopEnd_ = -1.0;
    loopEnabled_ = false;
    fit_ = true;
    pixelsPerSecond_ = fitPixelsPerSecond();
    updateScrollRange();
    horizontalScrollBar()->setValue(0);
    verticalScrollBar()->setValue(0);
    invalidate();
}

void TimelineView::setPeaks(std::shared_ptr<const std::vector<app::WaveformPeaks>> peaks) {
    if (peaks == peaks_) return;
    peaks_ = std::move(peaks);
    invalidate();
}

void TimelineView::growPeaks(std::shared_ptr<const std::vector<app::WaveformPeaks>> peaks,
                             const app::TimeSpans& grown) {
    // A lane whose loudest peak grew is scaled anew: all of it is redrawn then (rare once the
    // first seconds are in); otherwise only the strips that grew.
    bool sameScale = peaks_ && peaks && peaks_->size() == peaks->size();
    for (std::size_t i = 0; sameScale && i < peaks->size(); ++i)
        sameScale = LanePainter::gain((*peaks_)[i]) == LanePainter::gain((*peaks)[i]);
    peaks_ = std::move(peaks);
    if (!sameScale || !cacheValid_) {
        invalidate();
        return;
    }
    QRegion strips;
    for (const app::TimeSpan& span : grown) {
        // A pixel reaches up to a bucket past its frames: a margin of two pixels each side.
        const int left = std::max(0, static_cast<int>(std::floor(xAt(span.start))) - 2);
        const int right =
            std::min(viewport()->width(), static_cast<int>(std::ceil(xAt(span.end))) + 2);
        if (right > left) strips += QRect(left, 0, right - left, viewport()->height());
    }
    if (strips.isEmpty()) return;
    QPainter p(&cache_);
    p.setClipRegion(strips);
    paintLanes(p);
    p.end();
    viewport()->update(strips);
}

void TimelineView::setDecodedSpans(const app::TimeSpans& spans) {
    app::TimeSpans decoded;
    for (const app::TimeSpan& span : spans) {
        const double start = std::clamp(span.start, 0.0, duration_);
        const double end = std::clamp(span.end, 0.0, duration_);
        if (end > start) decoded.push_back({start, end});
    }
    // Sorted, and spans that touch as one (decoded() is the first one's end).
    std::sort(decoded.begin(), decoded.end(),
              [](const app::TimeSpan& a, const app::TimeSpan& b) { return a.start < b.start; });
    std::size_t kept = 0;
    for (const app::TimeSpan& span : decoded) {
        if (kept > 0 && span.start <= decoded[kept - 1].end)
            decoded[kept - 1].end = std::max(decoded[kept - 1].end, span.end);
        else
            decoded[kept++] = span;
    }
    decoded.resize(kept);
    if (decoded == decoded_) return;
    // Only the strips whose state changed (and a pixel each side), nothing for a change within
    // a pixel: decoding moves the edges ten times a second for minutes.
    std::vector<double> edges;
    for (const auto* list : {&decoded_, &decoded})
        for (const app::TimeSpan& span : *list) edges.insert(edges.end(), {span.start, span.end});
    std::sort(edges.begin(), edges.end());
    const auto holds = [](const app::TimeSpans& list, double t) {
        return std::any_of(list.begin(), list.end(),
                           [t](const app::TimeSpan& s) { return s.start <= t && t < s.end; });
    };
    QRegion changed;
    for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
        const double mid = (edges[i] + edges[i + 1]) / 2;
        if (edges[i] == edges[i + 1] || holds(decoded_, mid) == holds(decoded, mid)) continue;
        const double from = xAt(edges[i]);
        const double to = xAt(edges[i + 1]);
        if (std::round(from) == std::round(to)) continue;
        const int left = static_cast<int>(std::floor(from)) - 1;
        const int right = static_cast<int>(std::ceil(to)) + 1;
        changed += QRect(left, 0, right - left + 1, viewport()->height());
    }
    decoded_ = std::move(decoded);
    if (!changed.isEmpty()) viewport()->update(changed);
}

double TimelineView::decoded() const {
    return !decoded_.empty() && decoded_.front().start <= 0.0 ? decoded_.front().end : 0.0;
}

void TimelineView::setAudible(const std::vector<bool>& audible) {
    if (audible == audible_) return;
    audible_ = audible;
    invalidate();
}

void TimelineView::setPosition(double seconds) {
    const double width = viewport()->width();
    const double before = xAt(position_);
    position_ = std::clamp(seconds, 0.0, duration_);
    const double now = xAt(position_);
    // Page along with the music, unless the user has scrolled somewhere else to look.
    if (playing_ && !dragging_ && !fit_ && before >= 0 && before <= width && now > width) {
        // Scrolling repaints the whole view (scrollContentsBy).
        horizontalScrollBar()->setValue(
            static_cast<int>(position_ * pixelsPerSecond_ - kFollowMargin * width));
    }
    movePlayhead(before);
}

QRect TimelineView::playheadStrip(double x) const {
    // The line (1.5 px, antialiased) and the head (kHeadHalfWidth each side), with a pixel
    // to spare.
    const int centre = static_cast<int>(std::round(x));
    return {centre - kHeadHalfWidth - 2, 0, 2 * kHeadHalfWidth + 5, viewport()->height()};
}

void TimelineView::movePlayhead(double fromX) {
    // Only the strips where the playhead was and where it is now; nothing when it has not
    // moved by a whole pixel, so the cost follows neither the song's length nor the zoom.
    const double toX = xAt(position_);
    if (std::round(fromX) == std::round(toX)) return;
    viewport()->update(playheadStrip(fromX));
    viewport()->update(playheadStrip(toX));
}

void TimelineView::setLoop(double start, double end, bool enabled) {
    // A drag in progress shows the user's loop, not the one it is about to replace.
    if (drag_ == Drag::NewLoop || drag_ == Drag::LoopStart || drag_ == Drag::LoopEnd) return;
    loopStart_ = start;
    loopEnd_ = end;
    loopEnabled_ = enabled;
    viewport()->update();
}

void TimelineView::setMarkers(std::vector<Flag> markers) {
    markers_ = std::move(markers);
    viewport()->update();
}

QRect TimelineView::flagRect(int index) const {
    if (index < 0 || index >= markerCount()) return {};
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    const int width = QFontMetrics(font).horizontalAdvance(markers_[index].name) + 10;
    const int x = static_cast<int>(std::round(xAt(markers_[index].seconds)));
    return {x, kRulerHeight + 1, width, kFlagHeight};
}

int TimelineView::markerAt(QPoint point) const {
    // The last drawn is on top.
    for (int i = markerCount() - 1; i >= 0; --i)
        if (flagRect(i).contains(point)) return i;
    return -1;
}

QMenu* TimelineView::markerMenu(int index) {
    auto* menu = new QMenu(this);
    if (index < 0 || index >= markerCount()) return menu;
    menu->addAction(tr("Jump Here"), this, [this, index] { emit markerClicked(index); });
    menu->addAction(tr("Loop Section"), this, [this, index] { emit markerLoopRequested(index); })
        ->setToolTip(tr("Loop from this marker to the next one"));
    menu->addSeparator();
    menu->addAction(tr("Rename…"), this, [this, index] { emit markerRenameRequested(index); });
    menu->addAction(tr("Delete"), this, [this, index] { emit markerRemoveRequested(index); });
    return menu;
}

void TimelineView::setPlaying(bool playing) {
    playing_ = playing;
}

void TimelineView::setPixelsPerSecond(double pixelsPerSecond, int anchor) {
    const double anchorTime = secondsAt(anchor);
    const double fit = fitPixelsPerSecond();
    pixelsPerSecond_ =
        std::clamp(pixelsPerSecond, std::min(fit, kMaxPixelsPerSecond), kMaxPixelsPerSecond);
    fit_ = pixelsPerSecond_ <= fit;
    updateScrollRange();
    horizontalScrollBar()->setValue(
        static_cast<int>(std::lround(anchorTime * pixelsPerSecond_ - anchor)));
    invalidate();
}

double TimelineView::secondsAt(double x) const {
    return (horizontalScrollBar()->value() + x) / pixelsPerSecond_;
}

double TimelineView::xAt(double seconds) const {
    return seconds * pixelsPerSecond_ - horizontalScrollBar()->value();
}

void TimelineView::zoomIn() {
    setPixelsPerSecond(pixelsPerSecond_ * kZoomStep, zoomAnchor());
}

void TimelineView::zoomOut() {
    setPixelsPerSecond(pixelsPerSecond_ / kZoomStep, zoomAnchor());
}

int TimelineView::zoomAnchor() const {
    // Zoom around the playhead when it is in view (that is where the musician looks),
    // else around the middle of the view.
    const double x = xAt(position_);
    const int width = viewport()->width();
    return x >= 0 && x <= width ? static_cast<int>(x) : width / 2;
}

void TimelineView::zoomToFit() {
    setPixelsPerSecond(fitPixelsPerSecond(), 0);
}

double TimelineView::fitPixelsPerSecond() const {
    return duration_ > 0 ? std::max(1, viewport()->width() - 1) / duration_ : 10.0;
}

void TimelineView::updateScrollRange() {
    const int content = static_cast<int>(std::ceil(duration_ * pixelsPerSecond_));
    QScrollBar* bar = horizontalScrollBar();
    bar->setRange(0, std::max(0, content - viewport()->width()));
    bar->setPageStep(viewport()->width());
    bar->setSingleStep(std::max(1, viewport()->width() / 20));
    // The lanes under the ruler scroll up and down when they do not fit.
    QScrollBar* lanes = verticalScrollBar();
    const int room = lanesRoom();
    lanes->setRange(0, std::max(0, laneCount() * laneHeight() - room));
    lanes->setPageStep(room);
    lanes->setSingleStep(laneHeight());
}

int TimelineView::lanesRoom() const {
    return std::max(0, viewport()->height() - kRulerHeight - wordsRect().height());
}

int TimelineView::laneHeight() const {
    const int n = laneCount();
    return n > 0 ? std::max(kMinLaneHeight, lanesRoom() / n) : 0;
}

QRect TimelineView::laneRect(int index) const {
    const int n = laneCount();
    if (index < 0 || index >= n) return {};
    const int top = kRulerHeight - verticalScrollBar()->value();
    // Lanes that fit share the height exactly; more scroll at their minimum height.
    const bool fit = lanesRoom() / n >= kMinLaneHeight;
    const int y0 = top + (fit ? lanesRoom() * index / n : kMinLaneHeight * index);
    const int y1 = top + (fit ? lanesRoom() * (index + 1) / n : kMinLaneHeight * (index + 1));
    return {0, y0, viewport()->width(), y1 - y0 - kLaneGap};
}

void TimelineView::invalidate() {
    cacheValid_ = false;
    viewport()->update();
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    if (fit_) pixelsPerSecond_ = fitPixelsPerSecond();
    updateScrollRange();
    invalidate();
}

void TimelineView::scrollContentsBy(int, int) {
    invalidate();
}

void TimelineView::seekTo(double x) {
    if (duration_ <= 0) return;
    const double before = xAt(position_);
    position_ = std::clamp(secondsAt(x), 0.0, duration_);
    movePlayhead(before);
    emit seekRequested(position_);
}

TimelineView::Drag TimelineView::edgeAt(double x) const {
    if (loopStart_ < 0) return Drag::None;
    const double toStart = std::abs(x - xAt(loopStart_));
    const double toEnd = hasLoop() ? std::abs(x - xAt(loopEnd_)) : kEdgeGrab + 1.0;
    if (std::min(toStart, toEnd) > kEdgeGrab) return Drag::None;
    // A lone A cannot be dragged (there is no loop to move yet).
    if (!hasLoop()) return Drag::None;
    return toStart <= toEnd ? Drag::LoopStart : Drag::LoopEnd;
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || duration_ <= 0) return;
    const double x = event->position().x();
    dragOriginX_ = x;
    dragMoved_ = false;
    drag_ = edgeAt(x);
    if (drag_ != Drag::None) return;
    pressedMarker_ = markerAt(event->position().toPoint());
    if (pressedMarker_ >= 0 && !(event->modifiers() & Qt::ShiftModifier)) {
        drag_ = Drag::Marker;
        return;
    }
    if ((event->modifiers() & Qt::ShiftModifier) || event->position().y() < kRulerHeight) {
        drag_ = Drag::NewLoop;
        return;
    }
    drag_ = Drag::Seek;
    dragging_ = true;
    seekTo(x);
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
    const double x = event->position().x();
    if (!(event->buttons() & Qt::LeftButton) || drag_ == Drag::None) {
        viewport()->setCursor(edgeAt(x) != Drag::None                      ? Qt::SizeHorCursor
                              : markerAt(event->position().toPoint()) >= 0 ? Qt::PointingHandCursor
                                                                           : Qt::IBeamCursor);
        return;
    }
    if (std::abs(x - dragOriginX_) >= kDragThreshold) dragMoved_ = true;
    const double t = std::clamp(secondsAt(x), 0.0, duration_);
    switch (drag_) {
        case Drag::Seek:
            seekTo(x);
            break;
        case Drag::NewLoop:
            if (!dragMoved_) break;
            loopStart_ = std::min(t, std::clamp(secondsAt(dragOriginX_), 0.0, duration_));
            loopEnd_ = std::max(t, std::clamp(secondsAt(dragOriginX_), 0.0, duration_));
            viewport()->update();
            break;
        case Drag::LoopStart:
            // An edge does not pass the other one: the loop keeps a pixel at least.
            loopStart_ = std::min(t, loopEnd_ - 1.0 / pixelsPerSecond_);
            viewport()->update();
            break;
        case Drag::LoopEnd:
            loopEnd_ = std::max(t, loopStart_ + 1.0 / pixelsPerSecond_);
            viewport()->update();
            break;
        case Drag::Marker:
        case Drag::None:
            break;
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    const Drag drag = drag_;
    drag_ = Drag::None;
    dragging_ = false;
    if (drag == Drag::NewLoop) {
        // A click on the ruler (no drag) seeks, as anywhere else.
        if (dragMoved_ && hasLoop())
            emit loopRequested(loopStart_, loopEnd_, true);
        else
            seekTo(event->position().x());
    } else if ((drag == Drag::LoopStart || drag == Drag::LoopEnd) && dragMoved_) {
        emit loopRequested(loopStart_, loopEnd_, false);
    } else if (drag == Drag::Marker && !dragMoved_ && pressedMarker_ >= 0) {
        emit markerClicked(pressedMarker_);
    }
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent* event) {
    const int marker = markerAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && marker >= 0)
        emit markerRenameRequested(marker);
    else
        mousePressEvent(event);
}

void TimelineView::contextMenuEvent(QContextMenuEvent* event) {
    const int marker = markerAt(event->pos());
    if (marker < 0) return;
    QMenu* menu = markerMenu(marker);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void TimelineView::wheelEvent(QWheelEvent* event) {
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = delta.y() / 120.0;
        setPixelsPerSecond(pixelsPerSecond_ * std::pow(kZoomStep, steps),
                           static_cast<int>(event->position().x()));
    } else if (delta.x() == 0 && !(event->modifiers() & Qt::ShiftModifier) &&
               verticalScrollBar()->maximum() > 0) {
        // More lanes than fit: the wheel goes through them; Shift+wheel (or a sideways
        // swipe) moves along the song.
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y() / 3);
    } else {
        const int amount = delta.x() != 0 ? delta.x() : delta.y();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - amount);
    }
    event->accept();
}

void TimelineView::paintEvent(QPaintEvent* event) {
    const qreal ratio = devicePixelRatioF();
    if (!cacheValid_ || cache_.size() != viewport()->size() * ratio) renderCache();
    QPainter p(viewport());
    // Only what needs painting (the playhead's strips while playing) is copied from the cache;
    // what is drawn over it is clipped to the same region.
    for (const QRect& r : event->region())
        p.drawPixmap(QRectF(r), cache_,
                     QRectF(QPointF(r.topLeft()) * ratio, QSizeF(r.size()) * ratio));
    if (duration_ <= 0) return;
    drawUndecoded(p);
    drawLoop(p);
    drawMarkers(p);

    const double x = std::round(xAt(position_)) + 0.5;
    if (x < -1 || x > viewport()->width() + 1) return;
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(palette::kPlayhead, 1.5));
    p.drawLine(QPointF(x, kRulerHeight), QPointF(x, viewport()->height()));
    QPainterPath head;
    head.moveTo(x - kHeadHalfWidth, kRulerHeight - 9);
    head.lineTo(x + kHeadHalfWidth, kRulerHeight - 9);
    head.lineTo(x, kRulerHeight);
    head.closeSubpath();
    p.fillPath(head, palette::kPlayhead);
}

void TimelineView::renderCache() {
    const qreal ratio = devicePixelRatioF();
    cache_ = QPixmap(viewport()->size() * ratio);
    cache_.setDevicePixelRatio(ratio);
    cache_.fill(palette::kWindow);
    QPainter p(&cache_);
    if (laneCount() > 0) {
        paintLanes(p);
    } else {
        p.setPen(palette::kDimText);
        p.drawText(viewport()->rect().adjusted(0, kRulerHeight, 0, 0), Qt::AlignCenter,
                   tr("No song loaded"));
    }
    RulerPainter ruler{pixelsPerSecond_, secondsAt(0), duration_};
    ruler.paint(p, viewport()->width(), kRulerHeight, font());
    if (const QRect words = wordsRect(); !words.isEmpty())
        WordsLanePainter{pixelsPerSecond_, secondsAt(0), words_.get(), wordsTransposer_}.paint(
            p, words, font());
    cacheValid_ = true;
}

void TimelineView::paintLanes(QPainter& p) const {
    // Lanes scrolled up pass under the ruler, which stays on top.
    const QRect lanesArea(0, kRulerHeight, viewport()->width(), lanesRoom());
    p.setClipRect(lanesArea, p.hasClipping() ? Qt::IntersectClip : Qt::ReplaceClip);
    LanePainter lane;
    lane.endX = static_cast<int>(std::ceil(xAt(duration_)));
    for (int i = 0; i < laneCount(); ++i) {
        const QRect area = laneRect(i);
        if (!area.intersects(lanesArea)) continue;
        const bool audible = i < static_cast<int>(audible_.size()) ? audible_[i] : true;
        lane.name = lanes_[i].name;
        lane.color = lanes_[i].color;
        lane.audible = audible;
        lane.odd = i % 2 != 0;
        lane.peaks = peaks_ && i < static_cast<int>(peaks_->size()) ? &(*peaks_)[i] : nullptr;
        if (lane.peaks) {
            lane.startFrame = secondsAt(0) * lane.peaks->sampleRate();
            lane.framesPerPixel = lane.peaks->sampleRate() / pixelsPerSecond_;
        }
        lane.paint(p, area, font());
    }
    p.setClipping(false);
}

}  // namespace stemdeck::ui
