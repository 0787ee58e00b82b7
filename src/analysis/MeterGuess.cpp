#include "MeterGuess.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace stemdeck::analysis {

namespace {

// A downbeat leads its bar when its onset is this much stronger than every other beat's in it:
// equal clicks differ by a few percent, an accent by far more.
constexpr double kLeadRatio = 1.2;
constexpr std::size_t kMinBars = 4;

// The share of whole bars of `length` beats, at the best phase, whose first beat leads.
double leadingShare(const std::vector<double>& accents, std::size_t length) {
    double best = 0.0;
    for (std::size_t phase = 0; phase < length; ++phase) {
        std::size_t bars = 0;
        std::size_t led = 0;
        for (std::size_t start = phase; start + length <= accents.size(); start += length) {
            ++bars;
            const double others =
                *std::max_element(accents.begin() + static_cast<std::ptrdiff_t>(start + 1),
                                  accents.begin() + static_cast<std::ptrdiff_t>(start + length));
            if (accents[start] > 0.0 && accents[start] >= kLeadRatio * others) ++led;
        }
        if (bars > 0) best = std::max(best, static_cast<double>(led) / static_cast<double>(bars));
    }
    return best;
}

}  // namespace

MeterGuess guessMeter(const std::vector<double>& accents) {
    MeterGuess guess;
    if (accents.size() < kMinBars * 4) return guess;
    const double three = leadingShare(accents, 3);
    const double four = leadingShare(accents, 4);
    guess.confidence = std::clamp(std::abs(three - four), 0.0, 1.0);
    if (three > four && guess.confidence >= MeterGuess::kMinConfidence) guess.beatsPerBar = 3;
    return guess;
}

}  // namespace stemdeck::analysis
