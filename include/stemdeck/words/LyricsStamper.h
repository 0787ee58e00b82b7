#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stemdeck/words/LrcFile.h"

namespace stemdeck::words {

// The model of a lyrics stamping editor (issue 14, part 2; the editor's window is not built
// yet): plain lines, then while the song plays a tap at each line's start stamps the next
// line; a stamp can be nudged (±10 ms a press) or cleared, playback can start from a line,
// and the result is LRC text (the caller writes it atomically: app::writeFileAtomically).
// No Qt; a value type, one thread at a time.
class LyricsStamper {
  public:
    static constexpr double kNudgeSeconds = 0.01;

    // Plain text (lyrics.txt, pasted): its lines, blank lines kept as breaks.
    static LyricsStamper fromText(std::string_view text);
    // A synced file to correct: its lines in time order with their stamps, its tags kept.
    static LyricsStamper fromLrc(const LrcFile& lrc);

    std::size_t size() const { return lines_.size(); }
    const std::string& text(std::size_t line) const { return lines_[line].text; }
    std::optional<double> time(std::size_t line) const { return lines_[line].time; }

    // The line the next tap stamps: the first unstamped line with words after the last stamped
    // one (breaks are skipped: a tap is for a line that is sung); none when all are done.
    std::optional<std::size_t> next() const;
    // Stamps next() at `songSeconds`; false when there is none.
    bool tap(double songSeconds);
    void stamp(std::size_t line, double songSeconds);
    void clear(std::size_t line);
    // Moves a stamp by `steps` nudges (negative: earlier), never before 0.
    void nudge(std::size_t line, int steps);
    // Where "play from this line" starts: its stamp, else the last stamp before it, else 0.
    double playFrom(std::size_t line) const;
    std::size_t unstamped() const;

    // LRC text: the tags first, then each line in order, "[mm:ss.xx]text"; a stamped break is
    // "[mm:ss.xx]", an unstamped break a blank line, and an unstamped line its text alone (the
    // reader then names it: nothing typed is lost).
    std::string toLrc() const;

  private:
    struct Line {
        std::string text;
        std::optional<double> time;
    };
    std::vector<Line> lines_;
    std::map<std::string, std::string> tags_;
};

// "[mm:ss.xx]" for `seconds` (rounded to the hundredth, at least 0).
std::string lrcStamp(double seconds);

}  // namespace stemdeck::words
