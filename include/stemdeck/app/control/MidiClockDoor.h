#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <string>

namespace stemdeck::audio {
class Engine;
}
namespace stemdeck::control::backend {
class JackClockPort;
}

namespace stemdeck::app {

// MIDI clock out (issue 13, door 2; docs/design/CONTROL.md §6): switches the engine's clock
// anchor on and sends 24 ppqn clock, Start/Stop/Continue and Song Position Pointer from the
// port stemdeck-clock:clock_out (JackClockPort), connected to the destination asked for.
// JACK only: without a JACK server the door stays off with one line in status() (the ALSA
// sender is not built). Every method: the control thread.
class MidiClockDoor : public QObject {
    Q_OBJECT
  public:
    // `engine` must outlive the door.
    explicit MidiClockDoor(audio::Engine& engine, QObject* parent = nullptr);
    ~MidiClockDoor() override;

    // `destination`: "virtual" or empty for the port alone (a synth or DAW connects to it),
    // else part of a JACK MIDI input port's name (the first that contains it). Closes what
    // was open first. True when the port is open and, if one was named, connected; otherwise
    // status() says why and the door is off.
    bool start(const std::string& destination);
    void stop();
    bool isOpen() const;
    // One line: "MIDI clock out: stemdeck-clock:clock_out → synth:midi_in", or why not.
    QString status() const { return status_; }
    // Messages sent since start().
    std::uint64_t sentCount() const;

  signals:
    void statusChanged(const QString& status);

  private:
    void setStatus(const QString& status);

    audio::Engine& engine_;
    std::unique_ptr<control::backend::JackClockPort> port_;
    QString status_ = QStringLiteral("MIDI clock out: off");
};

}  // namespace stemdeck::app
