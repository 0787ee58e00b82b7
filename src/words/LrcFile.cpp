#include "stemdeck/words/LrcFile.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "stemdeck/words/TextFile.h"

namespace stemdeck::words {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// A stamp as written, from its opening bracket at `open` to its `close` (or the line's end).
std::string_view bracketed(std::string_view text, std::size_t open, char close) {
    const std::size_t end = text.find(close, open);
    return text.substr(open,
                       end == std::string_view::npos ? std::string_view::npos : end - open + 1);
}

// A piece of the file's text fit for a one-line message: control bytes as '?', at most 24
// bytes, not cut inside a UTF-8 sequence.
std::string shown(std::string_view text) {
    std::size_t end = std::min<std::size_t>(text.size(), 24);
    while (end > 0 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    std::string out(text.substr(0, end));
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
    return end < text.size() ? out + "…" : out;
}

// "Tag" lines: `[ti:Title]` — a letter first, a colon, the value up to the last ']'.
bool parseTag(std::string_view line, std::string& name, std::string& value) {
    if (line.size() < 3 || line.front() != '[' ||
        !std::isalpha(static_cast<unsigned char>(line[1])))
        return false;
    const std::size_t colon = line.find(':');
    const std::size_t close = line.rfind(']');
    if (colon == std::string_view::npos || close == std::string_view::npos || close < colon)
        return false;
    for (std::size_t i = 1; i < colon; ++i)
        if (!std::isalnum(static_cast<unsigned char>(line[i])) && line[i] != '_' && line[i] != '-')
            return false;
    name.assign(line.substr(1, colon - 1));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    value.assign(line.substr(colon + 1, close - colon - 1));
    while (!value.empty() && value.front() == ' ') value.erase(value.begin());
    while (!value.empty() && value.back() == ' ') value.pop_back();
    return true;
}

// `+500`, `-250`, `300` (milliseconds).
bool parseOffset(const std::string& text, double& seconds) {
    std::string_view digits(text);
    if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
    long long ms = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), ms);
    if (error != std::errc() || end != digits.data() + digits.size() || std::llabs(ms) > 3600000)
        return false;
    seconds = static_cast<double>(ms) / 1000.0;
    return true;
}

}  // namespace

double parseStamp(std::string_view text, char close, std::size_t& length) {
    std::size_t i = 0;
    auto number = [&](std::size_t maxDigits, std::size_t& digits) {
        long value = 0;
        digits = 0;
        while (i < text.size() && isDigit(text[i]) && digits < maxDigits) {
            value = value * 10 + (text[i] - '0');
            ++i, ++digits;
        }
        return value;
    };
    std::size_t digits = 0;
    const long minutes = number(4, digits);
    if (digits == 0 || i >= text.size() || text[i] != ':') return -1.0;
    ++i;
    const long seconds = number(2, digits);
    if (digits == 0 || seconds > 59) return -1.0;
    double fraction = 0.0;
    if (i < text.size() && (text[i] == '.' || text[i] == ':')) {
        ++i;
        const long value = number(3, digits);
        if (digits == 0) return -1.0;
        fraction = static_cast<double>(value) / std::pow(10.0, static_cast<double>(digits));
    }
    if (i >= text.size() || text[i] != close) return -1.0;
    length = i + 1;
    return static_cast<double>(minutes) * 60.0 + static_cast<double>(seconds) + fraction;
}

std::string LrcFile::tag(const std::string& name) const {
    const auto found = tags_.find(name);
    return found == tags_.end() ? std::string() : found->second;
}

void LrcFile::addProblem(std::string problem) {
    if (problems_.size() < kMaxProblems)
        problems_.push_back(std::move(problem));
    else
        ++problemsLeftOut_;
}

void LrcFile::parseLine(std::string_view line, int number) {
    const std::string where = "line " + std::to_string(number) + ": ";
    std::vector<double> stamps;
    std::size_t at = 0;
    while (true) {
        while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
        if (at + 1 >= line.size() || line[at] != '[' || !isDigit(line[at + 1])) break;
        std::size_t length = 0;
        const double time = parseStamp(line.substr(at + 1), ']', length);
        if (time < 0.0) {
            addProblem(where + "\"" + shown(bracketed(line, at, ']')) +
                       "\" is not a time stamp [mm:ss.xx]; line skipped");
            return;
        }
        stamps.push_back(time);
        at += 1 + length;
    }
    if (stamps.empty()) {
        std::string name;
        std::string value;
        if (parseTag(line, name, value)) {
            if (name == "offset" && !parseOffset(value, offsetSeconds_))
                addProblem(where + "[offset:" + shown(value) +
                           "] is not a number of milliseconds; no offset applied");
            tags_[name] = value;
            return;
        }
        const bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
        if (!blank) {
            // Kept until the end: in a file without a single stamp these are the lyrics.
            lines_.push_back({-1.0, std::string(line), {}, number});
        }
        return;
    }

    // The text, with word stamps taken out: each word runs up to the next stamp.
    LrcLine parsed;
    parsed.sourceLine = number;
    const std::string_view rest = line.substr(at);
    std::size_t i = 0;
    while (i < rest.size()) {
        const std::size_t open = rest.find('<', i);
        const std::size_t textEnd = open == std::string_view::npos ? rest.size() : open;
        const std::string_view piece = rest.substr(i, textEnd - i);
        parsed.text += piece;
        if (!parsed.words.empty()) parsed.words.back().text += piece;
        if (open == std::string_view::npos) break;
        if (open + 1 < rest.size() && isDigit(rest[open + 1])) {
            std::size_t length = 0;
            const double time = parseStamp(rest.substr(open + 1), '>', length);
            if (time < 0.0) {
                addProblem(where + "\"" + shown(bracketed(rest, open, '>')) +
                           "\" is not a word stamp <mm:ss.xx>; line skipped");
                return;
            }
            parsed.words.push_back({time, {}});
            i = open + 1 + length;
        } else {
            parsed.text += '<';
            if (!parsed.words.empty()) parsed.words.back().text += '<';
            i = open + 1;
        }
    }
    // A word stamp with nothing after it ends the last word: not a word of its own.
    if (!parsed.words.empty() && parsed.words.back().text.empty()) parsed.words.pop_back();
    if (!parsed.words.empty()) hasWordStamps_ = true;

    // Word stamps are absolute: a line sung again (several line stamps) moves its words by
    // the distance from its first stamp.
    const double first = *std::min_element(stamps.begin(), stamps.end());
    for (const double stamp : stamps) {
        LrcLine copy = parsed;
        copy.time = stamp;
        for (auto& word : copy.words) word.time += stamp - first;
        lines_.push_back(std::move(copy));
    }
    synced_ = true;
}

void LrcFile::finish() {
    if (synced_) {
        std::vector<LrcLine> timed;
        timed.reserve(lines_.size());
        for (auto& line : lines_) {
            if (line.time < 0.0) {
                addProblem("line " + std::to_string(line.sourceLine) + ": \"" + shown(line.text) +
                           "\" has no time stamp; line skipped");
                continue;
            }
            line.time -= offsetSeconds_;
            for (auto& word : line.words) word.time -= offsetSeconds_;
            timed.push_back(std::move(line));
        }
        std::stable_sort(timed.begin(), timed.end(),
                         [](const LrcLine& a, const LrcLine& b) { return a.time < b.time; });
        lines_ = std::move(timed);
    } else {
        for (auto& line : lines_) line.time = 0.0;
    }
    if (problemsLeftOut_ > 0)
        problems_.push_back("and " + std::to_string(problemsLeftOut_) + " more problems");
}

LrcFile LrcFile::parse(std::string_view bytes) {
    const TextFile text = TextFile::decode(bytes);
    LrcFile file;
    file.latin1_ = text.latin1;
    file.problems_ = text.problems;
    int number = 0;
    for (const auto& line : text.lines) file.parseLine(line, ++number);
    file.finish();
    return file;
}

LrcFile LrcFile::plainText(std::string_view bytes) {
    const TextFile text = TextFile::decode(bytes);
    LrcFile file;
    file.latin1_ = text.latin1;
    file.problems_ = text.problems;
    int number = 0;
    for (const auto& line : text.lines) file.lines_.push_back({0.0, line, {}, ++number});
    // Blank lines at the end are not breaks between anything.
    while (!file.lines_.empty() &&
           file.lines_.back().text.find_first_not_of(" \t") == std::string::npos)
        file.lines_.pop_back();
    return file;
}

LrcFile LrcFile::read(const std::filesystem::path& file) {
    const TextFile text = TextFile::read(file);
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    LrcFile lrc;
    if (!text.problems.empty() && text.lines.empty()) {
        lrc.problems_ = text.problems;
        return lrc;
    }
    // Decoded once more by parse(): cheap next to reading, and keeps one path for bytes.
    std::string joined;
    for (const auto& line : text.lines) (joined += line) += '\n';
    lrc = ext == ".txt" ? plainText(joined) : parse(joined);
    lrc.latin1_ = text.latin1;
    for (auto& problem : lrc.problems_) problem = file.filename().string() + ": " + problem;
    lrc.problems_.insert(lrc.problems_.begin(), text.problems.begin(), text.problems.end());
    return lrc;
}

int LrcFile::lineAt(double songSeconds) const {
    if (!synced_) return -1;
    const auto after =
        std::upper_bound(lines_.begin(), lines_.end(), songSeconds,
                         [](double t, const LrcLine& line) { return t < line.time; });
    return static_cast<int>(after - lines_.begin()) - 1;
}

int LrcFile::wordAt(int line, double songSeconds) const {
    if (line < 0 || static_cast<std::size_t>(line) >= lines_.size()) return -1;
    const auto& words = lines_[static_cast<std::size_t>(line)].words;
    const auto after =
        std::upper_bound(words.begin(), words.end(), songSeconds,
                         [](double t, const LrcWord& word) { return t < word.time; });
    return static_cast<int>(after - words.begin()) - 1;
}

}  // namespace stemdeck::words
