#include "stemdeck/ui/LoadHistoryGraph.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

#include "stemdeck/ui/LatencyPanel.h"
#include "stemdeck/ui/Palette.h"

namespace stemdeck::ui {

LoadHistoryGraph::LoadHistoryGraph(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(50);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void LoadHistoryGraph::addSample(double loadPct, double peakPct) {
    samples_.push_back({loadPct, peakPct});
    while (samples_.size() > kCapacity) samples_.pop_front();
    update();
}

void LoadHistoryGraph::clear() {
    samples_.clear();
    update();
}

void LoadHistoryGraph::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(palette::kBorder);
    p.setBrush(QColor(0x10, 0x12, 0x16));
    p.drawRoundedRect(area, 4, 4);

    const auto yFor = [&](double pct) {
        return area.bottom() - std::clamp(pct, 0.0, 100.0) / 100.0 * area.height();
    };
    p.setPen(QPen(QColor(255, 255, 255, 30), 1, Qt::DashLine));
    for (double guide : {LatencyPanel::kOkBelowPct, LatencyPanel::kWarnBelowPct})
        p.drawLine(QPointF(area.left(), yFor(guide)), QPointF(area.right(), yFor(guide)));
    if (samples_.size() < 2) return;

    // Newest on the right; the graph fills from the right as samples arrive.
    const double dx = area.width() / static_cast<double>(kCapacity - 1);
    const double x0 = area.right() - dx * static_cast<double>(samples_.size() - 1);
    QPainterPath load, peak;
    load.moveTo(x0, area.bottom());
    for (std::size_t i = 0; i < samples_.size(); ++i) {
        const double x = x0 + dx * static_cast<double>(i);
        load.lineTo(x, yFor(samples_[i].load));
        if (i == 0)
            peak.moveTo(x, yFor(samples_[i].peak));
        else
            peak.lineTo(x, yFor(samples_[i].peak));
    }
    load.lineTo(area.right(), area.bottom());
    load.closeSubpath();
    const QColor colour = LatencyPanel::loadColor(samples_.back().load);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 110));
    p.drawPath(load);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(colour.red(), colour.green(), colour.blue(), 200), 1.2));
    p.drawPath(peak);
}

}  // namespace stemdeck::ui
