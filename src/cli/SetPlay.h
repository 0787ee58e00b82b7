#pragma once

#include "CliCommands.h"

// `play SET`: a set file (.stemset, docs/SETS.md) played on the audio device through the
// engine's set API: each song with its entry's tempo, pitch, click, count-in and start marker,
// the next one decoded and cued while one plays, so that the engine makes the transitions
// (gap, segue, crossfade) as the app does. The CLI's main thread.
namespace stemdeck::cli {

// Plays the set options.song from entry options.from (1 without --from). Prints "2/5 Title
// (3:12)" to `out` as each song starts. A "stop" transition waits for Enter on stdin (goes on
// at once with --no-wait or when stdin is closed). A bad entry (missing song, damaged stem,
// a start marker the song lacks) is printed one line naming it and skipped; the status is then
// 1, else 0 (Ctrl-C included, as for a song). Throws CliError for options that belong to one
// song or a bad --from, std::runtime_error (one line) when no song can play, AudioDeviceError
// when the device fails.
int runSetPlay(const CliOptions& options, const CommandContext& context);

}  // namespace stemdeck::cli
