#include <gtest/gtest.h>

#include <QSpinBox>
#include <QTest>
#include <QToolButton>

#include "WidgetParts.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/ui/RehearsalBar.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_RehearsalBarTest {

using stemdeck::test::part;
using stemdeck::ui::RehearsalBar;

TEST(RehearsalBar, TheCountInSaysBarOrBars) {
    RehearsalBar bar;
    auto* countIn = part<QSpinBox>(bar, "countInSpin");
    EXPECT_EQ(countIn->text(), QStringLiteral("No count-in"));
    countIn->setValue(1);
    EXPECT_EQ(countIn->text(), QStringLiteral("Count-in 1 bar"));
    countIn->setValue(2);
    EXPECT_EQ(countIn->text(), QStringLiteral("Count-in 2 bars"));
    countIn->setValue(1);
    EXPECT_EQ(countIn->text(), QStringLiteral("Count-in 1 bar"));
}

// "100 %" and "0 st" on the reset buttons read like values.
TEST(RehearsalBar, ResetButtonsSayResetAndWhatTheyResetTo) {
    RehearsalBar bar;
    auto* tempo = part<QToolButton>(bar, "tempoResetButton");
    auto* pitch = part<QToolButton>(bar, "pitchResetButton");
    EXPECT_EQ(tempo->text(), QStringLiteral("Reset"));
    EXPECT_EQ(pitch->text(), QStringLiteral("Reset"));
    EXPECT_TRUE(tempo->toolTip().contains(QStringLiteral("100 %")))
        << tempo->toolTip().toStdString();
    EXPECT_TRUE(pitch->toolTip().contains(QStringLiteral("original key")));
    auto* tempoSpin = part<QSpinBox>(bar, "tempoSpin");
    tempoSpin->setValue(80);
    QTest::mouseClick(tempo, Qt::LeftButton);
    EXPECT_EQ(tempoSpin->value(), 100);
}

// Narrow windows: the controls wrap to a second row instead of being squeezed or cut.
TEST(RehearsalBar, WrapsToASecondRowWhenNarrow) {
    RehearsalBar bar;
    bar.resize(bar.sizeHint().width() + 20, bar.heightForWidth(bar.sizeHint().width() + 20));
    bar.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&bar));
    auto* tempo = part<QWidget>(bar, "tempoGroup");
    auto* click = part<QWidget>(bar, "clickGroup");
    EXPECT_EQ(tempo->y(), click->y()) << "wide: one row";
    const int oneRow = bar.height();
    const int narrow = click->sizeHint().width() + 60;
    EXPECT_LT(bar.minimumSizeHint().width(), narrow);
    bar.resize(narrow, bar.heightForWidth(narrow));
    QApplication::processEvents();
    EXPECT_GT(click->y(), tempo->y()) << "narrow: the click's controls on a row below";
    EXPECT_GT(bar.height(), oneRow);
    for (QWidget* group : {tempo, click}) {
        EXPECT_GE(group->width(), group->minimumSizeHint().width()) << "never squeezed";
        EXPECT_TRUE(bar.rect().contains(group->geometry())) << "never cut";
    }
}

// The count-in comes back from the settings (or a new song) with the bar's signals blocked:
// the unit must follow all the same ("Count-in 1 bars" was shown at start-up).
TEST(RehearsalBar, TheCountInSaysBarWhenItIsSetFromThePlayback) {
    stemdeck::audio::Engine engine;
    stemdeck::app::PlaybackManager playback(engine);
    RehearsalBar bar;
    bar.setPlayback(&playback);
    stemdeck::audio::ClickSettings click = playback.click();
    click.countInBars = 1;
    playback.setClick(click);
    EXPECT_EQ(part<QSpinBox>(bar, "countInSpin")->text(), QStringLiteral("Count-in 1 bar"));
    click.countInBars = 3;
    playback.setClick(click);
    EXPECT_EQ(part<QSpinBox>(bar, "countInSpin")->text(), QStringLiteral("Count-in 3 bars"));
}

}  // namespace unity_RehearsalBarTest
