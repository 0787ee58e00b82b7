#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stemdeck/audio/timeline/BeatGrid.h"

namespace stemdeck::audio {

// What a song folder's meta.json says ({"title": "…", "artist": "…", "key": "C", "tempo": 120,
// "time_signature": "4/4", "first_downbeat": 0.52}): the one reader of it, for the CLI and the app
// (which only turns the texts into lines it can show). No Qt; nlohmann-json.
//
// A missing file is normal: nothing known, no problem. A value that cannot be used, or a
// tempo outside limits::kMinBpm..kMaxBpm, is left out and said in `problems` (one line each,
// starting "meta.json: "), never used clamped; the caller says it (the CLI prints it, the app
// shows it) and its defaults stand. Any thread; read() reads the file.
struct SongMetaFile {
    // meta.json holds a few lines (or, with beats and chords, some kB); a bigger file is not
    // a song's description and is not read into memory.
    static constexpr std::uintmax_t kMaxFileBytes = 4 << 20;
    // A first downbeat later than an hour is damage, not a song's intro.
    static constexpr double kMaxFirstDownbeat = 3600.0;

    // As written (UTF-8, unchecked for display); empty when missing or not a string.
    std::string title;
    std::string artist;
    std::string key;
    std::string timeSignatureText;  // kept even when it is not a valid signature

    std::optional<double> bpm;  // within limits::kMinBpm..kMaxBpm
    std::optional<TimeSignature> signature;
    // Where beat 1 of bar 1 falls, in seconds from the song's first frame (the click's grid
    // origin): 0..kMaxFirstDownbeat; missing means 0, the grid starts with the song.
    std::optional<double> firstDownbeat;
    std::vector<std::string> problems;

    static SongMetaFile read(const std::filesystem::path& folder);
    // The fields of a meta.json's text.
    static SongMetaFile parse(std::string_view json);
};

}  // namespace stemdeck::audio
