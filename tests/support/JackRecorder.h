#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

struct _jack_client;
struct _jack_port;

namespace stemdeck::test {

// A JACK client that records what another client plays: two input ports connected to the
// first two audio outputs of `client` (PortAudio's, on the wrapper's dummy server), written
// into a buffer sized up front. Tests read what really reached the device, cuts included.
class JackRecorder {
  public:
    explicit JackRecorder(double maxSeconds = 20.0) : maxSeconds_(maxSeconds) {}
    ~JackRecorder();
    JackRecorder(const JackRecorder&) = delete;
    JackRecorder& operator=(const JackRecorder&) = delete;

    // Opens the recording client and connects it to the outputs of the client whose port
    // names start with `client` + ":" (any client but the dummy driver's when empty).
    // False with the reason in error().
    bool start(const std::string& client = {});
    void stop();
    const std::string& error() const { return error_; }

    // Frames recorded so far (any thread), and one channel of them (after stop() or while
    // recording: frames below frames() are complete).
    std::int64_t frames() const { return written_.load(std::memory_order_acquire); }
    const std::vector<float>& channel(int c) const { return c == 0 ? left_ : right_; }

  private:
    static int process(std::uint32_t frames, void* self);

    double maxSeconds_;
    _jack_client* client_ = nullptr;
    _jack_port* ports_[2] = {nullptr, nullptr};
    std::vector<float> left_, right_;
    std::atomic<std::int64_t> written_{0};
    std::string error_;
};

// The largest difference between neighbouring samples in [from, to): a cut from a loud
// signal to silence shows as a step of the signal's size.
float largestStep(const std::vector<float>& samples, std::int64_t from, std::int64_t to);

}  // namespace stemdeck::test
