#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "stemdeck/words/ChordLane.h"
#include "stemdeck/words/ChordProSheet.h"
#include "stemdeck/words/LrcFile.h"

namespace stemdeck::words {

// Everything a song folder says in words: its lyrics (lyrics.lrc, else the first *.lrc by
// name, else lyrics.txt), its chord sheet (the first *.cho, *.chordpro or *.pro by name) and
// meta.json's timed chords. Value type; load() reads files (any thread but the audio one).
//
// A chord sheet gets its times from the lyrics: its lyric lines are matched, in order, to the
// LRC lines with the same words (case, spaces and punctuation aside), each taking the time of
// its match; lines without one (instrumental lines, a chorus the LRC repeats but the sheet
// writes once) stay untimed and the sheet shows the last timed line before them.
struct SongWords {
    std::optional<LrcFile> lyrics;
    std::filesystem::path lyricsFile;
    std::optional<ChordProSheet> sheet;
    std::filesystem::path sheetFile;
    ChordLane chords;
    // Per sheet line, its time in song seconds, or negative when untimed.
    std::vector<double> sheetTimes;
    // Every problem of the files read, each naming its file.
    std::vector<std::string> problems;

    static SongWords load(const std::filesystem::path& folder);
    // For the tests and load(): times the sheet's lines from the lyrics.
    void timeSheet();

    bool empty() const { return !lyrics && !sheet && chords.chords().empty(); }
    // The song's key: meta.json's, else the sheet's {key:}; "" when neither says.
    std::string key() const;
    // The sheet line sung at `songSeconds` (the last timed one started), or -1. O(log n).
    int sheetLineAt(double songSeconds) const;

  private:
    std::vector<std::size_t> timedSheetLines_;  // indices of the timed sheet lines, by time
};

}  // namespace stemdeck::words
