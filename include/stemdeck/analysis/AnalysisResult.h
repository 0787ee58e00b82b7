#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace stemdeck::analysis {

// What SongAnalyzer found in a song. Times are seconds from the song's first frame.
struct AnalysisResult {
    double bpm = 0.0;               // the grid's tempo (a fit over every beat); 0: none found
    std::vector<double> beats;      // each beat as tracked (follows small tempo drifts)
    std::vector<double> downbeats;  // the beats that start a bar (qm-dsp DownBeat)
    int beatsPerBar = 4;            // the bar length the downbeats were found for
    double meterConfidence = 0.0;   // 0..1 when beatsPerBar was found (3 or 4); 0 when given
    std::string key;                // "A minor", "Eb major"; empty: no key found (silence)
    double confidence = 0.0;        // 0..1: share of beat intervals on the fitted grid
    double keyConfidence = 0.0;     // 0..1: share of the song's key frames that agree
    std::vector<double> sections;   // suggested section starts on bar lines (when asked)

    // The first downbeat (the grid's origin), or the first beat when no bar was found; 0 when
    // there are no beats.
    double firstDownbeat() const {
        if (!downbeats.empty()) return downbeats.front();
        return beats.empty() ? 0.0 : beats.front();
    }
};

// The analysis was stopped through its cancel flag.
class AnalysisCancelled : public std::runtime_error {
  public:
    AnalysisCancelled() : std::runtime_error("analysis cancelled") {}
};

}  // namespace stemdeck::analysis
