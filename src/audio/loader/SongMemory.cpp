#include "stemdeck/audio/loader/SongMemory.h"

#include <algorithm>
#include <cmath>

#include "stemdeck/audio/core/ByteSize.h"
#include "stemdeck/audio/loader/LoadMessages.h"
#include "stemdeck/audio/loader/MemoryBudget.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/audio/loader/SystemMemory.h"

namespace stemdeck::audio::loader {

MemoryLimit memoryLimit(std::uint64_t explicitBytes) {
    if (explicitBytes) return {explicitBytes, byteSizeText(explicitBytes) + " is available"};
    const std::uint64_t available = systemAvailableMemory();
    const auto usable =
        static_cast<std::uint64_t>(static_cast<double>(available) * kUsableMemoryShare);
    return {usable, byteSizeText(usable) + " can be used (" +
                        std::to_string(std::lround(kUsableMemoryShare * 100)) + " % of the " +
                        byteSizeText(available) + " available)"};
}

MemoryLimit memoryLimitBeside(std::uint64_t residentBytes, std::uint64_t explicitBytes) {
    if (residentBytes == 0 || explicitBytes == 0) return memoryLimit(explicitBytes);
    const std::uint64_t left = explicitBytes > residentBytes ? explicitBytes - residentBytes : 0;
    return {left, byteSizeText(left) + " is left beside the " + byteSizeText(residentBytes) +
                      " of the song in memory"};
}

std::uint64_t songBytes(const Song& song) {
    std::uint64_t bytes = 0;
    for (const Stem& stem : song.stems)
        bytes += stem.audio.capacityBytes() + stem.peaks.capacity() * sizeof(float);
    return bytes;
}

bool fitsInMemory(const std::vector<StemProbe>& probes, int rate, const MemoryLimit& limit) {
    return expectedBytes(probes, rate) <= limit.bytes;
}

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
    const auto kept = expectedBytes(probes, rate);
    if (kept > limit.bytes)
        throw LoadError(LoadError::Kind::OutOfMemory, "song needs " + byteSizeText(kept) +
                                                          " of memory but only " + limit.text +
                                                          ": " + song.folder.string());
}

}  // namespace stemdeck::audio::loader
