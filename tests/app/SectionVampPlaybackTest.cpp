// SectionVamp on the real engine and a real stream (tests/support/with_jack.sh runs a private
// JACK dummy server): the section repeats where the play is, a release plays out or jumps at
// the next bar line, and the user's A-B loop comes back. The play is sampled every few
// milliseconds; the assertions hold however late a busy machine samples.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "AudioFiles.h"
#include "PlaybackRig.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SectionVamp.h"
#include "stemdeck/app/SongMarkers.h"
#include "stemdeck/audio/Engine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SectionVampPlaybackTest {

using namespace stemdeck;
using app::PlaybackManager;
using app::SectionVamp;
using app::VampRelease;
namespace fs = std::filesystem;

namespace {

constexpr int kTimeoutMs = 20000;

// The shared rig (PlaybackRig) and songs with markers for the vamp.
struct VampRig : test::PlaybackRig {
    // A sine song of `seconds` with markers at `at`, loaded.
    bool load(double seconds, const std::vector<double>& at, const char* name = "song") {
        const fs::path folder = test::writeSineSong(dir.path(), name, seconds, 1, 48000);
        std::vector<app::SongMarker> list;
        for (double s : at) list.push_back({QStringLiteral("M%1").arg(list.size() + 1), s});
        if (!store.save(test::qpath(folder), list)) return false;
        if (!PlaybackRig::load(folder, 10000)) return false;
        return markers.count() == static_cast<int>(at.size());
    }
    // Plays from `from` and waits until the play is past it.
    bool playFrom(double from) {
        playback.seek(from);
        playback.play();
        return QTest::qWaitFor([&] { return playback.position() > from + 0.05; }, kTimeoutMs);
    }
    // Samples the position every few ms until `done` says so (or the time is up).
    template <typename Done>
    std::vector<double> sampleUntil(Done done) {
        std::vector<double> seen;
        const bool finished = QTest::qWaitFor(
            [&] {
                seen.push_back(playback.position());
                return done(seen);
            },
            kTimeoutMs);
        EXPECT_TRUE(finished) << "timed out at " << seen.back();
        return seen;
    }
};

// Whether the samples went back (the loop wrapped) at least `times` times.
int wraps(const std::vector<double>& seen) {
    int n = 0;
    for (std::size_t i = 1; i < seen.size(); ++i)
        if (seen[i] < seen[i - 1] - 0.2) ++n;
    return n;
}

}  // namespace

TEST(SectionVampPlayback, RepeatsTheSectionWhereThePlayIsAndPlaysOutWhenReleased) {
    VampRig rig;
    ASSERT_TRUE(rig.load(4.0, {1.0, 2.0}));
    // The user's own loop, off, elsewhere: the vamp puts it back.
    rig.playback.setLoop(3.0, 3.5, false);
    ASSERT_TRUE(rig.playFrom(1.3));
    ASSERT_LT(rig.playback.position(), 1.8) << "too late to vamp the pass under way";
    QSignalSpy changed(&rig.vamp, &SectionVamp::vampChanged);
    const double before = rig.playback.position();
    rig.vamp.vamp();
    ASSERT_TRUE(rig.vamp.active());
    EXPECT_EQ(rig.vamp.section().name.toStdString(), "M1");
    // The play is not moved: the current pass plays on.
    EXPECT_NEAR(rig.playback.position(), before, 0.1);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_TRUE(changed.first().at(0).toBool());
    EXPECT_NEAR(changed.first().at(1).toDouble(), 1.0, 1e-3);
    EXPECT_NEAR(changed.first().at(2).toDouble(), 2.0, 1e-3);

    const std::vector<double> looped =
        rig.sampleUntil([](const std::vector<double>& seen) { return wraps(seen) >= 2; });
    ASSERT_GE(wraps(looped), 2) << "the section should have repeated";
    for (double s : looped) {
        EXPECT_GE(s, 1.0 - 1e-3);
        EXPECT_LT(s, 2.0);
    }

    rig.vamp.setReleaseMode(VampRelease::EndOfPass);
    rig.vamp.release();
    EXPECT_FALSE(rig.vamp.active());
    ASSERT_EQ(changed.count(), 2);
    EXPECT_FALSE(changed.last().at(0).toBool());
    // The pass plays out into the next section, without a wrap.
    const std::vector<double> out =
        rig.sampleUntil([](const std::vector<double>& seen) { return seen.back() > 2.3; });
    EXPECT_GT(out.back(), 2.3);
    EXPECT_EQ(wraps(out), 0);
    // The user's loop is back, as it was (off).
    EXPECT_TRUE(QTest::qWaitFor([&] { return rig.playback.loopEnd() > 0; }, kTimeoutMs));
    EXPECT_NEAR(rig.playback.loopStart(), 3.0, 1e-3);
    EXPECT_NEAR(rig.playback.loopEnd(), 3.5, 1e-3);
    EXPECT_FALSE(rig.playback.loopEnabled());
}

TEST(SectionVampPlayback, ReleasedAtTheNextBarItJumpsSeamlesslyToTheNextSection) {
    VampRig rig;
    // Bars of 0.5 s (240 quarter notes a minute, 2/4): the section 1.0-3.0 has bar lines at
    // 1.5, 2.0 and 2.5, so the jump comes before the pass would end.
    ASSERT_TRUE(rig.load(5.0, {1.0, 3.0}));
    audio::ClickSettings click = rig.playback.click();
    click.bpm = 240.0;
    click.beatsPerBar = 2;
    click.beatUnit = 4;
    click.firstBeatSeconds = 0.0;
    rig.playback.setClick(click);
    ASSERT_EQ(rig.playback.click().bpm, 240.0);
    rig.playback.setLoop(0.25, 0.75, true);  // the user's, on
    ASSERT_TRUE(rig.playFrom(1.1));
    rig.vamp.setReleaseMode(VampRelease::NextBar);
    rig.vamp.toggle();
    ASSERT_TRUE(rig.vamp.active());
    // Release after a wrap, early in a bar (the jump is taken at the bar line the audio
    // thread reads next, a little ahead of what is heard), before the section's last bar.
    const std::vector<double> looped = rig.sampleUntil([](const std::vector<double>& seen) {
        return wraps(seen) >= 1 && std::fmod(seen.back(), 0.5) < 0.25 && seen.back() < 2.3;
    });
    ASSERT_GE(wraps(looped), 1);
    for (double s : looped) EXPECT_TRUE(s >= 1.0 - 1e-3 && s < 3.0) << s;
    const double releasedAt = rig.playback.position();
    rig.vamp.toggle();
    EXPECT_FALSE(rig.vamp.active());
    const std::vector<double> out =
        rig.sampleUntil([](const std::vector<double>& seen) { return seen.back() >= 3.1; });
    ASSERT_GE(out.back(), 3.1);
    // Taken at a bar line before the pass ended: the last bar of the section (2.5-3.0) is
    // never heard, and the play does not go back to the section's start.
    const double barLine = std::ceil(releasedAt / 0.5) * 0.5;
    // Not at once: the bar under way plays on to its line first.
    EXPECT_TRUE(std::any_of(out.begin(), out.end(),
                            [&](double s) { return s > releasedAt + 0.1 && s < barLine; }))
        << "released at " << releasedAt;
    for (double s : out) {
        EXPECT_FALSE(s > barLine + 0.05 && s < 3.0 - 1e-3) << s << " after " << releasedAt;
        EXPECT_GE(s, releasedAt - 1e-3);
    }
    // The user's loop is back, on, once the play has left the section.
    EXPECT_TRUE(QTest::qWaitFor([&] { return std::abs(rig.playback.loopStart() - 0.25) < 1e-3; },
                                kTimeoutMs));
    EXPECT_NEAR(rig.playback.loopEnd(), 0.75, 1e-3);
    EXPECT_TRUE(rig.playback.loopEnabled());
}

TEST(SectionVampPlayback, ASongWithoutMarkersIsSaidAndNothingChanges) {
    VampRig rig;
    ASSERT_TRUE(rig.load(2.0, {}));
    rig.playback.setLoop(0.5, 1.0, true);
    QSignalSpy messages(&rig.vamp, &SectionVamp::message);
    rig.vamp.vamp();
    EXPECT_FALSE(rig.vamp.active());
    ASSERT_EQ(messages.count(), 1);
    EXPECT_NE(messages.first().at(0).toString().indexOf(QStringLiteral("no markers")), -1);
    EXPECT_NEAR(rig.playback.loopStart(), 0.5, 1e-3);
    EXPECT_NEAR(rig.playback.loopEnd(), 1.0, 1e-3);
}

TEST(SectionVampPlayback, EditingTheLoopOrChangingSongEndsTheVamp) {
    VampRig rig;
    ASSERT_TRUE(rig.load(4.0, {1.0, 2.0}));
    rig.playback.seek(1.5);
    QSignalSpy changed(&rig.vamp, &SectionVamp::vampChanged);
    rig.vamp.vamp();  // paused: the loop is set all the same
    ASSERT_TRUE(rig.vamp.active());
    EXPECT_NEAR(rig.playback.position(), 1.5, 1e-3);
    EXPECT_TRUE(rig.playback.loopEnabled());
    // The user's loop edit wins and stays.
    rig.playback.setLoop(2.5, 3.5, true);
    EXPECT_FALSE(rig.vamp.active());
    ASSERT_EQ(changed.count(), 2);
    EXPECT_FALSE(changed.last().at(0).toBool());
    EXPECT_NEAR(rig.playback.loopStart(), 2.5, 1e-3);

    rig.vamp.vamp();  // at 1.5 again
    ASSERT_TRUE(rig.vamp.active());
    ASSERT_TRUE(rig.load(3.0, {0.5}, "other"));
    EXPECT_FALSE(rig.vamp.active());
    EXPECT_FALSE(changed.last().at(0).toBool());
    EXPECT_LT(rig.playback.loopEnd(), 0.0) << "a new song starts without a loop";
}

TEST(SectionVampPlayback, ReleasedWhilePausedAtTheNextBarGoesToTheNextSectionAtOnce) {
    VampRig rig;
    ASSERT_TRUE(rig.load(4.0, {1.0, 2.0}));
    rig.playback.seek(1.2);
    rig.vamp.setReleaseMode(VampRelease::NextBar);
    rig.vamp.vamp();
    ASSERT_TRUE(rig.vamp.active());
    rig.vamp.release();
    EXPECT_NEAR(rig.playback.position(), 2.0, 1e-3);
    EXPECT_LT(rig.playback.loopEnd(), 0.0) << "no loop of the user's to bring back";
    EXPECT_FALSE(rig.playback.loopEnabled());
}

}  // namespace unity_SectionVampPlaybackTest
