#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace stemdeck::app {

// What a song folder's meta.json says about the song (the fields stemdeck shows), as the
// engine's one reader (audio::SongMetaFile) gives it, turned into text the window can show.
// Missing or malformed fields stay empty; the folder name stands in for a missing title. Every
// text is one line fit to show (no control characters, nothing that reorders the text, at
// most kMaxTextLength characters).
struct SongMeta {
    QString title;
    QString artist;
    QString key;
    double tempo = 0.0;  // BPM, within audio::limits::k{Min,Max}Bpm; 0 when unknown
    QString timeSignature;
    // timeSignature as numbers when it is one the click can play ("7/8": 7 and 8); 0 when
    // unknown or not a valid signature.
    int beatsPerBar = 0;
    int beatUnit = 0;
    // meta.json's first_downbeat: beat 1 of bar 1 in seconds (the click's grid origin); 0
    // when it gives none.
    double firstDownbeat = 0.0;
    bool hasFirstDownbeat = false;
    // What in the file could not be used (a tempo out of range, a bad signature, a file that
    // is not JSON), one line each, for the window to show; empty when all is well.
    QStringList problems;

    static constexpr qsizetype kMaxTextLength = 200;

    static SongMeta read(const QString& folder);
    // The fields of a meta.json's text; `folderName` is the title when it names none.
    static SongMeta parse(const QByteArray& json, const QString& folderName);
    // audio::TimeSignature::parse for the meter field's text; false, leaving the outputs
    // alone, when it is not a valid signature.
    static bool parseTimeSignature(const QString& text, int* beatsPerBar, int* beatUnit);
    // "Key C · 120 BPM · 4/4", the parts that are known.
    QString details() const;
};

}  // namespace stemdeck::app
