#pragma once

#include <QFrame>
#include <memory>

class QAction;

namespace Ui {
class TransportBar;
}

namespace stemdeck::ui {

// Song title, transport buttons, position / length and the seek slider. The buttons are
// views of the main window's actions (same shortcuts, tooltips and enabled state). The
// position repaints only what changed (the time's text, the slider's handle by a pixel).
// GUI thread only.
class TransportBar : public QFrame {
    Q_OBJECT
  public:
    explicit TransportBar(QWidget* parent = nullptr);
    ~TransportBar() override;

    void setTransportActions(QAction* toStart, QAction* playPause, QAction* stop);
    // The loop on/off button (checkable action).
    void setLoopAction(QAction* loop);
    void setZoomActions(QAction* zoomOut, QAction* zoomFit, QAction* zoomIn);

    void showSong(const QString& title, const QString& details);
    void showDuration(double seconds);
    void showPosition(double seconds);
    // "Count-in 3" while the count-in plays, in place of the song's length; hidden at 0.
    void showCountIn(int beatsLeft);

  signals:
    void seekRequested(double seconds);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    // The title and details, cut with "…" to the width the bar gives them.
    void elideSong();
    void holdTimeLabelSize();

    std::unique_ptr<Ui::TransportBar> ui_;
    QString title_ = tr("No song");
    QString details_;
    double duration_ = 0.0;
};

}  // namespace stemdeck::ui
