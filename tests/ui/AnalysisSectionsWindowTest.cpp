// Markers › Song Analysis… › Suggest Sections (issue 14, part 5): on a song of two distinct
// halves the segmenter, run off the GUI thread, suggests a section start on a bar line near
// the change, and Add as Markers adds the suggestions to the song's markers (once).
#include <gtest/gtest.h>

#include <QAction>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "../analysis/AnalysisSignals.h"
#include "AudioFiles.h"
#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/ui/AnalysisPanel.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_AnalysisSectionsWindowTest {

using namespace stemdeck;
using Rig = test::WindowRig;

TEST(AnalysisSectionsWindow, SuggestsTheChangeOfATwoPartSongAndAddsItAsAMarker) {
    Rig rig;
    // 24 s of C major chords, then 24 s of A minor high up with noise; a click at 120 BPM.
    constexpr int kRate = 48000;
    const auto folder = rig.dir / "two-parts";
    std::filesystem::create_directories(folder);
    auto keys = test::chordProgression(0, false, 24.0, kRate);
    const auto second = test::chordProgression(9, true, 24.0, kRate);
    const auto hiss = test::noise(0.3, static_cast<std::int64_t>(second.size()), 3);
    for (std::size_t i = 0; i < second.size(); ++i) keys.push_back(second[i] + hiss[i]);
    test::writeAudioFile(folder / "keys.wav", {keys}, kRate);
    test::writeAudioFile(folder / "click.wav", {test::clickTrack(120.0, 48.0, kRate, 0.0)}, kRate);
    ASSERT_TRUE(rig.load(folder));
    ASSERT_TRUE(QTest::qWaitFor([&] { return rig.playback().sharedSong() != nullptr; }, 20000));

    rig.part<QAction>("actionSongAnalysis")->trigger();
    auto* panel = rig.part<ui::AnalysisPanel>("analysisPanel");
    auto* suggest = rig.in<QPushButton>(panel, "analysisSuggestSections");
    auto* add = rig.in<QPushButton>(panel, "analysisAddSections");
    auto* list = rig.in<QListWidget>(panel, "analysisSections");
    EXPECT_FALSE(add->isEnabled());
    suggest->click();
    EXPECT_FALSE(suggest->isEnabled());  // running, on a worker: the GUI goes on
    ASSERT_TRUE(QTest::qWaitFor([&] { return suggest->isEnabled(); }, 120000));
    const auto suggestions = panel->suggestions();
    ASSERT_FALSE(suggestions.empty());
    EXPECT_EQ(list->count(), static_cast<int>(suggestions.size()));
    bool nearTheChange = false;
    for (const double t : suggestions) {
        // On the analysis' bar lines, so on a beat (120 BPM: every 0.5 s); which beat starts
        // a bar is the analyser's call (AnalyzeCli.SuggestsSectionsOnBarLines).
        EXPECT_NEAR(std::remainder(t, 0.5), 0.0, 0.03) << t;
        if (std::abs(t - 24.0) <= 4.0) nearTheChange = true;
    }
    EXPECT_TRUE(nearTheChange);
    EXPECT_TRUE(list->item(0)->text().contains(QStringLiteral("bar")));

    const int before = rig.window->markers().count();
    ASSERT_TRUE(add->isEnabled());
    add->click();
    const auto& markers = rig.window->markers().markers();
    ASSERT_EQ(static_cast<int>(markers.size()), before + static_cast<int>(suggestions.size()));
    EXPECT_TRUE(std::any_of(markers.begin(), markers.end(), [](const app::SongMarker& m) {
        return std::abs(m.seconds - 24.0) <= 4.0 && m.name.startsWith(QStringLiteral("Section"));
    }));
    // Saved with the song; taken a second time, nothing more is added.
    EXPECT_TRUE(std::filesystem::exists(folder / "markers.json"));
    EXPECT_EQ(panel->addSectionsAsMarkers(), 0);
    EXPECT_EQ(static_cast<int>(rig.window->markers().markers().size()),
              before + static_cast<int>(suggestions.size()));
}

}  // namespace unity_AnalysisSectionsWindowTest
