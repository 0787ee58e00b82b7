#include "stemdeck/app/WaveformPeaks.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stemdeck/audio/loader/Song.h"

namespace stemdeck::app {

namespace {

MinMax merge(MinMax a, MinMax b) {
    return {std::min(a.min, b.min), std::max(a.max, b.max)};
}

}  // namespace

MinMax MinMax::none() {
    return {std::numeric_limits<float>::max(), std::numeric_limits<float>::lowest()};
}

PeakLevel::PeakLevel(const std::vector<MinMax>& values) : size_(values.size()) {
    for (std::size_t at = 0; at < size_; at += kChunk) {
        const auto from = values.begin() + static_cast<std::ptrdiff_t>(at);
        const auto to = values.begin() + static_cast<std::ptrdiff_t>(std::min(size_, at + kChunk));
        chunks_.push_back(std::make_shared<std::vector<MinMax>>(from, to));
    }
}

MinMax& PeakLevel::writable(std::size_t i) {
    auto& chunk = chunks_[i / kChunk];
    // Shared with a copy (a view's set): this level gets its own chunk, the copy keeps its.
    // A count read as more than one while the other holder lets go only costs a copy.
    if (chunk.use_count() > 1) chunk = std::make_shared<std::vector<MinMax>>(*chunk);
    return (*chunk)[i % kChunk];
}

WaveformPeaks::WaveformPeaks(const std::vector<std::vector<float>>& channels, int sampleRate)
    : sampleRate_(sampleRate) {
    for (const auto& c : channels) frames_ = std::max(frames_, static_cast<std::int64_t>(c.size()));
    if (frames_ == 0) return;

    const std::int64_t buckets = (frames_ + kBaseBucket - 1) / kBaseBucket;
    std::vector<MinMax> base(
        static_cast<std::size_t>(buckets),
        MinMax{std::numeric_limits<float>::max(), std::numeric_limits<float>::lowest()});
    for (const auto& channel : channels) {
        const auto n = static_cast<std::int64_t>(channel.size());
        for (std::int64_t b = 0; b * kBaseBucket < n; ++b) {
            const auto first = channel.begin() + b * kBaseBucket;
            const auto last = channel.begin() + std::min(n, (b + 1) * kBaseBucket);
            const auto [lo, hi] = std::minmax_element(first, last);
            base[b] = merge(base[b], {*lo, *hi});
        }
    }
    buildLevels(std::move(base));
}

WaveformPeaks WaveformPeaks::of(const audio::StemAudio& audio, int sampleRate) {
    WaveformPeaks peaks;
    peaks.sampleRate_ = sampleRate;
    peaks.frames_ = audio.readyFrames();
    const std::int64_t buckets = (peaks.frames_ + kBaseBucket - 1) / kBaseBucket;
    if (buckets == 0) return peaks;
    std::vector<MinMax> base(static_cast<std::size_t>(buckets));
    for (std::int64_t b = 0; b < buckets; ++b)
        base[static_cast<std::size_t>(b)] = peaks.bucketOf(audio, b);
    peaks.buildLevels(std::move(base));
    return peaks;
}

WaveformPeaks::WaveformPeaks(std::int64_t frames, int sampleRate)
    : sampleRate_(sampleRate), frames_(std::max<std::int64_t>(frames, 0)) {
    const std::int64_t buckets = (frames_ + kBaseBucket - 1) / kBaseBucket;
    if (buckets > 0)
        buildLevels(std::vector<MinMax>(static_cast<std::size_t>(buckets), MinMax::none()));
}

MinMax WaveformPeaks::bucketOf(const audio::StemAudio& audio, std::int64_t b) const {
    float samples[kBaseBucket];
    const std::int64_t n = std::min(kBaseBucket, frames_ - b * kBaseBucket);
    MinMax m = MinMax::none();
    for (int c = 0; c < audio.channels(); ++c) {
        audio.read(c, b * kBaseBucket, n, samples);
        const auto [lo, hi] = std::minmax_element(samples, samples + n);
        m = merge(m, {*lo, *hi});
    }
    return m;
}

void WaveformPeaks::fill(const audio::StemAudio& audio, std::int64_t start, std::int64_t end) {
    end = std::min(end, frames_);
    if (levels_.empty() || start >= end || start < 0) return;
    std::int64_t first = start / kBaseBucket;
    std::int64_t last = (end - 1) / kBaseBucket;  // inclusive
    for (std::int64_t b = first; b <= last; ++b)
        levels_[0].writable(static_cast<std::size_t>(b)) = bucketOf(audio, b);
    // Only the buckets above those changed: a fill costs its frames, not the song's.
    for (std::size_t level = 1; level < levels_.size(); ++level) {
        first /= 2;
        last /= 2;
        const auto& below = levels_[level - 1];
        for (std::int64_t i = first; i <= last; ++i) {
            const auto left = static_cast<std::size_t>(2 * i);
            levels_[level].writable(static_cast<std::size_t>(i)) =
                left + 1 < below.size() ? merge(below[left], below[left + 1]) : below[left];
        }
    }
}

void WaveformPeaks::buildLevels(std::vector<MinMax> base) {
    std::vector<MinMax> below = std::move(base);
    levels_.emplace_back(below);
    while (below.size() > 1) {
        std::vector<MinMax> up((below.size() + 1) / 2);
        for (std::size_t i = 0; i < up.size(); ++i)
            up[i] = 2 * i + 1 < below.size() ? merge(below[2 * i], below[2 * i + 1]) : below[2 * i];
        levels_.emplace_back(up);
        below = std::move(up);
    }
}

WaveformPeaks WaveformPeaks::of(const audio::Stem& stem, int sampleRate) {
    return of(stem.audio, sampleRate);
}

int WaveformPeaks::levelFor(double framesPerPixel) const {
    int level = 0;
    while (level + 1 < levelCount() &&
           static_cast<double>(framesPerBucket(level + 1)) <= framesPerPixel)
        ++level;
    return level;
}

std::vector<MinMax> WaveformPeaks::pixels(double startFrame, double framesPerPixel,
                                          int count) const {
    std::vector<MinMax> out(static_cast<std::size_t>(std::max(count, 0)));
    if (levels_.empty() || framesPerPixel <= 0) return out;
    const int level = levelFor(framesPerPixel);
    const auto& buckets = levels_[level];
    const auto bucket = static_cast<double>(framesPerBucket(level));
    const auto lastBucket = static_cast<std::int64_t>(buckets.size());
    for (int i = 0; i < count; ++i) {
        const double from = startFrame + i * framesPerPixel;
        const double to = from + framesPerPixel;
        if (to <= 0 || from >= static_cast<double>(frames_)) continue;
        const auto b0 = std::max<std::int64_t>(0, static_cast<std::int64_t>(from / bucket));
        const auto b1 = std::min(lastBucket, static_cast<std::int64_t>(std::ceil(to / bucket)));
        MinMax m = buckets[b0];
        for (auto b = b0 + 1; b < b1; ++b) m = merge(m, buckets[b]);
        out[i] = m;
    }
    return out;
}

}  // namespace stemdeck::app
