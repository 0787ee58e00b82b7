// OfflineRenderer::refuseSongFileAsOutput: a render never replaces a file of its own song.

#include <optional>
#include <system_error>
#include <vector>

#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/render/OfflineRenderer.h"
#include "stemdeck/audio/render/RenderFile.h"

namespace stemdeck::audio {

namespace fs = std::filesystem;

namespace {

// Everything that belongs to the song: what the loader used, skipped and ignored (wherever a
// symlink took it), and every file now in the folders it reads, the quietly ignored ones too
// (meta.json, markers, hidden files) and any that appeared since the song was loaded.
std::vector<fs::path> songFiles(const Song& song) {
    std::vector<fs::path> files;
    for (const Stem& stem : song.stems) files.push_back(stem.file);
    for (const auto* issues : {&song.errors, &song.ignored})
        for (const FileIssue& issue : *issues) files.push_back(issue.file);
    if (song.folder.empty()) return files;
    for (const fs::path& dir : {song.folder, song.folder / "tracks"}) {
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code typeError;
            if (!it->is_directory(typeError)) files.push_back(it->path());
        }
    }
    return files;
}

// How the user knows that file: its path inside the song folder when it is in it.
std::string shownName(const Song& song, const fs::path& file) {
    if (!song.folder.empty()) {
        const fs::path relative = file.lexically_relative(song.folder);
        if (!relative.empty() && *relative.begin() != "..") return relative.string();
    }
    return file.string();
}

}  // namespace

std::optional<fs::path> OfflineRenderer::songFileAt(const Song& song, const fs::path& output) {
    std::error_code ec;
    const fs::file_status status = fs::status(output, ec);  // through symlinks
    // An existing target is compared by inode (device and number: hard links, symlinks, "..",
    // a case-insensitive spelling); a new one by its canonical path.
    const bool exists = fs::exists(status);
    const fs::path canonical = exists ? fs::path() : fs::weakly_canonical(output, ec);
    for (const fs::path& file : songFiles(song)) {
        std::error_code fileError;
        const bool same = exists ? fs::equivalent(output, file, fileError)
                                 : fs::weakly_canonical(file, fileError) == canonical;
        if (fileError || !same) continue;
        // An earlier render saved in the song folder is not a source: it may be replaced.
        if (exists && carriesRenderMark(output)) return std::nullopt;
        return file;
    }
    return std::nullopt;
}

void OfflineRenderer::refuseSongFileAsOutput(const Song& song, const fs::path& output) {
    std::error_code ec;
    if (fs::is_directory(output, ec))
        throw RenderError(output.string() + " is a folder; give the name of the file to write");
    if (const auto file = songFileAt(song, output))
        throw RenderError("refusing to write " + output.string() + ": it is the song's own " +
                          shownName(song, *file) +
                          ", which would be lost; choose another file name");
}

}  // namespace stemdeck::audio
