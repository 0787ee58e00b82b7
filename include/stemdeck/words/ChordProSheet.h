#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stemdeck::words {

// A chord over a lyric line: its text as written and the character (code point) of the lyric
// it sits on.
struct SheetChord {
    std::size_t position = 0;
    std::string name;
};

// A line of a chord sheet. Lyrics lines carry their chords; comments come from {comment:};
// tab lines are kept verbatim (no chords read in them); an empty line is a break.
struct SheetLine {
    enum class Kind { Lyrics, Comment, Tab, Empty };
    Kind kind = Kind::Lyrics;
    std::string text;
    std::vector<SheetChord> chords;
    std::string section;  // "chorus", "verse", "bridge", "tab" or "" (outside any section)
    std::string label;    // the section's label ({soc: Chorus 2}), on every line of it
    int sourceLine = 0;
};

// A ChordPro chord sheet (`*.cho`, `*.chordpro`, `*.pro`): `[C]lyrics [G]here`, the
// directives title/t, subtitle/st, artist, key, capo, tempo, start_of_/end_of_ chorus (soc,
// eoc), verse (sov, eov), bridge (sob, eob), tab (sot, eot), comment/c (also ci, cb), `#`
// comment lines. Other directives are kept in `otherDirectives` without complaint. Value
// type, any thread.
struct ChordProSheet {
    std::string title;
    std::string subtitle;
    std::string artist;
    std::string key;
    int capo = 0;
    std::optional<double> tempo;
    std::vector<SheetLine> lines;
    std::vector<std::pair<std::string, std::string>> otherDirectives;
    bool latin1 = false;
    std::vector<std::string> problems;  // one line each: an unusable {capo:}, {tempo:} …

    static ChordProSheet parse(std::string_view bytes);
    // An unreadable or too big file gives an empty sheet and a problem naming it.
    static ChordProSheet read(const std::filesystem::path& file);

    std::size_t chordCount() const;
};

}  // namespace stemdeck::words
