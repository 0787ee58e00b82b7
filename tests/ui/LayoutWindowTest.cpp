// The main window's layout at the smallest size it supports (1024x600) with the latency
// monitor open and a song of many stems, under the app's own theme.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QDir>
#include <QDockWidget>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QWheelEvent>
#include <cmath>

#include "AppTheme.h"
#include "LayoutCheck.h"
#include "WindowRig.h"
#include "stemdeck/ui/TimelineView.h"
#include "stemdeck/ui/TrackStrip.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_LayoutWindowTest {

using namespace stemdeck;
namespace fs = std::filesystem;

namespace {

constexpr int kManyStems = 24;

// A picture for a human to look at: STEMDECK_UI_SNAPSHOTS=DIR saves it there.
void snapshot(QWidget* window, const QString& name) {
    const QString dir = qEnvironmentVariable("STEMDECK_UI_SNAPSHOTS");
    if (dir.isEmpty()) return;
    QDir().mkpath(dir);
    window->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

// How different two pictures of the same size look: the mean difference of their pixels'
// channels, 0-255.
double difference(const QImage& a, const QImage& b) {
    if (a.size() != b.size() || a.isNull()) return 255.0;
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    double sum = 0.0;
    for (int row = 0; row < x.height(); ++row)
        for (int col = 0; col < x.width(); ++col) {
            const QRgb p = x.pixel(col, row), q = y.pixel(col, row);
            sum += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) +
                   std::abs(qBlue(p) - qBlue(q));
        }
    return sum / (3.0 * x.width() * x.height());
}

// The button's picture when unchecked and when checked (signals blocked: nothing happens).
std::pair<QImage, QImage> looks(QAbstractButton* button) {
    const QSignalBlocker block(button);
    const bool was = button->isChecked();
    button->setChecked(false);
    const QImage off = button->grab().toImage();
    button->setChecked(true);
    const QImage on = button->grab().toImage();
    button->setChecked(was);
    return {off, on};
}

// Every toggle in the window (the transport's Loop, the click, mute and solo on every strip
// ...) must look different when it is on, in the plain look and in the app's theme.
void expectEveryToggleShowsItsState(test::WindowRig& rig, const char* look) {
    int toggles = 0;
    for (QAbstractButton* button : rig.window->findChildren<QAbstractButton*>()) {
        if (!button->isCheckable() || !button->isVisible()) continue;
        ++toggles;
        const auto [off, on] = looks(button);
        // A clear change, not a pixel or two (the plain look's sunken button changes ~20).
        EXPECT_GT(difference(off, on), 8.0)
            << test::LayoutCheck::nameOf(button).toStdString() << " \""
            << button->text().toStdString() << "\" looks (nearly) the same on and off (" << look
            << ")";
    }
    EXPECT_GE(toggles, 2 + 2 * rig.mixer()->stripCount()) << look;
}

}  // namespace

TEST(LayoutWindow, EveryToggleLooksDifferentWhenOn) {
    test::WindowRig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 1.0, 2)));
    QApplication::processEvents();  // new strips show once the event loop runs
    expectEveryToggleShowsItsState(rig, "plain");
    test::AppTheme theme;
    QApplication::processEvents();
    expectEveryToggleShowsItsState(rig, "app theme");
}

TEST(LayoutWindow, At1024x600WithTheLatencyDockNothingOverlapsOrIsCut) {
    test::AppTheme theme;
    // Everything the window can show at once: the latency monitor, the click on with a count-in,
    // the banner of a file left out, the lanes and strips of 24 stems.
    test::WindowRig rig([](app::Settings& s) {
        s.setLatencyMonitorEnabled(true);
        s.setClickEnabled(true);
        s.setCountInBars(1);
    });
    rig.window->resize(1024, 600);
    const fs::path song = test::writeUiSong(rig.dir, "Many Stems", 3.0, kManyStems);
    test::writeTextFile(song / "vox comp.wav", "not audio");
    ASSERT_TRUE(rig.load(song));
    QTest::qWait(100);  // new strips show, layouts settle
    EXPECT_EQ(rig.window->size(), QSize(1024, 600));
    EXPECT_TRUE(rig.part<QDockWidget>("latencyDock")->isVisible());
    EXPECT_TRUE(rig.part<QWidget>("issueBanner")->isVisible());
    snapshot(&*rig.window, QStringLiteral("1024x600-24-stems"));
    QStringList problems = test::LayoutCheck::problems(&*rig.window);
    EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();

    // The count-in's beats show in the transport without widening the window.
    rig.playback().play();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return rig.part<QWidget>("countInLabel")->isVisible(); }, 3000));
    QTest::qWait(50);
    EXPECT_EQ(rig.window->size(), QSize(1024, 600));
    problems = test::LayoutCheck::problems(&*rig.window);
    EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
    // Nor when it ends and the song's length comes back (a window, once widened, stays so).
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !rig.part<QWidget>("countInLabel")->isVisible(); }, 5000));
    QTest::qWait(50);
    EXPECT_EQ(rig.window->size(), QSize(1024, 600));
    rig.playback().pause();
}

TEST(LayoutWindow, ManyStemsGetReadableLanesThatScrollUnderTheRuler) {
    test::AppTheme theme;
    test::WindowRig rig;
    rig.window->resize(1024, 600);
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "Many Stems", 1.0, kManyStems)));
    QTest::qWait(100);
    auto* timeline = rig.window->findChild<ui::TimelineView*>();
    ASSERT_EQ(timeline->laneCount(), kManyStems);
    for (int i = 0; i < kManyStems; ++i)
        EXPECT_GE(timeline->laneRect(i).height() + 1, ui::TimelineView::kMinLaneHeight) << i;
    QScrollBar* lanes = timeline->verticalScrollBar();
    ASSERT_TRUE(lanes->isVisible()) << "24 lanes do not fit: they scroll";
    EXPECT_GT(lanes->maximum(), 0);
    // The wheel goes down through the lanes; the ruler stays where it is.
    const QPoint at(300, timeline->viewport()->height() / 2);
    QWheelEvent wheel(at, timeline->viewport()->mapToGlobal(at), {}, QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(timeline->viewport(), &wheel);
    EXPECT_GT(lanes->value(), 0);
    EXPECT_LT(timeline->laneRect(0).top(), ui::TimelineView::kRulerHeight);
    lanes->setValue(lanes->maximum());
    const QRect last = timeline->laneRect(kManyStems - 1);
    EXPECT_LE(last.bottom(), timeline->viewport()->height());
    EXPECT_GE(last.top(), ui::TimelineView::kRulerHeight) << "the last lane can be reached";
    // A click on a lane still seeks, wherever the lanes are scrolled to.
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {},
                      QPoint(static_cast<int>(timeline->xAt(0.5)), last.center().y()));
    EXPECT_NEAR(rig.playback().position(), 0.5, 0.02);
}

TEST(LayoutWindow, TheSplitBetweenTimelineAndMixerIsKeptAfterARestart) {
    test::WindowRig rig;
    rig.window->resize(1200, 800);
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 1.0, 4)));
    QTest::qWait(50);
    auto* splitter = rig.part<QSplitter>("splitter");
    ASSERT_EQ(splitter->count(), 2);
    EXPECT_EQ(splitter->widget(0), rig.window->findChild<ui::TimelineView*>());
    EXPECT_EQ(splitter->widget(1), rig.mixer());
    QList<int> sizes = splitter->sizes();
    const int total = sizes[0] + sizes[1];
    splitter->setSizes({total - 300, 300});  // as a drag on the handle leaves it
    sizes = splitter->sizes();
    ASSERT_EQ(sizes[1], 300);
    rig.window->close();
    rig.restart();
    rig.window->resize(1200, 800);
    QTest::qWait(50);
    EXPECT_EQ(rig.part<QSplitter>("splitter")->sizes(), sizes);
}

}  // namespace unity_LayoutWindowTest
