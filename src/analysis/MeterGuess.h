#pragma once

#include <vector>

namespace stemdeck::analysis {

struct MeterGuess {
    int beatsPerBar = 4;      // 3 or 4; 4 when unsure
    double confidence = 0.0;  // 0..1; below kMinConfidence the 4 is assumed, not found
    static constexpr double kMinConfidence = 0.5;
};

// 3 or 4 beats to the bar from how strong each beat's onset is (`accents`, one per tracked
// beat, in order): for each bar length, the share of whole bars whose first beat (at the best
// phase) is clearly the bar's strongest; the confidence is how much more often that holds for
// the winner than for the other length. An accented downbeat in 4/4 leads every 4-beat bar
// and only every fourth 3-beat one, and the other way round in 3/4; unaccented beats lead
// neither (confidence near 0). Fewer than four bars of beats: nothing found.
MeterGuess guessMeter(const std::vector<double>& accents);

}  // namespace stemdeck::analysis
