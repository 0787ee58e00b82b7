#include "BeatGridFit.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace stemdeck::analysis {

GridFit fitGrid(const std::vector<double>& beats) {
    GridFit fit;
    if (beats.size() < 2) return fit;
    std::vector<double> intervals;
    for (std::size_t i = 0; i + 1 < beats.size(); ++i) intervals.push_back(beats[i + 1] - beats[i]);
    std::vector<double> sorted = intervals;
    std::nth_element(sorted.begin(),
                     sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
    const double period = sorted[sorted.size() / 2];
    if (period <= 0.0) return fit;

    double number = 0.0;
    double sumN = 0.0, sumT = 0.0, sumNN = 0.0, sumNT = 0.0;
    int steady = 0;
    for (std::size_t i = 0; i < beats.size(); ++i) {
        if (i > 0) {
            const double interval = intervals[i - 1];
            number += std::max(1.0, std::round(interval / period));
            if (std::abs(interval - period) < 0.1 * period) ++steady;
        }
        sumN += number;
        sumT += beats[i];
        sumNN += number * number;
        sumNT += number * beats[i];
    }
    const auto n = static_cast<double>(beats.size());
    const double spread = n * sumNN - sumN * sumN;
    const double slope = spread > 0.0 ? (n * sumNT - sumN * sumT) / spread : period;
    fit.bpm = slope > 0.0 ? 60.0 / slope : 0.0;
    fit.confidence = static_cast<double>(steady) / static_cast<double>(intervals.size());
    return fit;
}

}  // namespace stemdeck::analysis
