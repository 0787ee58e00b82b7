#pragma once

#include <cstddef>
#include <functional>
#include <string>

// What the decoding threads share: how many resample each stem, and what became of a stem
// whose decoding threw.
namespace stemdeck::audio::loader {

// Why a stem's decoding stopped before its end.
struct StemFailure {
    bool cancelled = false;    // the load was cancelled: not the stem's fault
    bool outOfMemory = false;  // std::bad_alloc
    bool overBudget = false;   // `reason` says so fully: it is not a decoding failure
    std::string reason;        // why it failed; empty when even the message could not be built
    bool memory() const { return outOfMemory || overBudget; }
};

// Runs `work` and says how it failed, or nothing (`failed` false) when it returned. Never
// throws: a worker's exception must not reach std::thread (std::terminate). Any thread.
StemFailure runGuarded(const std::function<void()>& work, bool& failed) noexcept;

// Threads each stem may resample on: the workers shared out among the stems, at least 1 (8
// workers, 3 stems: 2 each; 2 workers, 8 stems: 1). Any thread.
unsigned resampleThreadsPerStem(unsigned workers, std::size_t stems);

// Why the stem named `name` stopped, one line for Song::errors: "drums.wav: cannot decode:
// lost sync; skipped" (`outcome`: what was done with it: "skipped", "the rest is silent").
// Any thread.
std::string failureMessage(const StemFailure& failure, const std::string& name,
                           const std::string& outcome = "skipped");

}  // namespace stemdeck::audio::loader
