#pragma once

#include <QDialog>
#include <memory>

#include "stemdeck/app/ExportJob.h"

namespace Ui {
class ExportDialog;
}

namespace stemdeck::app {
class PlaybackManager;
}

namespace stemdeck::ui {

// File › Export mix…: writes the current song with the current mix to a WAV or FLAC file,
// optionally at the current tempo and pitch, only the A-B loop N times, and with the click.
// The export runs on a worker (app::ExportJob) while playback goes on; the dialog shows its
// progress, can cancel it, and says what went wrong, keeping every choice for another try.
class ExportDialog : public QDialog {
    Q_OBJECT
  public:
    explicit ExportDialog(const app::PlaybackManager& playback, QWidget* parent = nullptr);
    ~ExportDialog() override;

    // The running (or last) export, or null: for tests and for whoever wants its signals.
    app::ExportJob* job() const { return job_.get(); }

  signals:
    // A job is about to start (connect directly to watch it from its first step).
    void exportStarted(stemdeck::app::ExportJob* job);
    // Whether the export finished writing, and the message shown for it.
    void exportFinished(bool ok, const QString& message);

  protected:
    void reject() override;  // closing the dialog cancels a running export

  private:
    void chooseFile();
    void startExport();
    void onFinished(bool ok, const QString& message);
    void formatChanged();
    void fileEdited();
    void showLoopState();
    void setRunning(bool running);
    void showMessage(const QString& text, bool problem);
    app::ExportChoices choices() const;

    std::unique_ptr<Ui::ExportDialog> ui_;
    const app::PlaybackManager& playback_;
    std::unique_ptr<app::ExportJob> job_;
};

}  // namespace stemdeck::ui
