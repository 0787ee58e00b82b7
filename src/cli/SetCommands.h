#pragma once

#include <filesystem>

#include "CliCommands.h"

// `info` and `check` of a set file (.stemset, docs/SETS.md), and `check` of one song: the
// app layer's SetFile and SetCheck, printed. The CLI's main thread.
namespace stemdeck::cli {

// Whether `path` is a set rather than a song folder (app::set::SetFile::isSetPath).
bool isSet(const std::filesystem::path& path);

// The set as JSON: its songs in order (resolved folder, title, durations, transition) with
// every problem, and its total duration. Throws std::runtime_error (one line) when the file
// is not a set at all.
int runSetInfo(const std::filesystem::path& file, const CommandContext& context);
// Prints each problem of the set (or of the one song), one line each, then a summary. 1 when
// any is an error, 0 otherwise (warnings alone).
int runSetCheck(const std::filesystem::path& file, const CommandContext& context);
int runSongCheck(const std::filesystem::path& folder, const CommandContext& context);

}  // namespace stemdeck::cli
