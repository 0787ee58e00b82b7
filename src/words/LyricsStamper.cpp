#include "stemdeck/words/LyricsStamper.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "stemdeck/words/TextFile.h"

namespace stemdeck::words {

namespace {

bool isBreak(const std::string& text) {
    return text.find_first_not_of(" \t") == std::string::npos;
}

}  // namespace

std::string lrcStamp(double seconds) {
    const long long hundredths = std::llround(std::max(0.0, seconds) * 100.0);
    char text[32];
    std::snprintf(text, sizeof text, "[%02lld:%02lld.%02lld]", hundredths / 6000,
                  hundredths / 100 % 60, hundredths % 100);
    return text;
}

LyricsStamper LyricsStamper::fromText(std::string_view text) {
    LyricsStamper stamper;
    for (auto& line : TextFile::decode(text).lines)
        stamper.lines_.push_back({std::move(line), std::nullopt});
    while (!stamper.lines_.empty() && isBreak(stamper.lines_.back().text))
        stamper.lines_.pop_back();
    return stamper;
}

LyricsStamper LyricsStamper::fromLrc(const LrcFile& lrc) {
    LyricsStamper stamper;
    stamper.tags_ = lrc.tags();
    // The times read are already moved by the offset: saved without it, they stay where they
    // were heard.
    stamper.tags_.erase("offset");
    for (const auto& line : lrc.lines()) {
        std::optional<double> time;
        if (lrc.synced()) time = std::max(0.0, line.time);
        stamper.lines_.push_back({line.text, time});
    }
    return stamper;
}

std::optional<std::size_t> LyricsStamper::next() const {
    std::size_t from = 0;
    for (std::size_t i = lines_.size(); i > 0; --i) {
        if (lines_[i - 1].time) {
            from = i;
            break;
        }
    }
    for (std::size_t i = from; i < lines_.size(); ++i)
        if (!lines_[i].time && !isBreak(lines_[i].text)) return i;
    return std::nullopt;
}

bool LyricsStamper::tap(double songSeconds) {
    const auto line = next();
    if (!line) return false;
    stamp(*line, songSeconds);
    return true;
}

void LyricsStamper::stamp(std::size_t line, double songSeconds) {
    lines_.at(line).time = std::max(0.0, songSeconds);
}

void LyricsStamper::clear(std::size_t line) {
    lines_.at(line).time.reset();
}

void LyricsStamper::nudge(std::size_t line, int steps) {
    auto& time = lines_.at(line).time;
    // Whole hundredths, so that ten nudges are exactly 0.1 s in the saved file.
    if (time)
        time = std::max(0.0, std::round(*time * 100.0 + steps * kNudgeSeconds * 100.0) / 100.0);
}

double LyricsStamper::playFrom(std::size_t line) const {
    for (std::size_t i = std::min(line + 1, lines_.size()); i > 0; --i)
        if (lines_[i - 1].time) return *lines_[i - 1].time;
    return 0.0;
}

std::size_t LyricsStamper::unstamped() const {
    return static_cast<std::size_t>(std::count_if(
        lines_.begin(), lines_.end(), [](const Line& l) { return !l.time && !isBreak(l.text); }));
}

std::string LyricsStamper::toLrc() const {
    std::string out;
    for (const auto& [name, value] : tags_) out += "[" + name + ":" + value + "]\n";
    for (const auto& line : lines_) {
        if (line.time)
            out += lrcStamp(*line.time) + line.text + "\n";
        else
            out += (isBreak(line.text) ? std::string() : line.text) + "\n";
    }
    return out;
}

}  // namespace stemdeck::words
