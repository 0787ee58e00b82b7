#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "stemdeck/audio/render/OfflineRenderer.h"

namespace stemdeck::audio {

// What the renderer decides about an output file before it writes a byte: its container,
// how big it will be, and whether it fits. Pure functions (plus two that read the disk), so
// the decisions are testable without writing gigabytes. Any thread.

enum class RenderContainer {
    Wav,   // RIFF WAVE: 32-bit sizes, so at most 4 GiB
    Rf64,  // the WAV of the EBU (RF64): 64-bit sizes, for renders that may exceed 4 GiB
    Aiff,  // 32-bit sizes too, and no 64-bit variant in libsndfile: refused above 4 GiB
    Flac,
    OggVorbis,
};

struct RenderFilePlan {
    RenderContainer container = RenderContainer::Wav;
    int sndfileFormat = 0;             // SF_FORMAT_* container | subtype
    std::uint64_t estimatedBytes = 0;  // the file's expected size
    bool exactEstimate = true;         // uncompressed: at most a header's bytes more; else a guess
};

namespace render_limits {
// RIFF and AIFF store sizes in 32 bits: a file past this wraps and reads back short.
inline constexpr std::uint64_t kClassicSizeLimit = 0xFFFFFFFFull;
// A WAV expected above this is written as RF64 (the estimate is within a block of the truth;
// the margin covers headers and the software string with room to spare).
inline constexpr std::uint64_t kRf64Above = kClassicSizeLimit - (std::uint64_t{64} << 20);
// Renders above this deserve a word before they start: "a few GB".
inline constexpr std::uint64_t kLargeRenderBytes = 2'000'000'000ull;
}  // namespace render_limits

// The container and size of `file` (by its extension) for `frames` stereo frames in `format`.
// Throws RenderError for an extension stemdeck does not write, and for an AIFF that would
// pass 4 GiB.
RenderFilePlan planRenderFile(const std::filesystem::path& file, RenderSampleFormat format,
                              std::int64_t frames);
// The same for a render of `song` with `options` (its length from the song, the loop, the
// tempo and the count-in).
RenderFilePlan planRenderFile(const Song& song, const std::filesystem::path& file,
                              const RenderOptions& options);

// Throws RenderError, naming `file` and both sizes, when the plan's estimate is more than
// `freeBytes`. No figure (the folder cannot be asked): no check, the writes are checked anyway.
void checkFitsOnDisk(const std::filesystem::path& file, const RenderFilePlan& plan,
                     std::optional<std::uint64_t> freeBytes);
// Bytes an unprivileged writer may still use on the file system `file` would be written to
// (statvfs of its folder); nothing when the folder cannot be asked.
std::optional<std::uint64_t> freeDiskBytes(const std::filesystem::path& file);

// True when `file` is an audio file whose software string starts with kRenderSoftwareMark:
// one stemdeck wrote, not a source.
bool carriesRenderMark(const std::filesystem::path& file);

}  // namespace stemdeck::audio
