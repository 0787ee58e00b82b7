#pragma once

#include <sys/types.h>

#include <string>

namespace stemdeck::test {

// A JACK dummy server run by a test itself, as tests/support/with_jack.sh runs one: to bring
// a server back after a test has killed the wrapper's. Killed (SIGTERM) on destruction.
class JackServer {
  public:
    // Starts `jackd -n NAME -d dummy` at 48 kHz with the wrapper's period and outputs
    // (STEMDECK_JACK_PERIOD, STEMDECK_JACK_OUTPUTS) and waits until it takes clients.
    // Returns false (with the reason in error()) when it does not come up within 10 s.
    bool start(const std::string& name);
    void kill(int signal);
    ~JackServer();

    const std::string& error() const { return error_; }

  private:
    pid_t pid_ = -1;
    std::string error_;
};

// The wrapper's server: its name (JACK_DEFAULT_SERVER) and process (STEMDECK_TEST_JACK_PID),
// or empty / -1 outside the wrapper.
std::string wrapperJackServerName();
pid_t wrapperJackServerPid();

}  // namespace stemdeck::test
