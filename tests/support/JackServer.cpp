#include "JackServer.h"

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <thread>
#include <vector>

#include "Spawn.h"

namespace stemdeck::test {

namespace {

std::string envOr(const char* name, const char* fallback) {
    const char* value = std::getenv(name);
    return value && *value ? value : fallback;
}

// Runs argv with stdout and stderr sent to /dev/null; returns the child's pid or -1.
pid_t spawnQuietly(std::vector<std::string> args) {
    return spawnChild(std::move(args), {.out = "/dev/null", .err = "/dev/null"});
}

int waitExit(pid_t pid) {
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

bool JackServer::start(const std::string& name) {
    // As the wrapper started its server: with or without SCHED_FIFO, and gone with this process
    // even when it dies without running destructors (a crash, a sanitizer's abort).
    pid_ = spawnQuietly({"setpriv", "--pdeathsig", "TERM", "jackd", "-n", name,
                         envOr("STEMDECK_JACK_SCHEDULING", "-r"), "-d", "dummy", "-r", "48000",
                         "-p", envOr("STEMDECK_JACK_PERIOD", "256"), "-P",
                         envOr("STEMDECK_JACK_OUTPUTS", "2"), "-C", "0"});
    if (pid_ < 0) {
        error_ = "cannot run jackd";
        return false;
    }
    // jack_wait talks to the server named by JACK_DEFAULT_SERVER, as every client here does.
    ::setenv("JACK_DEFAULT_SERVER", name.c_str(), 1);
    const pid_t waiter = spawnQuietly({"jack_wait", "-w", "-t", "10"});
    if (waiter < 0 || waitExit(waiter) != 0) {
        error_ = "the JACK server '" + name + "' did not start within 10 s";
        return false;
    }
    return true;
}

void JackServer::kill(int signal) {
    if (pid_ <= 0) return;
    ::kill(pid_, signal);
    if (signal == SIGKILL || signal == SIGTERM) {
        // jackd answers SIGTERM by waiting on its clients, each with a timeout; one that is
        // itself stuck (a frozen test process's client) must not hang the test's teardown.
        for (int i = 0; i < 100 && ::waitpid(pid_, nullptr, WNOHANG) == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (::waitpid(pid_, nullptr, WNOHANG) == 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        pid_ = -1;
    }
}

JackServer::~JackServer() {
    kill(SIGTERM);
}

std::string wrapperJackServerName() {
    return envOr("JACK_DEFAULT_SERVER", "");
}

pid_t wrapperJackServerPid() {
    const char* pid = std::getenv("STEMDECK_TEST_JACK_PID");
    return pid ? static_cast<pid_t>(std::atoi(pid)) : -1;
}

}  // namespace stemdeck::test
