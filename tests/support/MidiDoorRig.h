#pragma once
// The MIDI door on the shared playback rig (PlaybackRig.h) and a raw libjack peer playing the
// controller: what the MIDI door's tests (tests/midi/MidiDoorTest.cpp) and its latency
// measurement (tests/latency/) share. Header-only: only tests that link stemdeck_midi_door and
// JackMidiPeer.cpp include it. The test's (GUI) thread only.
#include <gtest/gtest.h>

#include <QTest>
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "AudioFiles.h"
#include "JackMidiPeer.h"
#include "PlaybackRig.h"
#include "QtPath.h"
#include "stemdeck/app/control/MidiDoor.h"
#include "stemdeck/control/ActionCall.h"

namespace stemdeck::test {

// Sends a note-off bound to nothing until `door` has heard a message: the first cycles of a
// new connection may carry nothing on a slow machine.
inline ::testing::AssertionResult untilTheDoorHears(JackMidiPeer& peer, app::MidiDoor& door) {
    for (int i = 0; i < 50 && door.messageCount() == 0; ++i) {
        peer.send({0x80, 0, 0});
        (void)QTest::qWaitFor([&] { return door.messageCount() > 0; }, 200);
    }
    if (door.messageCount() == 0)
        return ::testing::AssertionFailure() << "no message came through in 10 s";
    return ::testing::AssertionSuccess();
}

// The shared rig (PlaybackRig) with the MIDI door listening to its ControlCenter.
struct MidiDoorRig : PlaybackRig {
    static constexpr int kTimeoutMs = 10000;

    app::MidiDoor door{center};
    JackMidiPeer peer;
    std::filesystem::path mappingFile = dir / "midi" / "pedal.json";

    MidiDoorRig() { center.addListener(&door); }
    ~MidiDoorRig() {
        center.removeListener(&door);
        peer.close();
    }
    bool load(const std::filesystem::path& folder) { return PlaybackRig::load(folder, kTimeoutMs); }
    // Opens the door on a virtual input with `bindings` (JSON) in its mapping file, and the
    // peer on both of its ports; sends until a message has come through (the first cycles of
    // a new connection may carry nothing on a slow machine).
    ::testing::AssertionResult openDoor(const std::string& bindings) {
        std::filesystem::create_directories(mappingFile.parent_path());
        writeTextFile(mappingFile,
                      R"({"format": "stemdeck-midi", "version": 1, "bindings": )" + bindings + "}");
        app::MidiDoorConfig config;
        config.mappingPath = qpath(mappingFile);
        config.api = control::backend::MidiApi::Jack;
        if (!door.start(config))
            return ::testing::AssertionFailure() << door.status().toStdString();
        if (!peer.open()) return ::testing::AssertionFailure() << peer.error();
        if (!peer.connectTo("stemdeck:control_in") ||
            !peer.connectFrom("stemdeck-feedback:feedback_out"))
            return ::testing::AssertionFailure() << peer.error();
        if (auto heard = untilTheDoorHears(peer, door); !heard) return heard;
        QTest::qWait(100);
        peer.received();  // whatever the door sent while connecting
        return ::testing::AssertionSuccess();
    }
    control::ActionResult run(const std::string& name, control::Origin origin) {
        control::ActionCall call;
        call.name = name;
        call.origin = origin;
        return center.invoke(call);
    }
    // Waits until the peer has received `wanted` (other messages may come before it).
    bool receives(const std::vector<std::uint8_t>& wanted) {
        std::vector<std::vector<std::uint8_t>> got;
        return QTest::qWaitFor(
            [&] {
                for (auto& m : peer.received()) got.push_back(m);
                return std::find(got.begin(), got.end(), wanted) != got.end();
            },
            5000);
    }
};

}  // namespace stemdeck::test
