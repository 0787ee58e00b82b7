#pragma once

#include <cstdint>

namespace stemdeck::audio {
struct Song;
}

namespace stemdeck::cli {

// Microseconds per block; each pass gives its mean, reported as median and mean over passes.
struct MixTimings {
    double mixMedianUs = 0, mixMeanUs = 0;    // Transport::process
    double readMedianUs = 0, readMeanUs = 0;  // reading the same samples, nothing else
    std::int64_t blocksPerPass = 0;
    int passes = 0;
};

// Times Transport::process on `song` with the default mix, block by block and with no device,
// over `seconds` of audio (wrapping at the song's end, as a loop would), and against it the
// read-bound baseline: summing every stem sample of the same block ranges. Passes alternate
// (mix, read, mix, ...) and repeat until the mix was timed for long enough to be reliable.
MixTimings benchmarkMix(const audio::Song& song, int block, double seconds);

// The process's resident memory (VmRSS of /proc/self/status) in bytes; 0 where it cannot be
// read.
std::uint64_t residentBytes();

}  // namespace stemdeck::cli
