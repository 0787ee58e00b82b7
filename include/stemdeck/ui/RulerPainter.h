#pragma once

#include <QFont>

class QPainter;

namespace stemdeck::ui {

// Paints the timeline's time ruler: a band `height` tall across `width` pixels, labelled
// "m:ss" (or "m:ss.t" when zoomed in far) at a spacing that leaves room for the labels, with
// minor ticks between them. GUI thread.
struct RulerPainter {
    double pixelsPerSecond = 10.0;
    double firstSecond = 0.0;  // the song time at x = 0
    double duration = 0.0;     // no labels beyond the song's end (none at all without a song)

    void paint(QPainter& p, int width, int height, const QFont& baseFont) const;
};

}  // namespace stemdeck::ui
