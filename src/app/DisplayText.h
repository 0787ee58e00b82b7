#pragma once

#include <QString>

namespace stemdeck::app {

// Text read from a file, made fit to show on one line of the window: control characters (a
// newline, a NUL, an escape) become spaces, runs of white space one space, and anything
// beyond `maxLength` characters is cut off (never half a surrogate pair, no space at the end).
inline QString displayLine(const QString& text, qsizetype maxLength = 200) {
    QString line = text;
    for (QChar& c : line)
        if (c.category() == QChar::Other_Control) c = QLatin1Char(' ');
    line = line.simplified();
    if (line.size() > maxLength) {
        line.truncate(maxLength);
        if (line.back().isHighSurrogate()) line.chop(1);
        // A cut at a space leaves it at the end: the text must read back the same when saved
        // (found by fuzz/app/MarkerStoreFuzz.cpp).
        if (line.endsWith(QLatin1Char(' '))) line.chop(1);
    }
    return line;
}

}  // namespace stemdeck::app
