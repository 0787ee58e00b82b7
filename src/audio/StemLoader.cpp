#include "stemdeck/audio/StemLoader.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <map>
#include <new>
#include <optional>
#include <thread>

#include "stemdeck/audio/ByteSize.h"
#include "stemdeck/audio/StemPeaks.h"
#include "stemdeck/audio/loader/AudioSource.h"
#include "stemdeck/audio/loader/LoadMessages.h"
#include "stemdeck/audio/loader/MemoryBudget.h"
#include "stemdeck/audio/loader/StemDecoder.h"
#include "stemdeck/audio/loader/StemFolder.h"
#include "stemdeck/audio/loader/StemNaming.h"

namespace stemdeck::audio {

namespace fs = std::filesystem;
using namespace loader;

namespace {

// ---------------------------------------------------------------------------------------------
// Decoding in parallel

struct Outcome {
    std::optional<DecodedStem> decoded;  // empty when the stem failed or was cancelled
    bool outOfMemory = false;
    bool overBudget = false;  // `reason` says so fully: it is not a decoding failure
    std::string reason;       // why it failed; empty when even the message could not be built
};

// Never throws: a worker's exception must not reach std::thread (std::terminate).
Outcome decodeOne(const StemProbe& probe, int targetRate, ResampleQuality quality,
                  MemoryBudget& budget, LoadProgress& progress) noexcept {
    Outcome outcome;
    std::int64_t reported = 0;
    try {
        outcome.decoded = decodeStem(probe, targetRate, quality, budget, progress, reported);
        computePeaks(outcome.decoded->stem);
    } catch (const Cancelled&) {  // loadScanned() reports the cancel for the whole song
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

std::vector<Outcome> decodeAll(const std::vector<StemProbe>& probes, int targetRate,
                               const LoadOptions& options, MemoryBudget& budget,
                               LoadProgress& progress) {
    std::vector<Outcome> outcomes(probes.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < probes.size(); i = next++)
            outcomes[i] = decodeOne(probes[i], targetRate, options.quality, budget, progress);
    };
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned wanted = options.workers ? options.workers : cores;
    runOnWorkers(static_cast<unsigned>(std::min<std::size_t>(wanted, probes.size())), work);
    return outcomes;
}

std::string failureMessage(const Outcome& outcome, const std::string& name) {
    if (outcome.outOfMemory) return name + ": not enough memory to decode it; skipped";
    if (outcome.overBudget) return name + ": " + outcome.reason + "; skipped";
    return name + ": cannot decode: " +
           (outcome.reason.empty() ? std::string("unknown error") : outcome.reason) + "; skipped";
}

// ---------------------------------------------------------------------------------------------
// Song-level checks

LoadError noStemsError(const fs::path& folder, const Song& song) {
    const std::string where = folder.string();
    if (song.errors.empty()) {
        std::string message = "no audio files in " + where;
        if (!song.ignored.empty())
            message += " (" + std::to_string(song.ignored.size()) + " other files ignored)";
        return LoadError(LoadError::Kind::NoStems, message, song.errors, song.ignored);
    }
    std::string message = "no stem could be loaded from " + where + ": all " +
                          std::to_string(song.errors.size()) + " audio files failed; ";
    constexpr std::size_t kShown = 2;
    for (std::size_t i = 0; i < std::min(kShown, song.errors.size()); ++i)
        message += (i ? " / " : "") + song.errors[i].message;
    if (song.errors.size() > kShown) message += " / ...";
    return LoadError(LoadError::Kind::NoStems, message, song.errors, song.ignored);
}

// The memory the song may take, and how to say it in a message.
struct MemoryLimit {
    std::uint64_t bytes = 0;
    std::string text;  // "23.6 GB is available", "18.9 GB can be used (80 % of the 23.6 GB free)"
};

MemoryLimit memoryLimit(const LoadOptions& options) {
    if (options.memoryLimitBytes) {
        return {options.memoryLimitBytes, byteSizeText(options.memoryLimitBytes) + " is available"};
    }
    const std::uint64_t available = StemLoader::availableMemoryBytes();
    const auto usable =
        static_cast<std::uint64_t>(static_cast<double>(available) * kUsableMemoryShare);
    return {usable, byteSizeText(usable) + " can be used (" +
                        std::to_string(std::lround(kUsableMemoryShare * 100)) + " % of the " +
                        byteSizeText(available) + " available)"};
}

// Leaves out, named in song.errors, the stems that alone need more memory than the song may
// take, so one huge file does not cost the rest of the song; then refuses the song if what is
// left is still too big together, or if nothing is left. Before anything is decoded.
void fitInMemory(std::vector<StemProbe>& probes, int rate, const MemoryLimit& limit, Song& song) {
    const auto tooBig = [&](const StemProbe& p) { return expectedBytes(p, rate) > limit.bytes; };
    if (!std::ranges::all_of(probes, tooBig)) {
        std::erase_if(probes, [&](const StemProbe& p) {
            if (!tooBig(p)) return false;
            song.errors.push_back({p.file,
                                   displayName(p.file, song.folder) + ": needs " +
                                       byteSizeText(expectedBytes(p, rate)) +
                                       " of memory but only " + limit.text + "; skipped",
                                   FileProblem::TooBig});
            return true;
        });
    }
    const auto kept = StemLoader::bytesNeeded(probes, rate);
    if (kept > limit.bytes)
        throw LoadError(LoadError::Kind::OutOfMemory, "song needs " + byteSizeText(kept) +
                                                          " of memory but only " + limit.text +
                                                          ": " + song.folder.string());
}

LoadError cancelledError(const fs::path& folder) {
    return LoadError(LoadError::Kind::Cancelled, "loading cancelled: " + folder.string());
}

}  // namespace

// -------------------------------------------------------------------------------------------------

ScannedSong StemLoader::scan(const fs::path& folder) {
    return scanFolder(folder);
}

std::vector<StemProbe> StemLoader::scan(const fs::path& folder, std::vector<FileIssue>& errors,
                                        std::vector<FileIssue>& ignored) {
    ScannedSong song = scanFolder(folder);
    errors.insert(errors.end(), song.errors.begin(), song.errors.end());
    ignored.insert(ignored.end(), song.ignored.begin(), song.ignored.end());
    return std::move(song.probes);
}

std::uint64_t StemLoader::bytesNeeded(const std::vector<StemProbe>& probes, int targetRate) {
    std::uint64_t bytes = 0;
    for (const auto& p : probes) bytes += expectedBytes(p, targetRate);
    return bytes;
}

Song StemLoader::load(const fs::path& folder, const LoadOptions& options, LoadProgress* progress) {
    return loadScanned(scanFolder(folder), options, progress);
}

Song StemLoader::loadScanned(ScannedSong scanned, const LoadOptions& options,
                             LoadProgress* progress) {
    LoadProgress unobserved;
    LoadProgress& watch = progress ? *progress : unobserved;
    Song song;
    song.folder = scanned.folder;
    song.errors = std::move(scanned.errors);
    song.ignored = std::move(scanned.ignored);
    auto& probes = scanned.probes;
    if (probes.empty()) throw noStemsError(song.folder, song);
    song.sampleRate = options.targetRate > 0 ? options.targetRate : chooseSampleRate(probes);
    const MemoryLimit limit = memoryLimit(options);
    fitInMemory(probes, song.sampleRate, limit, song);

    std::int64_t totalFrames = 0;
    for (const auto& p : probes) totalFrames += expectedFrames(p);
    watch.begin(totalFrames, static_cast<int>(probes.size()));
    if (watch.cancelRequested()) throw cancelledError(song.folder);
    MemoryBudget budget(limit.bytes);
    auto outcomes = decodeAll(probes, song.sampleRate, options, budget, watch);
    if (watch.cancelRequested()) throw cancelledError(song.folder);

    for (std::size_t i = 0; i < probes.size(); ++i) {
        const auto name = displayName(probes[i].file, song.folder);
        if (!outcomes[i].decoded) {
            const bool memory = outcomes[i].outOfMemory || outcomes[i].overBudget;
            song.errors.push_back({probes[i].file, failureMessage(outcomes[i], name),
                                   memory ? FileProblem::TooBig : FileProblem::NotAudio});
            continue;
        }
        for (const auto& note : outcomes[i].decoded->notes)
            song.warnings.push_back({probes[i].file, name + ": " + note});
        song.stems.push_back(std::move(outcomes[i].decoded->stem));
        song.frames = std::max(song.frames, song.stems.back().frames());
    }
    if (song.stems.empty()) throw noStemsError(song.folder, song);
    return song;
}

int StemLoader::chooseSampleRate(const std::vector<StemProbe>& probes) {
    std::map<int, int> count;
    for (const auto& p : probes) ++count[p.sampleRate];
    int best = 0, bestCount = 0;
    for (const auto& [rate, n] : count)  // ascending: ">=" lets the higher rate win a tie
        if (n >= bestCount) best = rate, bestCount = n;
    return best;
}

bool StemLoader::naturalLess(const std::string& a, const std::string& b) {
    return naturalCompare(a, b) < 0;
}

std::uint64_t StemLoader::availableMemoryBytes() {
    return systemAvailableMemory();
}

}  // namespace stemdeck::audio
