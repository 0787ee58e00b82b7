#pragma once

#include <QAbstractScrollArea>
#include <QColor>
#include <QPixmap>
#include <QString>

class QMenu;
#include <memory>
#include <vector>

#include "stemdeck/app/TimeSpan.h"
#include "stemdeck/app/WaveformPeaks.h"
#include "stemdeck/words/ChordName.h"

namespace stemdeck::words {
struct SongWords;
}

namespace stemdeck::ui {

// The song over time: a ruler, one waveform lane per stem, the playhead and the A-B loop.
// Click or drag anywhere to seek (also while playing); drag on the ruler, or Shift+drag
// anywhere, to mark a loop; drag a loop edge to move it. Ctrl+wheel zooms around the mouse,
// the wheel scrolls. Markers are flags at the top of the lanes: click one to jump there,
// double-click to rename it, right-click for more. Waveforms come from the peak pyramids computed
// when the song was loaded; the lanes are drawn into a cached pixmap that is redrawn only when the
// view changes, so moving the playhead costs two narrow blits (where it was and where it is),
// and nothing until it has moved by a pixel. A song still decoding (progressive loading) shows
// what is loaded like a video player's buffered bar, islands decoded after a seek included: the
// parts not decoded yet are dimmed and hatched, and as decoding moves on only the strips it
// passed are repainted.
class TimelineView : public QAbstractScrollArea {
    Q_OBJECT
  public:
    static constexpr int kRulerHeight = 24;
    // Lanes share the height under the ruler but never get thinner than this: with many
    // stems the lanes scroll vertically under the ruler (the wheel scrolls them then;
    // Shift+wheel moves along the song).
    static constexpr int kMinLaneHeight = 36;
    static constexpr double kZoomStep = 1.5;
    static constexpr double kMaxPixelsPerSecond = 1000.0;
    // How near (pixels) a loop edge the mouse grabs it; how far a press must move to mark a
    // loop rather than seek.
    static constexpr int kEdgeGrab = 5;
    static constexpr int kDragThreshold = 4;

    struct Lane {
        QString name;
        QColor color;
    };
    struct Flag {
        QString name;
        double seconds = 0.0;
    };
    static constexpr int kFlagHeight = 16;
    // Half the width of the playhead's head (the triangle on the ruler).
    static constexpr int kHeadHalfWidth = 6;

    explicit TimelineView(QWidget* parent = nullptr);

    // `peaks` holds one pyramid per lane.
    void setSong(std::vector<Lane> lanes,
                 std::shared_ptr<const std::vector<app::WaveformPeaks>> peaks, double duration);
    // The waveforms arrived (whole once the song has decoded; growPeaks before); null: none.
    void setPeaks(std::shared_ptr<const std::vector<app::WaveformPeaks>> peaks);
    bool hasPeaks() const { return peaks_ != nullptr; }
    // The waveforms grew where `grown` says (seconds; progressive loading): only those strips
    // of the lanes are redrawn, unless a lane's scale changed with them.
    void growPeaks(std::shared_ptr<const std::vector<app::WaveformPeaks>> peaks,
                   const app::TimeSpans& grown);
    // What of the song is decoded (seconds: the front from 0 and the islands a seek opened),
    // like a video player's buffered bar after a seek; clamped to the song, kept sorted with
    // spans that touch joined.
    // setSong() starts with all of it. Only the strips that changed are repainted.
    void setDecodedSpans(const app::TimeSpans& spans);
    const app::TimeSpans& decodedSpans() const { return decoded_; }
    // The same with one span from the start (seconds; the duration or more: all of it).
    void setDecoded(double seconds) { setDecodedSpans({{0.0, seconds}}); }
    // How far from the start the song is decoded without a gap.
    double decoded() const;
    // Silent stems (muted, or not soloed while another is) are drawn grey.
    void setAudible(const std::vector<bool>& audible);
    void setPosition(double seconds);
    // While playing, the view pages along when the playhead runs off its right edge.
    void setPlaying(bool playing);
    double position() const { return position_; }
    // The loop as the PlaybackManager has it: start -1 for none, end -1 for A only.
    void setLoop(double start, double end, bool enabled);
    double loopStart() const { return loopStart_; }
    double loopEnd() const { return loopEnd_; }
    bool loopEnabled() const { return loopEnabled_; }
    void setMarkers(std::vector<Flag> markers);
    int markerCount() const { return static_cast<int>(markers_.size()); }
    // Where marker `index`'s flag is drawn (viewport coordinates).
    QRect flagRect(int index) const;
    // The marker whose flag is at `point`, or -1.
    int markerAt(QPoint point) const;
    // The context menu of a marker's flag (rename, delete, loop section); the caller owns it.
    QMenu* markerMenu(int index);
    int laneCount() const { return static_cast<int>(lanes_.size()); }
    QString laneName(int index) const { return lanes_.at(static_cast<std::size_t>(index)).name; }
    // Where lane `index` is drawn (viewport coordinates; above the viewport or below it when
    // scrolled out of view), and the height of every lane.
    QRect laneRect(int index) const;
    int laneHeight() const;
    // The song's words for the words lane under the stem lanes (WordsLanePainter): shown when
    // they have timed chords or synced lyrics; chords named by `transposer` (as played).
    void setWords(std::shared_ptr<const words::SongWords> words, words::Transposer transposer);
    // A chord name as the words lane shows it (its transposer's spelling).
    QString wordsChord(const std::string& name) const;
    // Where the words lane is drawn (viewport coordinates); empty when there is none.
    QRect wordsRect() const;

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
    // The user marked a new loop (`created`) or moved an edge of the loop.
    void loopRequested(double start, double end, bool created);
    void markerClicked(int index);
    void markerRenameRequested(int index);
    void markerRemoveRequested(int index);
    void markerLoopRequested(int index);

  protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

  private:
    double fitPixelsPerSecond() const;
    int zoomAnchor() const;
    void updateScrollRange();
    int lanesRoom() const;  // the height under the ruler
    void invalidate();
    void seekTo(double x);
    // Repaints the playhead where it was (viewport x `fromX`) and where it is now.
    void movePlayhead(double fromX);
    // What the playhead at viewport x covers, top to bottom.
    QRect playheadStrip(double x) const;
    void renderCache();
    // The lanes into `p` (the cache), within its clip if it has one.
    void paintLanes(QPainter& p) const;
    void drawLoop(QPainter& p) const;
    // Over the parts not decoded yet (drawn over the cache: they move without redrawing lanes).
    void drawUndecoded(QPainter& p) const;
    // The gaps between the decoded spans, within the song.
    app::TimeSpans undecodedSpans() const;
    void drawMarkers(QPainter& p) const;
    bool hasLoop() const { return loopStart_ >= 0 && loopEnd_ > loopStart_; }
    // What a press at viewport x grabs: Drag::LoopStart / LoopEnd near a loop edge, else None.
    enum class Drag { None, Seek, NewLoop, LoopStart, LoopEnd, Marker };
    Drag edgeAt(double x) const;

    std::vector<Lane> lanes_;
    std::shared_ptr<const std::vector<app::WaveformPeaks>> peaks_;
    std::vector<bool> audible_;
    double duration_ = 0.0;
    app::TimeSpans decoded_;
    double position_ = 0.0;
    double pixelsPerSecond_ = 10.0;
    bool fit_ = true;
    bool playing_ = false;
    bool dragging_ = false;
    Drag drag_ = Drag::None;
    double dragOriginX_ = 0.0;
    bool dragMoved_ = false;
    double loopStart_ = -1.0;
    double loopEnd_ = -1.0;
    bool loopEnabled_ = false;
    std::vector<Flag> markers_;
    std::shared_ptr<const words::SongWords> words_;
    words::Transposer wordsTransposer_;
    int pressedMarker_ = -1;
    QPixmap cache_;
    bool cacheValid_ = false;
};

}  // namespace stemdeck::ui
