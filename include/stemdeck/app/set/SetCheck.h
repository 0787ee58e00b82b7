#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "stemdeck/app/set/SetList.h"

namespace stemdeck::app {
class MarkerStore;
}

// "Check set": verifies every song of a set before a show without playing it (docs/SETS.md).
// Any thread but the audio one: it lists folders and opens files.
namespace stemdeck::app::set {

// What the check learnt of one entry's song, from its folder and its files' headers.
struct SongSummary {
    std::filesystem::path folder;  // resolved
    std::string title;             // meta.json's title, else the folder's name
    bool found = false;            // a folder with at least one stem the loader takes
    int stems = 0;
    int sampleRate = 0;         // the rate the song loads at alone (StemLoader::chooseSampleRate)
    double seconds = 0.0;       // at tempo 1: its longest stem, as the headers give it
    std::uint64_t bytes = 0;    // memory it takes decoded at sampleRate, compact storage
    double startSeconds = 0.0;  // where the entry's start marker is; 0: the song's start
};

struct SetReport {
    std::vector<SongSummary> songs;  // one per entry, in order
    std::vector<SetProblem> problems;
    // The set as heard: each song at its tempo, plus gaps, minus crossfades (count-ins and
    // the pauses at a "stop" not counted).
    double totalSeconds = 0.0;
};

struct CheckOptions {
    // Decode the first and last second of every stem to catch a damaged file; off: headers
    // only.
    bool decodeEnds = true;
    // The memory two adjacent songs may take together; 0: the loader's share of what the
    // system has available (loader::memoryLimit).
    std::uint64_t memoryLimitBytes = 0;
    // Where the entries' start markers are looked up; null: a default MarkerStore.
    const MarkerStore* markers = nullptr;
};

class SetCheck {
  public:
    // Every problem of every song, each one line naming the entry. Problems the file itself
    // had (SetFile::parse) are not repeated: the caller adds those.
    static SetReport run(const SetList& set, const std::filesystem::path& setFolder,
                         const CheckOptions& options = {});
    // The checks of one entry's song alone, as run() makes them for each entry (folder,
    // stems, their rates and ends, the start marker), its problems appended to `problems`:
    // for a caller that takes the songs one at a time (the CLI's set render), so each check
    // has one home. The song is usable when no error was appended.
    static SongSummary checkSong(std::size_t index, const SetEntry& entry,
                                 const std::filesystem::path& setFolder,
                                 const CheckOptions& options, std::vector<SetProblem>& problems);
    // SetReport::totalSeconds for these songs.
    static double totalSeconds(const SetList& set, const std::vector<SongSummary>& songs);
    // The same for the set from each entry on: [r] is what entries r.. take, with one more
    // element (0) at the end; one pass, so a long set's time left costs one lookup.
    static std::vector<double> secondsFrom(const SetList& set,
                                           const std::vector<SongSummary>& songs);
};

}  // namespace stemdeck::app::set
