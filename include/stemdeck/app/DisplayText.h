#pragma once

#include <QDir>
#include <QString>
#include <string>

namespace stemdeck::app {

// Characters that reorder the text around them: the bidi embeddings, overrides and isolates
// (U+202A-U+202E, U+2066-U+2069) and the direction marks. A file named "song\u202Evaw.3pm"
// would show as "songmp3.wav".
inline bool isBidiControl(QChar c) {
    const char16_t u = c.unicode();
    return u == 0x061C || u == 0x200E || u == 0x200F || (u >= 0x202A && u <= 0x202E) ||
           (u >= 0x2066 && u <= 0x2069);
}

// What shows instead of a character that must not reach the screen as it is (it moves the
// cursor, breaks the line, starts a terminal sequence or reorders the text), or a null QChar
// for a character that may. C0 controls show as their symbols (ESC as U+241B, a newline as
// U+240A), DEL as U+2421, line and paragraph separators as U+2424; C1 controls (one of them
// starts terminal sequences too), bidi controls and lone surrogates as U+FFFD.
inline QChar displayStandIn(QChar c) {
    const char16_t u = c.unicode();
    if (u < 0x20) return QChar(static_cast<char16_t>(0x2400 + u));
    if (u == 0x7F) return QChar(static_cast<char16_t>(0x2421));
    if (u == 0x2028 || u == 0x2029) return QChar(static_cast<char16_t>(0x2424));
    if ((u >= 0x80 && u <= 0x9F) || isBidiControl(c)) return QChar(QChar::ReplacementCharacter);
    return {};
}

// A name from the file system or the audio system (a stem, a file, a folder, a path) fit to
// show anywhere in the window, also in the middle of a sentence: every character
// displayStandIn() names is replaced by its visible stand-in, so the name reads as one line,
// in its own order, and a strange character is seen rather than obeyed. Nothing is dropped.
inline QString displayName(const QString& name) {
    QString shown = name;
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const QChar c = shown[i];
        if (c.isHighSurrogate() && i + 1 < shown.size() && shown[i + 1].isLowSurrogate()) {
            ++i;  // a pair: one character beyond the BMP, fine as it is
            continue;
        }
        if (c.isSurrogate())
            shown[i] = QChar(QChar::ReplacementCharacter);
        else if (const QChar standIn = displayStandIn(c); !standIn.isNull())
            shown[i] = standIn;
    }
    return shown;
}
// A name in UTF-8 (the engine's stem names, file names in its messages).
inline QString displayName(const std::string& name) {
    return displayName(QString::fromStdString(name));
}
// A path as the platform writes it, fit to show (see displayName).
inline QString displayPath(const QString& path) {
    return displayName(QDir::toNativeSeparators(path));
}

// Text read from a file, made fit to show on one line of the window: control characters (a
// newline, a NUL, an escape) become spaces, runs of white space one space, characters that
// reorder the text U+FFFD, and anything beyond `maxLength` characters is cut off (never half a
// surrogate pair, no space at the end).
inline QString displayLine(const QString& text, qsizetype maxLength = 200) {
    QString line = text;
    for (QChar& c : line) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
        else if (isBidiControl(c))
            c = QChar(QChar::ReplacementCharacter);
    }
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
