#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace stemdeck::app {
class PlaybackManager;
}

namespace stemdeck::ui {

// The right end of the status bar: a song's loading progress with its Cancel button, and what
// the audio output really does ("● JACK: system · 48 kHz · 128-frame blocks · 21.3 ms output
// latency"), green when all is well, orange when the output fell back, red when there is none.
// A click on the output opens the audio settings (outputClicked). While the transport waits
// for a song still decoding to catch up, "Buffering…" shows before the output. GUI thread.
class StatusLine : public QWidget {
    Q_OBJECT
  public:
    explicit StatusLine(app::PlaybackManager& playback, QWidget* parent = nullptr);

    void showLoading(bool loading);
    // The output as the PlaybackManager has it now.
    void showOutput();
    QString outputText() const;
    // "Buffering…" while the PlaybackManager says the transport waits for decoding.
    void showBuffering(bool buffering);

  signals:
    void outputClicked();

  private:
    app::PlaybackManager& playback_;
    QProgressBar* loadBar_;
    QToolButton* cancelButton_;
    QToolButton* outputButton_;
    QLabel* bufferingLabel_;
};

}  // namespace stemdeck::ui
