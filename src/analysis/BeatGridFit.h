#pragma once

#include <vector>

namespace stemdeck::analysis {

struct GridFit {
    double bpm = 0.0;
    double confidence = 0.0;  // share of beat intervals within 10 % of the fitted period
};

// The steady tempo that best fits tracked beat times (seconds): each beat is numbered on the
// grid of the median interval (a skipped or extra beat keeps its place), then a least-squares
// line through time against number gives the period. The median alone would be quantised to
// the tracker's 11.6 ms steps: 3 BPM at 174 BPM.
GridFit fitGrid(const std::vector<double>& beats);

}  // namespace stemdeck::analysis
