#pragma once

#include <memory>
#include <string>
#include <vector>

#include "stemdeck/control/backend/ClockThread.h"

class RtMidiOut;

namespace stemdeck::control::backend {

// MIDI clock out on the ALSA sequencer (CONTROL.md §6): RtMidi's ALSA output, a virtual port
// "stemdeck-clock:clock_out" or a connection to a synth's port, fed by a ClockThread (RtMidi's
// ALSA send may block: never from the audio callback). Where there is no sequencer (CI) it
// does not open and says so in one line. Control thread: everything; the clock thread sends.
class AlsaClockPort : public ClockSink {
  public:
    static constexpr const char* kNoSequencer = "MIDI clock: no ALSA sequencer on this machine";
    static constexpr const char* kClientName = "stemdeck-clock";
    static constexpr const char* kPort = "clock_out";

    // `anchors` (Engine::clockAnchors()) must outlive the port.
    explicit AlsaClockPort(const audio::AtomicSnapshot<audio::ClockAnchor>& anchors);
    ~AlsaClockPort() override;

    // Empty `destination`: the virtual port alone; else the first ALSA port whose name
    // contains it. Starts the clock thread. False with a one-line error().
    bool open(const std::string& destination);
    void close();
    bool isOpen() const { return thread_.running(); }
    // "stemdeck-clock:clock_out" or the synth's port, once open.
    const std::string& portName() const { return portName_; }
    const std::string& error() const { return error_; }
    std::uint64_t sentCount() const { return thread_.sentCount(); }
    // The ALSA ports a clock can go to; empty without a sequencer.
    static std::vector<std::string> destinations();

    // The clock thread's.
    bool send(const std::uint8_t* bytes, std::size_t size) override;

  private:
    std::unique_ptr<RtMidiOut> out_;
    ClockThread thread_;
    std::string portName_;
    std::string error_;
    std::string sendError_;  // RtMidi's errors on the clock thread (its callback's target)
};

}  // namespace stemdeck::control::backend
