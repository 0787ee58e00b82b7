#pragma once

#include <QString>
#include <cstdint>
#include <vector>

#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/audio/click/ClickSettings.h"

namespace stemdeck::app {

// What the stage view (and the control layer's state) reads off a song at a play position: the
// sections its markers make and where the position falls on the click's beat grid. Plain functions
// of their arguments (no widget, no engine), so the stage view only shows what they say. Any
// thread.
namespace stage {

// A position within this of a marker is at the marker: a jump lands on a frame, which may lie
// a hair before the marker's seconds.
inline constexpr double kMarkerSlackSeconds = 0.001;
// How long the beat light stays on after a beat (at most half a beat, so it goes off between
// beats at any tempo).
inline constexpr double kBeatFlashSeconds = 0.15;

struct Sections {
    QString current;            // the marker at or before the position; empty before the first
    QString next;               // the marker after it; empty after the last
    double secondsToNext = -1;  // to `next`; -1 when there is none
};
// `markers` sorted by time, as SongMarkers keeps them.
Sections sectionsAt(const std::vector<SongMarker>& markers, double seconds);

struct BarBeat {
    std::int64_t bar = 1;      // 1 at the click's first beat (0 and below before it)
    int beat = 1;              // 1 .. beats per bar
    double sinceBeat = 0.0;    // seconds since that beat
    double beatSeconds = 0.5;  // the length of a beat
    bool downbeat() const { return beat == 1; }
    // The light is on for a flash after each beat.
    bool flashing() const;
};
// The last beat at or before `seconds` on the grid of `click` (its BPM, meter and first beat).
BarBeat barBeatAt(const audio::ClickSettings& click, double seconds);
// "12.3": bar 12, beat 3.
QString formatBarBeat(const BarBeat& position);
// "1:23": whole seconds played, truncated (never ahead of the audio).
QString formatElapsed(double seconds);
// "3:07", "1:02:07": whole seconds, rounded up so that 0:00 means the end has come.
QString formatRemaining(double seconds);

}  // namespace stage

}  // namespace stemdeck::app
