#pragma once

#include <QColor>
#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>
#include <memory>

#include "stemdeck/audio/device/LatencyMonitor.h"

namespace Ui {
class LatencyPanel;
}

namespace stemdeck::app {
class PlaybackManager;
}

namespace stemdeck::ui {

class FrameTick;

// The latency monitor: the engine's callback timing figures, refreshed a few times a second
// (on the window's FrameTick) while visible and while they move, with a history graph of the
// load and a reset button. GUI thread only.
class LatencyPanel : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kRefreshMs = 250;
    static constexpr double kOkBelowPct = 50.0;
    static constexpr double kWarnBelowPct = 80.0;

    explicit LatencyPanel(QWidget* parent = nullptr);
    ~LatencyPanel() override;

    // `tick` refreshes the figures while the panel is visible (none: only refresh() does).
    void setPlayback(app::PlaybackManager* playback, FrameTick* tick);
    // Reads the engine's figures now (the tick does this while the panel is visible).
    void refresh();
    // The panel follows the window's tick: visible, and playing or the figures still moving
    // (a paused panel wakes on a play, an output change or the monitor switched).
    bool following() const;
    // Green below 50 %, orange below 80 %, red from there.
    static QColor loadColor(double loadPct);

  protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

  private:
    void followTick();
    void showStats(const audio::LatencyStats& stats);

    std::unique_ptr<Ui::LatencyPanel> ui_;
    app::PlaybackManager* playback_ = nullptr;
    QPointer<FrameTick> tick_;
    QElapsedTimer sinceRefresh_;
    std::uint64_t lastCallbacks_ = 0;
};

}  // namespace stemdeck::ui
