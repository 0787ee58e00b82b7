#pragma once

#include <QColor>
#include <QFont>
#include <QRect>
#include <QString>

class QPainter;

namespace stemdeck::app {
class WaveformPeaks;
}

namespace stemdeck::ui {

// Paints one stem's lane of the timeline: its background, its waveform (scaled so its loudest
// peak nearly fills the lane) and its name on a plate. GUI thread.
struct LanePainter {
    QString name;
    QColor color;
    bool audible = true;
    bool odd = false;                           // every other lane is a shade darker
    const app::WaveformPeaks* peaks = nullptr;  // none: an empty lane
    double startFrame = 0.0;                    // the frame at the lane's left edge
    double framesPerPixel = 1.0;
    int endX = 0;  // where the song ends (x, may be off the lane)

    void paint(QPainter& p, const QRect& area, const QFont& font) const;
    // How much a lane scales `peaks` up: its loudest peak nearly fills the lane. It grows
    // with a waveform still decoding (the whole lane is redrawn then).
    static float gain(const app::WaveformPeaks& peaks);
};

}  // namespace stemdeck::ui
