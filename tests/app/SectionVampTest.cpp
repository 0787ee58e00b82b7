// The vamp's section lookup and its release setting; no device (the vamp playing is
// SectionVampPlaybackTest).
#include <gtest/gtest.h>

#include <QSettings>
#include <cmath>
#include <limits>

#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/SectionVamp.h"
#include "stemdeck/app/Settings.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SectionVampTest {

using namespace stemdeck;
using app::SectionVamp;
using app::SongMarker;

namespace {

const std::vector<SongMarker> kMarkers{{QStringLiteral("Verse"), 1.0},
                                       {QStringLiteral("Chorus"), 2.0},
                                       {QStringLiteral("Outro"), 3.0}};

void expectSection(const std::optional<SectionVamp::Section>& s, const char* name, double start,
                   double end) {
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->name.toStdString(), name);
    EXPECT_DOUBLE_EQ(s->start, start);
    EXPECT_DOUBLE_EQ(s->end, end);
}

}  // namespace

TEST(SectionVamp, TheSectionRunsFromTheMarkerAtOrBeforeToTheNextOne) {
    expectSection(SectionVamp::sectionAt(kMarkers, 1.3, 4.0), "Verse", 1.0, 2.0);
    expectSection(SectionVamp::sectionAt(kMarkers, 2.0, 4.0), "Chorus", 2.0, 3.0);
    expectSection(SectionVamp::sectionAt(kMarkers, 2.998, 4.0), "Chorus", 2.0, 3.0);
    // A jump to a marker can land a hair before it: that is the marker's section.
    expectSection(SectionVamp::sectionAt(kMarkers, 1.9996, 4.0), "Chorus", 2.0, 3.0);
}

TEST(SectionVamp, BeforeTheFirstMarkerIsTheStartAfterTheLastRunsToTheEnd) {
    expectSection(SectionVamp::sectionAt(kMarkers, 0.0, 4.0), "Start", 0.0, 1.0);
    expectSection(SectionVamp::sectionAt(kMarkers, 0.5, 4.0), "Start", 0.0, 1.0);
    expectSection(SectionVamp::sectionAt(kMarkers, 3.5, 4.0), "Outro", 3.0, 4.0);
}

TEST(SectionVamp, NoMarkersOrAnEmptySectionIsNone) {
    EXPECT_FALSE(SectionVamp::sectionAt({}, 1.0, 4.0).has_value());
    // A marker at the song's very end leaves nothing after it.
    const std::vector<SongMarker> atEnd{{QStringLiteral("End"), 4.0}};
    EXPECT_FALSE(SectionVamp::sectionAt(atEnd, 4.0, 4.0).has_value());
    expectSection(SectionVamp::sectionAt(atEnd, 2.0, 4.0), "Start", 0.0, 4.0);
    // A marker at 0: the song's start is its section.
    const std::vector<SongMarker> atZero{{QStringLiteral("Intro"), 0.0}};
    expectSection(SectionVamp::sectionAt(atZero, 0.0, 4.0), "Intro", 0.0, 4.0);
    // Two markers on the same place: the later one's section, never an empty one.
    const std::vector<SongMarker> twins{{QStringLiteral("A"), 1.0}, {QStringLiteral("B"), 1.0}};
    expectSection(SectionVamp::sectionAt(twins, 1.5, 4.0), "B", 1.0, 4.0);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_FALSE(SectionVamp::sectionAt(kMarkers, nan, 4.0).has_value());
}

TEST(SectionVamp, TheReleaseModeIsASettingThatDefaultsToTheEndOfThePass) {
    test::TempDir dir;
    const QString ini = test::qpath(dir / "stemdeck.ini");
    {
        app::Settings settings(ini);
        EXPECT_EQ(settings.vampRelease(), app::VampRelease::EndOfPass);
        settings.setVampRelease(app::VampRelease::NextBar);
        ASSERT_TRUE(settings.sync());
    }
    {
        app::Settings settings(ini);
        EXPECT_EQ(settings.vampRelease(), app::VampRelease::NextBar);
    }
    {
        QSettings raw(ini, QSettings::IniFormat);
        EXPECT_EQ(raw.value(app::Settings::kVampReleaseKey).toString().toStdString(), "next_bar");
        raw.setValue(app::Settings::kVampReleaseKey, QStringLiteral("sometimes"));
    }
    const app::Settings damaged(ini);
    EXPECT_EQ(damaged.vampRelease(), app::VampRelease::EndOfPass);
}

}  // namespace unity_SectionVampTest
