#pragma once

#include <jack/jack.h>
#include <jack/ringbuffer.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace stemdeck::test {

// A raw libjack client with one MIDI output port ("<name>:out"), playing a MIDI controller:
// send() queues a message (≤ 3 bytes) that the next process cycle writes, in order.
// Test thread: open, connect, send, close. JACK's thread: the process callback.
class JackMidiPeer {
  public:
    ~JackMidiPeer();
    bool open(const std::string& name = "midi_peer");
    // Connects our output to `destination` ("stemdeck:control_in").
    bool connectTo(const std::string& destination);
    bool send(const std::vector<std::uint8_t>& bytes);
    void close();
    const std::string& error() const { return error_; }

  private:
    static int process(jack_nframes_t frames, void* self);

    jack_client_t* client_ = nullptr;
    jack_port_t* out_ = nullptr;
    jack_ringbuffer_t* queue_ = nullptr;
    std::atomic<unsigned> cycles_{0};  // process callbacks run so far
    std::string error_;
};

}  // namespace stemdeck::test
