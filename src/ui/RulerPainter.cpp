#include "stemdeck/ui/RulerPainter.h"

#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>

#include "stemdeck/ui/Palette.h"
#include "stemdeck/ui/TimeFormat.h"

namespace stemdeck::ui {

namespace {

constexpr int kMinLabelSpacing = 80;  // pixels between ruler labels

// Ruler label spacing: the smallest of these that leaves room for the labels.
double rulerStep(double pixelsPerSecond) {
    static constexpr std::array<double, 14> steps{0.1, 0.2, 0.5, 1,   2,   5,   10,
                                                  15,  30,  60,  120, 300, 600, 1800};
    for (double s : steps)
        if (s * pixelsPerSecond >= kMinLabelSpacing) return s;
    return steps.back();
}

}  // namespace

void RulerPainter::paint(QPainter& p, int width, int height, const QFont& baseFont) const {
    p.fillRect(QRect(0, 0, width, height), QColor(0x1b, 0x1e, 0x24));
    p.setPen(palette::kBorder);
    p.drawLine(0, height - 1, width, height - 1);
    if (duration <= 0) return;

    const auto xAt = [this](double t) { return (t - firstSecond) * pixelsPerSecond; };
    const double step = rulerStep(pixelsPerSecond);
    const bool tenths = step < 1.0;
    QFont font = baseFont;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    p.setFont(font);
    const double first = std::floor(firstSecond / step) * step;
    const double last = std::min(duration, firstSecond + width / pixelsPerSecond);
    for (double t = first; t <= last + 1e-9; t += step) {
        const double x = std::round(xAt(t)) + 0.5;
        p.setPen(palette::kDimText);
        p.drawLine(QPointF(x, height - 8), QPointF(x, height - 1));
        p.drawText(QPointF(x + 4, height - 10), formatRulerTime(t, tenths));
        // Minor ticks between labels.
        p.setPen(palette::kBorder);
        for (int k = 1; k < 4; ++k) {
            const double xm = std::round(xAt(t + step * k / 4)) + 0.5;
            p.drawLine(QPointF(xm, height - 4), QPointF(xm, height - 1));
        }
    }
}

}  // namespace stemdeck::ui
