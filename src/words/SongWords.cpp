#include "stemdeck/words/SongWords.h"

#include <algorithm>
#include <cctype>

namespace stemdeck::words {

namespace {

namespace fs = std::filesystem;

std::string lowerExtension(const fs::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

// The first regular file of `folder` (by name) whose extension is one of `extensions`.
std::optional<fs::path> firstWith(const fs::path& folder,
                                  std::initializer_list<const char*> extensions) {
    std::vector<fs::path> found;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        std::error_code typeError;
        if (!it->is_regular_file(typeError)) continue;
        const std::string ext = lowerExtension(it->path());
        for (const char* wanted : extensions)
            if (ext == wanted) found.push_back(it->path());
    }
    if (found.empty()) return std::nullopt;
    return *std::min_element(found.begin(), found.end());
}

// The words of a line for matching: letters and digits, lower case (ASCII), in one string.
std::string matchText(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalnum(u)) out += static_cast<char>(std::tolower(u));
    }
    return out;
}

}  // namespace

SongWords SongWords::load(const fs::path& folder) {
    SongWords words;
    std::error_code error;
    if (fs::is_regular_file(folder / "lyrics.lrc", error))
        words.lyricsFile = folder / "lyrics.lrc";
    else if (const auto lrc = firstWith(folder, {".lrc"}))
        words.lyricsFile = *lrc;
    else if (fs::is_regular_file(folder / "lyrics.txt", error))
        words.lyricsFile = folder / "lyrics.txt";
    if (!words.lyricsFile.empty()) {
        words.lyrics = LrcFile::read(words.lyricsFile);
        words.problems = words.lyrics->problems();
    }
    if (const auto cho = firstWith(folder, {".cho", ".chordpro", ".pro", ".crd"})) {
        words.sheetFile = *cho;
        words.sheet = ChordProSheet::read(*cho);
        words.problems.insert(words.problems.end(), words.sheet->problems.begin(),
                              words.sheet->problems.end());
    }
    words.chords = ChordLane::read(folder);
    words.problems.insert(words.problems.end(), words.chords.problems().begin(),
                          words.chords.problems().end());
    words.timeSheet();
    return words;
}

void SongWords::timeSheet() {
    sheetTimes.clear();
    timedSheetLines_.clear();
    if (!sheet) return;
    sheetTimes.assign(sheet->lines.size(), -1.0);
    if (!lyrics || !lyrics->synced()) return;
    const auto& lrc = lyrics->lines();
    // How far ahead a match is looked for: past an LRC line or two the sheet does not have,
    // not so far that a line sung often is matched to a much later singing.
    constexpr std::size_t kLookAhead = 16;
    std::size_t cursor = 0;
    for (std::size_t i = 0; i < sheet->lines.size() && cursor < lrc.size(); ++i) {
        const auto& line = sheet->lines[i];
        if (line.kind != SheetLine::Kind::Lyrics) continue;
        const std::string wanted = matchText(line.text);
        if (wanted.empty()) continue;
        for (std::size_t k = cursor; k < lrc.size() && k < cursor + kLookAhead; ++k) {
            if (matchText(lrc[k].text) == wanted) {
                sheetTimes[i] = lrc[k].time;
                timedSheetLines_.push_back(i);
                cursor = k + 1;
                break;
            }
        }
    }
}

std::string SongWords::key() const {
    if (!chords.key().empty()) return chords.key();
    return sheet ? sheet->key : std::string();
}

int SongWords::sheetLineAt(double songSeconds) const {
    const auto after =
        std::upper_bound(timedSheetLines_.begin(), timedSheetLines_.end(), songSeconds,
                         [this](double t, std::size_t line) { return t < sheetTimes[line]; });
    if (after == timedSheetLines_.begin()) return -1;
    return static_cast<int>(*(after - 1));
}

}  // namespace stemdeck::words
