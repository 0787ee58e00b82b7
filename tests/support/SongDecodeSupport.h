#pragma once
// What the progressive-loading tests share: a SongDecode started on a folder, and waiting for
// a condition with a limit.
#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "stemdeck/audio/loader/SongDecode.h"
#include "stemdeck/audio/loader/StemLoader.h"

namespace stemdeck::test {

// Any thread but the audio one. `workers` 0: one per core; `targetRate` 0: the song's own.
// `progress`: to hold the decode (LoadProgress::hold) or cancel it; may be null.
inline std::shared_ptr<audio::SongDecode> startDecode(
    const std::filesystem::path& folder, unsigned workers = 0, int targetRate = 0,
    std::shared_ptr<audio::LoadProgress> progress = nullptr) {
    audio::LoadOptions options;
    options.workers = workers;
    options.targetRate = targetRate;
    return audio::SongDecode::start(audio::StemLoader::scan(folder), options, std::move(progress));
}

// Waits (at most `limit`) for `done`; false when it never came.
template <typename Done>
bool waitFor(Done done, std::chrono::seconds limit = std::chrono::seconds(30)) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

}  // namespace stemdeck::test
