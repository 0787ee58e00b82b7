#include "WordsInfo.h"

#include <algorithm>
#include <ostream>
#include <string>

#include "Printable.h"
#include "stemdeck/words/SongWords.h"

namespace stemdeck::cli {

namespace {

Json lines(const std::vector<std::string>& texts) {
    Json list = Json::array();
    for (const auto& text : texts) list.push_back(text);
    return list;
}

Json nameOrNull(const std::filesystem::path& file) {
    return file.empty() ? Json() : Json(file.filename().string());
}

}  // namespace

Json wordsInfo(const std::filesystem::path& folder, std::ostream& err) {
    const words::SongWords words = words::SongWords::load(folder);
    for (const auto& problem : words.problems) printLine(err, "stemdeck-cli: warning: " + problem);

    Json lyrics;  // null: no lyrics file
    if (words.lyrics) {
        const auto& lrc = *words.lyrics;
        const auto sung = std::count_if(lrc.lines().begin(), lrc.lines().end(),
                                        [](const words::LrcLine& l) { return !l.text.empty(); });
        lyrics = {{"file", nameOrNull(words.lyricsFile)},
                  {"lines", sung},
                  {"synced", lrc.synced()},
                  {"word_stamps", lrc.hasWordStamps()},
                  {"encoding", lrc.latin1() ? "Latin-1" : "UTF-8"},
                  {"problems", lines(lrc.problems())}};
    }
    std::vector<std::string> chordProblems;
    if (words.sheet)
        chordProblems.insert(chordProblems.end(), words.sheet->problems.begin(),
                             words.sheet->problems.end());
    chordProblems.insert(chordProblems.end(), words.chords.problems().begin(),
                         words.chords.problems().end());
    const std::size_t timed = words.chords.count();
    const std::size_t sheet = words.sheet ? words.sheet->chordCount() : 0;
    const std::string key = words.key();
    const Json chords = {{"count", timed > 0 ? timed : sheet},
                         {"timed", timed},
                         {"sheet", sheet},
                         {"sheet_file", nameOrNull(words.sheetFile)},
                         {"key", key.empty() ? Json() : Json(key)},
                         {"capo", words.sheet ? words.sheet->capo : 0},
                         {"problems", lines(chordProblems)}};
    return {{"lyrics", lyrics}, {"chords", chords}};
}

}  // namespace stemdeck::cli
