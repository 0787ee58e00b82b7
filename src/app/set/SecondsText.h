#pragma once
// Seconds as a set check's messages write them, "12.5 s" (internal to src/app/set).

#include <cstdio>
#include <string>

namespace stemdeck::app::set {

inline std::string secondsText(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", seconds);
    return text;
}

}  // namespace stemdeck::app::set
