#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "stemdeck/audio/core/AtomicSnapshot.h"
#include "stemdeck/audio/device/ClockAnchor.h"
#include "stemdeck/control/midi/ClockSchedule.h"

struct _jack_client;
struct _jack_port;

namespace stemdeck::control::backend {

// MIDI clock out on JACK (CONTROL.md §6): a libjack client of its own ("stemdeck-clock") with
// one MIDI output port ("clock_out"). Its process callback runs a ClockSchedule against the
// engine's latest ClockAnchor and writes each message at its frame offset in the cycle, so a
// tick is frame-exact instead of landing on the next period's first frame (RtMidi's JACK out).
// Control thread: everything but process(), which runs on JACK's real-time thread (no
// allocation, no lock: a wait-free read of the anchor, the schedule, jack_midi_event_write).
class JackClockPort {
  public:
    static constexpr const char* kDefaultClient = "stemdeck-clock";
    static constexpr const char* kPort = "clock_out";

    // `anchors` (Engine::clockAnchors()) must outlive the port.
    explicit JackClockPort(const audio::AtomicSnapshot<audio::ClockAnchor>& anchors);
    ~JackClockPort();
    JackClockPort(const JackClockPort&) = delete;
    JackClockPort& operator=(const JackClockPort&) = delete;

    // Opens the client (never starts a server; libjack's messages silenced) and activates it.
    // False with a one-line error() when no server answers or JACK refuses.
    bool open(const std::string& clientName = kDefaultClient);
    void close();
    bool isOpen() const { return client_ != nullptr; }
    // "stemdeck-clock:clock_out" once open, else empty.
    std::string portName() const;
    // Connects clock_out to `destination` (a JACK MIDI input port). False with error().
    bool connectTo(const std::string& destination);
    // The JACK MIDI input ports (of other clients) the clock can go to; empty when not open.
    std::vector<std::string> destinations() const;
    const std::string& error() const { return error_; }
    // Any thread: messages written so far, and those the port's buffer had no room for.
    std::uint64_t sentCount() const { return sent_.load(std::memory_order_relaxed); }
    std::uint64_t droppedCount() const { return dropped_.load(std::memory_order_relaxed); }

  private:
    static int process(std::uint32_t frames, void* self);
    void processCycle(std::uint32_t frames) noexcept;

    static constexpr int kMaxEvents = 64;  // per cycle: 8192 frames at 300 BPM x 1.5 is < 40

    const audio::AtomicSnapshot<audio::ClockAnchor>& anchors_;
    _jack_client* client_ = nullptr;
    _jack_port* port_ = nullptr;
    std::string error_;
    // JACK thread only.
    audio::ClockAnchor anchor_{};
    midi::ClockSchedule schedule_;
    midi::ClockEvent events_[kMaxEvents];
    std::atomic<std::uint64_t> sent_{0};
    std::atomic<std::uint64_t> dropped_{0};
};

}  // namespace stemdeck::control::backend
