#include "stemdeck/app/control/MidiClockDoor.h"

#include <string_view>

#include "stemdeck/audio/Engine.h"
#include "stemdeck/control/backend/AlsaClockPort.h"
#include "stemdeck/control/backend/JackClockPort.h"
#include "stemdeck/control/backend/MidiOutput.h"
#include "stemdeck/control/backend/MidiSystem.h"

namespace stemdeck::app {

MidiClockDoor::MidiClockDoor(audio::Engine& engine, QObject* parent)
    : QObject(parent), engine_(engine) {}

MidiClockDoor::~MidiClockDoor() {
    stop();
}

bool MidiClockDoor::start(const std::string& destination) {
    stop();
    constexpr std::string_view kAlsa = "alsa:";
    if (destination.starts_with(kAlsa)) return startAlsa(destination.substr(kAlsa.size()));
    auto port = std::make_unique<control::backend::JackClockPort>(engine_.clockAnchors());
    if (!port->open()) {
        // No JACK: the ALSA sequencer, when there is one.
        if (control::backend::MidiSystem::alsaSequencerHere()) return startAlsa(destination);
        setStatus(QString::fromStdString(port->error()) + QStringLiteral("; ") +
                  QString::fromLatin1(control::backend::AlsaClockPort::kNoSequencer));
        return false;
    }
    std::string target;
    if (!destination.empty() && destination != "virtual") {
        for (const std::string& name : port->destinations())
            if (name.find(destination) != std::string::npos) {
                target = name;
                break;
            }
        if (target.empty()) {
            setStatus(QStringLiteral("MIDI clock out: no JACK MIDI input port contains \"%1\"")
                          .arg(QString::fromStdString(destination)));
            return false;
        }
        if (!port->connectTo(target)) {
            setStatus(QString::fromStdString(port->error()));
            return false;
        }
    }
    // The anchor first costs the callback a little: on only while a port sends.
    engine_.setClockAnchorEnabled(true);
    const QString name = QString::fromStdString(port->portName());
    port_ = std::move(port);
    setStatus(
        target.empty()
            ? QStringLiteral("MIDI clock out: %1 (connect a MIDI input to it)").arg(name)
            : QStringLiteral("MIDI clock out: %1 → %2").arg(name, QString::fromStdString(target)));
    return true;
}

bool MidiClockDoor::startAlsa(const std::string& destination) {
    auto port = std::make_unique<control::backend::AlsaClockPort>(engine_.clockAnchors());
    // The anchor before the clock thread's first read.
    engine_.setClockAnchorEnabled(true);
    if (!port->open(destination == "virtual" ? std::string() : destination)) {
        engine_.setClockAnchorEnabled(false);
        setStatus(QString::fromStdString(port->error()));
        return false;
    }
    alsa_ = std::move(port);
    setStatus(
        QStringLiteral("MIDI clock out (ALSA): %1").arg(QString::fromStdString(alsa_->portName())));
    return true;
}

std::vector<std::string> MidiClockDoor::outputs() {
    std::vector<std::string> names;
    if (control::backend::MidiSystem::jackServerAnswers())
        names = control::backend::MidiOutput(control::backend::MidiApi::Jack).ports();
    for (const std::string& name : control::backend::AlsaClockPort::destinations())
        names.push_back("alsa:" + name);
    return names;
}

void MidiClockDoor::stop() {
    if (alsa_) {
        alsa_->close();
        alsa_.reset();
        engine_.setClockAnchorEnabled(false);
        setStatus(QStringLiteral("MIDI clock out: off"));
    }
    if (!port_) return;
    port_->close();
    port_.reset();
    engine_.setClockAnchorEnabled(false);
    setStatus(QStringLiteral("MIDI clock out: off"));
}

bool MidiClockDoor::isOpen() const {
    return port_ != nullptr || alsa_ != nullptr;
}

std::uint64_t MidiClockDoor::sentCount() const {
    return port_ ? port_->sentCount() : alsa_ ? alsa_->sentCount() : 0;
}

void MidiClockDoor::setStatus(const QString& status) {
    if (status == status_) return;
    status_ = status;
    emit statusChanged(status_);
}

}  // namespace stemdeck::app
