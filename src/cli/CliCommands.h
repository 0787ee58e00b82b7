#pragma once

#include <atomic>
#include <iosfwd>
#include <stdexcept>

#include "CliOptions.h"

namespace stemdeck::cli {

// Where a command writes: results (JSON) to `out`, warnings and status to `err`, every line
// through printLine (Printable.h). `interrupted` is set by the signal handler (Interruption);
// long-running commands stop cleanly when they see it.
struct CommandContext {
    std::ostream& out;
    std::ostream& err;
    const std::atomic<bool>& interrupted;
};

// A command stopped by a signal: what was left undone, one line ("interrupted by SIGINT; OUT
// was not written"). The exit status is 128 + the signal (Interruption::exitStatus()).
class InterruptedError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Runs the parsed command and returns the exit status. Throws CliError for a bad argument
// found only once the song is loaded (an unknown stem name), InterruptedError when stopped by
// a signal, and LoadError, RenderError, AudioDeviceError or std::runtime_error for runtime
// failures.
int runCommand(const CliOptions& options, const CommandContext& context);

}  // namespace stemdeck::cli
