#include "stemdeck/app/control/MidiClockDoor.h"

#include "stemdeck/audio/Engine.h"
#include "stemdeck/control/backend/JackClockPort.h"

namespace stemdeck::app {

MidiClockDoor::MidiClockDoor(audio::Engine& engine, QObject* parent)
    : QObject(parent), engine_(engine) {}

MidiClockDoor::~MidiClockDoor() {
    stop();
}

bool MidiClockDoor::start(const std::string& destination) {
    stop();
    auto port = std::make_unique<control::backend::JackClockPort>(engine_.clockAnchors());
    if (!port->open()) {
        setStatus(QString::fromStdString(port->error()) +
                  QStringLiteral(" (MIDI clock out runs on JACK only)"));
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

void MidiClockDoor::stop() {
    if (!port_) return;
    port_->close();
    port_.reset();
    engine_.setClockAnchorEnabled(false);
    setStatus(QStringLiteral("MIDI clock out: off"));
}

bool MidiClockDoor::isOpen() const {
    return port_ != nullptr;
}

std::uint64_t MidiClockDoor::sentCount() const {
    return port_ ? port_->sentCount() : 0;
}

void MidiClockDoor::setStatus(const QString& status) {
    if (status == status_) return;
    status_ = status;
    emit statusChanged(status_);
}

}  // namespace stemdeck::app
