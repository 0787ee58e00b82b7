#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

namespace stemdeck::cli {

// How often a playing command looks at the interruption flag and the song's end.
inline constexpr std::chrono::milliseconds kPlayPollInterval{50};

// Ctrl-C (SIGINT), SIGTERM and SIGHUP turned into a flag that the long-running work polls
// (the loader's cancel, the renderer's cancel, the play loop), so the CLI stops promptly,
// removes what it was writing and exits with 128 + the signal's number. The handler only
// stores into lock-free atomics, which is async-signal-safe. Process-wide, as signals are.
class Interruption {
  public:
    // Main thread, before any other thread starts: installs the handlers (sigaction).
    static void install();
    // Main thread: the default actions again, for work that has nothing to clean up.
    static void uninstall();

    // Any thread (and the handler): set once a signal came.
    static const std::atomic<bool>& flag();
    static bool raised() { return flag().load(std::memory_order_relaxed); }
    // The signal that came first, 0 when none did.
    static int signalNumber();
    // The conventional exit status: 130 for SIGINT, 143 for SIGTERM.
    static int exitStatus() { return 128 + signalNumber(); }
    // "SIGINT", "SIGTERM", "SIGHUP".
    static std::string signalName();
};

// Calls `onInterrupt` once, from a thread of its own, as soon as an interruption is raised
// (polled every 10 ms); stops watching when destroyed. For work that cannot poll the flag
// itself but has a thread-safe cancel (LoadProgress::requestCancel).
class InterruptWatch {
  public:
    explicit InterruptWatch(std::function<void()> onInterrupt);
    InterruptWatch(const InterruptWatch&) = delete;
    InterruptWatch& operator=(const InterruptWatch&) = delete;

  private:
    std::jthread thread_;
};

}  // namespace stemdeck::cli
