#pragma once

// Runs the real stemdeck-cli binary (STEMDECK_CLI_PATH) as a user would, capturing its exit
// status and output: shared by the CLI's tests.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "FileBytes.h"
#include "Spawn.h"
#include "TempDir.h"

namespace stemdeck::test {

struct CliResult {
    int status = -1;  // exit code, or 128 + signal if the process was killed (a crash)
    std::string out;
    std::string err;
};

// One run of stemdeck-cli with stdout and stderr captured in files (no pipe can fill up).
class CliProcess {
  public:
    // `prefix` runs the tool through another program (e.g. setpriv to run it as another user).
    explicit CliProcess(const std::vector<std::string>& args,
                        const std::vector<std::string>& prefix = {})
        : outFile_(logs_ / "stdout"), errFile_(logs_ / "stderr") {
        std::vector<std::string> argv = prefix;
        argv.push_back(STEMDECK_CLI_PATH);
        argv.insert(argv.end(), args.begin(), args.end());
        pid_ =
            spawnChild(argv, {.in = "/dev/null", .out = outFile_.c_str(), .err = errFile_.c_str()});
        if (pid_ < 0) ADD_FAILURE() << "cannot start " << argv.front();
    }
    ~CliProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    CliProcess(const CliProcess&) = delete;
    CliProcess& operator=(const CliProcess&) = delete;

    // Waits (at most `limit`) until stderr holds `text`: a state the tool says it reached, so
    // a test does not guess how long loading takes on a busy machine. False if it never came.
    bool waitForErr(const std::string& text,
                    std::chrono::milliseconds limit = std::chrono::seconds(60)) const {
        const auto until = std::chrono::steady_clock::now() + limit;
        while (readFile(errFile_).find(text) == std::string::npos) {
            if (std::chrono::steady_clock::now() > until) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return true;
    }

    const std::filesystem::path& errPath() const { return errFile_; }
    void interrupt() { signal(SIGINT); }
    void signal(int number) { ::kill(pid_, number); }
    pid_t pid() const { return pid_; }

    CliResult wait() {
        CliResult result;
        int status = 0;
        if (pid_ <= 0 || ::waitpid(pid_, &status, 0) != pid_) return result;
        pid_ = -1;
        if (WIFEXITED(status)) result.status = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) result.status = 128 + WTERMSIG(status);
        result.out = readFile(outFile_);
        result.err = readFile(errFile_);
        return result;
    }

  private:
    test::TempDir logs_;
    std::filesystem::path outFile_, errFile_;
    pid_t pid_ = -1;
};

inline CliResult runCli(const std::vector<std::string>& args,
                        const std::vector<std::string>& prefix = {}) {
    return CliProcess(args, prefix).wait();
}

// The last line of stderr: where the one-line error is, after any library noise.
inline std::string lastLine(const std::string& text) {
    std::string trimmed = text;
    while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
    const auto nl = trimmed.rfind('\n');
    return nl == std::string::npos ? trimmed : trimmed.substr(nl + 1);
}

// A number field of the CLI's JSON ("key": value); NaN when missing.
inline double jsonNumber(const std::string& json, const std::string& key) {
    std::smatch m;
    const std::regex pattern("\"" + key + "\": (-?[0-9][0-9.eE+-]*)");
    return std::regex_search(json, m, pattern) ? std::stod(m[1]) : std::nan("");
}

// The innermost {...} of the JSON text around `needle` (stem and issue objects are flat).
inline std::string objectAround(const std::string& json, const std::string& needle) {
    const auto at = json.find(needle);
    if (at == std::string::npos) return "";
    const auto open = json.rfind('{', at);
    const auto close = json.find('}', at);
    return json.substr(open, close - open + 1);
}

// The port `serve --osc` printed: "OSC on udp://127.0.0.1:PORT ..."; -1 if none.
inline int printedOscPort(const std::string& err) {
    const std::string lead = "OSC on udp://127.0.0.1:";
    const auto at = err.find(lead);
    return at == std::string::npos ? -1 : std::atoi(err.c_str() + at + lead.size());
}

inline std::string demoSong() {
    return STEMDECK_DEMO_SONG;
}

inline bool jackRunning() {
    return std::getenv("STEMDECK_TEST_JACK_PID") != nullptr;
}

// Expects exit status 1 and one line on stderr: "stemdeck-cli: error: " + what contains `text`.
inline void expectOneLineError(const CliResult& r, const std::string& text) {
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "expected one line: " << r.err;
    EXPECT_EQ(r.err.rfind("stemdeck-cli: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(text), std::string::npos) << r.err;
}

}  // namespace stemdeck::test
