#include "JackMidiPeer.h"

#include <jack/midiport.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace stemdeck::test {

JackMidiPeer::~JackMidiPeer() {
    close();
}

bool JackMidiPeer::open(const std::string& name) {
    jack_status_t status{};
    client_ = jack_client_open(name.c_str(), JackNoStartServer, &status);
    if (!client_) {
        error_ = "no JACK server (status " + std::to_string(status) + ")";
        return false;
    }
    out_ = jack_port_register(client_, "out", JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput, 0);
    in_ = jack_port_register(client_, "in", JACK_DEFAULT_MIDI_TYPE, JackPortIsInput, 0);
    queue_ = jack_ringbuffer_create(4096);
    inbox_ = jack_ringbuffer_create(4096);
    if (!out_ || !in_ || !queue_ || !inbox_ ||
        jack_set_process_callback(client_, &JackMidiPeer::process, this) != 0 ||
        jack_activate(client_) != 0) {
        error_ = "cannot set up the JACK MIDI peer";
        close();
        return false;
    }
    return true;
}

bool JackMidiPeer::connectTo(const std::string& destination) {
    if (!client_) return false;
    const int result = jack_connect(client_, jack_port_name(out_), destination.c_str());
    if (result != 0) {
        error_ = "jack_connect to " + destination + " failed (" + std::to_string(result) + ")";
        return false;
    }
    // The new connection carries events from the first cycle after the graph changed: wait
    // for it and a few cycles more, however slowly this machine (or a sanitizer) runs, so
    // that nothing sent after this is dropped on an unconnected port.
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (jack_port_connected(out_) == 0 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const unsigned from = cycles_.load();
    while (cycles_.load() < from + 3 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (jack_port_connected(out_) == 0 || cycles_.load() < from + 3) {
        error_ = "the connection to " + destination + " did not take effect within 10 s";
        return false;
    }
    return true;
}

bool JackMidiPeer::send(const std::vector<std::uint8_t>& bytes) {
    if (!queue_ || bytes.empty() || bytes.size() > 3) return false;
    std::uint8_t record[4] = {static_cast<std::uint8_t>(bytes.size()), 0, 0, 0};
    std::copy(bytes.begin(), bytes.end(), record + 1);
    if (jack_ringbuffer_write_space(queue_) < sizeof record) return false;
    jack_ringbuffer_write(queue_, reinterpret_cast<const char*>(record), sizeof record);
    return true;
}

bool JackMidiPeer::connectFrom(const std::string& source) {
    if (!client_) return false;
    const int result = jack_connect(client_, source.c_str(), jack_port_name(in_));
    if (result != 0) {
        error_ = "jack_connect from " + source + " failed (" + std::to_string(result) + ")";
        return false;
    }
    // As in connectTo: messages sent before the connection takes effect would be lost.
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (jack_port_connected(in_) == 0 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const unsigned from = cycles_.load();
    while (cycles_.load() < from + 3 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (jack_port_connected(in_) == 0) {
        error_ = "the connection from " + source + " did not take effect within 10 s";
        return false;
    }
    return true;
}

std::vector<std::vector<std::uint8_t>> JackMidiPeer::received() {
    std::vector<std::vector<std::uint8_t>> messages;
    if (!inbox_) return messages;
    while (jack_ringbuffer_read_space(inbox_) >= 4) {
        std::uint8_t record[4];
        jack_ringbuffer_read(inbox_, reinterpret_cast<char*>(record), sizeof record);
        messages.emplace_back(record + 1, record + 1 + record[0]);
    }
    return messages;
}

void JackMidiPeer::close() {
    if (client_) {
        jack_deactivate(client_);
        jack_client_close(client_);
        client_ = nullptr;
        out_ = nullptr;
        in_ = nullptr;
    }
    if (queue_) {
        jack_ringbuffer_free(queue_);
        queue_ = nullptr;
    }
    if (inbox_) {
        jack_ringbuffer_free(inbox_);
        inbox_ = nullptr;
    }
}

int JackMidiPeer::process(jack_nframes_t frames, void* self) {
    auto* peer = static_cast<JackMidiPeer*>(self);
    peer->cycles_.fetch_add(1, std::memory_order_relaxed);
    void* buffer = jack_port_get_buffer(peer->out_, frames);
    jack_midi_clear_buffer(buffer);
    // One frame apart, in queue order: the receiver must keep that order.
    for (jack_nframes_t frame = 0; frame < frames && jack_ringbuffer_read_space(peer->queue_) >= 4;
         ++frame) {
        std::uint8_t record[4];
        jack_ringbuffer_read(peer->queue_, reinterpret_cast<char*>(record), sizeof record);
        jack_midi_event_write(buffer, frame, record + 1, record[0]);
        peer->lastSentFrame_.store(jack_last_frame_time(peer->client_) + frame,
                                   std::memory_order_relaxed);
        peer->sent_.fetch_add(1, std::memory_order_release);
    }
    void* input = jack_port_get_buffer(peer->in_, frames);
    const jack_nframes_t count = jack_midi_get_event_count(input);
    for (jack_nframes_t i = 0; i < count; ++i) {
        jack_midi_event_t event;
        if (jack_midi_event_get(&event, input, i) != 0 || event.size == 0 || event.size > 3)
            continue;
        if (jack_ringbuffer_write_space(peer->inbox_) < 4) break;
        std::uint8_t record[4] = {static_cast<std::uint8_t>(event.size), 0, 0, 0};
        std::copy(event.buffer, event.buffer + event.size, record + 1);
        jack_ringbuffer_write(peer->inbox_, reinterpret_cast<const char*>(record), sizeof record);
    }
    return 0;
}

}  // namespace stemdeck::test
