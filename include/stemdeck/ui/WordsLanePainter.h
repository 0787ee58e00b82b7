#pragma once

#include <QFont>
#include <QRect>
#include <QString>
#include <vector>

#include "stemdeck/words/ChordName.h"
#include "stemdeck/words/SongWords.h"

class QPainter;

namespace stemdeck::ui {

// Paints the timeline's words lane (issue 14): a thin band under the stem lanes with the
// song's chords (meta.json's ChordLane, named as played: `transposer`) on its upper row and
// each synced lyric line's text on its lower row, each starting at its time's x and cut where
// the next begins. Only what is in view is visited (binary search to the first). GUI thread.
struct WordsLanePainter {
    static constexpr int kRowHeight = 15;
    static constexpr int kGap = 4;  // pixels left between a label and the next one's start

    double pixelsPerSecond = 10.0;
    double firstSecond = 0.0;  // the song time at x = 0
    const words::SongWords* words = nullptr;
    words::Transposer transposer;

    struct Label {
        QString text;
        double x = 0.0;
        double room = 0.0;  // pixels until the next label of its row (or the area's end)
        bool chord = false;
    };
    // Whether the song has anything the lane shows: timed chords or synced lyrics.
    static bool shows(const words::SongWords* words);
    // The labels in a view `width` pixels wide, chords first, each row in time order.
    std::vector<Label> labels(int width) const;
    double xAt(double seconds) const { return (seconds - firstSecond) * pixelsPerSecond; }
    // Two rows: chords, then lyrics.
    static int height() { return 2 * kRowHeight; }
    void paint(QPainter& p, const QRect& area, const QFont& baseFont) const;
};

}  // namespace stemdeck::ui
