#pragma once

#include <vector>

namespace stemdeck::app {

// A stretch of song time [start, end), in seconds.
struct TimeSpan {
    double start = 0.0;
    double end = 0.0;
    bool operator==(const TimeSpan&) const = default;
};
// Sorted and apart.
using TimeSpans = std::vector<TimeSpan>;

}  // namespace stemdeck::app
