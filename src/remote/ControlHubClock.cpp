// ControlHub's MIDI clock out: the window owns the clock as `stemdeck-cli serve --clock-out`
// does (the same app::MidiClockDoor), switched live from Settings › MIDI.
#include "stemdeck/app/Settings.h"
#include "stemdeck/app/control/MidiClockDoor.h"
#include "stemdeck/remote/ControlHub.h"

namespace stemdeck::remote {

ControlHub::ClockConfig ControlHub::clockConfig(const app::Settings& settings) {
    return {settings.midiClockEnabled(), settings.midiClockOutput()};
}

bool ControlHub::applyClock(const ClockConfig& config) {
    // Reopening the clock as it is would send the receiver a Stop and lose its place.
    if (clock_ && clock_->isOpen() && config.enabled &&
        config.output.trimmed() == clockConfig_.output.trimmed())
        return true;
    clockConfig_ = config;
    closeClock();
    clockFailed_ = false;
    if (!config.enabled) {
        setClockStatus(QStringLiteral("MIDI clock out: off"));
        return false;
    }
    if (!clockEngine_) {
        clockFailed_ = true;
        setClockStatus(QStringLiteral("MIDI clock out: no engine to follow"));
        return false;
    }
    auto door = std::make_unique<app::MidiClockDoor>(*clockEngine_);
    const QString output = config.output.trimmed();
    const bool opened = door->start(
        output.compare(QLatin1String("virtual"), Qt::CaseInsensitive) == 0 ? std::string()
                                                                           : output.toStdString());
    const QString status = door->status();
    if (opened) clock_ = std::move(door);
    clockFailed_ = !opened;
    setClockStatus(status);
    return opened;
}

bool ControlHub::clockOpen() const {
    return clock_ && clock_->isOpen();
}

QStringList ControlHub::clockOutputs() {
    QStringList names;
    for (const std::string& name : app::MidiClockDoor::outputs())
        names << QString::fromStdString(name);
    return names;
}

void ControlHub::closeClock() {
    if (!clock_) return;
    clock_->stop();
    clock_.reset();
}

// Emitted on every apply, a failure repeated too: the window says it each time it is asked.
void ControlHub::setClockStatus(const QString& status) {
    clockStatus_ = status;
    emit clockChanged();
}

}  // namespace stemdeck::remote
