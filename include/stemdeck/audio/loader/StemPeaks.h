#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace stemdeck::audio {

struct Stem;

// Frames per entry of a stem's peak table.
inline constexpr int kPeakBucketFrames = 64;

// Entries of the peak table of a stem of `frames` frames (the last may cover fewer frames).
inline std::size_t peakBucketCount(std::int64_t frames) {
    return static_cast<std::size_t>((std::max<std::int64_t>(frames, 0) + kPeakBucketFrames - 1) /
                                    kPeakBucketFrames);
}

// Fills stem.peaks: the largest absolute sample of either channel over each run of
// kPeakBucketFrames frames. Computed once at load, it lets the audio thread meter a stem by
// reading one value per 64 frames instead of every sample again. Any thread but the audio one.
void computePeaks(Stem& stem);

}  // namespace stemdeck::audio
