#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/StemProbe.h"

// How much memory one song may take, and which of its stems fit in it, before anything is
// decoded. The loading thread (StemLoader::loadScanned).
namespace stemdeck::audio::loader {

// The share of the memory the system reports available that one song may take: the machine's
// other work (the desktop, a DAW, the browser with the lyrics) needs the rest.
inline constexpr double kUsableMemoryShare = 0.8;

// The memory the song may take, and how to say it in a message.
struct MemoryLimit {
    std::uint64_t bytes = 0;
    std::string text;  // "23.6 GB is available", "18.9 GB can be used (80 % of the 23.6 GB free)"
};

// `explicitBytes` when it is not 0 (LoadOptions::memoryLimitBytes), else kUsableMemoryShare of
// systemAvailableMemory() (loader/SystemMemory.h). Any thread (reads /proc).
MemoryLimit memoryLimit(std::uint64_t explicitBytes);

// The memory a song may take while songs holding `residentBytes` stay in memory (a set's next
// song preloaded beside the one playing; LoadOptions::residentBytes). An explicit limit is
// for all songs together: what the resident ones leave of it. The system's figure already
// leaves out what the resident songs hold (they are no longer available), so it is
// memoryLimit(0) as for a song alone, the same kUsableMemoryShare margin kept. Any thread.
MemoryLimit memoryLimitBeside(std::uint64_t residentBytes, std::uint64_t explicitBytes);

// What a song in memory holds: its samples as stored (StemAudio::capacityBytes) and its peak
// tables. Any thread but the audio one, while no loader writes the song.
std::uint64_t songBytes(const Song& song);

// Whether these stems fit, decoded at `rate`, in `limit` (all of them together): the check
// a front end makes before preloading a song beside the one playing. Any thread.
bool fitsInMemory(const std::vector<StemProbe>& probes, int rate, const MemoryLimit& limit);

// Leaves out, named in song.errors, the stems that alone need more memory than the song may
// take at `rate`, so one huge file does not cost the rest of the song; then throws LoadError
// (OutOfMemory) if what is left is still too big together. Any thread.
void fitInMemory(std::vector<StemProbe>& probes, int rate, const MemoryLimit& limit, Song& song);

}  // namespace stemdeck::audio::loader
