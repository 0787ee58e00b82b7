#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "stemdeck/control/midi/MidiBinding.h"

namespace stemdeck::control::midi {

// One controller's mapping: its bindings, the program-change rule and the feedback port.
struct MidiMapping {
    std::string controller;
    std::string feedbackPort;
    std::optional<ProgramChangeRule> programChange;
    std::vector<MidiBinding> bindings;
    nlohmann::json extra = nlohmann::json::object();  // unknown top-level keys, kept on save
};

// What loading gave: the mapping (the bindings that were good) and one printable line per
// problem ("binding 3: unknown action 'foo'"). `ok` is false when the file as a whole could
// not be read (not JSON, too big, wrong format): then the mapping is empty.
struct MidiMappingLoad {
    bool ok = false;
    MidiMapping mapping;
    std::vector<std::string> problems;
};

// The mapping file of docs/design/CONTROL.md §5 ({"format": "stemdeck-midi", "version": 1 …}).
// Pure functions over text and files; any thread (one writer per file).
class MidiMappingFile {
  public:
    static constexpr std::size_t kMaxBindings = 512;
    static constexpr std::size_t kMaxBytes = 1024 * 1024;

    // Bindings naming an action not in the catalog, a bad source, mode or argument are left out
    // with a problem line each; the rest load. Bindings past kMaxBindings are left out (one line).
    static MidiMappingLoad parse(const std::string& text);
    static MidiMappingLoad load(const std::filesystem::path& path);

    static nlohmann::json toJson(const MidiMapping& mapping);
    // Writes a temporary file beside `path` and renames it over: a crash never leaves half a
    // file. Returns an empty string or one printable line.
    static std::string save(const MidiMapping& mapping, const std::filesystem::path& path);
    // Validates `source` (it must load with ok) and only then copies it to `destination`
    // atomically. Problems with single bindings do not refuse it (they are reported in *load).
    static std::string import(const std::filesystem::path& source,
                              const std::filesystem::path& destination,
                              MidiMappingLoad* load = nullptr);
};

}  // namespace stemdeck::control::midi
