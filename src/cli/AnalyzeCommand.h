#pragma once

#include "CliCommands.h"
#include "CliOptions.h"

namespace stemdeck::audio {
struct Song;
}

namespace stemdeck::cli {

// `analyze SONG [--sections]`: tempo, beats, downbeats, key and confidence of a loaded song
// as JSON (stemdeck_analysis). Bars follow meta.json's time signature, else 4/4. Throws
// InterruptedError when Ctrl-C stops it.
int runAnalyze(const CliOptions& options, const CommandContext& context, const audio::Song& song);

}  // namespace stemdeck::cli
