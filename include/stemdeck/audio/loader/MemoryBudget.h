#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "stemdeck/audio/loader/StemAudio.h"
#include "stemdeck/audio/loader/StemProbe.h"

// How much memory each stem is expected to need, and the budget the stems of one load share
// while they decode (the limit itself: loader/SongMemory.h).
namespace stemdeck::audio::loader {

// Source frames a probed file is expected to decode to: its header's length for an
// uncompressed file (already bounded by the file's size), and for a compressed one that
// length bounded by what the file's bytes realistically hold (realisticSamplesPerByte), so a
// header that lies cannot make the song look bigger than its files. Decoding may find more
// (a file compressed better than usual, an MP3 whose header only estimates its length): the
// buffers then grow. Any thread.
std::int64_t expectedFrames(const StemProbe& probe);
// How the stem's samples are kept: Int16 for sources of at most 16 bits (also when resampled),
// Float32 for the others (StemAudio.h says why). Any thread.
SampleFormat storageFormat(const StemProbe& probe);
// Bytes the stem is expected to take decoded at `targetRate` (0: its own rate), stored mono
// or stereo in its storageFormat (2 bytes a sample for Int16, 4 for Float32). Any thread.
std::uint64_t expectedBytes(const StemProbe& probe, int targetRate);
// The sum of expectedBytes over `probes`. Any thread.
std::uint64_t expectedBytes(const std::vector<StemProbe>& probes, int targetRate);

// Samples (of all channels) a byte of a file in this codec realistically holds: music at
// usual settings and quiet passages fit well within; digital silence can go beyond (up to
// ~1000 for FLAC, Vorbis and Opus), which decoding then allows for by growing. Any thread.
int realisticSamplesPerByte(StemCodec codec);

// The memory the stems of one load share while they decode in parallel: each decoder takes
// what it allocates, and gives back what it frees. Any thread.
class MemoryBudget {
  public:
    explicit MemoryBudget(std::uint64_t limitBytes) : limit_(limitBytes) {}
    // Takes `bytes` if they fit under the limit with what is already taken; false otherwise.
    bool take(std::uint64_t bytes);
    void giveBack(std::uint64_t bytes) { used_.fetch_sub(bytes, std::memory_order_relaxed); }
    std::uint64_t limit() const { return limit_; }
    std::uint64_t used() const { return used_.load(std::memory_order_relaxed); }

  private:
    const std::uint64_t limit_;
    std::atomic<std::uint64_t> used_{0};
};

}  // namespace stemdeck::audio::loader
