#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <string>
#include <vector>

namespace stemdeck::audio {
class Engine;
}
namespace stemdeck::control::backend {
class AlsaClockPort;
class JackClockPort;
}  // namespace stemdeck::control::backend

namespace stemdeck::app {

// MIDI clock out (issue 13, door 2; docs/design/CONTROL.md §6): switches the engine's clock
// anchor on and sends 24 ppqn clock, Start/Stop/Continue and Song Position Pointer from the
// port stemdeck-clock:clock_out, connected to the destination asked for: on JACK
// (JackClockPort, frame-exact from JACK's cycle) when a server answers, else on the ALSA
// sequencer (AlsaClockPort, from a clock thread); "alsa:NAME" asks for ALSA. Neither there: the
// door stays off with one line in status(). Every method: the control thread.
class MidiClockDoor : public QObject {
    Q_OBJECT
  public:
    // `engine` must outlive the door.
    explicit MidiClockDoor(audio::Engine& engine, QObject* parent = nullptr);
    ~MidiClockDoor() override;

    // `destination`: "virtual" or empty for the port alone (a synth or DAW connects to it),
    // else part of a JACK MIDI input port's name (the first that contains it), or "alsa:" and
    // part of an ALSA port's name ("alsa:" alone: the ALSA virtual port). Closes what
    // was open first. True when the port is open and, if one was named, connected; otherwise
    // status() says why and the door is off.
    bool start(const std::string& destination);
    void stop();
    bool isOpen() const;
    // One line: "MIDI clock out: stemdeck-clock:clock_out → synth:midi_in", or why not.
    QString status() const { return status_; }
    // Messages sent since start().
    std::uint64_t sentCount() const;
    // The outputs start() takes: JACK MIDI inputs when a server answers, and ALSA ports as
    // "alsa:NAME" when there is a sequencer. It may open a MIDI client for a moment.
    static std::vector<std::string> outputs();

  signals:
    void statusChanged(const QString& status);

  private:
    void setStatus(const QString& status);
    bool startAlsa(const std::string& destination);

    audio::Engine& engine_;
    std::unique_ptr<control::backend::JackClockPort> port_;
    std::unique_ptr<control::backend::AlsaClockPort> alsa_;
    QString status_ = QStringLiteral("MIDI clock out: off");
};

}  // namespace stemdeck::app
