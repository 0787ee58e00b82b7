#pragma once

#include <QByteArray>
#include <QString>

namespace stemdeck::app {

// What a song folder's meta.json says about the song (the fields stemdeck shows). Missing or
// malformed fields stay empty; the folder name stands in for a missing title. Every text is
// one line fit to show (no control characters, at most kMaxTextLength characters).
struct SongMeta {
    QString title;
    QString artist;
    QString key;
    double tempo = 0.0;  // BPM, in (0, kMaxTempo]; 0 when unknown
    QString timeSignature;

    static constexpr double kMaxTempo = 1000.0;
    static constexpr qsizetype kMaxTextLength = 200;
    // meta.json holds a few lines (or, with beats and chords, some kB); a bigger file is
    // not a song's description and is not read into memory.
    static constexpr qint64 kMaxFileBytes = 4 << 20;

    static SongMeta read(const QString& folder);
    // The fields of a meta.json's text; `folderName` is the title when it names none.
    static SongMeta parse(const QByteArray& json, const QString& folderName);
    // "Key C · 120 BPM · 4/4", the parts that are known.
    QString details() const;
};

}  // namespace stemdeck::app
