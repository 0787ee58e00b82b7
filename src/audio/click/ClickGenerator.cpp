#include "stemdeck/audio/click/ClickGenerator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace stemdeck::audio {

namespace {

constexpr double kAttackMs = 0.25;  // fast, but not a full-scale step on the first sample
constexpr double kDecayMs = 6.0;    // time constant of the exponential decay
constexpr double kTaperMs = 5.0;    // raised-cosine taper to 0 just after the click's end

// A cosine burst at `hz`: its first sample is already non-zero, so a click's first audible
// sample is its beat's frame.
std::vector<float> synthesise(int sampleRate, double hz, float gain) {
    const int frames =
        std::max(1, static_cast<int>(std::lround(ClickGenerator::kClickMs * sampleRate / 1000.0)));
    const double attack = std::max(1.0, kAttackMs * sampleRate / 1000.0);
    const double decay = kDecayMs * sampleRate / 1000.0;
    const double taper = std::max(1.0, kTaperMs * sampleRate / 1000.0);
    std::vector<float> click(static_cast<std::size_t>(frames));
    for (int i = 0; i < frames; ++i) {
        double envelope = std::min(1.0, (i + 1) / attack) * std::exp(-i / decay);
        const double left = frames - i;  // frames to the end, 1 for the last
        if (left <= taper) envelope *= 0.5 - 0.5 * std::cos(std::numbers::pi * left / (taper + 1));
        click[static_cast<std::size_t>(i)] = static_cast<float>(
            gain * envelope * std::cos(2.0 * std::numbers::pi * hz * i / sampleRate));
    }
    return click;
}

}  // namespace

void ClickGenerator::prepare(int sampleRate) {
    sampleRate_ = sampleRate;
    accent_ = synthesise(sampleRate, kAccentHz, 1.0f);
    beat_ = synthesise(sampleRate, kBeatHz, kBeatGain);
    const BeatGrid old = grid_.load();
    grid_.store(BeatGrid(old.bpm(), old.signature(), old.origin(), sampleRate));
    current_ = grid_.load();
}

bool ClickGenerator::setGrid(double bpm, TimeSignature signature, std::int64_t originFrame) {
    if (!signature.valid()) return false;
    grid_.store(BeatGrid(bpm, signature, originFrame, sampleRate_));
    return true;
}

void ClickGenerator::setLevel(float gain) {
    if (!(gain == gain)) return;  // NaN
    level_.store(std::clamp(gain, 0.0f, 1.0f), std::memory_order_relaxed);
}

namespace {
std::int64_t countInLength(const BeatGrid& grid, int bars, double tempo) noexcept {
    if (bars <= 0 || !(tempo > 0.0)) return 0;
    const auto frames = BeatGrid(grid.bpm(), grid.signature(), 0, grid.sampleRate())
                            .barFrame(static_cast<std::int64_t>(bars));
    return tempo == 1.0 ? frames
                        : static_cast<std::int64_t>(std::ceil(static_cast<double>(frames) / tempo));
}
}  // namespace

std::int64_t ClickGenerator::countInFrames(int bars, double tempo) const {
    return countInLength(grid_.load(), bars, tempo);
}

std::int64_t ClickGenerator::countInFramesNow(int bars, double tempo) noexcept {
    refreshGrid();
    return countInLength(current_, bars, tempo);
}

void ClickGenerator::refreshGrid() noexcept {
    grid_.tryLoad(current_);  // on a torn read, keep the previous grid for this block
}

void ClickGenerator::addClicks(const BeatGrid& grid, double start, double rate,
                               std::int64_t firstBeat, std::int64_t endBeat, int n, float gain,
                               float* out) const noexcept {
    const int length = clickFrames();
    // Output frame where a beat's click starts (may be negative: started in an earlier block).
    auto onset = [&grid, start, rate](std::int64_t beat) {
        return static_cast<std::int64_t>(
            std::ceil((static_cast<double>(grid.beatFrame(beat)) - start) / rate));
    };
    std::int64_t next = onset(firstBeat);
    for (std::int64_t beat = firstBeat; beat < endBeat; ++beat) {
        const std::int64_t at = next;
        if (at >= n) break;
        next = onset(beat + 1);
        // A click is cut where the next one starts (only at tempos beyond a 30 ms beat).
        const std::int64_t end = std::min<std::int64_t>({at + length, next, n});
        const float* click = (grid.isDownbeat(beat) ? accent_ : beat_).data();
        for (std::int64_t i = std::max<std::int64_t>(at, 0); i < end; ++i)
            out[i] += gain * click[i - at];
    }
}

void ClickGenerator::render(double songFrame, int n, float* left, float* right,
                            double songFramesPerFrame) noexcept {
    if (n <= 0) return;
    std::fill(left, left + n, 0.0f);
    refreshGrid();
    const float gain = level_.load(std::memory_order_relaxed);
    if (!enabled_.load(std::memory_order_relaxed) || gain <= 0.0f || !(songFramesPerFrame > 0.0)) {
        std::fill(right, right + n, 0.0f);
        return;
    }
    // Every click that may still sound in this block started at most clickFrames() output
    // frames before it.
    const double lookBack = (clickFrames() + 1) * songFramesPerFrame;
    const std::int64_t first =
        current_.firstBeatAtOrAfter(static_cast<std::int64_t>(std::floor(songFrame - lookBack)));
    addClicks(current_, songFrame, songFramesPerFrame, first,
              std::numeric_limits<std::int64_t>::max(), n, gain, left);
    std::copy(left, left + n, right);
}

void ClickGenerator::renderCountIn(std::int64_t offset, int n, int bars, float* left, float* right,
                                   double tempo) noexcept {
    if (n <= 0) return;
    std::fill(left, left + n, 0.0f);
    refreshGrid();
    const float gain = level_.load(std::memory_order_relaxed);
    if (bars > 0 && gain > 0.0f && tempo > 0.0) {
        const BeatGrid grid(current_.bpm(), current_.signature(), 0, current_.sampleRate());
        const std::int64_t beats = std::int64_t{bars} * current_.signature().beatsPerBar;
        const double start = static_cast<double>(offset) * tempo;
        const std::int64_t first = std::max<std::int64_t>(
            0, grid.firstBeatAtOrAfter(
                   static_cast<std::int64_t>(std::floor(start - (clickFrames() + 1) * tempo))));
        addClicks(grid, start, tempo, first, beats, n, gain, left);
    }
    std::copy(left, left + n, right);
}

}  // namespace stemdeck::audio
