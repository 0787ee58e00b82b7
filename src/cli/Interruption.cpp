#include "Interruption.h"

#include <signal.h>

#include <chrono>

namespace stemdeck::cli {

namespace {

std::atomic<bool> g_raised{false};
std::atomic<int> g_signal{0};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free,
              "the signal handler needs lock-free atomics");

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

void onSignal(int number) {
    int none = 0;
    g_signal.compare_exchange_strong(none, number, std::memory_order_relaxed);
    g_raised.store(true, std::memory_order_relaxed);
}

void setHandler(void (*handler)(int)) {
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    // Other system calls carry on; the work polls the flag instead of relying on EINTR.
    action.sa_flags = SA_RESTART;
    for (const int number : kSignals) ::sigaction(number, &action, nullptr);
}

}  // namespace

void Interruption::install() {
    setHandler(onSignal);
}

void Interruption::uninstall() {
    setHandler(SIG_DFL);
}

const std::atomic<bool>& Interruption::flag() {
    return g_raised;
}

int Interruption::signalNumber() {
    return g_signal.load(std::memory_order_relaxed);
}

std::string Interruption::signalName() {
    switch (signalNumber()) {
        case SIGINT:
            return "SIGINT";
        case SIGTERM:
            return "SIGTERM";
        case SIGHUP:
            return "SIGHUP";
        default:
            return "signal " + std::to_string(signalNumber());
    }
}

InterruptWatch::InterruptWatch(std::function<void()> onInterrupt)
    : thread_([onInterrupt = std::move(onInterrupt)](std::stop_token stop) {
          while (!stop.stop_requested()) {
              if (Interruption::raised()) {
                  onInterrupt();
                  return;
              }
              std::this_thread::sleep_for(std::chrono::milliseconds(10));
          }
      }) {}

}  // namespace stemdeck::cli
