#include "stemdeck/control/backend/MidiOutput.h"

#include <RtMidi.h>

#include "RtMidiSupport.h"

namespace stemdeck::control::backend {

using detail::keepError;
using detail::oneLine;
using detail::quiet;
using detail::rtApi;

MidiOutput::MidiOutput(MidiApi api) : api_(api) {}

MidiOutput::~MidiOutput() {
    close();
}

std::string MidiOutput::open(const std::string& port) {
    close();
    if (api_ == MidiApi::None) return MidiSystem::kNoneNote;
    try {
        out_ = std::make_unique<RtMidiOut>(rtApi(api_), kClientName);
        lastError_.clear();
        out_->setErrorCallback(keepError, &lastError_);
        if (port.empty()) {
            out_->openVirtualPort(kVirtualPort);
            portName_ = std::string(kClientName) + ":" + kVirtualPort;
        } else {
            const unsigned found = detail::portContaining(*out_, port);
            if (found == out_->getPortCount()) {
                out_.reset();
                return "MIDI feedback: no port named \"" + oneLine(port) + "\"";
            }
            portName_ = out_->getPortName(found);
            out_->openPort(found, kVirtualPort);
        }
        if (!lastError_.empty()) throw RtMidiError(lastError_);
    } catch (const RtMidiError& error) {
        out_.reset();
        portName_.clear();
        return "MIDI feedback: " + oneLine(error.getMessage());
    }
    open_ = true;
    return {};
}

void MidiOutput::close() {
    if (!out_) return;
    try {
        out_->closePort();
    } catch (const RtMidiError&) {
        // Closing a port that went away is not an error worth reporting.
    }
    out_.reset();
    portName_.clear();
    open_ = false;
}

std::vector<std::string> MidiOutput::ports() const {
    std::vector<std::string> names;
    if (api_ == MidiApi::None) return names;
    try {
        if (out_) return detail::portNames(*out_);
        RtMidiOut probe(rtApi(api_), "stemdeck-ports");
        probe.setErrorCallback(quiet, nullptr);
        names = detail::portNames(probe);
    } catch (const RtMidiError&) {
        names.clear();
    }
    return names;
}

bool MidiOutput::send(const std::vector<std::uint8_t>& bytes) {
    if (!open_ || bytes.empty() || bytes.size() > 3) return false;
    lastError_.clear();
    try {
        out_->sendMessage(bytes.data(), bytes.size());
    } catch (const RtMidiError&) {
        return false;
    }
    return lastError_.empty();
}

}  // namespace stemdeck::control::backend
