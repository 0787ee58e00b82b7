#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "stemdeck/control/backend/MidiSystem.h"
#include "stemdeck/control/midi/MidiEventRing.h"

class RtMidiIn;

namespace stemdeck::control::backend {

// A MIDI input port through RtMidi with an explicit API. RtMidi calls back on its own thread
// (JACK: the real-time process thread); the callback only copies the ≤ 3 bytes and a
// CLOCK_MONOTONIC time into a lock-free ring and writes an eventfd: no allocation, no locks.
// The control thread watches fd() (a QSocketNotifier) and drains. Everything but the callback
// runs on the control thread. Never throws: failures are one printable line.
class MidiInput {
  public:
    using Ring = midi::MidiEventRing<1024>;

    explicit MidiInput(MidiApi api);
    ~MidiInput();
    MidiInput(const MidiInput&) = delete;
    MidiInput& operator=(const MidiInput&) = delete;

    // Empty `port`: a virtual port "control_in" of client "stemdeck" (JACK: stemdeck:control_in)
    // that a controller is connected to. Otherwise the first source whose name contains `port`.
    // Returns an empty string, or why not.
    std::string open(const std::string& port = {});
    void close();
    bool isOpen() const { return open_; }
    // The sources a controller can be opened from (names as RtMidi gives them).
    std::vector<std::string> ports() const;

    // Readable (poll/QSocketNotifier) when events are waiting; -1 if none could be made.
    int fd() const { return eventFd_; }
    // Calls `onEvent` for each waiting event, in arrival order; returns how many.
    std::size_t drain(const std::function<void(const midi::MidiEvent&)>& onEvent);
    // Events lost to a full ring (the control thread stalled for 1024 messages).
    std::uint64_t dropped() const { return ring_->dropped(); }

    // The callback's whole work: ≤ 3 bytes and the time into `ring`, one write to `eventFd`.
    // Messages of other sizes (sysex) are ignored. Any single producer thread, real-time safe;
    // public so that the real-time test can run it inside a RealtimeScope.
    static void deliver(Ring& ring, int eventFd, const unsigned char* bytes,
                        std::size_t size) noexcept;

  private:
    static void onMessage(double deltaSeconds, std::vector<unsigned char>* message, void* self);

    MidiApi api_;
    std::unique_ptr<RtMidiIn> in_;
    std::unique_ptr<Ring> ring_;
    int eventFd_ = -1;
    std::string lastError_;  // RtMidi's first error while opening
    bool open_ = false;
};

}  // namespace stemdeck::control::backend
