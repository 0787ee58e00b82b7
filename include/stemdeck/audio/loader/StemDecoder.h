#pragma once

#include <string>
#include <vector>

#include "stemdeck/audio/loader/MemoryBudget.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/StemLoader.h"

// Decoding one stem. A worker thread; different stems may be decoded on different threads.
namespace stemdeck::audio::loader {

// Thrown when LoadProgress asks for the load to stop.
struct Cancelled {};

// The song may take no more memory: the stem being decoded outgrew what was left.
class BudgetExceeded : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct DecodedStem {
    Stem stem;
    // What did not go quite as the file says, one phrase each, without the file's name:
    // "3 samples beyond ±64 were limited to ±64".
    std::vector<std::string> notes;
};

// Decodes the probed file chunk by chunk to the real end of its audio, whatever its header
// says: every sample bounded (NaN and infinities to 0, magnitudes to
// limits::kMaxSampleMagnitude), downmixed (more than 2 channels) and resampled to
// `targetRate` (in time segments on up to `resampleThreads` threads when that is more than
// one: SegmentedResampler), into buffers that grow as the audio arrives and are charged to
// `budget`. Throws DecodeError (loader/AudioSource.h) or std::runtime_error when the file cannot be
// decoded, BudgetExceeded, Cancelled. `reported` counts the source frames it added to
// `progress` (at most expectedFrames(probe)), also when it throws.
DecodedStem decodeStem(const StemProbe& probe, int targetRate, unsigned resampleThreads,
                       MemoryBudget& budget, LoadProgress& progress, std::int64_t& reported);

}  // namespace stemdeck::audio::loader
