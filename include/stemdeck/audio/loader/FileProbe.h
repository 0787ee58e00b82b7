#pragma once

#include <filesystem>
#include <string>
#include <variant>

#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/StemProbe.h"

// Reading one file's header to tell whether it can be a stem. Single-threaded only: the
// reason libsndfile gives for a file it cannot open is global state (sf_strerror(nullptr)).
namespace stemdeck::audio::loader {

// Why a file does not become a stem. The message starts with the file's name and ends with
// what was done ("; skipped", "; ignored").
struct ProbeRejection {
    std::string message;
    bool ignored = false;  // deliberately left out (Song::ignored), not a failure (Song::errors)
    FileProblem problem = FileProblem::Other;
};

// Opens the file's header: its channels, rate and length, with the length bounded by what the
// file can hold. Rejects files libsndfile cannot open, without audio, with a sample rate
// outside limits::kMinSampleRate..kMaxSampleRate, and (ignored) stemdeck's own renders.
std::variant<StemProbe, ProbeRejection> probeFile(const std::filesystem::path& file,
                                                  const std::filesystem::path& folder);

}  // namespace stemdeck::audio::loader
