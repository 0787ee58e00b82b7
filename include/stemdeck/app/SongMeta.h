#pragma once

#include <QByteArray>
#include <QString>

namespace stemdeck::app {

// What a song folder's meta.json says about the song (the fields stemdeck shows). Missing or
// malformed fields stay empty; the folder name stands in for a missing title. Every text is
// one line fit to show (no control characters, nothing that reorders the text, at most
// kMaxTextLength characters).
struct SongMeta {
    QString title;
    QString artist;
    QString key;
    double tempo = 0.0;  // BPM, in (0, kMaxTempo]; 0 when unknown
    QString timeSignature;
    // timeSignature as numbers when it is one the click can play ("7/8": 7 and 8); 0 when
    // unknown or not a valid signature.
    int beatsPerBar = 0;
    int beatUnit = 0;

    static constexpr double kMaxTempo = 1000.0;
    static constexpr qsizetype kMaxTextLength = 200;
    static constexpr int kMaxBeatsPerBar = 32;
    // meta.json holds a few lines (or, with beats and chords, some kB); a bigger file is
    // not a song's description and is not read into memory.
    static constexpr qint64 kMaxFileBytes = 4 << 20;

    static SongMeta read(const QString& folder);
    // The fields of a meta.json's text; `folderName` is the title when it names none.
    static SongMeta parse(const QByteArray& json, const QString& folderName);
    // "N/D" with N in 1..kMaxBeatsPerBar and D a power of two up to 32 (spaces allowed around
    // the numbers); false, leaving the outputs alone, for anything else.
    static bool parseTimeSignature(const QString& text, int* beatsPerBar, int* beatUnit);
    // "Key C · 120 BPM · 4/4", the parts that are known.
    QString details() const;
};

}  // namespace stemdeck::app
