// qm-dsp first: its headers expect the global namespace as they left it.
#include "BeatTracker.h"

#include <dsp/onsets/DetectionFunction.h>
#include <dsp/tempotracking/DownBeat.h>
#include <dsp/tempotracking/TempoTrackV2.h>

#include <algorithm>
#include <cmath>

#include "BeatGridFit.h"
#include "MeterGuess.h"
#include "stemdeck/analysis/SongAnalyzer.h"

namespace stemdeck::analysis {

namespace {

constexpr int kRate = SongAnalyzer::kAnalysisRate;
constexpr std::size_t kStep = 512;     // 11.6 ms at 44.1 kHz: Mixxx's and the Vamp plugin's
constexpr std::size_t kWindow = 1024;  // frequency bins of 43 Hz
// The first two detection values react to the window's start, not the music (as the QM Vamp
// plugin and Mixxx skip them); beat k of TempoTrackV2 is then step k + kSkipped.
constexpr std::size_t kSkipped = 2;
// DownBeat looks at beat-long spectra of audio decimated to about 2.8 kHz.
constexpr std::size_t kDownBeatDecimation = 16;
// A tracker that locked onto every other beat leaves onsets as strong as its beats halfway
// between them: then the beats are doubled, up to this tempo.
constexpr double kHalfwayOnsetRatio = 0.6;
constexpr double kMaxDoubledBpm = 210.0;
// Beats whose onsets are not this much stronger than the median onset are no beats: a steady
// tone or noise (measured: noise 1.0, a sine 1.5; clicks over chords 4, the demo song's drums and
// click 14).
constexpr double kMinSalience = 2.0;

DFConfig detectionConfig() {
    DFConfig config{};
    config.DFType = DF_COMPLEXSD;
    config.stepSize = kStep;
    config.frameLength = kWindow;
    config.dbRise = 3;
    config.adaptiveWhitening = false;
    config.whiteningRelaxCoeff = -1;
    config.whiteningFloor = -1;
    return config;
}

double median(std::vector<double> values) {
    if (values.empty()) return 0.0;
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

// The strongest onset within a step of `step` (a fractional detection step).
double onsetNear(const std::vector<double>& onsets, double step) {
    const auto centre = static_cast<std::ptrdiff_t>(std::lround(step));
    double strongest = 0.0;
    for (std::ptrdiff_t i = centre - 1; i <= centre + 1; ++i)
        if (i >= 0 && i < static_cast<std::ptrdiff_t>(onsets.size()))
            strongest = std::max(strongest, onsets[static_cast<std::size_t>(i)]);
    return strongest;
}

// TempoTrackV2 prefers tempi near 120 BPM: a fast song (a 174 BPM click) comes out at half
// its tempo. Its beats are doubled when the onsets halfway between them are about as strong.
void doubleWhenHalved(std::vector<double>& steps, const std::vector<double>& onsets) {
    if (steps.size() < 4) return;
    std::vector<double> onBeat;
    std::vector<double> halfway;
    std::vector<double> intervals;
    for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
        onBeat.push_back(onsetNear(onsets, steps[i]));
        halfway.push_back(onsetNear(onsets, (steps[i] + steps[i + 1]) / 2.0));
        intervals.push_back(steps[i + 1] - steps[i]);
    }
    const double beatStrength = median(onBeat);
    const double bpm = 60.0 * kRate / (median(intervals) * kStep);
    if (beatStrength <= 0.0 || median(halfway) < kHalfwayOnsetRatio * beatStrength ||
        2.0 * bpm > kMaxDoubledBpm)
        return;
    std::vector<double> doubled;
    for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
        doubled.push_back(steps[i]);
        doubled.push_back((steps[i] + steps[i + 1]) / 2.0);
    }
    doubled.push_back(steps.back());
    steps = std::move(doubled);
}

// How much stronger the onsets on the beats are than the music's typical onset: a click or
// drums stand out several times, a steady tone or noise (where TempoTrackV2 still finds a
// "tempo") not at all.
double salience(const std::vector<double>& steps, const std::vector<double>& detection) {
    std::vector<double> onBeat;
    for (const double step : steps) onBeat.push_back(onsetNear(detection, step - kSkipped));
    const double typical = median(detection);
    const double beats = median(onBeat);
    if (beats <= 0.0) return 0.0;
    return typical > 0.0 ? beats / typical : kMinSalience * 10.0;
}

}  // namespace

BeatTracker::BeatTracker()
    : detection_(std::make_unique<DetectionFunction>(detectionConfig())),
      downBeat_(std::make_unique<DownBeat>(static_cast<float>(kRate), kDownBeatDecimation, kStep)),
      // Half a window of silence first: detection step k is centred on sample k * kStep.
      window_(kWindow / 2, 0.0) {
    block_.reserve(kStep);
}

BeatTracker::~BeatTracker() = default;

void BeatTracker::pushDownBeatBlock() {
    downBeat_->pushAudioBlock(block_.data());
    block_.clear();
}

void BeatTracker::push(const float* samples, std::size_t count) {
    samples_ += count;
    window_.insert(window_.end(), samples, samples + count);
    while (window_.size() - windowStart_ >= kWindow) {
        onsets_.push_back(detection_->processTimeDomain(window_.data() + windowStart_));
        windowStart_ += kStep;
    }
    // Drop what no window needs any more, once in a while rather than per step.
    if (windowStart_ > 64 * kWindow) {
        window_.erase(window_.begin(), window_.begin() + static_cast<std::ptrdiff_t>(windowStart_));
        windowStart_ = 0;
    }
    for (std::size_t i = 0; i < count; ++i) {
        block_.push_back(samples[i]);
        if (block_.size() == kStep) pushDownBeatBlock();
    }
}

BeatTracker::Beats BeatTracker::finish(int beatsPerBar) {
    // Every step whose centre lies in the audio gets its value.
    const std::size_t steps = (samples_ + kStep - 1) / kStep;
    window_.resize(window_.size() + kWindow, 0.0);
    while (onsets_.size() < steps) {
        onsets_.push_back(detection_->processTimeDomain(window_.data() + windowStart_));
        windowStart_ += kStep;
    }
    if (!block_.empty()) {
        block_.resize(kStep, 0.0f);
        pushDownBeatBlock();
    }
    Beats result;
    result.beatsPerBar = beatsPerBar > 0 ? beatsPerBar : 4;
    if (static_cast<double>(samples_) < kMinSeconds * kRate) return result;

    // As Mixxx does: trailing silence says nothing about the tempo.
    std::size_t used = onsets_.size();
    while (used > kSkipped && onsets_[used - 1] <= 0.0) --used;
    if (used <= kSkipped) return result;
    const std::vector<double> detection(onsets_.begin() + kSkipped,
                                        onsets_.begin() + static_cast<std::ptrdiff_t>(used));
    std::vector<double> beatPeriod(detection.size(), 0.0);
    std::vector<double> tempi;
    std::vector<double> beatSteps;
    TempoTrackV2 tracker(static_cast<float>(kRate), kStep);
    tracker.calculateBeatPeriod(detection, beatPeriod, tempi);
    tracker.calculateBeats(detection, beatPeriod, beatSteps);
    for (double& step : beatSteps) step += kSkipped;
    doubleWhenHalved(beatSteps, onsets_);
    if (beatSteps.size() < 2) return result;

    if (salience(beatSteps, detection) < kMinSalience) return result;
    for (const double step : beatSteps)
        result.beats.push_back(step * static_cast<double>(kStep) / kRate);
    const GridFit fit = fitGrid(result.beats);
    result.bpm = fit.bpm;
    result.confidence = fit.confidence;

    result.beatsPerBar = beatsPerBar;
    if (beatsPerBar == 0) {
        std::vector<double> accents;
        for (const double step : beatSteps) accents.push_back(onsetNear(onsets_, step));
        const MeterGuess meter = guessMeter(accents);
        result.beatsPerBar = meter.beatsPerBar;
        result.meterConfidence = meter.confidence;
    }
    downBeat_->setBeatsPerBar(result.beatsPerBar);
    std::size_t length = 0;
    const float* decimated = downBeat_->getBufferedAudio(length);
    std::vector<int> downbeats;
    downBeat_->findDownBeats(decimated, length, beatSteps, downbeats);
    for (const int index : downbeats)
        if (index >= 0 && static_cast<std::size_t>(index) < result.beats.size())
            result.downbeats.push_back(result.beats[static_cast<std::size_t>(index)]);
    return result;
}

}  // namespace stemdeck::analysis
