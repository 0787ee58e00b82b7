#include "SectionFinder.h"

#include <dsp/segmentation/ClusterMeltSegmenter.h>

#include <algorithm>
#include <cmath>

#include "stemdeck/analysis/SongAnalyzer.h"

namespace stemdeck::analysis {

namespace {

constexpr int kSegmenterRate = SongAnalyzer::kAnalysisRate;

ClusterMeltSegmenterParams segmenterParams() {
    // The QM Vamp segmenter's "hybrid" (constant-Q) setting: 0.2 s hops of 0.6 s windows, at
    // most 10 kinds of section.
    ClusterMeltSegmenterParams params;
    params.featureType = FEATURE_TYPE_CONSTQ;
    params.hopSize = 0.2;
    params.windowSize = 0.6;
    params.nclusters = 10;
    params.neighbourhoodLimit = static_cast<int>(SectionFinder::kMinSectionSeconds / 0.2 + 0.0001);
    return params;
}

}  // namespace

SectionFinder::SectionFinder()
    : segmenter_(std::make_unique<ClusterMeltSegmenter>(segmenterParams())) {
    segmenter_->initialise(kSegmenterRate);
    windowSize_ = static_cast<std::size_t>(segmenter_->getWindowsize());
    hopSize_ = static_cast<std::size_t>(segmenter_->getHopsize());
}

SectionFinder::~SectionFinder() = default;

void SectionFinder::push(const float* samples, std::size_t count) {
    samples_ += count;
    buffer_.insert(buffer_.end(), samples, samples + count);
    while (buffer_.size() - bufferStart_ >= windowSize_) {
        segmenter_->extractFeatures(buffer_.data() + bufferStart_, static_cast<int>(windowSize_));
        bufferStart_ += hopSize_;
    }
    if (bufferStart_ > 0) {
        buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(bufferStart_));
        bufferStart_ = 0;
    }
}

std::vector<double> SectionFinder::finish(const std::vector<double>& barLines) {
    std::vector<double> starts;
    if (static_cast<double>(samples_) < 2.0 * kMinSectionSeconds * kSegmenterRate) return starts;
    segmenter_->segment();
    const Segmentation& segmentation = segmenter_->getSegmentation();
    for (const Segment& segment : segmentation.segments) {
        double start = static_cast<double>(segment.start) / kSegmenterRate;
        if (start <= 0.0) continue;
        if (!barLines.empty()) {
            start = *std::min_element(
                barLines.begin(), barLines.end(),
                [start](double a, double b) { return std::abs(a - start) < std::abs(b - start); });
        }
        if (start > 0.0 && (starts.empty() || start > starts.back())) starts.push_back(start);
    }
    return starts;
}

}  // namespace stemdeck::analysis
