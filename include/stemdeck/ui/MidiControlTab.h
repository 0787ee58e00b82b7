#pragma once

#include <QPointer>
#include <QWidget>

#include "stemdeck/control/midi/MidiMappingFile.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace stemdeck::app {
class MidiDoor;
class Settings;
}  // namespace stemdeck::app
namespace stemdeck::remote {
class ControlHub;
}

namespace stemdeck::ui {

// Settings › Controls › MIDI (docs/design/CONTROL.md §4, §5): the MIDI door on/off (off by
// default), its input (a port the door sees, refreshed when they change, or "virtual"), its
// one-line status (or why MIDI is off: no MIDI system); the mapping's bindings as a table
// (action | source | mode | takeover | Learn | Remove: a fader's takeover, pick up or jump,
// chosen here and saved with the mapping) and Learn for a chosen action: the next note, CC or
// program change binds to it and is saved. Import… validates a mapping file before it
// replaces the one in use (a bad file: one line, nothing lost); Export… writes it out.
// "Send MIDI clock" (off by default) and the clock's output (a MIDI input the MIDI system
// lists, or "virtual") switch the window's MIDI clock out live, its status one line below.
// Applied at once through the ControlHub. GUI thread only.
class MidiControlTab : public QWidget {
    Q_OBJECT
  public:
    MidiControlTab(remote::ControlHub& hub, app::Settings& settings, QWidget* parent = nullptr);

    // What Import… and Export… do with the file chosen; false with the one line shown.
    bool importMapping(const QString& path);
    bool exportMapping(const QString& path);

  private:
    void apply();
    void applyClock();
    void fillClockOutputs();
    void followDoor();
    void refresh();
    void fillPorts(const QStringList& ports);
    void fillBindings();
    QComboBox* takeoverBox(std::size_t index, const control::midi::MidiBinding& binding);
    void learn(const QString& action);
    void say(const QString& line);
    control::midi::MidiMapping currentMapping() const;
    void storeMapping(control::midi::MidiMapping mapping);

    remote::ControlHub& hub_;
    app::Settings& settings_;
    QPointer<app::MidiDoor> door_;
    QString systemNote_;  // the MIDI system found, or why there is none
    QCheckBox* enabled_ = nullptr;
    QComboBox* input_ = nullptr;
    QLabel* status_ = nullptr;
    QComboBox* learnAction_ = nullptr;
    QPushButton* learn_ = nullptr;
    QTableWidget* bindings_ = nullptr;
    QLabel* message_ = nullptr;
    QCheckBox* clockEnabled_ = nullptr;
    QComboBox* clockOutput_ = nullptr;
    QLabel* clockStatus_ = nullptr;
};

}  // namespace stemdeck::ui
