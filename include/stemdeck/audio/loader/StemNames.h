#pragma once

#include <string>
#include <vector>

#include "stemdeck/audio/loader/Song.h"

namespace stemdeck::audio {

// The song's stem names in its order: what a saved mix is keyed by. Any thread.
inline std::vector<std::string> stemNames(const Song& song) {
    std::vector<std::string> names;
    names.reserve(song.stems.size());
    for (const Stem& stem : song.stems) names.push_back(stem.name);
    return names;
}

}  // namespace stemdeck::audio
