#pragma once

#include <cstddef>
#include <memory>
#include <vector>

// qm-dsp's classes live in the global namespace and its headers say `using namespace std`:
// only BeatTracker.cpp includes them.
class DetectionFunction;
class DownBeat;

namespace stemdeck::analysis {

// Tempo, beats and downbeats of mono audio at SongAnalyzer::kAnalysisRate with qm-dsp: an onset
// detection function (complex spectral difference, 11.6 ms steps, as Mixxx and the QM Vamp
// beat tracker use it), TempoTrackV2 for the beats and DownBeat for the bars. One thread.
class BeatTracker {
  public:
    struct Beats {
        double bpm = 0.0;
        std::vector<double> beats;      // seconds
        std::vector<double> downbeats;  // seconds
        double confidence = 0.0;
        int beatsPerBar = 4;           // the bar length the downbeats were found for
        double meterConfidence = 0.0;  // when it was found (MeterGuess), else 0
    };

    // Shorter audio than this gives no beats: TempoTrackV2 needs a few of its 6 s windows.
    static constexpr double kMinSeconds = 8.0;

    BeatTracker();
    ~BeatTracker();
    BeatTracker(const BeatTracker&) = delete;
    BeatTracker& operator=(const BeatTracker&) = delete;

    void push(const float* samples, std::size_t count);
    // Bars of `beatsPerBar` beats, or with 0 of 3 or 4 as the beats' accents say (MeterGuess).
    Beats finish(int beatsPerBar);

  private:
    void pushDownBeatBlock();

    std::unique_ptr<DetectionFunction> detection_;
    std::unique_ptr<DownBeat> downBeat_;
    std::vector<double> window_;  // frames waiting to be analysed; from windowStart_
    std::size_t windowStart_ = 0;
    std::vector<float> block_;  // audio waiting for DownBeat's next step-sized block
    std::vector<double> onsets_;
    std::size_t samples_ = 0;
};

}  // namespace stemdeck::analysis
