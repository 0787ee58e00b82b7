#include "stemdeck/words/ChordProSheet.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "stemdeck/words/TextFile.h"

namespace stemdeck::words {

namespace {

std::string trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return std::string(text);
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// The section a directive starts or ends: "chorus" for start_of_chorus and soc, "" if none.
std::string sectionOf(const std::string& name, bool& start) {
    static constexpr std::pair<const char*, const char*> kShort[] = {
        {"c", "chorus"}, {"v", "verse"}, {"b", "bridge"}, {"t", "tab"}};
    for (const bool opening : {true, false}) {
        const std::string prefix = opening ? "start_of_" : "end_of_";
        if (name.rfind(prefix, 0) == 0 && name.size() > prefix.size()) {
            start = opening;
            return name.substr(prefix.size());
        }
        for (const auto& [letter, section] : kShort) {
            if (name == std::string(opening ? "so" : "eo") + letter) {
                start = opening;
                return section;
            }
        }
    }
    return {};
}

// `[C]lyrics [G]here`: the chords at the code point they precede, the lyrics without them.
// An unclosed bracket is text.
SheetLine lyricsLine(std::string_view line) {
    SheetLine out;
    std::size_t i = 0;
    while (i < line.size()) {
        const std::size_t open = line.find('[', i);
        const std::size_t close = open == std::string_view::npos ? open : line.find(']', open + 1);
        if (open == std::string_view::npos || close == std::string_view::npos) {
            out.text += line.substr(i);
            break;
        }
        out.text += line.substr(i, open - i);
        out.chords.push_back(
            {codePointCount(out.text), trimmed(line.substr(open + 1, close - open - 1))});
        i = close + 1;
    }
    return out;
}

}  // namespace

ChordProSheet ChordProSheet::parse(std::string_view bytes) {
    const TextFile text = TextFile::decode(bytes);
    ChordProSheet sheet;
    sheet.latin1 = text.latin1;
    sheet.problems = text.problems;
    std::string section;
    std::string label;
    int number = 0;
    for (const auto& raw : text.lines) {
        ++number;
        const std::string line = trimmed(raw);
        if (!line.empty() && line.front() == '#') continue;
        if (line.size() >= 2 && line.front() == '{' && line.back() == '}') {
            const std::string inner = line.substr(1, line.size() - 2);
            const std::size_t colon = inner.find_first_of(": ");
            const std::string name = lower(trimmed(inner.substr(0, colon)));
            const std::string value =
                colon == std::string::npos ? std::string() : trimmed(inner.substr(colon + 1));
            bool start = false;
            const std::string of = sectionOf(name, start);
            if (!of.empty()) {
                section = start ? of : std::string();
                label = start ? value : std::string();
            } else if (name == "title" || name == "t") {
                sheet.title = value;
            } else if (name == "subtitle" || name == "st") {
                sheet.subtitle = value;
            } else if (name == "artist") {
                sheet.artist = value;
            } else if (name == "key") {
                sheet.key = value;
            } else if (name == "capo") {
                int capo = 0;
                const auto [end, error] =
                    std::from_chars(value.data(), value.data() + value.size(), capo);
                if (error != std::errc() || end != value.data() + value.size() || capo < 0 ||
                    capo > 11)
                    sheet.problems.push_back("line " + std::to_string(number) +
                                             ": {capo} needs a fret from 0 to 11; ignored");
                else
                    sheet.capo = capo;
            } else if (name == "tempo") {
                double bpm = 0;
                const auto [end, error] =
                    std::from_chars(value.data(), value.data() + value.size(), bpm);
                if (error != std::errc() || bpm <= 0 || bpm > 1000)
                    sheet.problems.push_back("line " + std::to_string(number) +
                                             ": {tempo} needs beats per minute; ignored");
                else
                    sheet.tempo = bpm;
            } else if (name == "comment" || name == "c" || name == "comment_italic" ||
                       name == "ci" || name == "comment_box" || name == "cb" ||
                       name == "highlight") {
                sheet.lines.push_back(
                    {SheetLine::Kind::Comment, value, {}, section, label, number});
            } else {
                sheet.otherDirectives.emplace_back(name, value);
            }
            continue;
        }
        if (line.empty()) {
            sheet.lines.push_back({SheetLine::Kind::Empty, {}, {}, section, label, number});
            continue;
        }
        if (section == "tab") {
            sheet.lines.push_back({SheetLine::Kind::Tab, raw, {}, section, label, number});
            continue;
        }
        SheetLine lyrics = lyricsLine(raw);
        lyrics.section = section;
        lyrics.label = label;
        lyrics.sourceLine = number;
        sheet.lines.push_back(std::move(lyrics));
    }
    return sheet;
}

ChordProSheet ChordProSheet::read(const std::filesystem::path& file) {
    const TextFile text = TextFile::read(file);
    if (!text.problems.empty() && text.lines.empty()) {
        ChordProSheet sheet;
        sheet.problems = text.problems;
        return sheet;
    }
    std::string joined;
    for (const auto& line : text.lines) (joined += line) += '\n';
    ChordProSheet sheet = parse(joined);
    sheet.latin1 = text.latin1;
    for (auto& problem : sheet.problems) problem = file.filename().string() + ": " + problem;
    sheet.problems.insert(sheet.problems.begin(), text.problems.begin(), text.problems.end());
    return sheet;
}

std::size_t ChordProSheet::chordCount() const {
    std::size_t count = 0;
    for (const auto& line : lines) count += line.chords.size();
    return count;
}

}  // namespace stemdeck::words
