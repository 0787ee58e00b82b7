#include "stemdeck/audio/loader/LoadMessages.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <fstream>

namespace stemdeck::audio::loader {

namespace fs = std::filesystem;

std::string displayName(const fs::path& file, const fs::path& folder) {
    const auto rel = file.lexically_relative(folder);
    return rel.empty() ? file.filename().string() : rel.generic_string();
}

std::string shortPath(const fs::path& path) {
    constexpr std::size_t kKept = 60;  // characters kept at each end
    const std::string text = path.string();
    if (text.size() <= 2 * kKept + 10) return text;
    return text.substr(0, kKept) + "\u2026" + text.substr(text.size() - kKept);
}

std::string secondsText(std::int64_t frames, int rate) {
    char text[48];
    std::snprintf(text, sizeof text, "%.2f s", rate > 0 ? static_cast<double>(frames) / rate : 0.0);
    return text;
}

namespace {

// "Error : lost sync." -> "lost sync", "System error : Permission denied." -> "Permission denied".
std::string tidy(std::string_view text) {
    std::string s(text);
    for (const std::string_view prefix : {"Error : ", "Error: ", "System error : "})
        if (s.starts_with(prefix)) s.erase(0, prefix.size());
    while (!s.empty() && (s.back() == '.' || std::isspace(static_cast<unsigned char>(s.back()))))
        s.pop_back();
    return s;
}

bool startsWithId3Tag(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    char magic[3] = {};
    return in.read(magic, sizeof magic) && std::string_view(magic, 3) == "ID3";
}

// libsndfile's texts that mislead in stemdeck's context, and what they mean there.
struct Rewording {
    std::string_view from;  // the start of libsndfile's text
    std::string_view to;
};
constexpr std::array kRewordings = {
    // libsndfile's answer for a file it found no audio stream in (an MP3 holding only a tag);
    // the loader only opens regular files that exist.
    Rewording{"File does not exist or is not a regular file",
              "not an audio file libsndfile can read (no audio stream found)"},
    Rewording{"File exists but no data could be read", "no data could be read from it"},
    Rewording{"Supported file format but file is malformed", "damaged (malformed header)"},
    Rewording{"Supported file format but unsupported encoding",
              "an encoding libsndfile cannot decode"},
    Rewording{"Unspecified internal error", "libsndfile could not decode it"},
    Rewording{"Internal malloc () failed", "not enough memory"},
    Rewording{"No Error", "unknown error"},  // a failure libsndfile gave no reason for
};

}  // namespace

std::string sndfileReason(std::string_view text) {
    const std::string tidied = tidy(text);
    for (const auto& r : kRewordings)
        if (tidied.starts_with(r.from)) return std::string(r.to);
    return tidied.empty() ? "unknown error" : tidied;
}

std::string sndfileReason(std::string_view text, const fs::path& file) {
    if (tidy(text).starts_with(kRewordings.front().from) && startsWithId3Tag(file))
        return "no audio found after its ID3 tag";
    return sndfileReason(text);
}

LoadError noStemsError(const fs::path& folder, const Song& song) {
    const std::string where = folder.string();
    if (song.errors.empty()) {
        std::string message = "no audio files in " + where;
        if (!song.ignored.empty())
            message += " (" + std::to_string(song.ignored.size()) + " other files ignored)";
        return LoadError(LoadError::Kind::NoStems, message, song.errors, song.ignored);
    }
    std::string message = "no stem could be loaded from " + where + ": all " +
                          std::to_string(song.errors.size()) + " audio files failed; ";
    constexpr std::size_t kShown = 2;
    for (std::size_t i = 0; i < std::min(kShown, song.errors.size()); ++i)
        message += (i ? " / " : "") + song.errors[i].message;
    if (song.errors.size() > kShown) message += " / ...";
    return LoadError(LoadError::Kind::NoStems, message, song.errors, song.ignored);
}

LoadError cancelledError(const fs::path& folder) {
    return LoadError(LoadError::Kind::Cancelled, "loading cancelled: " + folder.string());
}

}  // namespace stemdeck::audio::loader
