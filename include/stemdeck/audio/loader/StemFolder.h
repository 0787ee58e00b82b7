#pragma once

#include <filesystem>

#include "stemdeck/audio/loader/StemLoader.h"

// Finding a song's stems in its folder: which files are looked at, which are left out, and
// how the song's files are listed. Single-threaded (probing is: loader/FileProbe.h).
namespace stemdeck::audio::loader {

// Lists the folder and its tracks/ subfolder, probes every file that may be audio and names
// the stems (StemLoader::scan describes the rules). Throws LoadError when the folder is
// missing, not a folder, or cannot be opened (too long a path, no permission).
ScannedSong scanFolder(const std::filesystem::path& folder);

}  // namespace stemdeck::audio::loader
