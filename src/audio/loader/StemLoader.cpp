// The song load, start to end: scan, choose the rate, fit in memory, decode in parallel, gather.
// Each step is a job of its own in loader/ (StemFolder, SongMemory, DecodePool, LoadMessages).
#include "stemdeck/audio/loader/StemLoader.h"

#include <algorithm>
#include <map>

#include "stemdeck/audio/loader/LoadMessages.h"
#include "stemdeck/audio/loader/SongDecode.h"
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
    // The caller's progress outlives the decode: takeWholeSong() waits for it to end.
    std::shared_ptr<LoadProgress> shared =
        progress ? std::shared_ptr<LoadProgress>(progress, [](LoadProgress*) {})
                 : std::make_shared<LoadProgress>();
    return SongDecode::start(std::move(scanned), options, std::move(shared))->takeWholeSong();
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
