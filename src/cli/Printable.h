#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace stemdeck::cli {

// Length of the valid UTF-8 sequence starting at text[i] (1 for ASCII), with its code point
// in `codePoint`; 0 when the bytes there are not valid UTF-8 (overlong, surrogate, cut short).
std::size_t decodeUtf8(std::string_view text, std::size_t i, char32_t& codePoint);

// Code points a terminal acts on or that change how the line reads: C0 and C1 controls
// (ESC starts the sequences that clear the screen or set the title), DEL, the line and
// paragraph separators, and the bidirectional embeddings, overrides and isolates.
bool isTerminalControl(char32_t codePoint);

// `text` made safe to print on a terminal, on one line: every terminal control shown as a
// visible escape (\n, \r, \t, \x1b, \u202e), every byte that is not UTF-8 as U+FFFD, valid
// UTF-8 (曲, ü) kept. The one function every line the CLI prints goes through (file and stem
// names, device names, paths, messages); JSON output escapes the same code points
// (jsonText).
std::string printable(std::string_view text);

// Writes printable(line) and a newline: how every message reaches the terminal.
void printLine(std::ostream& stream, std::string_view line);

}  // namespace stemdeck::cli
