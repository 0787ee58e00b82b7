#include <gtest/gtest.h>

#include <QApplication>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <set>

#include "AudioFiles.h"
#include "UiTestSupport.h"
#include "stemdeck/audio/loader/StemAudio.h"
#include "stemdeck/ui/TimelineView.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_TimelineViewTest {

using stemdeck::app::WaveformPeaks;
using stemdeck::ui::TimelineView;
namespace test = stemdeck::test;

namespace {

constexpr int kRate = 48000;
constexpr double kSeconds = 20.0;

// A view of a 20 s song with two stems: a loud first half on one, silence on the other.
struct View {
    TimelineView view;
    View() {
        std::vector<float> loud(static_cast<std::size_t>(kSeconds * kRate), 0.0f);
        for (std::size_t i = 0; i < loud.size() / 2; ++i) loud[i] = (i % 100 < 50) ? 0.9f : -0.9f;
        auto peaks = std::make_shared<std::vector<WaveformPeaks>>();
        peaks->emplace_back(std::vector<std::vector<float>>{loud}, kRate);
        peaks->emplace_back(std::vector<std::vector<float>>{std::vector<float>(loud.size())},
                            kRate);
        view.resize(1000, 300);
        view.setSong({{QStringLiteral("loud"), Qt::green}, {QStringLiteral("quiet"), Qt::blue}},
                     peaks, kSeconds);
        view.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&view));
    }
};

// The pixels down one column of a lane at `seconds`, from 30 px below the lane's top (away
// from its name plate) to the row above `bottom` (a y in the viewport).
std::vector<QRgb> laneColumn(TimelineView& view, int lane, double seconds, int bottom) {
    const QImage image = view.viewport()->grab().toImage();
    const int x = static_cast<int>(view.xAt(seconds));
    std::vector<QRgb> pixels;
    for (int y = view.laneRect(lane).top() + 30; y < bottom; ++y)
        pixels.push_back(image.pixel(x, y));
    return pixels;
}

// The quiet lane's column above its centre line (no waveform there, whatever is decoded).
std::vector<QRgb> quietColumn(TimelineView& view, double seconds) {
    return laneColumn(view, 1, seconds, view.laneRect(1).center().y() - 2);
}

}  // namespace

TEST(TimelineView, StartsFittedToTheSong) {
    View v;
    EXPECT_TRUE(v.view.fitsSong());
    EXPECT_EQ(v.view.laneCount(), 2);
    EXPECT_NEAR(v.view.secondsAt(v.view.viewport()->width() - 1), kSeconds, 0.05);
    EXPECT_NEAR(v.view.xAt(v.view.secondsAt(123.0)), 123.0, 1e-9);
}

TEST(TimelineView, AClickSeeksAndADragKeepsSeeking) {
    View v;
    QSignalSpy seeks(&v.view, &TimelineView::seekRequested);
    const int x = static_cast<int>(v.view.xAt(5.0));
    QTest::mouseClick(v.view.viewport(), Qt::LeftButton, {}, QPoint(x, 100));
    ASSERT_EQ(seeks.count(), 1);
    EXPECT_NEAR(seeks.last().at(0).toDouble(), 5.0, 0.05);
    EXPECT_NEAR(v.view.position(), 5.0, 0.05);

    QTest::mousePress(v.view.viewport(), Qt::LeftButton, {}, QPoint(x, 100));
    QMouseEvent move(QEvent::MouseMove, QPointF(x + 200, 100),
                     v.view.viewport()->mapToGlobal(QPointF(x + 200, 100)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(v.view.viewport(), &move);
    QTest::mouseRelease(v.view.viewport(), Qt::LeftButton, {}, QPoint(x + 200, 100));
    EXPECT_NEAR(seeks.last().at(0).toDouble(), v.view.secondsAt(x + 200), 0.05);
}

TEST(TimelineView, ZoomIsClampedAndKeepsTheAnchorInPlace) {
    View v;
    const double fit = v.view.pixelsPerSecond();
    v.view.zoomOut();
    EXPECT_DOUBLE_EQ(v.view.pixelsPerSecond(), fit) << "never smaller than the whole song";
    v.view.setPixelsPerSecond(fit * 8, 300);
    EXPECT_FALSE(v.view.fitsSong());
    v.view.setPosition(v.view.secondsAt(200));
    const double playhead = v.view.xAt(v.view.position());
    v.view.zoomIn();
    EXPECT_DOUBLE_EQ(v.view.pixelsPerSecond(), fit * 8 * TimelineView::kZoomStep);
    EXPECT_NEAR(v.view.xAt(v.view.position()), playhead, 1.0) << "zooms around the playhead";
    const double anchor = v.view.secondsAt(300);
    v.view.setPixelsPerSecond(v.view.pixelsPerSecond() * 1.7, 300);
    EXPECT_NEAR(v.view.secondsAt(300), anchor, 2.0 / v.view.pixelsPerSecond());
    v.view.setPixelsPerSecond(1e9, 0);
    EXPECT_DOUBLE_EQ(v.view.pixelsPerSecond(), TimelineView::kMaxPixelsPerSecond);
    v.view.zoomToFit();
    EXPECT_TRUE(v.view.fitsSong());
    EXPECT_EQ(v.view.horizontalScrollBar()->value(), 0);
}

TEST(TimelineView, CtrlWheelZoomsAndTheWheelScrolls) {
    View v;
    const double fit = v.view.pixelsPerSecond();
    const QPointF at(400, 100);
    QWheelEvent zoom(at, v.view.viewport()->mapToGlobal(at), {}, QPoint(0, 120), Qt::NoButton,
                     Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(v.view.viewport(), &zoom);
    EXPECT_DOUBLE_EQ(v.view.pixelsPerSecond(), fit * TimelineView::kZoomStep);
    const int before = v.view.horizontalScrollBar()->value();
    QWheelEvent scroll(at, v.view.viewport()->mapToGlobal(at), {}, QPoint(0, -120), Qt::NoButton,
                       Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(v.view.viewport(), &scroll);
    EXPECT_GT(v.view.horizontalScrollBar()->value(), before);
}

TEST(TimelineView, ThePlayheadPagesAlongWhilePlaying) {
    View v;
    v.view.setPixelsPerSecond(200, 0);  // 5 s visible
    v.view.setPlaying(true);
    v.view.setPosition(4.0);
    EXPECT_EQ(v.view.horizontalScrollBar()->value(), 0);
    v.view.setPosition(5.2);
    EXPECT_GT(v.view.xAt(5.2), 0);
    EXPECT_LT(v.view.xAt(5.2), v.view.viewport()->width() / 2.0);
    // Scrolled away on purpose: the view stays where the user put it.
    v.view.horizontalScrollBar()->setValue(2000);
    v.view.setPosition(5.5);
    EXPECT_EQ(v.view.horizontalScrollBar()->value(), 2000);
}

TEST(TimelineView, DrawsWaveformsInTheirLanesAndGreysOutSilentStems) {
    View v;
    const auto lit = [&v](int lane, double seconds, QRgb colour) {
        const QImage image = v.view.viewport()->grab().toImage();
        const int x = static_cast<int>(v.view.xAt(seconds));
        const int top = TimelineView::kRulerHeight;
        const int height = (image.height() - top) / 2;
        int count = 0;
        for (int y = top + lane * height; y < top + (lane + 1) * height; ++y)
            count += image.pixel(x, y) == colour;
        return count;
    };
    EXPECT_GT(lit(0, 3.0, QColor(Qt::green).rgb()), 50) << "the loud half fills its lane";
    EXPECT_LT(lit(0, 15.0, QColor(Qt::green).rgb()), 3) << "silence is a thin line";
    v.view.setAudible({false, true});
    EXPECT_EQ(lit(0, 3.0, QColor(Qt::green).rgb()), 0);
}

TEST(TimelineView, DraggingOnTheRulerOrWithShiftMarksALoop) {
    View v;
    QSignalSpy loops(&v.view, &TimelineView::loopRequested);
    QSignalSpy seeks(&v.view, &TimelineView::seekRequested);
    const auto x = [&](double s) { return static_cast<int>(v.view.xAt(s)); };
    test::drag(v.view.viewport(), QPoint(x(4.0), 5), QPoint(x(8.0), 5));
    ASSERT_EQ(loops.count(), 1);
    EXPECT_NEAR(loops.last().at(0).toDouble(), 4.0, 0.05);
    EXPECT_NEAR(loops.last().at(1).toDouble(), 8.0, 0.05);
    EXPECT_TRUE(loops.last().at(2).toBool()) << "a new loop";
    EXPECT_EQ(seeks.count(), 0) << "marking a loop does not seek";

    // Right to left in a lane, with Shift.
    test::drag(v.view.viewport(), QPoint(x(12.0), 150), QPoint(x(10.0), 150), Qt::ShiftModifier);
    ASSERT_EQ(loops.count(), 2);
    EXPECT_NEAR(loops.last().at(0).toDouble(), 10.0, 0.05);
    EXPECT_NEAR(loops.last().at(1).toDouble(), 12.0, 0.05);

    // A click on the ruler still seeks.
    QTest::mouseClick(v.view.viewport(), Qt::LeftButton, {}, QPoint(x(3.0), 5));
    EXPECT_EQ(loops.count(), 2);
    ASSERT_EQ(seeks.count(), 1);
    EXPECT_NEAR(seeks.last().at(0).toDouble(), 3.0, 0.05);
}

TEST(TimelineView, DraggingALoopEdgeMovesOnlyThatEdge) {
    View v;
    v.view.setLoop(4.0, 8.0, false);
    QSignalSpy loops(&v.view, &TimelineView::loopRequested);
    QSignalSpy seeks(&v.view, &TimelineView::seekRequested);
    const auto x = [&](double s) { return static_cast<int>(std::lround(v.view.xAt(s))); };
    test::drag(v.view.viewport(), QPoint(x(8.0) + 2, 150), QPoint(x(11.0), 150));
    ASSERT_EQ(loops.count(), 1);
    EXPECT_NEAR(loops.last().at(0).toDouble(), 4.0, 1e-9) << "A stays";
    EXPECT_NEAR(loops.last().at(1).toDouble(), 11.0, 0.05);
    EXPECT_FALSE(loops.last().at(2).toBool()) << "a moved edge, not a new loop";
    EXPECT_EQ(seeks.count(), 0);

    v.view.setLoop(4.0, 11.0, true);
    // A cannot be dragged past B.
    test::drag(v.view.viewport(), QPoint(x(4.0) - 2, 150), QPoint(x(15.0), 150));
    ASSERT_EQ(loops.count(), 2);
    EXPECT_LT(loops.last().at(0).toDouble(), 11.0);
    EXPECT_NEAR(loops.last().at(1).toDouble(), 11.0, 1e-9);
}

TEST(TimelineView, AFlagIsClickedOrDoubleClickedNotSeekedThrough) {
    View v;
    v.view.setMarkers({{QStringLiteral("Verse"), 2.0}, {QStringLiteral("Chorus"), 9.0}});
    QSignalSpy clicked(&v.view, &TimelineView::markerClicked);
    QSignalSpy rename(&v.view, &TimelineView::markerRenameRequested);
    QSignalSpy seeks(&v.view, &TimelineView::seekRequested);
    const QPoint chorus = v.view.flagRect(1).center();
    EXPECT_EQ(v.view.markerAt(chorus), 1);
    QTest::mouseClick(v.view.viewport(), Qt::LeftButton, {}, chorus);
    ASSERT_EQ(clicked.count(), 1);
    EXPECT_EQ(clicked.last().at(0).toInt(), 1);
    EXPECT_EQ(seeks.count(), 0);
    QTest::mouseDClick(v.view.viewport(), Qt::LeftButton, {}, v.view.flagRect(0).center());
    ASSERT_EQ(rename.count(), 1);
    EXPECT_EQ(rename.last().at(0).toInt(), 0);
    // Below the flags a click seeks as before.
    QTest::mouseClick(v.view.viewport(), Qt::LeftButton, {}, QPoint(chorus.x(), 200));
    EXPECT_EQ(seeks.count(), 1);
}

// Many stems: lanes keep a readable height and scroll under the ruler; the wheel goes through
// them, Shift+wheel along the song.
TEST(TimelineView, ManyLanesKeepTheirHeightAndScrollUnderTheRuler) {
    TimelineView view;
    constexpr int kLanes = 24;
    std::vector<TimelineView::Lane> lanes;
    auto peaks = std::make_shared<std::vector<WaveformPeaks>>();
    for (int i = 0; i < kLanes; ++i) {
        lanes.push_back({QStringLiteral("lane %1").arg(i), Qt::green});
        peaks->emplace_back(std::vector<std::vector<float>>{std::vector<float>(kRate, 0.5f)},
                            kRate);
    }
    view.resize(800, 300);
    view.setSong(std::move(lanes), peaks, kSeconds);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    EXPECT_EQ(view.laneHeight(), TimelineView::kMinLaneHeight);
    EXPECT_EQ(view.laneRect(0).top(), TimelineView::kRulerHeight);
    EXPECT_GE(view.laneRect(1).top() - view.laneRect(0).top(), TimelineView::kMinLaneHeight);
    ASSERT_GT(view.verticalScrollBar()->maximum(), 0);
    EXPECT_TRUE(view.verticalScrollBar()->isVisible());

    const QPointF at(400, 150);
    const int along = view.horizontalScrollBar()->value();
    QWheelEvent down(at, view.viewport()->mapToGlobal(at), {}, QPoint(0, -120), Qt::NoButton,
                     Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &down);
    EXPECT_GT(view.verticalScrollBar()->value(), 0);
    EXPECT_LT(view.laneRect(0).top(), TimelineView::kRulerHeight) << "lane 0 went under the ruler";
    EXPECT_EQ(view.horizontalScrollBar()->value(), along);

    view.setPixelsPerSecond(200, 0);  // zoomed in: there is somewhere to go along the song
    const int lanesAt = view.verticalScrollBar()->value();
    QWheelEvent sideways(at, view.viewport()->mapToGlobal(at), {}, QPoint(0, -120), Qt::NoButton,
                         Qt::ShiftModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &sideways);
    EXPECT_GT(view.horizontalScrollBar()->value(), 0);
    EXPECT_EQ(view.verticalScrollBar()->value(), lanesAt);

    // The ruler stays on top: its pixels do not move when the lanes scroll.
    const QRect ruler(0, 0, view.viewport()->width(), TimelineView::kRulerHeight);
    view.verticalScrollBar()->setValue(0);
    const QImage top = view.viewport()->grab(ruler).toImage();
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
    EXPECT_TRUE(view.viewport()->grab(ruler).toImage() == top);
}

TEST(TimelineView, FewLanesShareTheHeightWithoutScrolling) {
    View v;  // two lanes in 300 px
    EXPECT_GT(v.view.laneHeight(), TimelineView::kMinLaneHeight);
    EXPECT_EQ(v.view.verticalScrollBar()->maximum(), 0);
    EXPECT_EQ(v.view.laneRect(1).bottom() + 1 + 1, v.view.viewport()->height())
        << "the last lane reaches the bottom (a 1 px gap between lanes)";
}

// Progressive loading: the part of the song not decoded yet is drawn dimmed and hatched, like a
// video player's buffered bar; the decoded part is drawn as before, and the edge moves on.
TEST(TimelineView, ThePartNotDecodedYetIsDrawnDimmed) {
    View v;
    const auto column = [&v](double seconds) { return quietColumn(v.view, seconds); };
    const std::vector<QRgb> before = column(15.0);
    EXPECT_EQ(v.view.decoded(), kSeconds) << "a new song counts as decoded";

    v.view.setDecoded(8.0);
    EXPECT_EQ(column(5.0), column(5.0));
    EXPECT_EQ(column(5.0), before) << "the decoded part looks as a whole song does";
    const std::vector<QRgb> undecoded = column(15.0);
    ASSERT_EQ(undecoded.size(), before.size());
    for (std::size_t i = 0; i < undecoded.size(); ++i)
        EXPECT_NE(undecoded[i], before[i]) << "row " << i << ": not dimmed";
    // Hatched: more than one colour down the column, where the decoded lane has one.
    EXPECT_GT(std::set<QRgb>(undecoded.begin(), undecoded.end()).size(), 1u);
    EXPECT_EQ(std::set<QRgb>(before.begin(), before.end()).size(), 1u);

    v.view.setDecoded(16.0);  // decoding moved past 15 s
    EXPECT_EQ(column(15.0), before);
    v.view.setDecoded(100.0);  // all of it (clamped to the song)
    EXPECT_EQ(v.view.decoded(), kSeconds);
    EXPECT_EQ(column(19.5), column(19.5));
}

// After a seek past what is decoded, decoding jumps there: the island decoded there is drawn
// as decoded, the gap before it dimmed, as a video player's buffered bar after a seek.
TEST(TimelineView, AnIslandDecodedAfterASeekIsDrawnAndTheGapStaysDimmed) {
    View v;
    const auto column = [&v](double seconds) { return quietColumn(v.view, seconds); };
    const std::vector<QRgb> whole = column(15.0);
    v.view.setDecodedSpans({{0.0, 4.0}, {12.0, 17.0}});
    EXPECT_EQ(v.view.decoded(), 4.0) << "decoded without a gap from the start";
    ASSERT_EQ(v.view.decodedSpans().size(), 2u);
    EXPECT_EQ(column(2.0), whole) << "the front";
    EXPECT_EQ(column(15.0), whole) << "the island";
    for (const double gap : {6.0, 10.0, 18.5}) {
        const std::vector<QRgb> dimmed = column(gap);
        ASSERT_EQ(dimmed.size(), whole.size());
        for (std::size_t i = 0; i < dimmed.size(); ++i)
            EXPECT_NE(dimmed[i], whole[i]) << gap << " s, row " << i << ": not dimmed";
    }
    // Decoding filled the gap: one span, clamped to the song.
    v.view.setDecodedSpans({{0.0, 17.0}, {16.0, 100.0}});
    EXPECT_EQ(v.view.decoded(), kSeconds);
    for (const double t : {6.0, 10.0, 18.5}) EXPECT_EQ(column(t), whole) << t << " s";
}

// Progressive loading: waveforms grow with what is decoded. A part grown for an island shows
// its waveform there; the gap before it stays an empty lane.
TEST(TimelineView, AWaveformGrownForAnIslandShowsThereAndTheGapStaysEmpty) {
    View v;
    v.view.setPeaks(nullptr);
    const auto column = [&v](double seconds) {
        return laneColumn(v.view, 0, seconds, v.view.laneRect(0).bottom());
    };
    const std::vector<QRgb> empty = column(15.0);
    std::vector<float> wave(static_cast<std::size_t>(kSeconds * kRate));
    for (std::size_t i = 0; i < wave.size(); ++i) wave[i] = (i % 100 < 50) ? 0.6f : -0.6f;
    const auto audio = stemdeck::audio::StemAudio::fromPlanar({wave});
    auto peaks = std::make_shared<std::vector<WaveformPeaks>>();
    peaks->emplace_back(static_cast<std::int64_t>(wave.size()), kRate);
    peaks->emplace_back(static_cast<std::int64_t>(wave.size()), kRate);
    (*peaks)[0].fill(audio, 0, 4 * kRate);
    (*peaks)[0].fill(audio, 12 * kRate, 17 * kRate);
    v.view.growPeaks(peaks, {{0.0, 4.0}, {12.0, 17.0}});
    EXPECT_NE(column(2.0), empty) << "the front's waveform";
    EXPECT_NE(column(15.0), empty) << "the island's waveform";
    for (const double gap : {6.0, 10.0, 18.5}) EXPECT_EQ(column(gap), empty) << gap << " s";
}

// The waveforms of a song that is still decoding come later: the lanes are drawn without them
// until then.
TEST(TimelineView, WaveformsCanArriveAfterTheSong) {
    View v;
    const auto peaks = std::make_shared<std::vector<WaveformPeaks>>();
    std::vector<float> loud(static_cast<std::size_t>(kSeconds * kRate));
    for (std::size_t i = 0; i < loud.size(); ++i) loud[i] = (i % 100 < 50) ? 0.9f : -0.9f;
    peaks->emplace_back(std::vector<std::vector<float>>{loud}, kRate);
    peaks->emplace_back(std::vector<std::vector<float>>{loud}, kRate);
    v.view.setSong({{QStringLiteral("a"), Qt::green}, {QStringLiteral("b"), Qt::blue}}, nullptr,
                   kSeconds);
    EXPECT_FALSE(v.view.hasPeaks());
    const auto green = [&v] {
        const QImage image = v.view.viewport()->grab().toImage();
        int count = 0;
        for (int y = 0; y < image.height(); ++y)
            count += image.pixel(static_cast<int>(v.view.xAt(3.0)), y) == QColor(Qt::green).rgb();
        return count;
    };
    EXPECT_LT(green(), 3) << "no waveform yet: the centre line at most";
    v.view.setPeaks(peaks);
    EXPECT_TRUE(v.view.hasPeaks());
    EXPECT_GT(green(), 20);
}

}  // namespace unity_TimelineViewTest
