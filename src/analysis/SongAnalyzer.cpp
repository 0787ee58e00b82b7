#include "stemdeck/analysis/SongAnalyzer.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "BeatTracker.h"
#include "KeyDetector.h"
#include "MonoResampler.h"
#include "SectionFinder.h"

namespace stemdeck::analysis {

namespace {

constexpr int kMinRate = 8000;
constexpr int kMaxRate = 384000;

void checkCancel(const std::atomic<bool>* cancel) {
    if (cancel && cancel->load(std::memory_order_relaxed)) throw AnalysisCancelled();
}

// Feeds `audio` resampled to kAnalysisRate to `sink` a second at a time, looking at `cancel`
// between seconds.
template <typename Sink>
void stream(const std::vector<float>& audio, int rate, const std::atomic<bool>* cancel,
            Sink&& sink) {
    MonoResampler resampler(rate, SongAnalyzer::kAnalysisRate);
    std::vector<float> part;
    const auto chunk = static_cast<std::size_t>(rate);
    for (std::size_t start = 0; start < audio.size(); start += chunk) {
        checkCancel(cancel);
        resampler.process(audio.data() + start, std::min(chunk, audio.size() - start), part);
        if (!part.empty()) sink(part.data(), part.size());
    }
    resampler.flush(part);
    if (!part.empty()) sink(part.data(), part.size());
    checkCancel(cancel);
}

}  // namespace

AnalysisResult SongAnalyzer::analyze(const AnalysisInput& input, const AnalysisOptions& options,
                                     const std::atomic<bool>* cancel) {
    if (input.sampleRate < kMinRate || input.sampleRate > kMaxRate)
        throw std::invalid_argument("cannot analyse audio at " + std::to_string(input.sampleRate) +
                                    " Hz (8000..384000 Hz)");
    if (options.beatsPerBar != 0 && (options.beatsPerBar < 2 || options.beatsPerBar > 16))
        throw std::invalid_argument("cannot find bars of " + std::to_string(options.beatsPerBar) +
                                    " beats (2..16)");
    AnalysisResult result;
    result.beatsPerBar = options.beatsPerBar > 0 ? options.beatsPerBar : 4;
    if (!input.rhythm.empty()) {
        BeatTracker beats;
        stream(input.rhythm, input.sampleRate, cancel,
               [&beats](const float* samples, std::size_t count) { beats.push(samples, count); });
        BeatTracker::Beats found = beats.finish(options.beatsPerBar);
        result.bpm = found.bpm;
        result.beats = std::move(found.beats);
        result.downbeats = std::move(found.downbeats);
        result.confidence = found.confidence;
        result.beatsPerBar = found.beatsPerBar;
        result.meterConfidence = found.meterConfidence;
    }
    if (!input.tonal.empty()) {
        KeyDetector key;
        SectionFinder sections;
        stream(input.tonal, input.sampleRate, cancel, [&](const float* samples, std::size_t count) {
            key.push(samples, count);
            if (options.sections) sections.push(samples, count);
        });
        const KeyDetector::Key found = key.finish();
        result.key = found.name;
        result.keyConfidence = found.confidence;
        if (options.sections) {
            checkCancel(cancel);
            result.sections = sections.finish(result.downbeats);
        }
    }
    return result;
}

}  // namespace stemdeck::analysis
