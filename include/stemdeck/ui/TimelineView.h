#pragma once

#include <QAbstractScrollArea>
#include <QColor>
#include <QPixmap>
#include <QString>
#include <memory>
#include <vector>

#include "stemdeck/app/WaveformPeaks.h"

namespace stemdeck::ui {

// The song over time: a ruler, one waveform lane per stem, and the playhead. Click or drag
// anywhere to seek (also while playing); Ctrl+wheel zooms around the mouse, the wheel
// scrolls. Waveforms come from the peak pyramids computed when the song was loaded; the
// lanes are drawn into a cached pixmap that is redrawn only when the view changes, so
// moving the playhead costs one blit.
class TimelineView : public QAbstractScrollArea {
    Q_OBJECT
  public:
    static constexpr int kRulerHeight = 24;
    static constexpr double kZoomStep = 1.5;
    static constexpr double kMaxPixelsPerSecond = 1000.0;

    struct Lane {
        QString name;
        QColor color;
    };

    explicit TimelineView(QWidget* parent = nullptr);

    // `peaks` holds one pyramid per lane.
    void setSong(std::vector<Lane> lanes,
                 std::shared_ptr<const std::vector<app::WaveformPeaks>> peaks, double duration);
    // Silent stems (muted, or not soloed while another is) are drawn grey.
    void setAudible(const std::vector<bool>& audible);
    void setPosition(double seconds);
    // While playing, the view pages along when the playhead runs off its right edge.
    void setPlaying(bool playing);
    double position() const { return position_; }
    int laneCount() const { return static_cast<int>(lanes_.size()); }

    double pixelsPerSecond() const { return pixelsPerSecond_; }
    // Zooms keeping the time under viewport x `anchor` where it is.
    void setPixelsPerSecond(double pixelsPerSecond, int anchor = 0);
    bool fitsSong() const { return fit_; }
    // Viewport coordinates <-> song time.
    double secondsAt(double x) const;
    double xAt(double seconds) const;

    void zoomIn();
    void zoomOut();
    void zoomToFit();

  signals:
    void seekRequested(double seconds);

  protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

  private:
    double fitPixelsPerSecond() const;
    int zoomAnchor() const;
    void updateScrollRange();
    void invalidate();
    void seekTo(double x);
    void renderCache();
    void drawRuler(QPainter& p) const;
    void drawLane(QPainter& p, int index, const QRect& area) const;

    std::vector<Lane> lanes_;
    std::shared_ptr<const std::vector<app::WaveformPeaks>> peaks_;
    std::vector<bool> audible_;
    double duration_ = 0.0;
    double position_ = 0.0;
    double pixelsPerSecond_ = 10.0;
    bool fit_ = true;
    bool playing_ = false;
    bool dragging_ = false;
    QPixmap cache_;
    bool cacheValid_ = false;
};

}  // namespace stemdeck::ui
