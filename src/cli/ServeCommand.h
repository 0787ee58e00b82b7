#pragma once

#include "CliCommands.h"
#include "CliOptions.h"

namespace stemdeck::cli {

// `stemdeck-cli serve SONG|SET`: the app layer without a window, driven by its remote doors
// (OSC, MIDI) for a rack machine or a small computer on stage. Runs a Qt event loop on the
// calling (main) thread; prints the song or set, the doors' addresses and one line per song
// change and per refused action to `err`; a signal (Interruption) fades out, closes the doors
// and returns 128 + the signal. Main thread only.
int runServe(const CliOptions& options, const CommandContext& context);

}  // namespace stemdeck::cli
