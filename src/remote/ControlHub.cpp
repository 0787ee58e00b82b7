#include "stemdeck/remote/ControlHub.h"

#include <QHostAddress>

#include "stemdeck/app/Settings.h"
#include "stemdeck/app/control/ControlCenter.h"
#include "stemdeck/app/control/MidiClockDoor.h"
#include "stemdeck/app/control/MidiDoor.h"
#include "stemdeck/remote/HttpDoor.h"
#include "stemdeck/remote/OscDoor.h"

namespace stemdeck::remote {

ControlHub::ControlHub(app::ControlCenter& center, QObject* parent)
    : QObject(parent),
      center_(center),
      oscStatus_(tr("Off")),
      httpStatus_(tr("Off")),
      clockStatus_(QStringLiteral("MIDI clock out: off")) {}

ControlHub::~ControlHub() {
    closeOsc();
    closeHttp();
    closeMidi();
    closeClock();
}

ControlHub::OscConfig ControlHub::oscConfig(const app::Settings& settings) {
    return {settings.oscEnabled(), settings.oscAddress(), settings.oscPort()};
}

void ControlHub::applySettings(app::Settings& settings) {
    applyOsc(oscConfig(settings));
    applyHttp(httpConfig(settings));
    applyMidi(midiConfig(settings));
    applyClock(clockConfig(settings));
}

bool ControlHub::applyOsc(const OscConfig& config) {
    // The door open as asked already: reopening it would drop its subscribers.
    if (oscOpen() && config.enabled && config.address.trimmed() == oscConfig_.address.trimmed() &&
        config.port == oscConfig_.port)
        return true;
    oscConfig_ = config;
    closeOsc();
    oscFailed_ = false;
    bool opened = true;
    if (!config.enabled) {
        oscStatus_ = tr("Off");
    } else {
        const QHostAddress address(config.address.trimmed());
        QString error;
        if (address.isNull()) {
            error = tr("OSC: %1 is not an IP address").arg(config.address.trimmed().left(64));
        } else if (config.port < 0 || config.port > 65535) {
            error = tr("OSC: port %1 is not between 1 and 65535").arg(config.port);
        } else {
            auto door = std::make_unique<OscDoor>(center_);
            if (door->start(address, static_cast<quint16>(config.port), &error)) {
                osc_ = std::move(door);
                center_.addListener(osc_.get());
                oscStatus_ =
                    tr("Listening on udp://%1:%2").arg(address.toString()).arg(osc_->port());
            }
        }
        if (!osc_) {
            oscFailed_ = true;
            opened = false;
            oscStatus_ = error;  // one line, "OSC: cannot listen on …"
        }
    }
    emit oscChanged();
    return opened;
}

bool ControlHub::oscOpen() const {
    return osc_ && osc_->isListening();
}

quint16 ControlHub::oscPort() const {
    return osc_ ? osc_->port() : 0;
}

void ControlHub::closeOsc() {
    if (!osc_) return;
    center_.removeListener(osc_.get());
    osc_->stop();
    osc_.reset();
}

}  // namespace stemdeck::remote
