#pragma once

// Songs for the progressive-loading tests (issue 11): long FLAC stems that take a decoding
// worker a few seconds, so the song is handed over well before it is whole.
#include <filesystem>
#include <string>

#include "AudioFiles.h"

namespace stemdeck::test {

// `stems` mono 24-bit FLAC stems of noise (FLAC cannot shrink it: decoding takes real work),
// `seconds` long, at `rate`, named stem0.flac, stem1.flac …
inline std::filesystem::path writeLongFlacSong(const std::filesystem::path& dir,
                                               const std::string& name, int stems, double seconds,
                                               int rate = 48000) {
    const std::filesystem::path folder = dir / name;
    std::filesystem::create_directories(folder);
    const auto frames = static_cast<std::int64_t>(seconds * rate);
    for (int i = 0; i < stems; ++i)
        writeAudioFile(folder / ("stem" + std::to_string(i) + ".flac"),
                       {noise(0.4, frames, 17u + static_cast<unsigned>(i))}, rate);
    return folder;
}

// Cuts `file` to half its size: the first half decodes, then the stream ends mid-frame (a
// stem damaged halfway).
inline void truncateToHalf(const std::filesystem::path& file) {
    std::filesystem::resize_file(file, std::filesystem::file_size(file) / 2);
}

}  // namespace stemdeck::test

// On a busy machine the test's thread can be kept waiting while a decoding worker runs on, and
// the song is then whole before the test looks: there is nothing left to see of progressive
// loading, so the test is skipped. A decode that stopped short of the end still fails.
// `manager`: an app::PlaybackManager.
#define STEMDECK_SKIP_IF_DECODED_WHOLE(manager)                                              \
    do {                                                                                     \
        if (!(manager).decoding()) {                                                         \
            ASSERT_GE((manager).decodedSeconds(), (manager).duration() - 1e-3)               \
                << "decoding stopped before the end of the song";                            \
            GTEST_SKIP() << "the song was decoded whole before the test could look (a busy " \
                            "machine)";                                                      \
        }                                                                                    \
    } while (false)
