#pragma once

#include <string>
#include <vector>

#include "stemdeck/analysis/SongAnalyzer.h"

namespace stemdeck::audio {
struct Song;
}

namespace stemdeck::analysis {

// Picks which stems of a song the analysis listens to, by stem name: the rhythm part is the
// drums and click stems ("drums", "Click", "perc", "kick", "metronome" …) when there are any,
// else every stem; the tonal part is every other stem (drums carry no key), else every stem.
// Each part is the stems' channels summed to mono.
struct AnalysisSource {
    // True for a stem name that holds rhythm only (case-insensitive substring match).
    static bool isRhythmStem(const std::string& name);
    // Any thread but the audio one; reads the frames ready now. `rhythmStems` and `tonalStems`
    // (optional) receive the names used for each part.
    static AnalysisInput fromSong(const audio::Song& song,
                                  std::vector<std::string>* rhythmStems = nullptr,
                                  std::vector<std::string>* tonalStems = nullptr);
};

}  // namespace stemdeck::analysis
