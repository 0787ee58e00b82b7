#include "stemdeck/audio/core/ByteSize.h"

#include <array>
#include <cstdio>

namespace stemdeck::audio {

std::string byteSizeText(std::uint64_t bytes) {
    constexpr std::array units = {"kB", "MB", "GB", "TB"};
    if (bytes < 1000) return std::to_string(bytes) + " bytes";
    double value = static_cast<double>(bytes) / 1000.0;
    std::size_t unit = 0;
    for (; value >= 1000.0 && unit + 1 < units.size(); value /= 1000.0) ++unit;
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
    return text;
}

}  // namespace stemdeck::audio
