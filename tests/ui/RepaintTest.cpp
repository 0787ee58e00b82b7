// What the widgets repaint while the music plays and while it does not: the playhead's strip,
// the meters' bars, the time when its text changes, and nothing at all when nothing moves.
#include <gtest/gtest.h>

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QScreen>
#include <QTest>
#include <memory>

#include "AppTheme.h"
#include "PaintCounter.h"
#include "WidgetParts.h"
#include "stemdeck/audio/loader/StemAudio.h"
#include "stemdeck/ui/LevelMeter.h"
#include "stemdeck/ui/MasterStrip.h"
#include "stemdeck/ui/Palette.h"
#include "stemdeck/ui/SeekSlider.h"
#include "stemdeck/ui/TimelineView.h"
#include "stemdeck/ui/TrackStrip.h"
#include "stemdeck/ui/TransportBar.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_RepaintTest {

using stemdeck::app::WaveformPeaks;
using stemdeck::test::PaintCounter;
using stemdeck::ui::LevelMeter;
using stemdeck::ui::TimelineView;
namespace palette = stemdeck::ui::palette;
namespace test = stemdeck::test;

namespace {

constexpr int kRate = 1000;  // the peaks' rate: enough for a waveform, cheap for long songs
constexpr double kFrame = 1.0 / 30.0;  // the window's frame tick
// Lets a posted repaint happen (the offscreen platform paints on its update timer).
void settle() {
    QTest::qWait(15);
}

// A timeline of a two-stem song of `seconds`, 1000x300, on screen.
std::unique_ptr<TimelineView> timeline(double seconds) {
    auto view = std::make_unique<TimelineView>();
    std::vector<float> wave(static_cast<std::size_t>(seconds * kRate));
    for (std::size_t i = 0; i < wave.size(); ++i) wave[i] = (i % 10 < 5) ? 0.8f : -0.8f;
    auto peaks = std::make_shared<std::vector<WaveformPeaks>>();
    peaks->emplace_back(std::vector<std::vector<float>>{wave}, kRate);
    peaks->emplace_back(std::vector<std::vector<float>>{wave}, kRate);
    view->resize(1000, 300);
    view->setSong({{QStringLiteral("a"), Qt::green}, {QStringLiteral("b"), Qt::blue}}, peaks,
                  seconds);
    view->show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(view.get()));
    settle();
    return view;
}

// How many pixels of column x (below the ruler) are the playhead's colour, in what the window
// really shows (its backing store, not a fresh render of the widget).
int playheadPixels(TimelineView& view, int x) {
    const QImage shown =
        view.screen()->grabWindow(view.winId()).toImage().convertToFormat(QImage::Format_RGB32);
    const QPoint origin = view.viewport()->mapTo(&view, QPoint(0, 0));
    int count = 0;
    for (int y = TimelineView::kRulerHeight + 2; y < view.viewport()->height(); ++y)
        count += shown.pixel(origin.x() + x, origin.y() + y) == palette::kPlayhead.rgb();
    return count;
}

}  // namespace

// While playing, each frame repaints two narrow strips (where the playhead was, where it is),
// not the lanes, whatever the song's length and the zoom.
TEST(Repaint, ThePlayheadRepaintsItsStripNotTheLanesAtAnyZoomAndLength) {
    for (const double seconds : {20.0, 1200.0}) {
        for (const double pixelsPerSecond : {0.0, 60.0, 1000.0}) {
            SCOPED_TRACE(testing::Message() << seconds << " s at " << pixelsPerSecond << " px/s");
            auto view = timeline(seconds);
            if (pixelsPerSecond > 0) view->setPixelsPerSecond(pixelsPerSecond, 0);
            view->setPlaying(true);
            double t = 0.0;
            view->setPosition(t);
            settle();
            PaintCounter paints(view->viewport());
            for (int frame = 0; frame < 20; ++frame) {
                t += kFrame;
                view->setPosition(t);
                settle();
            }
            EXPECT_GT(paints.count(), 0) << "the playhead moved on screen";
            // A strip is the head's width and a little more; two may run together.
            EXPECT_LE(paints.widestRect(), 2 * (2 * TimelineView::kHeadHalfWidth + 5));
        }
    }
}

// Paused, or moving less than a pixel: nothing is painted.
TEST(Repaint, APlayheadThatStaysOnItsPixelPaintsNothing) {
    auto view = timeline(20.0);
    view->setPixelsPerSecond(50.0, 0);  // a pixel is 20 ms
    view->setPosition(5.0);             // on pixel 250 exactly
    settle();
    PaintCounter paints(view->viewport());
    for (int i = 0; i < 10; ++i) {
        view->setPosition(5.0);
        view->setPosition(5.004);  // a fifth of a pixel
        settle();
    }
    EXPECT_EQ(paints.count(), 0);
}

// Repainting strips leaves no trace of the playhead where it was.
TEST(Repaint, TheOldPlayheadIsWipedWhereItWas) {
    auto view = timeline(20.0);
    view->setPlaying(true);
    view->setPosition(2.0);
    settle();
    const int before = static_cast<int>(std::round(view->xAt(2.0)));
    EXPECT_GT(playheadPixels(*view, before), 100);
    for (double t = 2.0; t < 3.0; t += kFrame) {
        view->setPosition(t);
        settle();
    }
    view->setPosition(3.0);
    settle();
    const int after = static_cast<int>(std::round(view->xAt(3.0)));
    ASSERT_GT(after - before, 20);
    EXPECT_EQ(playheadPixels(*view, before), 0);
    EXPECT_EQ(playheadPixels(*view, (before + after) / 2), 0);
    EXPECT_GT(playheadPixels(*view, after), 100);
}

// A meter at rest is not painted again; a moving one repaints its bars, not its scale.
TEST(Repaint, AMeterAtRestPaintsNothingAndAMovingOneOnlyItsBars) {
    LevelMeter meter;
    meter.setScaleVisible(true);
    meter.resize(meter.sizeHint());
    meter.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&meter));
    settle();
    PaintCounter paints(&meter);
    for (int i = 0; i < 10; ++i) {
        meter.showPeak(0.0f, kFrame);
        settle();
    }
    EXPECT_EQ(paints.count(), 0) << "silence on a meter at rest";

    meter.showPeak(0.5f, kFrame);
    settle();
    ASSERT_GT(paints.count(), 0);
    for (const PaintCounter::Paint& p : paints.paints())
        EXPECT_GT(p.region.boundingRect().left(), 0) << "the scale on the left stays";

    // It falls to rest, then stops painting.
    for (int i = 0; i < 200 && !meter.atRest(); ++i) meter.showPeak(0.0f, kFrame);
    ASSERT_TRUE(meter.atRest());
    settle();
    paints.clear();
    for (int i = 0; i < 10; ++i) {
        meter.showPeak(0.0f, kFrame);
        settle();
    }
    EXPECT_EQ(paints.count(), 0);
}

// The meter paints its own background (so its strip's rounded frame is not repainted behind
// it 30 times a second): in the app's theme it is the strip's colour.
TEST(Repaint, AMeterBlendsWithItsStrip) {
    const test::AppTheme theme;
    stemdeck::ui::TrackStrip strip;
    strip.resize(strip.sizeHint());
    strip.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&strip));
    auto* meter = test::part<LevelMeter>(strip, "meter");
    const QImage image = strip.grab().toImage();
    const QRect m = meter->geometry();
    // The last column of the meter is the gap after its bar; the strip's own background is
    // right of the meter, inside the strip's border.
    const QRgb inMeter = image.pixel(m.right(), m.center().y());
    const QRgb inStrip = image.pixel(strip.width() - 4, m.center().y());
    EXPECT_EQ(QColor(inMeter).name(), QColor(inStrip).name());
}

// Counts the layout requests a widget receives (a layout pass of everything under it).
struct LayoutRequests : QObject {
    int count = 0;
    bool eventFilter(QObject*, QEvent* event) override {
        count += event->type() == QEvent::LayoutRequest;
        return false;
    }
};

// The master's peak readout changes many times a second while playing: each new text
// repaints the label, and lays nothing out again.
TEST(Repaint, TheMastersPeakReadoutChangesWithoutALayoutPass) {
    stemdeck::ui::MasterStrip strip;
    strip.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&strip));
    settle();
    auto* peak = test::part<QLabel>(strip, "peakLabel");
    LayoutRequests layouts;
    strip.installEventFilter(&layouts);
    PaintCounter paints(peak);
    for (const float level : {0.5f, 0.7f, 0.9f}) {
        strip.showLevels(level, level, kFrame);
        settle();
    }
    EXPECT_EQ(peak->text(), QStringLiteral("peak -0.9"));
    EXPECT_GT(paints.count(), 0);
    EXPECT_EQ(layouts.count, 0);
    strip.removeEventFilter(&layouts);
}

// The time repaints when its text changes, the slider when its handle moves by a pixel, and
// neither lays the window out again.
TEST(Repaint, TheTransportRepaintsTheTimeOnlyWhenItsTextChanges) {
    stemdeck::ui::TransportBar bar;
    bar.resize(800, bar.sizeHint().height());
    bar.showDuration(600.0);
    bar.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&bar));
    bar.showPosition(61.0);
    settle();
    auto* time = test::part<QLabel>(bar, "timeLabel");
    auto* slider = test::part<stemdeck::ui::SeekSlider>(bar, "seekSlider");
    ASSERT_GT(600.0 / slider->width(), 0.1) << "a pixel of the slider is more than a tenth";
    PaintCounter timePaints(time);
    PaintCounter sliderPaints(slider);
    LayoutRequests layouts;
    bar.installEventFilter(&layouts);
    for (int i = 0; i < 5; ++i) {
        bar.showPosition(61.0 + i * 0.015);
        settle();
    }
    EXPECT_EQ(time->text(), QStringLiteral("01:01.0"));
    EXPECT_EQ(timePaints.count(), 0);
    EXPECT_EQ(sliderPaints.count(), 0);
    bar.showPosition(61.1);
    settle();
    EXPECT_EQ(time->text(), QStringLiteral("01:01.1"));
    EXPECT_GT(timePaints.count(), 0);
    bar.showPosition(121.0);
    settle();
    EXPECT_GT(sliderPaints.count(), 0) << "a minute on is many pixels on";
    EXPECT_EQ(slider->value(), 121000);
    EXPECT_EQ(layouts.count, 0) << "a new time does not lay the bar out again";
    bar.removeEventFilter(&layouts);
}

// Progressive loading: as decoding moves on (ten times a second, for minutes), only the strip
// the decoded edge passed is repainted, and nothing while it stays on its pixel.
TEST(Repaint, TheDecodedEdgeRepaintsOnlyTheStripItPassed) {
    auto view = timeline(200.0);  // 5 px a second, fitted
    view->setDecoded(20.0);
    settle();
    PaintCounter paints(view->viewport());
    double decoded = 20.0;
    for (int poll = 0; poll < 20; ++poll) {
        decoded += 0.5;  // 2.5 px a poll
        view->setDecoded(decoded);
        settle();
    }
    EXPECT_GT(paints.count(), 0) << "the edge moved on screen";
    EXPECT_LE(paints.widestRect(), 16) << paints.describe();  // of a 1000 px view

    paints.clear();
    view->setDecoded(decoded + 0.01);  // a twentieth of a pixel
    settle();
    EXPECT_EQ(paints.count(), 0) << paints.describe();
}

// An island decoded after a seek grows while the front grows elsewhere: each poll repaints only
// the two strips their edges passed, not what lies between.
TEST(Repaint, AnIslandAndTheFrontRepaintOnlyTheirOwnStrips) {
    auto view = timeline(200.0);  // 5 px a second, fitted
    double front = 20.0;
    double island = 150.0;
    view->setDecodedSpans({{0.0, front}, {140.0, island}});
    settle();
    PaintCounter paints(view->viewport());
    for (int poll = 0; poll < 10; ++poll) {
        front += 0.5;  // 2.5 px a poll each
        island += 0.5;
        view->setDecodedSpans({{0.0, front}, {140.0, island}});
        settle();
    }
    EXPECT_GT(paints.count(), 0) << "the edges moved on screen";
    EXPECT_LE(paints.widestRect(), 16) << paints.describe();  // of a 1000 px view: two strips

    paints.clear();
    view->setDecodedSpans({{0.0, front + 0.01}, {140.0, island + 0.01}});  // within a pixel
    settle();
    EXPECT_EQ(paints.count(), 0) << paints.describe();
}

// Waveforms growing while the song decodes: each growth redraws only its strip of the lanes
// (the lanes' scale stays: the first growth set the loudest peak), not the whole timeline.
TEST(Repaint, AGrowingWaveformRepaintsOnlyTheStripThatGrew) {
    const double seconds = 200.0;
    auto view = timeline(seconds);  // 5 px a second, fitted
    std::vector<float> wave(static_cast<std::size_t>(seconds * kRate));
    for (std::size_t i = 0; i < wave.size(); ++i) wave[i] = (i % 10 < 5) ? 0.8f : -0.8f;
    const auto audio = stemdeck::audio::StemAudio::fromPlanar({wave});
    auto peaks = std::make_shared<std::vector<WaveformPeaks>>();
    peaks->emplace_back(static_cast<std::int64_t>(wave.size()), kRate);
    peaks->emplace_back(static_cast<std::int64_t>(wave.size()), kRate);
    double front = 20.0;
    const auto grow = [&](double from, double to) {
        auto next = std::make_shared<std::vector<WaveformPeaks>>(*peaks);
        for (auto& p : *next)
            p.fill(audio, static_cast<std::int64_t>(from * kRate),
                   static_cast<std::int64_t>(to * kRate));
        peaks = next;
        view->growPeaks(peaks, {{from, to}});
        settle();
    };
    grow(0.0, front);
    PaintCounter paints(view->viewport());
    for (int poll = 0; poll < 10; ++poll) {
        grow(front, front + 1.0);  // 5 px a growth
        front += 1.0;
    }
    EXPECT_GT(paints.count(), 0) << "the waveform grew on screen";
    EXPECT_LE(paints.widestRect(), 12) << paints.describe();  // of a 1000 px view
}

}  // namespace unity_RepaintTest
