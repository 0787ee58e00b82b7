// ControlHub's web remote and MIDI doors, kept apart from the OSC door's ControlHub.cpp.
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <stdexcept>

#include "stemdeck/app/Settings.h"
#include "stemdeck/app/control/ControlCenter.h"
#include "stemdeck/app/control/MidiDoor.h"
#include "stemdeck/remote/ControlHub.h"
#include "stemdeck/remote/HttpDoor.h"
#include "stemdeck/remote/RemotePage.h"
#include "stemdeck/remote/TokenCheck.h"

namespace stemdeck::remote {

namespace {

// A fresh token, or empty when the system has none to give (the door then stays closed
// with its one line: no token).
QString freshToken() {
    try {
        return generateToken();
    } catch (const std::runtime_error&) {
        return {};
    }
}

}  // namespace

void ControlHub::ensureRemoteTokens(app::Settings& settings) {
    // Generated once and kept: a phone's bookmark goes on working after a restart.
    if (!settings.remoteToken().isEmpty() && !settings.remoteReadToken().isEmpty()) return;
    if (settings.remoteToken().isEmpty()) settings.setRemoteToken(freshToken());
    if (settings.remoteReadToken().isEmpty()) settings.setRemoteReadToken(freshToken());
    settings.sync();
}

ControlHub::HttpConfig ControlHub::httpConfig(app::Settings& settings) {
    if (settings.remoteEnabled()) ensureRemoteTokens(settings);
    return {settings.remoteEnabled(), settings.remoteAddress(), settings.remotePort(),
            settings.remoteToken(), settings.remoteReadToken()};
}

ControlHub::MidiConfig ControlHub::midiConfig(const app::Settings& settings) {
    return {settings.midiEnabled(), settings.midiInput(), settings.midiMappingPath()};
}

bool ControlHub::applyHttp(const HttpConfig& config) {
    const bool sameTokens =
        config.token == httpConfig_.token && config.readToken == httpConfig_.readToken;
    const bool samePlace = config.address.trimmed() == httpConfig_.address.trimmed() &&
                           config.port == httpConfig_.port;
    if (httpOpen() && config.enabled && samePlace && sameTokens) return true;
    // New tokens alone: the same port again (a port 0 door keeps the one it was given).
    const int port = httpOpen() && config.enabled && samePlace ? httpPort() : config.port;
    httpConfig_ = config;
    closeHttp();
    httpFailed_ = false;
    bool opened = true;
    if (!config.enabled) {
        httpStatus_ = tr("Off");
    } else {
        const QHostAddress address(config.address.trimmed());
        QString error;
        if (address.isNull()) {
            error =
                tr("Web remote: %1 is not an IP address").arg(config.address.trimmed().left(64));
        } else if (port < 0 || port > 65535) {
            error = tr("Web remote: port %1 is not between 1 and 65535").arg(port);
        } else {
            auto door = std::make_unique<HttpDoor>(center_);
            if (door->start(address, static_cast<quint16>(port), config.token, config.readToken,
                            &error)) {
                http_ = std::move(door);
                center_.addListener(http_.get());
                httpStatus_ = tr("Web remote on http://%1:%2/")
                                  .arg(address.protocol() == QAbstractSocket::IPv6Protocol
                                           ? QStringLiteral("[%1]").arg(address.toString())
                                           : address.toString())
                                  .arg(http_->port());
            }
        }
        if (!http_) {
            httpFailed_ = true;
            opened = false;
            httpStatus_ = error;  // one line, "web remote: cannot listen on …"
        }
    }
    emit httpChanged();
    return opened;
}

bool ControlHub::httpOpen() const {
    return http_ && http_->isListening();
}

quint16 ControlHub::httpPort() const {
    return http_ ? http_->port() : 0;
}

QStringList ControlHub::httpUrls(bool readOnly) const {
    if (!httpOpen()) return {};
    return remotePageUrls(http_->address(), http_->port(),
                          readOnly ? httpConfig_.readToken : httpConfig_.token);
}

void ControlHub::regenerateToken(app::Settings& settings, bool readOnly) {
    const QString token = freshToken();
    if (token.isEmpty()) return;
    if (readOnly)
        settings.setRemoteReadToken(token);
    else
        settings.setRemoteToken(token);
    settings.sync();
    HttpConfig next = httpConfig_;
    (readOnly ? next.readToken : next.token) = token;
    applyHttp(next);
}

void ControlHub::closeHttp() {
    if (!http_) return;
    center_.removeListener(http_.get());
    http_->stop();
    http_.reset();
}

bool ControlHub::applyMidi(const MidiConfig& config) {
    const bool same = config.input.trimmed() == midiConfig_.input.trimmed() &&
                      config.mappingPath == midiConfig_.mappingPath;
    // Restarting the door as it is would drop the controller for a moment.
    if (midi_ && config.enabled && same) return midi_->isOpen();
    midiConfig_ = config;
    closeMidi();
    if (config.enabled) {
        midi_ = std::make_unique<app::MidiDoor>(center_);
        connect(midi_.get(), &app::MidiDoor::statusChanged, this, &ControlHub::midiChanged);
        connect(midi_.get(), &app::MidiDoor::problem, this, &ControlHub::midiProblem);
        app::MidiDoorConfig door;
        const QString input = config.input.trimmed();
        door.input = input.compare(QLatin1String("virtual"), Qt::CaseInsensitive) == 0
                         ? std::string()
                         : input.toStdString();
        door.mappingPath = config.mappingPath;
        // The first learn creates the file, not its folder (<AppData>/midi on a first run).
        if (!config.mappingPath.isEmpty())
            QDir().mkpath(QFileInfo(config.mappingPath).absolutePath());
        midi_->start(door);
        center_.addListener(midi_.get());
    }
    emit midiChanged();
    return midi_ && midi_->isOpen();
}

QString ControlHub::midiStatus() const {
    return midi_ ? midi_->status() : tr("Off");
}

bool ControlHub::midiOpen() const {
    return midi_ && midi_->isOpen();
}

void ControlHub::closeMidi() {
    if (!midi_) return;
    center_.removeListener(midi_.get());
    midi_->stop();
    midi_.reset();
}

}  // namespace stemdeck::remote
