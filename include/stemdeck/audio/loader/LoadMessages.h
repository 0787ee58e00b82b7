#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/StemLoader.h"

// The wording of the loader's messages, in one place: sizes, durations, file names, and
// libsndfile's error texts made clear. Any thread.
namespace stemdeck::audio::loader {

// How a file is named in messages: relative to the song folder ("tracks/drums.wav").
std::string displayName(const std::filesystem::path& file, const std::filesystem::path& folder);
// A path for a one-line message: a very long one keeps its start and end around a "…".
std::string shortPath(const std::filesystem::path& path);

std::string secondsText(std::int64_t frames, int rate);  // "3.20 s"

// libsndfile's reason for failing to open or read a file, as one clear lower-case phrase fit
// for the middle of a line: "Error : lost sync." -> "lost sync", and its misleading texts
// replaced ("File does not exist or is not a regular file (possibly a pipe?)" for a regular
// file libsndfile found no audio in). `file` is looked at to tell a lone ID3 tag.
std::string sndfileReason(std::string_view libsndfileText, const std::filesystem::path& file);
std::string sndfileReason(std::string_view libsndfileText);

// The song has no stem to play: none found ("no audio files in …") or none loaded ("no stem
// could be loaded from …: all 3 audio files failed; …"), with song.errors and song.ignored.
LoadError noStemsError(const std::filesystem::path& folder, const Song& song);
// The load was cancelled through LoadProgress.
LoadError cancelledError(const std::filesystem::path& folder);

}  // namespace stemdeck::audio::loader
