#pragma once

#include <cstdint>

namespace stemdeck::audio {

class ClickGenerator;
class Transport;

// The user's click and count-in settings as one plain value (the GUI and the CLI fill it in).
struct ClickSettings {
    bool enabled = false;   // the metronome during playback
    float levelDb = -6.0f;  // click level; at or below -90 dB silent
    double bpm = 120.0;     // song tempo, quarter notes per minute
    int beatsPerBar = 4;    // time signature
    int beatUnit = 4;
    double firstBeatSeconds = 0.0;  // where beat 1 of bar 1 falls in the song
    int countInBars = 0;            // bars of click before playback starts (0: none)
};

// Control thread: applies the settings to a transport's click generator and count-in.
// False (nothing changed) for an invalid time signature.
bool applyClickSettings(const ClickSettings& settings, Transport& transport);

}  // namespace stemdeck::audio
