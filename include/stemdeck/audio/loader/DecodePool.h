#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stemdeck/audio/loader/MemoryBudget.h"
#include "stemdeck/audio/loader/StemDecoder.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/audio/loader/StemProbe.h"

// Decoding a song's stems in parallel: the worker threads, and what became of each stem.
namespace stemdeck::audio::loader {

struct DecodeOutcome {
    std::optional<DecodedStem> decoded;  // empty when the stem failed or was cancelled
    bool outOfMemory = false;
    bool overBudget = false;  // `reason` says so fully: it is not a decoding failure
    std::string reason;       // why it failed; empty when even the message could not be built
};

// Decodes every probe (decodeStem, then its peaks) on `workers` threads (0: one per core; never
// more than there are stems, fewer if the system refuses to start more) and waits for them.
// With fewer stems than workers, each stem resamples in time segments on the spare ones
// (resampleThreadsPerStem).
// One outcome per probe, in the same order; nothing thrown by a stem leaves its worker. Every
// stem, failed or cancelled included, counts as done in `progress`. The loading thread; the
// workers it starts are the only other threads that touch `budget` and `progress` meanwhile.
std::vector<DecodeOutcome> decodeAll(const std::vector<StemProbe>& probes, int targetRate,
                                     unsigned workers, MemoryBudget& budget,
                                     LoadProgress& progress);

// Threads each stem may resample on: the workers shared out among the stems, at least 1 (8
// workers, 3 stems: 2 each; 2 workers, 8 stems: 1). Any thread.
unsigned resampleThreadsPerStem(unsigned workers, std::size_t stems);

// Why the stem named `name` was skipped, one line for Song::errors:
// "drums.wav: cannot decode: lost sync; skipped". Any thread.
std::string failureMessage(const DecodeOutcome& outcome, const std::string& name);

}  // namespace stemdeck::audio::loader
