#include "stemdeck/audio/timeline/TapTempo.h"

#include <algorithm>
#include <cstddef>

namespace stemdeck::audio {

void TapTempo::reset() {
    next_ = 0;
    count_ = 0;
    taps_ = 0;
}

void TapTempo::tap(double seconds) {
    const double interval = seconds - last_;
    // A long pause, or a clock that went backwards, starts over with this tap as the first.
    if (taps_ > 0 && (interval > kResetSeconds || interval <= 0.0)) reset();
    if (taps_ > 0) {
        intervals_[static_cast<std::size_t>(next_)] = interval;
        next_ = (next_ + 1) % kMaxIntervals;
        count_ = std::min(count_ + 1, kMaxIntervals);
    }
    last_ = seconds;
    ++taps_;
}

std::optional<double> TapTempo::bpm() const {
    if (count_ == 0) return std::nullopt;
    // The ring's first count_ slots hold the intervals in use until it has wrapped once.
    // Insertion sort: at most kMaxIntervals values.
    std::array<double, kMaxIntervals> sorted{};
    const auto n = static_cast<std::size_t>(count_);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t j = i;
        for (; j > 0 && sorted[j - 1] > intervals_[i]; --j) sorted[j] = sorted[j - 1];
        sorted[j] = intervals_[i];
    }
    const double median = n % 2 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    return 60.0 / median;
}

}  // namespace stemdeck::audio
