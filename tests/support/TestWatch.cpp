#include "TestWatch.h"

#include <execinfo.h>
#include <gtest/gtest.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define STEMDECK_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define STEMDECK_TEST_SANITIZED 1
#endif
#endif

namespace stemdeck::test {
namespace {

// The running test's name, written by the main thread between tests and read by the signal
// handler and the watchdog: a fixed buffer, so that reading it allocates nothing.
char g_testName[512] = "(between tests)";
std::atomic<unsigned> g_testSerial{0};  // bumped at each test start and end
std::atomic<bool> g_reported{false};    // the watchdog's abort is not reported twice
int g_stderr = 2;                       // a duplicate of the original standard error
pthread_t g_mainThread;                 // where the tests run: the watchdog shows its stack
bool g_crashHandlers = false;

void say(const char* text) {
    const ssize_t ignored = ::write(g_stderr, text, std::strlen(text));
    (void)ignored;
}

void sayWhere(const char* what) {
    say("\n*** ");
    say(what);
    say(" in test ");
    say(g_testName);
    say("; backtrace:\n");
    void* frames[64];
    ::backtrace_symbols_fd(frames, ::backtrace(frames, 64), g_stderr);
}

[[maybe_unused]] void onCrash(int signal) {
    if (!g_reported.exchange(true)) sayWhere(::strsignal(signal));
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

class NameKeeper : public ::testing::EmptyTestEventListener {
    void OnTestStart(const ::testing::TestInfo& info) override {
        std::snprintf(g_testName, sizeof g_testName, "%s.%s", info.test_suite_name(), info.name());
        g_testSerial.fetch_add(1);
    }
    void OnTestEnd(const ::testing::TestInfo&) override {
        g_testSerial.fetch_add(1);
        std::snprintf(g_testName, sizeof g_testName, "(between tests)");
    }
};

// Ends the process, naming the running test, when one test has run `limitSeconds` or the
// whole process `deadlineSeconds` (0: no deadline).
void watch(int limitSeconds, int deadlineSeconds) {
    const auto start = std::chrono::steady_clock::now();
    unsigned seen = g_testSerial.load();
    auto since = start;
    for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        const auto now = std::chrono::steady_clock::now();
        const unsigned serial = g_testSerial.load();
        if (serial != seen) {
            seen = serial;
            since = now;
        }
        char line[128];
        if (serial % 2 == 1 && now - since > std::chrono::seconds(limitSeconds)) {
            std::snprintf(line, sizeof line,
                          "one test still running after %d s (STEMDECK_TEST_WATCHDOG_S)",
                          limitSeconds);
        } else if (deadlineSeconds > 0 && now - start > std::chrono::seconds(deadlineSeconds)) {
            std::snprintf(line, sizeof line,
                          "the test process still running after %d s, close to its CTest "
                          "timeout (STEMDECK_TEST_DEADLINE_S)",
                          deadlineSeconds);
        } else {
            continue;
        }
        if (g_crashHandlers) {
            // The main thread's stack is the one that says where the test hangs: its own
            // SIGABRT handler prints it, then ends the process.
            say("\n*** ");
            say(line);
            ::pthread_kill(g_mainThread, SIGABRT);
            std::this_thread::sleep_for(std::chrono::seconds(5));
        }
        g_reported = true;
        sayWhere(line);
        std::abort();
    }
}

}  // namespace

void installTestWatch() {
    g_stderr = ::dup(2);
    g_mainThread = ::pthread_self();
    if (g_stderr < 0) g_stderr = 2;
    ::testing::UnitTest::GetInstance()->listeners().Append(new NameKeeper);
#ifndef STEMDECK_TEST_SANITIZED
    for (int s : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) ::signal(s, onCrash);
    g_crashHandlers = true;
#endif
#ifdef STEMDECK_TEST_SANITIZED
    int limit = 600;  // the sanitizers slow some tests 5 to 10 times
#else
    int limit = 240;
#endif
    if (const char* text = std::getenv("STEMDECK_TEST_WATCHDOG_S")) limit = std::atoi(text);
    int deadline = 0;
    if (const char* text = std::getenv("STEMDECK_TEST_DEADLINE_S")) deadline = std::atoi(text);
#ifdef __SANITIZE_THREAD__
    // ThreadSanitizer lets no thread start in a child forked from a multi-threaded process
    // (die_after_fork), and several tests fork: no watchdog thread under it.
    limit = 0;
#endif
    if (limit > 0) std::thread(watch, limit, std::max(deadline, 0)).detach();
}

}  // namespace stemdeck::test
