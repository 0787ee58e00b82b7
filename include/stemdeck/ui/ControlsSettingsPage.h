#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace stemdeck::app {
class Settings;
}
namespace stemdeck::remote {
class ControlHub;
}

namespace stemdeck::ui {

class ControlKeys;

// Settings › Controls (docs/design/CONTROL.md §4), a page of the settings dialog:
// - Keys: action | keys | default | reset, one row per binding; a key is changed with a
//   QKeySequenceEdit (its first key: the others stay), one taken by another action is refused
//   with one line; Reset All. Saved and applied at once (ControlKeys).
// - OSC: the door on/off (off by default), address (127.0.0.1; a warning for every address),
//   port; applied at once through the ControlHub, whose one-line status (listening, or why
//   not) shows under it.
// - MIDI: the MIDI door and its bindings (MidiControlTab).
// - Web: the web remote, its tokens, addresses and QR code (WebRemoteTab).
// GUI thread only.
class ControlsSettingsPage : public QWidget {
    Q_OBJECT
  public:
    ControlsSettingsPage(ControlKeys& keys, remote::ControlHub& hub, app::Settings& settings,
                         QWidget* parent = nullptr);

  private:
    QWidget* makeKeysTab();
    QWidget* makeOscTab();
    void fillKeys();
    void applyOsc();
    void showOsc();
    void say(const QString& message);

    ControlKeys& keys_;
    remote::ControlHub& hub_;
    app::Settings& settings_;
    QTableWidget* keysTable_ = nullptr;
    QLabel* keysMessage_ = nullptr;
    QCheckBox* oscEnabled_ = nullptr;
    QLineEdit* oscAddress_ = nullptr;
    QSpinBox* oscPort_ = nullptr;
    QLabel* oscWarning_ = nullptr;
    QLabel* oscStatus_ = nullptr;
};

}  // namespace stemdeck::ui
