#include "stemdeck/ui/LevelMeter.h"

#include <QLinearGradient>
#include <QPaintEvent>
#include <QPainter>
#include <algorithm>
#include <array>

#include "stemdeck/ui/FaderTaper.h"
#include "stemdeck/ui/Palette.h"

namespace stemdeck::ui {

namespace {

constexpr int kBarWidth = 6;
constexpr int kGap = 2;
constexpr int kClipHeight = 4;
// The fader beside the meter moves its handle's centre between these insets (half the
// handle's height), so the meter's scale lines up with the fader's.
constexpr int kInset = 15;
constexpr int kScaleWidth = 20;
constexpr std::array<float, 7> kScaleMarks{6.0f, 0.0f, -10.0f, -20.0f, -30.0f, -40.0f, -60.0f};

}  // namespace

LevelMeter::LevelMeter(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    // It paints its own background (its strip's colour), so a moving bar repaints the meter
    // alone, not the strip's styled rounded frame behind it.
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QColor LevelMeter::background() const {
    // The strip's style sheet background is its palette's window colour.
    const QWidget* strip = parentWidget() ? parentWidget() : this;
    return strip->palette().color(QPalette::Window);
}

void LevelMeter::setChannelCount(int channels) {
    channels_ = std::clamp(channels, 1, 2);
    updateGeometry();
    update();
}

void LevelMeter::setScaleVisible(bool visible) {
    scale_ = visible;
    updateGeometry();
    update();
}

int LevelMeter::barsLeft() const {
    return scale_ ? kScaleWidth : 0;
}

void LevelMeter::showPeak(float peak, double seconds) {
    const std::array<MeterBallistics, 2> before = meters_;
    meters_[0].update(peak, seconds);
    updateBars(before);
}

void LevelMeter::showPeaks(float left, float right, double seconds) {
    const std::array<MeterBallistics, 2> before = meters_;
    meters_[0].update(left, seconds);
    meters_[1].update(right, seconds);
    updateBars(before);
}

void LevelMeter::updateBars(const std::array<MeterBallistics, 2>& before) {
    // A meter at rest (or holding still) is not painted again; a moving one only where its
    // bars are, not its scale.
    for (int c = 0; c < channels_; ++c) {
        const MeterBallistics& was = before[static_cast<std::size_t>(c)];
        const MeterBallistics& is = meters_[static_cast<std::size_t>(c)];
        if (was.levelDb() != is.levelDb() || was.holdDb() != is.holdDb() ||
            was.clipped() != is.clipped()) {
            update(barsRect());
            return;
        }
    }
}

QRect LevelMeter::barsRect() const {
    return {barsLeft(), 0, width() - barsLeft(), height()};
}

void LevelMeter::reset() {
    for (auto& m : meters_) m.reset();
    update();
}

bool LevelMeter::atRest() const {
    for (int c = 0; c < channels_; ++c)
        if (!meters_[static_cast<std::size_t>(c)].atRest()) return false;
    return true;
}

QSize LevelMeter::sizeHint() const {
    return {barsLeft() + channels_ * (kBarWidth + kGap) + kGap, 160};
}

QSize LevelMeter::minimumSizeHint() const {
    return {sizeHint().width(), 60};
}

void LevelMeter::paintEvent(QPaintEvent* event) {
    QPainter p(this);
    p.fillRect(event->rect(), background());
    const QRectF area = QRectF(rect()).adjusted(0, kInset, 0, -kInset);
    const auto yFor = [&](float db) {
        return area.bottom() - FaderTaper::positionOf(db) * area.height();
    };
    // Green up to -18 dB, then yellow, orange near 0 dB, red above.
    QLinearGradient gradient(0, area.bottom(), 0, area.top());
    const auto stop = [&](float db) { return (area.bottom() - yFor(db)) / area.height(); };
    gradient.setColorAt(0.0, palette::kGood.darker(140));
    gradient.setColorAt(stop(-18.0f), palette::kGood);
    gradient.setColorAt(stop(-6.0f), QColor(0xf2, 0xd0, 0x3d));
    gradient.setColorAt(stop(0.0f), palette::kWarn);
    gradient.setColorAt(std::min(1.0, stop(0.0f) + 0.01), palette::kBad);
    gradient.setColorAt(1.0, palette::kBad);

    for (int c = 0; c < channels_; ++c) {
        const MeterBallistics& m = meters_[c];
        const qreal x = barsLeft() + kGap + c * (kBarWidth + kGap);
        const QRectF bar(x, area.top(), kBarWidth, area.height());
        p.fillRect(bar, QColor(0x0f, 0x11, 0x14));
        if (m.levelDb() > MeterBallistics::kFloorDb) {
            const QRectF lit(x, yFor(m.levelDb()), kBarWidth, area.bottom() - yFor(m.levelDb()));
            p.fillRect(lit, gradient);
        }
        if (m.holdDb() > MeterBallistics::kFloorDb) {
            const qreal y = yFor(m.holdDb());
            p.fillRect(QRectF(x, y - 1, kBarWidth, 2),
                       m.holdDb() >= 0.0f ? palette::kBad : palette::kText);
        }
        p.fillRect(QRectF(x, area.top() - kClipHeight - 3, kBarWidth, kClipHeight),
                   m.clipped() ? palette::kBad : QColor(0x2a, 0x1c, 0x1e));
    }
    // The 0 dB mark, level with the fader's unity position.
    p.setPen(QColor(255, 255, 255, 60));
    p.drawLine(QPointF(barsLeft(), yFor(0.0f)), QPointF(width(), yFor(0.0f)));
    if (!scale_ || event->rect().left() >= barsLeft()) return;  // the scale has not changed
    QFont small = font();
    small.setPixelSize(8);
    p.setFont(small);
    p.setPen(palette::kDimText);
    // A short meter (a low window) shows only the marks that do not run into each other.
    qreal lastY = -1e9;
    for (float db : kScaleMarks) {
        if (yFor(db) - lastY < 9) continue;
        lastY = yFor(db);
        const QRectF label(0, yFor(db) - 5, kScaleWidth - 3, 10);
        p.drawText(label, Qt::AlignRight | Qt::AlignVCenter,
                   db > 0 ? QStringLiteral("+%1").arg(db) : QString::number(db));
    }
}

}  // namespace stemdeck::ui
