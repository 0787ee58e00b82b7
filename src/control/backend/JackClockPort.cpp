#include "stemdeck/control/backend/JackClockPort.h"

#include <jack/jack.h>
#include <jack/midiport.h>

#include <algorithm>

#include "JackSilence.h"

namespace stemdeck::control::backend {

namespace {}  // namespace

JackClockPort::JackClockPort(const audio::AtomicSnapshot<audio::ClockAnchor>& anchors)
    : anchors_(anchors) {}

JackClockPort::~JackClockPort() {
    close();
}

bool JackClockPort::open(const std::string& clientName) {
    close();
    error_.clear();
    // Without a server libjack prints to stderr: the caller reports one line instead.
    auto* savedError = jack_error_callback;
    auto* savedInfo = jack_info_callback;
    jack_set_error_function(silenceJackMessage);
    jack_set_info_function(silenceJackMessage);
    jack_status_t status{};
    client_ = jack_client_open(clientName.c_str(), JackNoStartServer, &status);
    jack_set_error_function(savedError);
    jack_set_info_function(savedInfo);
    if (!client_) {
        error_ = "MIDI clock: no JACK server answers";
        return false;
    }
    // A fresh schedule: nothing of a previous session's position carries over.
    schedule_ = midi::ClockSchedule{};
    anchor_ = audio::ClockAnchor{};
    port_ = jack_port_register(client_, kPort, JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput, 0);
    if (!port_ || jack_set_process_callback(client_, &JackClockPort::process, this) != 0 ||
        jack_activate(client_) != 0) {
        error_ = "MIDI clock: JACK refused the port " + clientName + ":" + kPort;
        close();
        return false;
    }
    return true;
}

void JackClockPort::close() {
    if (!client_) return;
    jack_deactivate(client_);  // returns once process() has run for the last time
    jack_client_close(client_);
    client_ = nullptr;
    port_ = nullptr;
}

std::string JackClockPort::portName() const {
    return port_ ? std::string(jack_port_name(port_)) : std::string();
}

bool JackClockPort::connectTo(const std::string& destination) {
    if (!client_) {
        error_ = "MIDI clock: the port is not open";
        return false;
    }
    if (jack_connect(client_, jack_port_name(port_), destination.c_str()) != 0) {
        error_ = "MIDI clock: cannot connect to JACK port '" + destination + "'";
        return false;
    }
    return true;
}

std::vector<std::string> JackClockPort::destinations() const {
    std::vector<std::string> names;
    if (!client_) return names;
    const char** ports = jack_get_ports(client_, nullptr, JACK_DEFAULT_MIDI_TYPE, JackPortIsInput);
    if (!ports) return names;
    const std::string own = std::string(jack_get_client_name(client_)) + ":";
    for (const char** p = ports; *p; ++p)
        if (std::string(*p).rfind(own, 0) != 0) names.emplace_back(*p);
    jack_free(ports);
    return names;
}

int JackClockPort::process(std::uint32_t frames, void* self) {
    static_cast<JackClockPort*>(self)->processCycle(frames);
    return 0;
}

void JackClockPort::processCycle(std::uint32_t frames) noexcept {
    void* buffer = jack_port_get_buffer(port_, frames);
    jack_midi_clear_buffer(buffer);
    jack_nframes_t cycleStart = 0;
    jack_time_t nowUs = 0, nextUs = 0;
    float periodUs = 0;
    if (jack_get_cycle_times(client_, &cycleStart, &nowUs, &nextUs, &periodUs) != 0) return;
    anchors_.tryLoad(anchor_);  // a read overlapping the engine's write keeps the last one
    const int n =
        schedule_.advance(anchor_, static_cast<std::int64_t>(nextUs) * 1000, events_, kMaxEvents);
    // Events must go out in frame order; a late one (due before this cycle) goes first.
    std::uint32_t offset = 0;
    std::uint64_t sent = 0, dropped = 0;
    for (int i = 0; i < n; ++i) {
        const midi::ClockEvent& e = events_[i];
        if (e.dueNs > 0) {
            const jack_nframes_t due =
                jack_time_to_frames(client_, static_cast<jack_time_t>(e.dueNs / 1000));
            // Wrap-safe difference in the 32-bit frame counter.
            const auto delta = static_cast<std::int32_t>(due - cycleStart);
            const auto clamped = static_cast<std::uint32_t>(
                std::clamp<std::int64_t>(delta, 0, static_cast<std::int64_t>(frames) - 1));
            offset = std::max(offset, clamped);
        }
        if (jack_midi_event_write(buffer, offset, e.bytes, e.size) == 0)
            ++sent;
        else
            ++dropped;
    }
    if (sent) sent_.fetch_add(sent, std::memory_order_relaxed);
    if (dropped) dropped_.fetch_add(dropped, std::memory_order_relaxed);
}

}  // namespace stemdeck::control::backend
