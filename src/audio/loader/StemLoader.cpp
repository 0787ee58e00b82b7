// The song load, start to end: scan, choose the rate, fit in memory, decode in parallel, gather.
// Each step is a job of its own in loader/ (StemFolder, SongMemory, DecodePool, LoadMessages).
#include "stemdeck/audio/loader/StemLoader.h"

#include <algorithm>
#include <map>

#include "stemdeck/audio/loader/DecodePool.h"
#include "stemdeck/audio/loader/LoadMessages.h"
#include "stemdeck/audio/loader/MemoryBudget.h"
#include "stemdeck/audio/loader/SongMemory.h"
#include "stemdeck/audio/loader/StemFolder.h"
#include "stemdeck/audio/loader/StemNaming.h"
#include "stemdeck/audio/loader/SystemMemory.h"

namespace stemdeck::audio {

namespace fs = std::filesystem;
using namespace loader;

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
    return expectedBytes(probes, targetRate);
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
    const MemoryLimit limit = memoryLimitBeside(options.residentBytes, options.memoryLimitBytes);
    fitInMemory(probes, song.sampleRate, limit, song);

    std::int64_t totalFrames = 0;
    for (const auto& p : probes) totalFrames += expectedFrames(p);
    watch.begin(totalFrames, static_cast<int>(probes.size()));
    if (watch.cancelRequested()) throw cancelledError(song.folder);
    MemoryBudget budget(limit.bytes);
    auto outcomes = decodeAll(probes, song.sampleRate, options.workers, budget, watch);
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
