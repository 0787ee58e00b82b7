#include "KeyDetector.h"

#include <dsp/keydetection/GetKeyMode.h>

#include <algorithm>
#include <cmath>

#include "stemdeck/analysis/SongAnalyzer.h"

namespace stemdeck::analysis {

namespace {

constexpr float kTuningHz = 440.0f;
// Seconds of chroma averaged and of keys median-filtered per frame: the Vamp plugin's and
// Mixxx's defaults.
constexpr double kChromaSeconds = 10.0;
constexpr double kMedianSeconds = 10.0;
// Below this RMS (-70 dBFS) a frame is silence and does not vote.
constexpr double kSilentRms = 3.2e-4;

}  // namespace

KeyDetector::KeyDetector()
    : keyMode_(std::make_unique<GetKeyMode>(SongAnalyzer::kAnalysisRate, kTuningHz, kChromaSeconds,
                                            kMedianSeconds)),
      blockSize_(keyMode_->getBlockSize()),
      hopSize_(keyMode_->getHopSize()) {}

KeyDetector::~KeyDetector() = default;

std::string KeyDetector::keyName(int key) {
    // Spelled as keys are usually written: flats for Db/Eb/Ab/Bb major, G#/C# minor.
    static constexpr const char* kMajor[12] = {"C",  "Db", "D",  "Eb", "E",  "F",
                                               "F#", "G",  "Ab", "A",  "Bb", "B"};
    static constexpr const char* kMinor[12] = {"C",  "C#", "D",  "Eb", "E",  "F",
                                               "F#", "G",  "G#", "A",  "Bb", "B"};
    if (key < 1 || key > 24) return {};
    if (key <= 12) return std::string(kMajor[key - 1]) + " major";
    return std::string(kMinor[key - 13]) + " minor";
}

void KeyDetector::analyseFrame() {
    const double* frame = buffer_.data() + bufferStart_;
    double energy = 0.0;
    for (std::size_t i = 0; i < blockSize_; ++i) energy += frame[i] * frame[i];
    // GetKeyMode copies what it needs (its decimator reads the frame); a non-const pointer
    // is its interface only.
    const int key = keyMode_->process(buffer_.data() + bufferStart_);
    ++frames_;
    if (std::sqrt(energy / static_cast<double>(blockSize_)) < kSilentRms) return;
    if (key >= 1 && key <= 24) ++votes_[static_cast<std::size_t>(key)];
}

void KeyDetector::push(const float* samples, std::size_t count) {
    buffer_.insert(buffer_.end(), samples, samples + count);
    while (buffer_.size() - bufferStart_ >= blockSize_) {
        analyseFrame();
        bufferStart_ += hopSize_;
    }
    if (bufferStart_ > 0) {
        buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(bufferStart_));
        bufferStart_ = 0;
    }
}

KeyDetector::Key KeyDetector::finish() {
    // The last part frame, padded with silence, still votes (all of a short song).
    if (buffer_.size() > bufferStart_) {
        buffer_.resize(bufferStart_ + blockSize_, 0.0);
        analyseFrame();
    }
    Key result;
    int total = 0;
    for (const int count : votes_) total += count;
    if (total == 0) return result;
    const auto best = std::max_element(votes_.begin(), votes_.end());
    result.name = keyName(static_cast<int>(best - votes_.begin()));
    result.confidence = static_cast<double>(*best) / total;
    return result;
}

}  // namespace stemdeck::analysis
