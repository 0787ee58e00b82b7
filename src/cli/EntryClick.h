#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "stemdeck/app/set/SetList.h"
#include "stemdeck/audio/click/ClickSettings.h"

namespace stemdeck::cli {

// A set entry's click, as `render SET` and `play SET` both play it: on/off and count-in from
// the entry, tempo and meter from the song's meta.json in `folder` (120 and 4/4 without one),
// at `levelDb`. What was wrong with meta.json goes to `problems` when the entry uses the
// click (on, or a count-in). Main thread (reads a file).
audio::ClickSettings entryClick(const app::set::SetEntry& entry,
                                const std::filesystem::path& folder, float levelDb,
                                std::vector<std::string>& problems);

}  // namespace stemdeck::cli
