#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace stemdeck::control {

// Which stem a StemRef parameter means (stem.mute, stem.gain …, OSC /stem/<name|n>/…).
struct StemMatch {
    std::optional<std::size_t> index;  // 0-based, when resolved
    std::string error;                 // one printable line listing the stems, when not
    bool ok() const { return index.has_value(); }
};

// Resolves `ref` against the song's stem names, in this order: the exact name; the name in
// any case (ASCII); the 1-based number ("2"). A name that matches more than one stem in any
// case, or nothing, is an error listing the stems ("1 drums, 2 bass"). Pure: any thread.
StemMatch resolveStem(const std::vector<std::string>& stems, const std::string& ref);

}  // namespace stemdeck::control
