#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "stemdeck/audio/rehearsal/BeatGrid.h"

namespace stemdeck::cli {

// The song's tempo and time signature as its folder's meta.json gives them ("tempo": 120,
// "time_signature": "4/4"), for the click, the count-in and next-bar jumps. A missing file is
// normal (no values, no problem); a file that cannot be used gives no values and a one-line
// problem to warn about, never a refusal to play.
struct SongTiming {
    static constexpr double kMaxBpm = 1000.0;  // as the app's SongMeta
    std::optional<double> bpm;
    std::optional<audio::TimeSignature> signature;
    std::string problem;
};

SongTiming readSongTiming(const std::filesystem::path& folder);

}  // namespace stemdeck::cli
