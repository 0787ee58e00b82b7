#include "stemdeck/control/backend/AlsaClockPort.h"

#include <RtMidi.h>

#include "RtMidiSupport.h"
#include "stemdeck/control/backend/MidiOutput.h"
#include "stemdeck/control/backend/MidiSystem.h"

namespace stemdeck::control::backend {

AlsaClockPort::AlsaClockPort(const audio::AtomicSnapshot<audio::ClockAnchor>& anchors)
    : thread_(anchors, *this) {}

AlsaClockPort::~AlsaClockPort() {
    close();
}

bool AlsaClockPort::open(const std::string& destination) {
    close();
    error_.clear();
    // RtMidi's ALSA API throws (or prints) without a sequencer: asked first.
    if (!MidiSystem::alsaSequencerHere()) {
        error_ = kNoSequencer;
        return false;
    }
    std::string problem;
    try {
        out_ = std::make_unique<RtMidiOut>(RtMidi::LINUX_ALSA, kClientName);
        out_->setErrorCallback(detail::keepError, &problem);
        if (destination.empty()) {
            out_->openVirtualPort(kPort);
            portName_ = std::string(kClientName) + ":" + kPort;
        } else {
            const unsigned found = detail::portContaining(*out_, destination);
            if (found == out_->getPortCount())
                problem = "MIDI clock: no ALSA MIDI port contains \"" +
                          detail::oneLine(destination) + "\"";
            else {
                portName_ = out_->getPortName(found);
                out_->openPort(found, kPort);
            }
        }
    } catch (const RtMidiError& e) {
        problem = e.getMessage();
    }
    if (problem.empty() && !(out_ && out_->isPortOpen())) problem = "the port did not open";
    if (!problem.empty()) {
        out_.reset();
        portName_.clear();
        error_ = problem.rfind("MIDI clock", 0) == 0
                     ? problem
                     : "MIDI clock (ALSA): " + detail::oneLine(problem);
        return false;
    }
    // From here only the clock thread touches out_: its errors go to sendError_.
    out_->setErrorCallback(detail::keepError, &sendError_);
    thread_.start();
    return true;
}

void AlsaClockPort::close() {
    thread_.stop();
    out_.reset();
    portName_.clear();
}

std::vector<std::string> AlsaClockPort::destinations() {
    if (!MidiSystem::alsaSequencerHere()) return {};
    return MidiOutput(MidiApi::Alsa).ports();
}

bool AlsaClockPort::send(const std::uint8_t* bytes, std::size_t size) {
    if (!out_) return false;
    sendError_.clear();
    try {
        out_->sendMessage(bytes, size);
    } catch (const RtMidiError&) {
        return false;
    }
    return sendError_.empty();
}

}  // namespace stemdeck::control::backend
