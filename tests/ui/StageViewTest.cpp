// The stage view on its own: what it reads off markers and the click grid at a position, the
// set's next song and time left, its layout at stage sizes, and what it repaints.
#include <gtest/gtest.h>

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <vector>

#include "AppTheme.h"
#include "LayoutCheck.h"
#include "PaintCounter.h"
#include "WidgetParts.h"
#include "stemdeck/ui/BeatLight.h"
#include "stemdeck/ui/StageCues.h"
#include "stemdeck/ui/StageView.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_StageViewTest {

using namespace stemdeck;
using ui::BeatLight;
using ui::StageView;
namespace stage = ui::stage;

namespace {

std::vector<app::SongMarker> songMarkers() {
    return {{QStringLiteral("Intro"), 0.0},
            {QStringLiteral("Verse"), 10.0},
            {QStringLiteral("Chorus"), 30.0}};
}

audio::ClickSettings clickAt(double bpm, int beatsPerBar, int beatUnit, double firstBeat = 0.0) {
    audio::ClickSettings click;
    click.bpm = bpm;
    click.beatsPerBar = beatsPerBar;
    click.beatUnit = beatUnit;
    click.firstBeatSeconds = firstBeat;
    return click;
}

QString text(StageView& view, const char* name) {
    return test::part<QLabel>(view, name)->text();
}

BeatLight::State light(StageView& view) {
    return test::part<BeatLight>(view, "stageBeatLight")->state();
}

// A stage view of a 100 s song at 120 BPM in 4/4 with three markers, on screen at `size`.
struct Shown {
    StageView view;
    explicit Shown(QSize size = {1280, 720}) {
        view.resize(size);
        view.setSong(QStringLiteral("First Light"), 100.0, true);
        view.setClick(clickAt(120.0, 4, 4));
        view.setMarkers(songMarkers());
        view.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&view));
    }
};

}  // namespace

TEST(StageCues, TheSectionIsTheMarkerAtOrBeforeThePositionAndTheNextOneFollows) {
    const auto markers = songMarkers();
    const stage::Sections before = stage::sectionsAt({{QStringLiteral("Verse"), 5.0}}, 2.0);
    EXPECT_TRUE(before.current.isEmpty());
    EXPECT_EQ(before.next, QStringLiteral("Verse"));
    EXPECT_DOUBLE_EQ(before.secondsToNext, 3.0);

    const stage::Sections verse = stage::sectionsAt(markers, 12.5);
    EXPECT_EQ(verse.current, QStringLiteral("Verse"));
    EXPECT_EQ(verse.next, QStringLiteral("Chorus"));
    EXPECT_DOUBLE_EQ(verse.secondsToNext, 17.5);
    // A jump lands on a frame a hair before the marker: it is at the marker.
    EXPECT_EQ(stage::sectionsAt(markers, 30.0 - 1e-5).current, QStringLiteral("Chorus"));
    const stage::Sections last = stage::sectionsAt(markers, 45.0);
    EXPECT_EQ(last.current, QStringLiteral("Chorus"));
    EXPECT_TRUE(last.next.isEmpty());
    EXPECT_LT(last.secondsToNext, 0.0);
    EXPECT_TRUE(stage::sectionsAt({}, 3.0).current.isEmpty());
}

TEST(StageCues, BarBeatFollowsTheClickGrid) {
    const audio::ClickSettings fourFour = clickAt(120.0, 4, 4);  // beats of 0.5 s
    struct Case {
        double seconds;
        const char* expected;
        bool downbeat;
    };
    for (const Case& c : {Case{0.0, "1.1", true}, Case{0.49, "1.1", true}, Case{0.5, "1.2", false},
                          Case{1.75, "1.4", false}, Case{2.0, "2.1", true}, Case{12.0, "7.1", true},
                          Case{13.5, "7.4", false}}) {
        const stage::BarBeat at = stage::barBeatAt(fourFour, c.seconds);
        EXPECT_EQ(stage::formatBarBeat(at), QString::fromLatin1(c.expected)) << c.seconds;
        EXPECT_EQ(at.downbeat(), c.downbeat) << c.seconds;
    }
    // 6/8 at 120: a beat is an eighth, 0.25 s; a bar 1.5 s.
    EXPECT_EQ(stage::formatBarBeat(stage::barBeatAt(clickAt(120.0, 6, 8), 1.5 + 0.25 * 5)),
              QStringLiteral("2.6"));
    // The first beat 1 s in: a pickup before it is bar 0.
    const audio::ClickSettings late = clickAt(60.0, 4, 4, 1.0);
    EXPECT_EQ(stage::formatBarBeat(stage::barBeatAt(late, 1.0)), QStringLiteral("1.1"));
    EXPECT_EQ(stage::formatBarBeat(stage::barBeatAt(late, 0.5)), QStringLiteral("0.4"));
}

TEST(StageCues, TheLightFlashesRightAfterEachBeatAndIsOffBetween) {
    const audio::ClickSettings click = clickAt(120.0, 4, 4);
    EXPECT_TRUE(stage::barBeatAt(click, 0.5).flashing());
    EXPECT_TRUE(stage::barBeatAt(click, 0.6).flashing());
    EXPECT_FALSE(stage::barBeatAt(click, 0.75).flashing());
    EXPECT_FALSE(stage::barBeatAt(click, 0.99).flashing());
    // At 300 BPM (0.2 s beats) the flash is at most half a beat, so it still goes off.
    const audio::ClickSettings fast = clickAt(300.0, 4, 4);
    EXPECT_TRUE(stage::barBeatAt(fast, 0.05).flashing());
    EXPECT_FALSE(stage::barBeatAt(fast, 0.15).flashing());
}

TEST(StageCues, TimesLeftRoundUpAndTimesPlayedRoundDown) {
    EXPECT_EQ(stage::formatRemaining(0.0), QStringLiteral("0:00"));
    EXPECT_EQ(stage::formatRemaining(0.2), QStringLiteral("0:01"));
    EXPECT_EQ(stage::formatRemaining(187.0), QStringLiteral("3:07"));
    EXPECT_EQ(stage::formatRemaining(3727.0), QStringLiteral("1:02:07"));
    EXPECT_EQ(stage::formatElapsed(83.9), QStringLiteral("1:23"));
}

TEST(StageView, ShowsTitleSectionsBarBeatAndTimeLeftAtAPosition) {
    Shown s;
    EXPECT_EQ(text(s.view, "stageTitle"), QStringLiteral("First Light"));
    s.view.setPosition(12.0);
    EXPECT_EQ(text(s.view, "stageSection"), QStringLiteral("Verse"));
    EXPECT_EQ(text(s.view, "stageNextSection"), QStringLiteral("Next: Chorus in 0:18"));
    EXPECT_EQ(text(s.view, "stageBarBeat"), QStringLiteral("7.1"));
    EXPECT_EQ(light(s.view), BeatLight::State::Downbeat);
    EXPECT_EQ(text(s.view, "stageSongLeft"), QStringLiteral("Song −1:28"));

    s.view.setPosition(12.3);  // between beats
    EXPECT_EQ(text(s.view, "stageBarBeat"), QStringLiteral("7.1"));
    EXPECT_EQ(light(s.view), BeatLight::State::Off);
    s.view.setPosition(12.5);  // the next beat
    EXPECT_EQ(text(s.view, "stageBarBeat"), QStringLiteral("7.2"));
    EXPECT_EQ(light(s.view), BeatLight::State::Beat);

    // Bar.beat advances with the position, a bar every 2 s at 120 BPM in 4/4.
    for (int bar = 8; bar <= 20; ++bar) {
        s.view.setPosition((bar - 1) * 2.0 + 1.0);
        EXPECT_EQ(text(s.view, "stageBarBeat"), QStringLiteral("%1.3").arg(bar));
    }
    s.view.setPosition(31.0);
    EXPECT_EQ(text(s.view, "stageSection"), QStringLiteral("Chorus"));
    EXPECT_EQ(text(s.view, "stageNextSection").trimmed(), QString());
}

TEST(StageView, ASongWithoutTempoShowsTheTimeInsteadOfBarBeat) {
    Shown s;
    s.view.setSong(QStringLiteral("Free Time"), 200.0, false);
    s.view.setPosition(83.4);
    EXPECT_EQ(text(s.view, "stageBarBeat"), QStringLiteral("1:23"));
    EXPECT_EQ(light(s.view), BeatLight::State::Off);
    EXPECT_EQ(text(s.view, "stageSongLeft"), QStringLiteral("Song −1:57"));
}

TEST(StageView, CountInIsShownWhileCounting) {
    Shown s;
    s.view.setCountIn(4);
    EXPECT_EQ(text(s.view, "stageBarBeat"), QStringLiteral("Count-in 4"));
    EXPECT_EQ(light(s.view), BeatLight::State::Beat);
    s.view.setCountIn(0);
    EXPECT_EQ(text(s.view, "stageBarBeat"), QStringLiteral("1.1"));
}

TEST(StageView, WithoutASetTheSetTimeIsTheSongsAndNoNextSongIsShown) {
    Shown s;
    s.view.setPosition(40.0);
    EXPECT_FALSE(test::part<QLabel>(s.view, "stageNextSong")->isVisible());
    EXPECT_EQ(text(s.view, "stageSetLeft"), QStringLiteral("Set −1:00"));
    EXPECT_FALSE(test::part<QPushButton>(s.view, "stageNext")->isEnabled());
    EXPECT_FALSE(test::part<QPushButton>(s.view, "stagePrevious")->isEnabled());
}

TEST(StageView, WithASetItShowsTheNextSongAndTheSetsTimeLeft) {
    Shown s;
    s.view.setPosition(40.0);
    s.view.setSetContext(QStringLiteral("Brassed Up"), 300.0);
    auto* nextSong = test::part<QLabel>(s.view, "stageNextSong");
    EXPECT_TRUE(nextSong->isVisible());
    EXPECT_EQ(nextSong->text(), QStringLiteral("Next song: Brassed Up"));
    EXPECT_EQ(text(s.view, "stageSetLeft"), QStringLiteral("Set −6:00"));
    s.view.setPosition(70.0);
    EXPECT_EQ(text(s.view, "stageSetLeft"), QStringLiteral("Set −5:30"));
    auto* next = test::part<QPushButton>(s.view, "stageNext");
    EXPECT_TRUE(next->isEnabled());
    QSignalSpy wantsNext(&s.view, &StageView::nextSongRequested);
    QTest::mouseClick(next, Qt::LeftButton);
    EXPECT_EQ(wantsNext.count(), 1);

    s.view.setSetContext(QString(), 0.0);  // the last song of the set
    EXPECT_EQ(nextSong->text(), QStringLiteral("Last song of the set"));
    EXPECT_FALSE(next->isEnabled());
    s.view.clearSetContext();
    EXPECT_FALSE(nextSong->isVisible());
    EXPECT_EQ(text(s.view, "stageSetLeft"), QStringLiteral("Set −0:30"));
}

TEST(StageView, TransportButtonsAndEscapeSayWhatTheUserWants) {
    Shown s;
    QSignalSpy play(&s.view, &StageView::playPauseRequested);
    QSignalSpy stop(&s.view, &StageView::stopRequested);
    QSignalSpy leave(&s.view, &StageView::leaveRequested);
    QTest::mouseClick(test::part<QPushButton>(s.view, "stagePlayPause"), Qt::LeftButton);
    QTest::mouseClick(test::part<QPushButton>(s.view, "stageStop"), Qt::LeftButton);
    QTest::keyClick(&s.view, Qt::Key_Escape);
    EXPECT_EQ(play.count(), 1);
    EXPECT_EQ(stop.count(), 1);
    EXPECT_EQ(leave.count(), 1);
}

TEST(StageView, TheVampButtonNamesTheSectionAndAsksForTheVamp) {
    Shown s;
    s.view.setPosition(12.0);
    auto* vamp = test::part<QPushButton>(s.view, "stageVamp");
    EXPECT_TRUE(vamp->isEnabled());
    EXPECT_EQ(vamp->text(), QStringLiteral("Vamp Verse"));
    QSignalSpy asked(&s.view, &StageView::vampRequested);
    QTest::mouseClick(vamp, Qt::LeftButton);
    EXPECT_EQ(asked.count(), 1);
    // While vamping it names the vamped section, wherever the play is.
    s.view.setVamp(true, QStringLiteral("Verse"));
    EXPECT_EQ(vamp->text(), QStringLiteral("Release Verse"));
    s.view.setPosition(40.0);
    EXPECT_EQ(vamp->text(), QStringLiteral("Release Verse"));
    s.view.setVamp(false, QStringLiteral("Verse"));
    EXPECT_EQ(vamp->text(), QStringLiteral("Vamp Chorus"));

    // A long name is shortened: the row of buttons still fits at 720p.
    const QString longName = QStringLiteral("A Very Long Section Name Indeed, Twice Over");
    s.view.setMarkers({{longName, 0.0}});
    s.view.setVamp(true, longName);
    QApplication::processEvents();
    EXPECT_EQ(vamp->text(), QStringLiteral("Release A Very Long Sec…"));
    const QStringList problems = test::LayoutCheck::problems(&s.view);
    EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();

    // No markers: nothing to vamp.
    s.view.setVamp(false, longName);
    s.view.setMarkers({});
    EXPECT_FALSE(vamp->isEnabled());
    EXPECT_EQ(vamp->text(), QStringLiteral("Vamp"));
}

// At the sizes of a laptop's and a stage monitor's full screen, nothing is cut or overlaps,
// the longest texts fit their labels, and the text grows with the screen.
TEST(StageView, NothingClipsAt720pAnd1080pAndTheTextScales) {
    test::AppTheme theme;
    int barBeatPx[2] = {0, 0};
    int n = 0;
    for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
        Shown s(size);
        s.view.setSetContext(QStringLiteral("A Song With A Rather Long Name"), 3600.0);
        s.view.setLocked(true);
        s.view.setPosition(999.0 * 2.0 - 0.5);  // bar 999, beat 4
        QApplication::processEvents();
        const QStringList problems = test::LayoutCheck::problems(&s.view);
        EXPECT_TRUE(problems.isEmpty())
            << size.width() << ": " << problems.join(QLatin1Char('\n')).toStdString();
        for (const char* name : {"stageBarBeat", "stageSongLeft", "stageSetLeft",
                                 "stageNextSection", "stageSection", "stageLock"}) {
            auto* label = test::part<QLabel>(s.view, name);
            EXPECT_LE(label->fontMetrics().horizontalAdvance(label->text()), label->width())
                << name << " at " << size.width();
            EXPECT_GE(label->height(), label->fontMetrics().height()) << name;
        }
        s.view.setCountIn(8);
        auto* barBeat = test::part<QLabel>(s.view, "stageBarBeat");
        EXPECT_LE(barBeat->fontMetrics().horizontalAdvance(barBeat->text()), barBeat->width());
        barBeatPx[n++] = barBeat->font().pixelSize();
    }
    EXPECT_GT(barBeatPx[1], barBeatPx[0] * 14 / 10);
}

// While playing the view is fed every frame (33 ms); the beat light repaints when it switches
// (twice a beat) and the big bar.beat only when it changes, once a beat.
TEST(StageView, RepaintsTheBeatLightAtBeatRateAndNothingElseBetweenBeats) {
    Shown s;
    s.view.setPosition(20.0);
    QTest::qWait(30);
    test::PaintCounter paints;
    auto* lamp = test::part<BeatLight>(s.view, "stageBeatLight");
    auto* barBeat = test::part<QLabel>(s.view, "stageBarBeat");
    int lampPaints = 0;
    int barBeatPaints = 0;
    // Two beats' worth of frames.
    for (double t = 20.0; t < 21.0 - 1e-9; t += 1.0 / 30.0) {
        s.view.setPosition(t);
        QTest::qWait(1);
    }
    QTest::qWait(30);
    for (const auto& p : paints.paints()) {
        lampPaints += p.widget == lamp;
        barBeatPaints += p.widget == barBeat;
    }
    EXPECT_GE(lampPaints, 2);  // it did flash
    EXPECT_LE(lampPaints, 4);  // on and off per beat, no more
    EXPECT_LE(barBeatPaints, 2);
    for (const auto& p : paints.paints())
        EXPECT_TRUE(p.widget == lamp || p.widget == barBeat ||
                    p.widget == test::part<QLabel>(s.view, "stageNextSection") ||
                    p.widget == test::part<QLabel>(s.view, "stageSongLeft") ||
                    p.widget == test::part<QLabel>(s.view, "stageSetLeft") || p.widget == &s.view)
            << p.widget->objectName().toStdString();
}

}  // namespace unity_StageViewTest
