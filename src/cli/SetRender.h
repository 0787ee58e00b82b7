#pragma once

#include "CliCommands.h"

// `render SET OUT`: a whole set file (.stemset, docs/SETS.md) rendered into one file through
// OfflineRenderer::renderSetToFile, each song with its saved mix, tempo, pitch, click and
// count-in, start marker and transition. The CLI's main thread.
namespace stemdeck::cli {

// Renders the set options.song into options.output. Bad entries (a missing song, a path to a
// file, a damaged stem, a start marker the song lacks, a crossfade longer than a song) are
// printed one line each naming the entry and the rest is rendered; the status is then 1 (0
// when nothing was wrong, warnings aside). Throws CliError for options that belong to one song
// (--tempo, --gain, --loop...), std::runtime_error (one line) when the set cannot be rendered
// at all (not a set, no usable song, not enough memory), RenderError from the renderer and
// InterruptedError on Ctrl-C (nothing written).
int runSetRender(const CliOptions& options, const CommandContext& context);

}  // namespace stemdeck::cli
