#pragma once

#include <cstddef>
#include <memory>
#include <vector>

class ClusterMeltSegmenter;  // qm-dsp (global namespace); only SectionFinder.cpp includes it

namespace stemdeck::analysis {

// Section boundaries of mono audio at SongAnalyzer::kAnalysisRate with qm-dsp's
// ClusterMeltSegmenter (constant-Q features, an HMM and histogram clustering: the QM Vamp
// segmenter), each moved to the nearest bar line. One thread.
class SectionFinder {
  public:
    // Sections shorter than this are merged into their neighbours (the segmenter's own limit).
    static constexpr double kMinSectionSeconds = 8.0;

    SectionFinder();
    ~SectionFinder();
    SectionFinder(const SectionFinder&) = delete;
    SectionFinder& operator=(const SectionFinder&) = delete;

    void push(const float* samples, std::size_t count);
    // Section starts in seconds after the first (which starts the song), on the nearest of
    // `barLines` when there are any; empty for audio shorter than two sections.
    std::vector<double> finish(const std::vector<double>& barLines);

  private:
    std::unique_ptr<ClusterMeltSegmenter> segmenter_;
    std::size_t windowSize_ = 0;
    std::size_t hopSize_ = 0;
    std::vector<double> buffer_;
    std::size_t bufferStart_ = 0;
    std::size_t samples_ = 0;
};

}  // namespace stemdeck::analysis
