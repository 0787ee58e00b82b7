#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stemdeck::words {

// The text of a lyrics or chord file as UTF-8 lines: a UTF-8 byte order mark dropped, bytes
// that are not valid UTF-8 read as Latin-1 (what older LRC and ChordPro files are written in),
// CRLF, CR and LF all ending a line. No Qt; any thread.
struct TextFile {
    // Lyrics and chord sheets are a few kB; a bigger file is not one (and is not read in).
    static constexpr std::uintmax_t kMaxFileBytes = 4 << 20;
    static constexpr std::size_t kMaxLines = 100000;

    std::vector<std::string> lines;
    bool latin1 = false;                // the bytes were not UTF-8 and were converted from Latin-1
    std::vector<std::string> problems;  // one line each: too big, too many lines, unreadable

    static TextFile decode(std::string_view bytes);
    // `problems` names the file by its file name.
    static TextFile read(const std::filesystem::path& file);
};

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool validUtf8(std::string_view bytes);
// Each byte as the code point of the same value, in UTF-8.
std::string latin1ToUtf8(std::string_view bytes);
// The number of code points in valid UTF-8 text (continuation bytes not counted).
std::size_t codePointCount(std::string_view utf8);
// The first `codePoints` code points of valid UTF-8 text (all of it when it has fewer): the
// lyric before a sheet chord, whose position counts code points.
std::string_view codePointPrefix(std::string_view utf8, std::size_t codePoints);

}  // namespace stemdeck::words
