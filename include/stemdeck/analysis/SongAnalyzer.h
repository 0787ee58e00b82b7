#pragma once

#include <atomic>
#include <vector>

#include "stemdeck/analysis/AnalysisResult.h"

namespace stemdeck::analysis {

// Mono audio to analyse: `rhythm` for tempo, beats and downbeats (the drums or click when the
// song has them), `tonal` for the key and sections (the other stems). Either may be empty:
// that part is then not analysed. Both at `sampleRate`.
struct AnalysisInput {
    int sampleRate = 0;
    std::vector<float> rhythm;
    std::vector<float> tonal;
};

struct AnalysisOptions {
    // The meter the downbeats are found for (2..16), or 0: 3 or 4 as the beats' accents say
    // (4 when unsure; AnalysisResult::meterConfidence).
    int beatsPerBar = 4;
    bool sections = false;  // also suggest section boundaries (ClusterMeltSegmenter)
};

// Tempo, beats, downbeats, key (and sections) of a song with qm-dsp, the library Mixxx and
// Sonic Visualiser use: DetectionFunction (complex spectral difference) + TempoTrackV2 for
// beats, DownBeat for bars, GetKeyMode for the key. The audio is resampled to 44.1 kHz first
// (libsoxr), the rate qm-dsp's defaults are tuned for. No Qt; allocates; never the audio thread.
class SongAnalyzer {
  public:
    static constexpr int kAnalysisRate = 44100;

    // Any thread but the audio one; works in chunks of about a second and returns within one
    // of `cancel` being set (throws AnalysisCancelled). Throws std::invalid_argument for a
    // sample rate outside 8 kHz..384 kHz or a meter outside 2..16 (and not 0).
    static AnalysisResult analyze(const AnalysisInput& input, const AnalysisOptions& options = {},
                                  const std::atomic<bool>* cancel = nullptr);
};

}  // namespace stemdeck::analysis
