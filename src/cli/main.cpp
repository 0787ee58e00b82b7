// stemdeck-cli: the engine without a GUI. Inspect a song, render a mix to a file, play it on
// the audio device, or time the mixer. See usageText() (CliOptions.cpp) for the interface.

#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "CliCommands.h"
#include "CliOptions.h"
#include "Interruption.h"
#include "Printable.h"

namespace {

int fail(int status, const std::string& message) {
    stemdeck::cli::printLine(std::cerr, "stemdeck-cli: error: " + message);
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace stemdeck::cli;
    // A file size limit (ulimit -f) makes write() fail with EFBIG, which the renderer
    // reports, instead of killing the process with a half-written file left behind.
    std::signal(SIGXFSZ, SIG_IGN);
    // Before any thread starts: Ctrl-C, SIGTERM and SIGHUP stop the work cleanly.
    Interruption::install();
    try {
        const CliOptions options =
            parseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
        return runCommand(options, CommandContext{std::cout, std::cerr, Interruption::flag()});
    } catch (const InterruptedError& e) {
        printLine(std::cerr, std::string("stemdeck-cli: ") + e.what());
        return Interruption::exitStatus();
    } catch (const CliError& e) {
        return fail(2, e.what());
    } catch (const std::exception& e) {
        return fail(1, e.what());
    } catch (...) {
        return fail(1, "unexpected internal error");
    }
}
