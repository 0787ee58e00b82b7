#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "stemdeck/control/ControlPort.h"
#include "stemdeck/control/backend/MidiSystem.h"
#include "stemdeck/control/midi/MidiFeedback.h"
#include "stemdeck/control/midi/MidiLearn.h"
#include "stemdeck/control/midi/MidiMapper.h"
#include "stemdeck/control/midi/MidiMappingFile.h"

class QSocketNotifier;

namespace stemdeck::control::backend {
class MidiInput;
class MidiOutput;
}  // namespace stemdeck::control::backend

namespace stemdeck::app {

// What the MIDI door opens (the settings' values, or serve's --midi/--midi-map).
struct MidiDoorConfig {
    // The controller: part of a source port's name, or empty / "virtual" for a virtual input
    // stemdeck:control_in that the controller is connected to.
    std::string input;
    // Where feedback goes: part of a destination port's name, empty for a virtual port
    // stemdeck-feedback:feedback_out, "none" for no feedback. A mapping file's feedback_port
    // is used when this is empty.
    std::string feedback;
    // The controller's mapping file (docs/design/CONTROL.md §5); empty: in memory only. A file
    // that does not exist yet is created by the first learn.
    QString mappingPath;
    // Auto (MidiSystem::detect) unless set; tests and a settings choice may force one.
    std::optional<control::backend::MidiApi> api;
};

// The MIDI door (docs/design/CONTROL.md §4): a controller's notes, CCs and program changes
// run actions through the ControlPort (origin Midi), its LEDs and motor faders follow the
// state (MidiFeedback; the owner adds the door as a StateListener), and MIDI learn binds the
// next message to an action and saves the mapping. MidiInput's RtMidi callback fills a ring
// and an eventfd; a QSocketNotifier drains it here. A named controller that goes away is
// reopened when it comes back (the port list is polled every 2 s). No MIDI system: the door
// stays off with its note in status(), nothing thrown, nothing printed. Every method and
// signal: the control thread only.
class MidiDoor : public QObject, public control::StateListener {
    Q_OBJECT
  public:
    static constexpr int kPortPollMs = 2000;

    explicit MidiDoor(control::ControlPort& port, QObject* parent = nullptr);
    ~MidiDoor() override;

    // Closes what was open, loads the mapping and opens the input (and the feedback output).
    // True when the input is open; otherwise status() says why (a named controller that is
    // not there yet is waited for). Mapping problems are reported through problem().
    bool start(const MidiDoorConfig& config);
    void stop();
    bool isOpen() const;
    bool feedbackOpen() const;

    // One line for the settings or serve: "MIDI (jack): input …, feedback …, N bindings", the
    // "No MIDI system …" note, or why the controller is not open.
    QString status() const { return status_; }
    control::backend::MidiApi api() const { return api_; }
    // Messages received since start() (bound or not): an activity light for the settings.
    std::uint64_t messageCount() const { return messageCount_; }
    // The ports seen at the last poll (sources a controller can be opened from).
    QStringList inputPorts() const { return inputPorts_; }

    // The mapping in use (with learned bindings).
    const control::midi::MidiMapping& mapping() const { return mapping_; }
    // Replaces the mapping (an import, a binding removed in the settings) and saves it.
    void setMapping(control::midi::MidiMapping mapping);

    // MIDI learn: the next note, CC or program change binds to `action` with `args` (e.g.
    // {"stem": "drums"}); that message does not act. The binding replaces any other of the
    // same source, is added to the mapping and saved. False (and problem()) for an unknown action.
    bool startLearn(const QString& action,
                    const std::map<std::string, control::ParamValue>& args = {});
    void cancelLearn();
    bool learning() const { return learnAction_.has_value(); }

    // Sends the feedback of a changed state (ControlCenter calls it after each change).
    void stateChanged(const control::ControlState& before,
                      const control::ControlState& after) override;
    // Sends every feedback binding's current value (on connect and on a song change).
    void refreshFeedback();

  signals:
    void statusChanged(const QString& status);
    void learnStarted(const QString& action);
    // The binding was made: `source` reads "CC 64 ch 1", "note 36 ch 10", "program change".
    void learned(const QString& action, const QString& source);
    void learnCancelled();
    // One printable line: a refused action, a mapping problem, a save that failed.
    void problem(const QString& line);
    void portsChanged(const QStringList& inputs);

  private:
    void drain();
    void handle(const std::uint8_t* bytes, std::size_t size, std::int64_t receivedNs);
    void finishLearn(const control::midi::MidiLearn::Result& result);
    void pollLearn();
    void pollPorts();
    bool openInput();
    void openFeedback();
    void closeInput();
    void rebuild();  // mapper and feedback from mapping_
    void save();
    void setStatus(QString status);
    QString describe() const;
    void sendFeedback(const control::ControlState* before, const control::ControlState& after);
    // What `binding`'s target is now (its fader's pickup point), none for no such state.
    std::optional<double> targetValue(const control::midi::MidiBinding& binding) const;

    control::ControlPort& port_;
    MidiDoorConfig config_;
    control::backend::MidiApi api_ = control::backend::MidiApi::None;
    std::unique_ptr<control::backend::MidiInput> input_;
    std::unique_ptr<control::backend::MidiOutput> output_;
    QSocketNotifier* notifier_ = nullptr;
    control::midi::MidiMapping mapping_;
    std::unique_ptr<control::midi::MidiMapper> mapper_;
    std::unique_ptr<control::midi::MidiFeedback> feedback_;
    control::midi::MidiLearn learn_;
    std::optional<std::string> learnAction_;
    std::map<std::string, control::ParamValue> learnArgs_;
    QTimer learnTimer_;
    QTimer portTimer_;
    QStringList inputPorts_;
    QString status_;
    QString inputProblem_;
    std::uint64_t messageCount_ = 0;
    bool started_ = false;
};

}  // namespace stemdeck::app
