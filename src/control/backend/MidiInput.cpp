#include "stemdeck/control/backend/MidiInput.h"

#include <RtMidi.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <cstring>

#include "RtMidiSupport.h"

namespace stemdeck::control::backend {

using detail::keepError;
using detail::oneLine;
using detail::quiet;
using detail::rtApi;

MidiInput::MidiInput(MidiApi api) : api_(api), ring_(std::make_unique<Ring>()) {
    eventFd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

MidiInput::~MidiInput() {
    close();
    if (eventFd_ >= 0) ::close(eventFd_);
}

std::string MidiInput::open(const std::string& port) {
    close();
    if (api_ == MidiApi::None) return MidiSystem::kNoneNote;
    if (eventFd_ < 0) return "MIDI input: cannot create an event descriptor";
    try {
        in_ = std::make_unique<RtMidiIn>(rtApi(api_), "stemdeck");
        lastError_.clear();
        in_->setErrorCallback(keepError, &lastError_);
        // Sysex, clock and active sensing are of no use to the control door.
        in_->ignoreTypes(true, true, true);
        in_->setCallback(&MidiInput::onMessage, this);
        if (port.empty()) {
            in_->openVirtualPort("control_in");
        } else {
            const unsigned found = detail::portContaining(*in_, port);
            if (found == in_->getPortCount()) {
                in_.reset();
                return "MIDI input: no port named \"" + oneLine(port) + "\"";
            }
            in_->openPort(found, "control_in");
        }
        if (!lastError_.empty()) throw RtMidiError(lastError_);
    } catch (const RtMidiError& error) {
        in_.reset();
        return "MIDI input: " + oneLine(error.getMessage());
    }
    open_ = true;
    return {};
}

void MidiInput::close() {
    if (!in_) return;
    try {
        in_->cancelCallback();
        in_->closePort();
    } catch (const RtMidiError&) {
        // Closing a port that went away is not an error worth reporting.
    }
    in_.reset();  // joins RtMidi's thread / closes the JACK client: no callback after this
    open_ = false;
}

std::vector<std::string> MidiInput::ports() const {
    std::vector<std::string> names;
    if (api_ == MidiApi::None) return names;
    try {
        // The open input lists them without a client of its own.
        if (in_) return detail::portNames(*in_);
        RtMidiIn probe(rtApi(api_), "stemdeck-ports");
        probe.setErrorCallback(quiet, nullptr);
        names = detail::portNames(probe);
    } catch (const RtMidiError&) {
        names.clear();
    }
    return names;
}

// RtMidi's thread (JACK: real-time). Reads the vector RtMidi owns, nothing else of RtMidi's.
void MidiInput::onMessage(double, std::vector<unsigned char>* message, void* self) {
    auto* input = static_cast<MidiInput*>(self);
    if (message) deliver(*input->ring_, input->eventFd_, message->data(), message->size());
}

void MidiInput::deliver(Ring& ring, int eventFd, const unsigned char* bytes,
                        std::size_t size) noexcept {
    if (!bytes || size == 0 || size > 3) return;
    midi::MidiEvent event;
    event.size = static_cast<std::uint8_t>(size);
    std::memcpy(event.bytes, bytes, size);
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    event.receivedNs = std::int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
    if (!ring.push(event)) return;
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(eventFd, &one, sizeof one);
}

std::size_t MidiInput::drain(const std::function<void(const midi::MidiEvent&)>& onEvent) {
    std::uint64_t counter = 0;
    [[maybe_unused]] const auto read = ::read(eventFd_, &counter, sizeof counter);
    std::size_t count = 0;
    midi::MidiEvent event;
    while (ring_->pop(event)) {
        ++count;
        if (onEvent) onEvent(event);
    }
    return count;
}

}  // namespace stemdeck::control::backend
