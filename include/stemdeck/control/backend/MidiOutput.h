#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "stemdeck/control/backend/MidiSystem.h"

class RtMidiOut;

namespace stemdeck::control::backend {

// A MIDI output port through RtMidi with an explicit API (MidiSystem), for feedback to a
// controller: LEDs and motor faders. RtMidi's JACK output queues into a single-producer ring,
// so one thread sends: the control thread, which also owns everything else here. Never
// throws: failures are one printable line, a send on a closed port is refused.
class MidiOutput {
  public:
    static constexpr const char* kClientName = "stemdeck-feedback";
    static constexpr const char* kVirtualPort = "feedback_out";

    explicit MidiOutput(MidiApi api);
    ~MidiOutput();
    MidiOutput(const MidiOutput&) = delete;
    MidiOutput& operator=(const MidiOutput&) = delete;

    // Empty `port`: a virtual port "feedback_out" of client "stemdeck-feedback" (JACK:
    // stemdeck-feedback:feedback_out) that the controller's input is connected to. Otherwise
    // the first destination whose name contains `port`. Returns an empty string, or why not.
    std::string open(const std::string& port = {});
    void close();
    bool isOpen() const { return open_; }
    // The destinations a feedback port can be opened to (names as RtMidi gives them).
    std::vector<std::string> ports() const;
    // The name of the open port ("stemdeck-feedback:feedback_out" or the destination's).
    const std::string& portName() const { return portName_; }

    // Sends one message of 1..3 bytes; false when closed, malformed or refused.
    bool send(const std::vector<std::uint8_t>& bytes);

  private:
    MidiApi api_;
    std::unique_ptr<RtMidiOut> out_;
    std::string lastError_;  // RtMidi's first error since open
    std::string portName_;
    bool open_ = false;
};

}  // namespace stemdeck::control::backend
