#pragma once

#include <filesystem>
#include <iosfwd>

#include "JsonText.h"

namespace stemdeck::cli {

// What `info` says about a song folder's words (issue 14): "lyrics" (null without a lyrics
// file) and "chords" (timed chords from meta.json, the chord sheet's chords, the key). Each
// problem of those files is also warned about on `err`, one line each. Reads the files; the
// calling thread.
Json wordsInfo(const std::filesystem::path& folder, std::ostream& err);

}  // namespace stemdeck::cli
