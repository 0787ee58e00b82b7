// The control layer's settings (keys, the OSC, MIDI and web doors), kept apart from Settings.cpp.
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include "stemdeck/app/Settings.h"

namespace stemdeck::app {

namespace {

QString keysKey(const QString& binding) {
    return QStringLiteral("%1/%2").arg(QLatin1String(Settings::kKeysGroup), binding);
}

// Only what QSettings writes for a bool (and 1/0) counts: a damaged value is the default.
bool strictBool(const QVariant& value, bool fallback) {
    if (value.typeId() == QMetaType::Bool) return value.toBool();
    const QString text = value.toString();
    if (text == QLatin1String("true") || text == QLatin1String("1")) return true;
    if (text == QLatin1String("false") || text == QLatin1String("0")) return false;
    return fallback;
}

const QString kLocalhost = QStringLiteral("127.0.0.1");

// An IP address in text, roughly: the app layer has no QtNetwork, the OSC door parses it for
// good (and says so when it is not this machine's). Dotted IPv4, or IPv6's hex and colons.
bool looksLikeAddress(const QString& text) {
    if (text.isEmpty() || text.size() > 45) return false;
    if (text.contains(QLatin1Char(':'))) {
        for (const QChar c : text)
            if (!(c.isDigit() || c == QLatin1Char(':') || c == QLatin1Char('.') ||
                  (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f'))))
                return false;
        return true;
    }
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4) return false;
    for (const QString& part : parts) {
        bool ok = false;
        const int n = part.toInt(&ok);
        if (!ok || part.isEmpty() || part.size() > 3 || n < 0 || n > 255) return false;
    }
    return true;
}

// The tokens the web remote takes (README "Tokens"): 8 to 256 of A-Z a-z 0-9 . _ ~ -.
bool isToken(const QString& text) {
    if (text.size() < 8 || text.size() > 256) return false;
    for (const QChar c : text)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') &&
            c != QLatin1Char('_') && c != QLatin1Char('.') && c != QLatin1Char('~'))
            return false;
    return true;
}

bool isPort(int port) {
    return port >= 1 && port <= 65535;
}

}  // namespace

std::optional<QStringList> Settings::keyBinding(const QString& binding) const {
    const QString key = keysKey(binding);
    if (binding.isEmpty() || !settings_->contains(key)) return std::nullopt;
    const QVariant value = settings_->value(key);
    // QSettings reads a one-element list back as a plain string, and "" as an empty one.
    QStringList keys = value.typeId() == QMetaType::QStringList ? value.toStringList()
                                                                : QStringList{value.toString()};
    QStringList out;
    for (const QString& text : keys) {
        const QString clean = text.trimmed();
        if (clean.isEmpty() || clean.size() > kMaxKeyTextLength || out.contains(clean)) continue;
        out.append(clean);
        if (out.size() == kMaxKeysPerBinding) break;
    }
    return out;
}

void Settings::setKeyBinding(const QString& binding, const QStringList& keys) {
    if (binding.isEmpty()) return;
    QStringList kept;
    for (const QString& text : keys)
        if (!text.isEmpty() && text.size() <= kMaxKeyTextLength && kept.size() < kMaxKeysPerBinding)
            kept.append(text);
    // An explicit empty string: "no keys", told apart from "never set" (the defaults).
    if (kept.isEmpty())
        settings_->setValue(keysKey(binding), QString());
    else
        settings_->setValue(keysKey(binding), kept);
}

void Settings::resetKeyBinding(const QString& binding) {
    if (!binding.isEmpty()) settings_->remove(keysKey(binding));
}

bool Settings::oscEnabled() const {
    return strictBool(settings_->value(kOscEnabledKey), false);
}

void Settings::setOscEnabled(bool on) {
    settings_->setValue(kOscEnabledKey, on);
}

QString Settings::oscAddress() const {
    const QString text = settings_->value(kOscAddressKey).toString().trimmed();
    return looksLikeAddress(text) ? text : kLocalhost;
}

bool Settings::setOscAddress(const QString& address) {
    const QString text = address.trimmed();
    if (!looksLikeAddress(text)) return false;
    settings_->setValue(kOscAddressKey, text);
    return true;
}

int Settings::oscPort() const {
    bool ok = false;
    const int port = settings_->value(kOscPortKey).toInt(&ok);
    return ok && port >= 1 && port <= 65535 ? port : kDefaultOscPort;
}

bool Settings::setOscPort(int port) {
    if (port < 1 || port > 65535) return false;
    settings_->setValue(kOscPortKey, port);
    return true;
}

bool Settings::midiEnabled() const {
    return strictBool(settings_->value(kMidiEnabledKey), false);
}

void Settings::setMidiEnabled(bool on) {
    settings_->setValue(kMidiEnabledKey, on);
}

QString Settings::midiInput() const {
    const QString text = settings_->value(kMidiInputKey).toString().trimmed();
    return text.isEmpty() || text.size() > kMaxMidiTextLength ? QStringLiteral("virtual") : text;
}

bool Settings::setMidiInput(const QString& input) {
    const QString text = input.trimmed();
    if (text.isEmpty() || text.size() > kMaxMidiTextLength) return false;
    settings_->setValue(kMidiInputKey, text);
    return true;
}

bool Settings::midiClockEnabled() const {
    return strictBool(settings_->value(kMidiClockEnabledKey), false);
}

void Settings::setMidiClockEnabled(bool on) {
    settings_->setValue(kMidiClockEnabledKey, on);
}

QString Settings::midiClockOutput() const {
    const QString text = settings_->value(kMidiClockOutputKey).toString().trimmed();
    return text.isEmpty() || text.size() > kMaxMidiTextLength ? QStringLiteral("virtual") : text;
}

bool Settings::setMidiClockOutput(const QString& output) {
    const QString text = output.trimmed();
    if (text.isEmpty() || text.size() > kMaxMidiTextLength) return false;
    settings_->setValue(kMidiClockOutputKey, text);
    return true;
}

QString Settings::defaultMidiMappingPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("midi/default.json"));
}

QString Settings::midiMappingPath() const {
    const QString text = settings_->value(kMidiMappingKey).toString();
    return text.size() <= kMaxMidiTextLength && QDir::isAbsolutePath(text)
               ? text
               : defaultMidiMappingPath();
}

bool Settings::setMidiMappingPath(const QString& path) {
    if (path.size() > kMaxMidiTextLength || !QDir::isAbsolutePath(path)) return false;
    settings_->setValue(kMidiMappingKey, QDir::cleanPath(path));
    return true;
}

bool Settings::remoteEnabled() const {
    return strictBool(settings_->value(kRemoteEnabledKey), false);
}

void Settings::setRemoteEnabled(bool on) {
    settings_->setValue(kRemoteEnabledKey, on);
}

QString Settings::remoteAddress() const {
    const QString text = settings_->value(kRemoteAddressKey).toString().trimmed();
    return looksLikeAddress(text) ? text : kLocalhost;
}

bool Settings::setRemoteAddress(const QString& address) {
    const QString text = address.trimmed();
    if (!looksLikeAddress(text)) return false;
    settings_->setValue(kRemoteAddressKey, text);
    return true;
}

int Settings::remotePort() const {
    bool ok = false;
    const int port = settings_->value(kRemotePortKey).toInt(&ok);
    return ok && isPort(port) ? port : kDefaultRemotePort;
}

bool Settings::setRemotePort(int port) {
    if (!isPort(port)) return false;
    settings_->setValue(kRemotePortKey, port);
    return true;
}

QString Settings::remoteToken() const {
    const QString text = settings_->value(kRemoteTokenKey).toString();
    return isToken(text) ? text : QString();
}

bool Settings::setRemoteToken(const QString& token) {
    if (!isToken(token)) return false;
    settings_->setValue(kRemoteTokenKey, token);
    return true;
}

QString Settings::remoteReadToken() const {
    const QString text = settings_->value(kRemoteReadTokenKey).toString();
    return isToken(text) ? text : QString();
}

bool Settings::setRemoteReadToken(const QString& token) {
    if (!isToken(token)) return false;
    settings_->setValue(kRemoteReadTokenKey, token);
    return true;
}

}  // namespace stemdeck::app
