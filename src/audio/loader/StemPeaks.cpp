#include "stemdeck/audio/loader/StemPeaks.h"

#include <Eigen/Core>
#include <algorithm>

#include "stemdeck/audio/loader/Song.h"

namespace stemdeck::audio {

void computePeaks(Stem& stem) {
    const std::int64_t frames = stem.frames();
    const auto buckets = static_cast<std::int64_t>(peakBucketCount(frames));
    stem.peaks.assign(static_cast<std::size_t>(buckets), 0.0f);
    float bucket[kPeakBucketFrames];
    for (int c = 0; c < stem.audio.channels(); ++c) {
        for (std::int64_t b = 0; b < buckets; ++b) {
            const std::int64_t start = b * kPeakBucketFrames;
            const auto n = static_cast<Eigen::Index>(
                std::min<std::int64_t>(kPeakBucketFrames, frames - start));
            stem.audio.read(c, start, n, bucket);
            const float peak = Eigen::Map<const Eigen::ArrayXf>(bucket, n).abs().maxCoeff();
            auto& slot = stem.peaks[static_cast<std::size_t>(b)];
            slot = std::max(slot, peak);
        }
    }
}

}  // namespace stemdeck::audio
