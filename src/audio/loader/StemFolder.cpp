#include "stemdeck/audio/loader/StemFolder.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <optional>
#include <string>
#include <system_error>
#include <variant>
#include <vector>

#include "stemdeck/audio/loader/FileProbe.h"
#include "stemdeck/audio/loader/LoadMessages.h"
#include "stemdeck/audio/loader/StemNaming.h"

namespace stemdeck::audio::loader {

namespace fs = std::filesystem;

namespace {

// Peak and analysis caches that audio editors leave next to the audio are listed last.
constexpr std::array kNonAudioExtensions = {
    ".json", ".lrc",  ".txt",  ".md",  ".pdf",  ".jpg", ".jpeg", ".png",     ".gif",
    ".mid",  ".midi", ".xml",  ".csv", ".ini",  ".cfg", ".log",  ".zip",     ".doc",
    ".docx", ".rtf",  ".html", ".htm", ".webp", ".bmp", ".svg",  ".cue",     ".m3u",
    ".m3u8", ".nfo",  ".yaml", ".yml", ".asd",  ".pk",  ".sfk",  ".reapeaks"};

// Why a file is skipped without opening it, or nullopt when it may be audio. Renders are
// told by their software tag when probed (FileProbe.h), not by their name: a stem may well
// be called "StemDeck Demo - Drums.wav".
std::optional<std::string> quietSkipReason(const fs::path& file) {
    const std::string name = file.filename().string();
    if (name.starts_with('.')) return "hidden file";
    const std::string ext = lowerAscii(file.extension().string());
    if (ext == ".stemdeck") return "stemdeck's own file";
    if (std::ranges::find(kNonAudioExtensions, ext) != kNonAudioExtensions.end())
        return "not an audio file";
    return std::nullopt;
}

bool isMixName(const fs::path& file) {
    const std::string stem = lowerAscii(file.stem().string());
    return stem == "master" || stem == "mix";
}

// Regular files directly inside `dir` (symlinks followed), in no particular order.
std::vector<fs::path> listFiles(const fs::path& dir, std::error_code& ec) {
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code typeError;
        if (it->is_regular_file(typeError)) files.push_back(it->path());
    }
    return files;
}

// The song folder itself, checked: throws LoadError saying what is wrong with it.
void checkFolder(const fs::path& folder) {
    std::error_code ec;
    const auto status = fs::status(folder, ec);
    if (ec && status.type() != fs::file_type::not_found) {
        const std::string text = folder.string();
        if (ec == std::errc::filename_too_long)
            throw LoadError(LoadError::Kind::Io, "song folder path too long (" +
                                                     std::to_string(text.size()) +
                                                     " characters): " + shortPath(folder));
        if (ec == std::errc::permission_denied)
            throw LoadError(LoadError::Kind::Io,
                            "song folder cannot be opened (permission denied): " + text);
        throw LoadError(LoadError::Kind::Io,
                        "song folder cannot be opened (" + ec.message() + "): " + text);
    }
    if (!fs::exists(status))
        throw LoadError(LoadError::Kind::FolderMissing,
                        "song folder not found: " + folder.string());
    if (!fs::is_directory(status))
        throw LoadError(LoadError::Kind::NotAFolder,
                        "not a folder: " + folder.string() + " (a song is a folder of stems)");
}

}  // namespace

ScannedSong scanFolder(const fs::path& folder) {
    checkFolder(folder);
    ScannedSong song;
    song.folder = folder;
    std::error_code ec;
    const auto topLevel = listFiles(folder, ec);
    if (ec)
        throw LoadError(LoadError::Kind::Io,
                        "cannot list song folder " + folder.string() + ": " + ec.message());
    auto files = topLevel;
    const fs::path tracks = folder / "tracks";
    if (fs::is_directory(tracks, ec)) {
        auto inTracks = listFiles(tracks, ec);
        if (ec)
            song.errors.push_back({tracks, "tracks/: cannot list: " + ec.message() + "; skipped",
                                   FileProblem::Unreadable});
        files.insert(files.end(), inTracks.begin(), inTracks.end());
    }
    std::ranges::sort(files, [](const fs::path& a, const fs::path& b) {
        const int c = naturalCompare(a.filename().string(), b.filename().string());
        return c != 0 ? c < 0 : a < b;
    });
    const auto isMasterMix = [&](const fs::path& file) {
        return isMixName(file) && std::ranges::find(topLevel, file) != topLevel.end();
    };

    const auto probeInto = [&](const fs::path& file) {
        auto probe = probeFile(file, folder);
        if (auto* found = std::get_if<StemProbe>(&probe)) {
            song.probes.push_back(std::move(*found));
        } else {
            auto& rejection = std::get<ProbeRejection>(probe);
            (rejection.ignored ? song.ignored : song.errors)
                .push_back({file, std::move(rejection.message), rejection.problem});
        }
    };
    std::vector<fs::path> masters;
    for (const auto& file : files) {
        if (const auto reason = quietSkipReason(file))
            song.ignored.push_back(
                {file, displayName(file, folder) + ": " + *reason + "; ignored"});
        else if (isMasterMix(file))
            masters.push_back(file);
        else
            probeInto(file);
    }
    // The reference mix is only a stem when it is all there is.
    const bool haveStems = !song.probes.empty();
    for (const auto& file : masters) {
        if (haveStems)
            song.ignored.push_back(
                {file, displayName(file, folder) + ": reference master mix, not a stem; ignored"});
        else
            probeInto(file);
    }
    makeNamesUnique(song.probes);
    return song;
}

}  // namespace stemdeck::audio::loader
