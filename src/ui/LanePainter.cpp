#include "stemdeck/ui/LanePainter.h"

#include <QFontMetrics>
#include <QLineF>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <vector>

#include "stemdeck/app/WaveformPeaks.h"
#include "stemdeck/ui/Palette.h"

namespace stemdeck::ui {

namespace {

// Each lane is scaled so its loudest peak nearly fills it (where a stem plays matters more
// than how loud its file is), but quiet noise is not blown up beyond this.
constexpr float kMaxWaveGain = 8.0f;
constexpr float kWaveFill = 0.92f;

}  // namespace

float LanePainter::gain(const app::WaveformPeaks& peaks) {
    if (peaks.levelCount() == 0) return 1.0f;
    const app::MinMax all = peaks.level(peaks.levelCount() - 1).front();
    if (all.isNone()) return 1.0f;  // nothing decoded yet
    const float peak = std::max(std::abs(all.min), std::abs(all.max));
    return peak > 0.0f ? std::min(kMaxWaveGain, kWaveFill / peak) : 1.0f;
}

void LanePainter::paint(QPainter& p, const QRect& area, const QFont& baseFont) const {
    const QColor wave = audible ? color : palette::kInaudible;
    p.fillRect(area, odd ? QColor(0x1b, 0x1e, 0x24) : QColor(0x1e, 0x21, 0x28));
    // Beyond the song's end.
    if (endX < area.right())
        p.fillRect(area.adjusted(std::max(0, endX), 0, 0, 0), palette::kWindow);

    const double centre = area.center().y() + 0.5;
    const double half = area.height() / 2.0 - 2.0;
    p.setPen(QColor(wave.red(), wave.green(), wave.blue(), 50));
    p.drawLine(QPointF(0, centre), QPointF(std::min(endX, area.right()), centre));

    if (peaks) {
        const int columns = std::min(area.width(), std::max(0, endX));
        const std::vector<app::MinMax> columnsPeaks =
            peaks->pixels(startFrame, framesPerPixel, columns);
        const double scale = half * gain(*peaks);
        std::vector<QLineF> lines;
        lines.reserve(columnsPeaks.size());
        for (int x = 0; x < columns; ++x) {
            const app::MinMax m = columnsPeaks[static_cast<std::size_t>(x)];
            if (m.isNone()) continue;  // not decoded yet: no waveform, not even a flat one
            const double top = centre - std::clamp(m.max * scale, -half, half);
            // At least a pixel tall, so quiet passages still show where the stem plays.
            const double bottom =
                std::max(top + 1.0, centre - std::clamp(m.min * scale, -half, half));
            lines.emplace_back(x + 0.5, top, x + 0.5, bottom);
        }
        p.setPen(QPen(wave, 1.0));
        p.drawLines(lines.data(), static_cast<int>(lines.size()));
    }

    // The stem's name, on a plate so it stays readable over the waveform.
    QFont font = baseFont;
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    p.setFont(font);
    const QRect text = p.fontMetrics().boundingRect(name).adjusted(-6, -2, 6, 2);
    const QRect plate(area.left() + 6, area.top() + 5, text.width(), text.height());
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x10, 0x12, 0x16, 200));
    p.drawRoundedRect(plate, 4, 4);
    p.setPen(audible ? palette::kText : palette::kDimText);
    p.drawText(plate, Qt::AlignCenter, name);
}

}  // namespace stemdeck::ui
