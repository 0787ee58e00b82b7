#pragma once
// The playback rig the control tests share (the MIDI door, the control center, the section
// vamp on a real stream): the real Engine and PlaybackManager on the stream that
// tests/support/with_jack.sh provides, the song's markers, the section vamp, a set player and
// the ControlCenter over them all. Header-only: only tests that link stemdeck_app include it.
// The test's (GUI) thread only.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <filesystem>
#include <string>
#include <vector>

#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SectionVamp.h"
#include "stemdeck/app/SongMarkers.h"
#include "stemdeck/app/control/ControlCenter.h"
#include "stemdeck/app/control/LockState.h"
#include "stemdeck/app/set/SetPlaybackPort.h"
#include "stemdeck/app/set/SetPlayer.h"
#include "stemdeck/app/set/SetSession.h"
#include "stemdeck/audio/Engine.h"

namespace stemdeck::test {

struct PlaybackRig {
    static constexpr int kSongRate = 48000;

    TempDir dir;
    audio::Engine engine;
    app::PlaybackManager playback{engine};
    app::MarkerStore store{qpath(dir / "markers")};
    app::SongMarkers markers{playback, store};
    app::SectionVamp vamp{playback, markers};
    app::set::SetSession session;
    app::set::PlaybackSetPort port{playback, &store};
    app::set::SetPlayer player{session, port};
    app::LockState lock;
    app::ControlCenter center{
        app::AppParts{playback, &markers, &vamp, &session, &player, nullptr, &lock}};

    PlaybackRig() {
        playback.openOutput({});
        EXPECT_TRUE(engine.outputOpen()) << playback.outputProblem().toStdString();
    }

    // A song folder `dir/name` of mono sine stems named `stems` (220 Hz, 110 Hz, 55 Hz …),
    // `seconds` long.
    std::filesystem::path writeSong(const std::string& name, double seconds,
                                    const std::vector<std::string>& stems = {"Drums"}) {
        const std::filesystem::path folder = dir / name;
        std::filesystem::create_directories(folder);
        const auto frames = static_cast<std::int64_t>(seconds * kSongRate);
        double hz = 220.0;
        for (const std::string& stem : stems) {
            writeAudioFile(folder / (stem + ".wav"), {sine(hz, 0.2, kSongRate, frames)}, kSongRate);
            hz /= 2.0;
        }
        return folder;
    }

    // Opens `folder`, waits (at most `timeoutMs`) until it is loaded and reads its markers.
    bool load(const std::filesystem::path& folder, int timeoutMs = 10000) {
        QSignalSpy loaded(&playback, &app::PlaybackManager::songLoaded);
        playback.openSong(qpath(folder));
        if (!loaded.wait(timeoutMs)) return false;
        markers.loadForCurrentSong();
        return true;
    }
};

}  // namespace stemdeck::test
