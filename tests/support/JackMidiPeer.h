#pragma once

#include <jack/jack.h>
#include <jack/ringbuffer.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace stemdeck::test {

// A raw libjack client playing a MIDI controller: one MIDI output port ("<name>:out"), where
// send() queues a message (≤ 3 bytes) that the next process cycle writes, in order; and one
// MIDI input port ("<name>:in") whose messages (≤ 3 bytes; its LEDs) received() returns.
// Test thread: open, connect, send, received, close. JACK's thread: the process callback.
class JackMidiPeer {
  public:
    ~JackMidiPeer();
    bool open(const std::string& name = "midi_peer");
    // Connects our output to `destination` ("stemdeck:control_in").
    bool connectTo(const std::string& destination);
    bool send(const std::vector<std::uint8_t>& bytes);
    // Connects `source` ("stemdeck-feedback:feedback_out") to our input.
    bool connectFrom(const std::string& source);
    // How many messages went out so far, and JACK's frame time at which the last one did
    // (its cycle's first frame plus its offset in the cycle). Any thread.
    unsigned sentCount() const { return sent_.load(std::memory_order_acquire); }
    std::uint32_t lastSentFrame() const { return lastSentFrame_.load(std::memory_order_acquire); }
    // The messages received since the last call, in order.
    std::vector<std::vector<std::uint8_t>> received();
    void close();
    const std::string& error() const { return error_; }

  private:
    static int process(jack_nframes_t frames, void* self);

    jack_client_t* client_ = nullptr;
    jack_port_t* out_ = nullptr;
    jack_port_t* in_ = nullptr;
    jack_ringbuffer_t* queue_ = nullptr;
    jack_ringbuffer_t* inbox_ = nullptr;  // records of 4 bytes: size, ≤ 3 message bytes
    std::atomic<unsigned> cycles_{0};     // process callbacks run so far
    std::atomic<unsigned> sent_{0};
    std::atomic<std::uint32_t> lastSentFrame_{0};
    std::string error_;
};

}  // namespace stemdeck::test
