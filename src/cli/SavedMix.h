#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "stemdeck/audio/mix/MixControls.h"

namespace stemdeck::cli {

// A mix read for `render --mix`: the one the app saved for the song, or a mix file.
struct MixFromFile {
    audio::MixSnapshot mix;             // one entry per stem of the song, in its order
    std::vector<std::string> warnings;  // one line each: values or stems that were not used
};

// `source` is "saved" (the app's saved mix for the song in `songFolder`, found exactly where
// the app keeps it: app::MixStore) or the path of a mix file in the same format. Throws
// std::runtime_error with a one-line message when there is no such mix or it is not usable.
// Main thread (Qt's application name is set here, as the app sets it).
MixFromFile readMix(const std::string& source, const std::filesystem::path& songFolder,
                    const std::vector<std::string>& stemNames);

}  // namespace stemdeck::cli
