#pragma once

#include <QDialog>
#include <QString>
#include <memory>

class QTabWidget;

namespace Ui {
class SettingsDialog;
}

namespace stemdeck::app {
class PlaybackManager;
class Settings;
}  // namespace stemdeck::app

namespace stemdeck::ui {

// Output device, sample rate, block size (the profiles' presets), output channels and
// per-stem routing (on a device with 4 or more outputs), the latency monitor, and how a vamp
// is released.
// Every change is saved and applied at once: the stream reopens keeping song, mix and
// position; the monitor switches without reopening anything. What the output ended up as (or
// why it fell back) is shown under the choices.
class SettingsDialog : public QDialog {
    Q_OBJECT
  public:
    SettingsDialog(app::Settings& settings, app::PlaybackManager& playback,
                   QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // Adds a page (Settings › Controls): with the first, the dialog's own choices become
    // its "Audio" page beside it. The dialog owns the page.
    void addPage(QWidget* page, const QString& title);

  private:
    void populate();
    // "Vamp release:" (Settings::vampRelease), saved at once; read at each release.
    void addVampChoice();
    void applyOutput();
    void showStatus();
    void showBlockDescription();
    // The saved rate, with the one "Device default" stands for.
    void showRate();
    // "All channels of the device (N)" for the chosen device.
    void labelChannelChoices();
    // One row per stem and the click, each with a combo of the open stream's output pairs.
    void rebuildRouting();

    std::unique_ptr<Ui::SettingsDialog> ui_;
    app::Settings& settings_;
    app::PlaybackManager& playback_;
    // Why the rate chosen last could not be used (said until the next change).
    QString rateNote_;
    QTabWidget* pages_ = nullptr;
};

}  // namespace stemdeck::ui
