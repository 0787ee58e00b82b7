#pragma once

#include <QString>

namespace stemdeck::app {

// What a song folder's meta.json says about the song (the fields stemdeck shows). Missing or
// malformed fields stay empty; the folder name stands in for a missing title.
struct SongMeta {
    QString title;
    QString artist;
    QString key;
    double tempo = 0.0;  // BPM; 0 when unknown
    QString timeSignature;

    static SongMeta read(const QString& folder);
    // "Key C · 120 BPM · 4/4", the parts that are known.
    QString details() const;
};

}  // namespace stemdeck::app
