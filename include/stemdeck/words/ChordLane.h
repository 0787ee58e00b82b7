#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace stemdeck::words {

// A chord from a given time (song seconds) on; an empty name is "no chord" (the analysis'
// "N"). `end` is negative when the file gave none (the chord then lasts until the next).
struct TimedChord {
    double time = 0.0;
    double end = -1.0;
    std::string name;
};

// The timed chords of meta.json's "chords", sorted by time. Read in the forms found in song
// folders: the predecessor's [start, end, "Am"] triples, [time, "Am"] pairs and objects
// {"time" | "start" | "t": s, "chord" | "name" | "c": "Am", "end": s}. An entry in no such
// form is skipped and reported. Value type, any thread; chordAt() is O(log n).
class ChordLane {
  public:
    static constexpr std::size_t kMaxProblems = 5;

    // `json` is the whole meta.json text; no "chords" gives an empty lane and no problem.
    static ChordLane fromMetaJson(std::string_view json);
    static ChordLane read(const std::filesystem::path& songFolder);

    const std::vector<TimedChord>& chords() const { return chords_; }
    // The number of real chords (without "no chord" entries).
    std::size_t count() const;
    // meta.json's "key", as written ("A minor"), or "".
    const std::string& key() const { return key_; }
    const std::vector<std::string>& problems() const { return problems_; }
    // The index of the chord sounding at `songSeconds`, or -1 before the first (or after an
    // entry's end, when it has one).
    int chordAt(double songSeconds) const;

  private:
    std::vector<TimedChord> chords_;
    std::string key_;
    std::vector<std::string> problems_;
};

}  // namespace stemdeck::words
