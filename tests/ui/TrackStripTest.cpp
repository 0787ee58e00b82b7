#include <gtest/gtest.h>

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "AppTheme.h"
#include "WidgetParts.h"
#include "stemdeck/ui/FaderTaper.h"
#include "stemdeck/ui/ResettableSlider.h"
#include "stemdeck/ui/TrackStrip.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_TrackStripTest {

using stemdeck::audio::StemMix;
using stemdeck::test::part;
using stemdeck::ui::FaderTaper;
using stemdeck::ui::ResettableSlider;
using stemdeck::ui::TrackStrip;

TEST(TrackStrip, ShowsAMixWithoutReportingItAsAChange) {
    TrackStrip strip;
    strip.setName(QStringLiteral("bass"));
    QSignalSpy gains(&strip, &TrackStrip::gainChanged);
    QSignalSpy mutes(&strip, &TrackStrip::muteToggled);
    QSignalSpy pans(&strip, &TrackStrip::panChanged);
    strip.showMix(StemMix{-10.0f, -0.4f, true, false}, false);
    EXPECT_EQ(gains.count() + mutes.count() + pans.count(), 0);
    EXPECT_EQ(part<QSlider>(strip, "fader")->value(), FaderTaper::sliderValue(-10.0f));
    EXPECT_EQ(part<QSlider>(strip, "panSlider")->value(), -40);
    EXPECT_TRUE(part<QPushButton>(strip, "muteButton")->isChecked());
    EXPECT_EQ(part<QLabel>(strip, "gainLabel")->text(), QStringLiteral("-10.0 dB"));
    EXPECT_EQ(part<QLabel>(strip, "panLabel")->text(), QStringLiteral("L 40"));
    EXPECT_EQ(strip.name(), QStringLiteral("bass"));
}

TEST(TrackStrip, ReportsWhatTheUserDoes) {
    TrackStrip strip;
    strip.resize(strip.sizeHint());
    strip.show();
    QSignalSpy gains(&strip, &TrackStrip::gainChanged);
    QSignalSpy pans(&strip, &TrackStrip::panChanged);
    QSignalSpy mutes(&strip, &TrackStrip::muteToggled);
    QSignalSpy solos(&strip, &TrackStrip::soloToggled);

    auto* fader = part<ResettableSlider>(strip, "fader");
    fader->setValue(FaderTaper::sliderValue(-6.0f));
    ASSERT_EQ(gains.count(), 1);
    EXPECT_NEAR(gains.last().at(0).toFloat(), -6.0f, 0.05f);
    QTest::mouseDClick(fader, Qt::LeftButton);
    EXPECT_FLOAT_EQ(gains.last().at(0).toFloat(), 0.0f) << "double-click returns to 0 dB";
    EXPECT_EQ(part<QLabel>(strip, "gainLabel")->text(), QStringLiteral("0.0 dB"));

    auto* pan = part<ResettableSlider>(strip, "panSlider");
    pan->setValue(60);
    EXPECT_FLOAT_EQ(pans.last().at(0).toFloat(), 0.6f);
    QTest::mouseDClick(pan, Qt::LeftButton);
    EXPECT_FLOAT_EQ(pans.last().at(0).toFloat(), 0.0f) << "double-click centres";
    EXPECT_EQ(part<QLabel>(strip, "panLabel")->text(), QStringLiteral("C"));

    QTest::mouseClick(part<QPushButton>(strip, "muteButton"), Qt::LeftButton);
    QTest::mouseClick(part<QPushButton>(strip, "soloButton"), Qt::LeftButton);
    ASSERT_EQ(mutes.count(), 1);
    EXPECT_TRUE(mutes.last().at(0).toBool());
    ASSERT_EQ(solos.count(), 1);
    EXPECT_TRUE(solos.last().at(0).toBool());
}

// A long name is cut with "…" to the strip's width (it was cut to a width the label did not
// have, and then clipped on both sides: "05 overheads" showed as "5 overhead").
TEST(TrackStrip, ALongNameIsElidedToTheStrip) {
    stemdeck::test::AppTheme theme;  // its bold name font is wider than the plain one
    TrackStrip strip;
    strip.setName(QStringLiteral("05 overheads and room"));
    strip.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&strip));
    auto* label = part<QLabel>(strip, "nameLabel");
    EXPECT_TRUE(label->text().endsWith(QStringLiteral("\u2026"))) << label->text().toStdString();
    EXPECT_TRUE(label->text().startsWith(QStringLiteral("05 ")));
    EXPECT_LE(label->fontMetrics().horizontalAdvance(label->text()), label->contentsRect().width());
    EXPECT_EQ(label->toolTip(), QStringLiteral("05 overheads and room"));
}

}  // namespace unity_TrackStripTest
