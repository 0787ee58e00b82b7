#pragma once

// The song with sections that the stage and vamp window tests play, and a seek that waits
// for the stage view to show it.
#include <QTest>
#include <cmath>
#include <filesystem>

#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/ui/StageView.h"

namespace stemdeck::test {

// A 60 s song at 120 BPM in 4/4 (a bar every 2 s), titled "Stage Song", with an intro, a
// verse at 8 s and a chorus at 24 s.
inline std::filesystem::path markedSong(WindowRig& rig) {
    const auto song = writeUiSong(rig.dir, "marked", 60.0);
    writeTextFile(song / "meta.json",
                  R"({"title": "Stage Song", "tempo": 120, "time_signature": "4/4"})");
    writeTextFile(song / "markers.json", R"({"version": 1, "markers": [
        {"name": "Intro", "seconds": 0}, {"name": "Verse", "seconds": 8},
        {"name": "Chorus", "seconds": 24}]})");
    return song;
}

// Seeks and waits for the stage view to be told (the PlaybackManager's poll).
inline bool seekShown(WindowRig& rig, double seconds) {
    rig.playback().seek(seconds);
    ui::StageView* stage = rig.window->stageView();
    return QTest::qWaitFor([&] { return std::abs(stage->position() - seconds) < 1e-3; }, 3000);
}

}  // namespace stemdeck::test
