// libFuzzer target: StemLoader on arbitrary file contents. Each input becomes the only file
// of a song folder, named with one of the extensions users' stems have (chosen by the first
// byte), and is loaded as a song. The loader must return a song or throw LoadError, never
// crash, hang or read out of bounds; a loaded stem must be what Song promises.
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/loader/StemLoader.h"

namespace {

namespace fs = std::filesystem;
using namespace stemdeck::audio;

void check(bool condition) {
    if (!condition) std::abort();
}

// One folder per fuzzing process, emptied for every input.
const fs::path& songFolder() {
    static const fs::path folder = [] {
        fs::path dir = fs::temp_directory_path() / ("stemdeck-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        return dir;
    }();
    return folder;
}

void checkSong(const Song& song) {
    check(song.sampleRate > 0 && !song.stems.empty());
    std::int64_t longest = 0;
    for (const auto& stem : song.stems) {
        check(stem.audio.channels() == 1 || stem.audio.channels() == 2);
        check(stem.audio.capacityFrames() == stem.frames());
        for (int c = 0; c < stem.audio.channels(); ++c) {
            const std::vector<float> channel = stem.audio.samples(c);
            check(static_cast<std::int64_t>(channel.size()) == stem.frames());
            for (const float sample : channel)
                check(std::isfinite(sample) && std::abs(sample) <= limits::kMaxSampleMagnitude);
        }
        longest = std::max(longest, stem.frames());
    }
    check(song.frames == longest);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const char* const kExtensions[] = {".wav", ".flac", ".ogg",  ".aiff",
                                              ".mp3", ".caf",  ".opus", ".w64"};
    const std::size_t pick = size ? data[0] % std::size(kExtensions) : 0;
    const fs::path folder = songFolder();
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) fs::remove(entry.path(), ec);
    {
        std::ofstream file(folder / (std::string("stem") + kExtensions[pick]), std::ios::binary);
        if (size > 1)
            file.write(reinterpret_cast<const char*>(data + 1),
                       static_cast<std::streamsize>(size - 1));
    }
    LoadOptions options;
    options.workers = 1;
    options.memoryLimitBytes = std::uint64_t{1} << 30;  // well inside the fuzzer's RSS limit
    try {
        checkSong(StemLoader::load(folder, options));
    } catch (const LoadError& e) {
        check(std::string(e.what()).find('\n') == std::string::npos);
    }
    return 0;
}
