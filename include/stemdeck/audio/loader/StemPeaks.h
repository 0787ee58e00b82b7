#pragma once

namespace stemdeck::audio {

struct Stem;

// Frames per entry of a stem's peak table.
inline constexpr int kPeakBucketFrames = 64;

// Fills stem.peaks: the largest absolute sample of either channel over each run of
// kPeakBucketFrames frames. Computed once at load, it lets the audio thread meter a stem by
// reading one value per 64 frames instead of every sample again. Any thread but the audio one.
void computePeaks(Stem& stem);

}  // namespace stemdeck::audio
