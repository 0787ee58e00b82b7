#pragma once

#include <atomic>
#include <iosfwd>

#include "CliOptions.h"

namespace stemdeck::cli {

// Where a command writes: results (JSON) to `out`, warnings and status to `err`. `interrupted`
// is set by the SIGINT handler; long-running commands stop cleanly when they see it.
struct CommandContext {
    std::ostream& out;
    std::ostream& err;
    const std::atomic<bool>& interrupted;
};

// Runs the parsed command and returns the exit status. Throws CliError for a bad argument
// found only once the song is loaded (an unknown stem name), and LoadError, RenderError or
// AudioDeviceError for runtime failures.
int runCommand(const CliOptions& options, const CommandContext& context);

}  // namespace stemdeck::cli
