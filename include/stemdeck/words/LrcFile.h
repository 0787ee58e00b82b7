#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace stemdeck::words {

// A word of an enhanced LRC line (`<mm:ss.xx>word `): its start in song seconds and its text
// (with the space that follows it, so that the words joined give the line).
struct LrcWord {
    double time = 0.0;
    std::string text;
};

// A line of lyrics: its start in song seconds (the [offset:] applied), its UTF-8 text, its
// stamped words when the line had word stamps, and the line of the file it came from.
// An empty text is a break (a stamped line with no words: the prompter clears).
struct LrcLine {
    double time = 0.0;
    std::string text;
    std::vector<LrcWord> words;
    int sourceLine = 0;  // 1-based
};

// A lyrics file: standard LRC (`[mm:ss.xx]text`, several stamps on a line, in any order,
// `[offset:+/-ms]`, `[ti:]`-style tags, enhanced `<mm:ss.xx>` word stamps) or plain text
// (`lyrics.txt`, or an .lrc without a single stamp), whose lines are unsynced. A value type,
// immutable once parsed: any thread; the lookups are O(log n), for the GUI tick.
//
// A malformed stamp skips its line and says so in `problems()` (one line each, "line N: …");
// so does a text line without a stamp in a synced file. Blank lines of a synced file have no
// time and are left out (a stamped empty line is the LRC way to mark a break); blank lines of
// plain text are kept as breaks.
class LrcFile {
  public:
    // More problems than this are summed up in one last line.
    static constexpr std::size_t kMaxProblems = 20;

    static LrcFile parse(std::string_view bytes);
    static LrcFile plainText(std::string_view bytes);
    // parse() or plainText() of a file (by extension: .txt is plain text); an unreadable or
    // too big file gives no lines and a problem naming it.
    static LrcFile read(const std::filesystem::path& file);

    bool synced() const { return synced_; }
    // Sorted by time when synced (lines of equal time in file order), in file order when not.
    const std::vector<LrcLine>& lines() const { return lines_; }
    // Metadata tags by lower-case name (ti, ar, al, by, length, offset …), values as written.
    const std::map<std::string, std::string>& tags() const { return tags_; }
    std::string tag(const std::string& name) const;
    // [offset:] in seconds as written: positive means the lyrics come earlier.
    double offsetSeconds() const { return offsetSeconds_; }
    bool hasWordStamps() const { return hasWordStamps_; }
    bool latin1() const { return latin1_; }
    const std::vector<std::string>& problems() const { return problems_; }

    // The index of the line sung at `songSeconds` (the last one started), or -1 before the
    // first line and always when unsynced.
    int lineAt(double songSeconds) const;
    // The index within lines()[line] of the word sung at `songSeconds`, or -1 (before its
    // first word, no word stamps, no such line).
    int wordAt(int line, double songSeconds) const;

  private:
    void parseLine(std::string_view line, int number);
    void addProblem(std::string problem);
    void finish();

    std::vector<LrcLine> lines_;
    std::map<std::string, std::string> tags_;
    std::vector<std::string> problems_;
    std::size_t problemsLeftOut_ = 0;
    double offsetSeconds_ = 0.0;
    bool synced_ = false;
    bool hasWordStamps_ = false;
    bool latin1_ = false;
};

// Reads `[mm:ss]`, `[mm:ss.x]` … `[mm:ss.xxx]` (also `mm:ss:xx`) from the start of `text`
// (which starts after the opening bracket or angle bracket, ending at `close`): the seconds,
// or a negative value when malformed; `length` gets the characters read with `close`.
double parseStamp(std::string_view text, char close, std::size_t& length);

}  // namespace stemdeck::words
