// stemdeck-cli: the engine without a GUI. Inspect a song, render a mix to a file, play it on
// the audio device, or time the mixer. See usageText() for the interface.

#include <atomic>
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "CliCommands.h"
#include "CliOptions.h"

namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

void onInterrupt(int) {
    g_interrupted.store(true);
}

int fail(int status, const std::string& message) {
    std::cerr << "stemdeck-cli: error: " << message << '\n';
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace stemdeck::cli;
    try {
        const CliOptions options =
            parseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
        // Only the commands that poll the flag take over Ctrl-C; the others just end.
        if (options.command == Command::Play || options.command == Command::Render)
            std::signal(SIGINT, onInterrupt);
        return runCommand(options, CommandContext{std::cout, std::cerr, g_interrupted});
    } catch (const CliError& e) {
        return fail(2, e.what());
    } catch (const std::exception& e) {
        return fail(1, e.what());
    } catch (...) {
        return fail(1, "unexpected internal error");
    }
}
