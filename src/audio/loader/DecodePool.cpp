#include "stemdeck/audio/loader/DecodePool.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <new>
#include <thread>

#include "stemdeck/audio/loader/StemPeaks.h"

namespace stemdeck::audio::loader {

namespace {

// Never throws: a worker's exception must not reach std::thread (std::terminate).
DecodeOutcome decodeOne(const StemProbe& probe, int targetRate, unsigned resampleThreads,
                        MemoryBudget& budget, LoadProgress& progress) noexcept {
    DecodeOutcome outcome;
    std::int64_t reported = 0;
    try {
        outcome.decoded =
            decodeStem(probe, targetRate, resampleThreads, budget, progress, reported);
        computePeaks(outcome.decoded->stem);
    } catch (const Cancelled&) {  // StemLoader::loadScanned reports the cancel for the song
    } catch (const std::bad_alloc&) {
        outcome.decoded.reset();
        outcome.outOfMemory = true;
    } catch (const std::exception& e) {
        outcome.decoded.reset();
        outcome.overBudget = dynamic_cast<const BudgetExceeded*>(&e) != nullptr;
        try {
            outcome.reason = e.what();
        } catch (...) {  // no memory left for the message: report it without one
        }
    } catch (...) {
    }
    // Failed or cancelled stems count as done so the progress still reaches 1.
    if (const auto share = expectedFrames(probe); reported < share)
        progress.addFrames(share - reported);
    progress.stemFinished();
    return outcome;
}

// Runs `work` on `count` threads, or fewer if the system refuses to start more, and waits.
void runOnWorkers(unsigned count, const std::function<void()>& work) {
    std::vector<std::thread> threads;
    try {
        threads.reserve(count);
        for (unsigned i = 0; i < count; ++i) threads.emplace_back(work);
    } catch (const std::exception&) {  // the threads already running share the work
    }
    if (threads.empty()) work();
    for (auto& t : threads) t.join();
}

}  // namespace

std::vector<DecodeOutcome> decodeAll(const std::vector<StemProbe>& probes, int targetRate,
                                     unsigned workers, MemoryBudget& budget,
                                     LoadProgress& progress) {
    std::vector<DecodeOutcome> outcomes(probes.size());
    std::atomic<std::size_t> next{0};
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned wanted = workers ? workers : cores;
    const unsigned resampleThreads = resampleThreadsPerStem(wanted, probes.size());
    const auto work = [&] {
        for (std::size_t i = next++; i < probes.size(); i = next++)
            outcomes[i] = decodeOne(probes[i], targetRate, resampleThreads, budget, progress);
    };
    runOnWorkers(static_cast<unsigned>(std::min<std::size_t>(wanted, probes.size())), work);
    return outcomes;
}

unsigned resampleThreadsPerStem(unsigned workers, std::size_t stems) {
    if (stems == 0 || workers <= stems) return 1;
    return static_cast<unsigned>(workers / stems);
}

std::string failureMessage(const DecodeOutcome& outcome, const std::string& name) {
    if (outcome.outOfMemory) return name + ": not enough memory to decode it; skipped";
    if (outcome.overBudget) return name + ": " + outcome.reason + "; skipped";
    return name + ": cannot decode: " +
           (outcome.reason.empty() ? std::string("unknown error") : outcome.reason) + "; skipped";
}

}  // namespace stemdeck::audio::loader
