#pragma once
// Closes a libsndfile handle when its owner goes (internal to src/audio/loader).

#include <sndfile.h>

namespace stemdeck::audio::loader {

struct SndFileCloser {
    void operator()(SNDFILE* file) const { sf_close(file); }
};

}  // namespace stemdeck::audio::loader
