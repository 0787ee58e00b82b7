#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace stemdeck::control {

// What every door shows of the player: sampled on the control thread (app::StateCollector)
// after each action and on a 10 Hz tick, then compared with the previous sample so that
// doors push only what changed (a WebSocket patch, OSC messages, MIDI feedback).
struct ControlState {
    struct Stem {
        std::string name;
        double gainDb = 0.0;  // -100 stands for -inf
        bool mute = false;
        bool solo = false;
        bool operator==(const Stem&) const = default;
    };
    // A marker of the current song, in time order (the web page's section list).
    struct Marker {
        std::string name;
        double seconds = 0.0;
        bool operator==(const Marker&) const = default;
    };
    struct SetSong {
        std::string title;
        double duration = 0.0;
        bool operator==(const SetSong&) const = default;
    };

    std::string state = "stopped";  // "playing", "paused", "stopped"
    bool playing = false;
    double position = 0.0;  // seconds of song time
    double duration = 0.0;
    std::string song;  // title, empty without a song
    std::string setName;
    int setIndex = -1;  // 0-based; -1 without a set
    std::vector<SetSong> setSongs;
    double setTimeLeft = 0.0;
    std::string section;  // the marker at or before the position
    std::string nextSection;
    std::vector<Marker> markers;  // the song's markers; `marker.goto` n is markers[n - 1]
    std::string barBeat;          // "12.3", empty without a tempo grid
    int countIn = 0;              // beats of count-in left
    double timeLeft = 0.0;
    bool loop = false;
    bool vamp = false;
    double tempo = 1.0;  // ratio
    double pitchCents = 0.0;
    bool click = false;
    double bpm = 0.0;
    std::vector<Stem> stems;
    double masterDb = 0.0;
    bool lock = false;
    bool stage = false;  // the window's stage view; always false in serve

    bool operator==(const ControlState&) const = default;
};

// The whole state as JSON (snake_case keys, as in the web API and the OSC state addresses).
nlohmann::json toJson(const ControlState& state);

// Only the top-level keys of toJson whose values differ between `before` and `after`, with
// their new values; empty when nothing changed. `position` counts as changed only when it
// moved by at least `positionStep` seconds (pushes at 10 Hz need no finer).
nlohmann::json diff(const ControlState& before, const ControlState& after,
                    double positionStep = 0.05);

}  // namespace stemdeck::control
