#pragma once

// Bounds the whole engine agrees on, so the loader, the renderer, the CLI's checks and the
// GUI cannot disagree about what is sane. The engine clamps to these; the CLI refuses values
// outside them and the GUI's fields do not offer them; meta.json values outside them are
// reported and not used.

#include <limits>

namespace stemdeck::audio::limits {

// Sample rates stemdeck loads, plays and renders. Outside this range a header is lying or the
// file is not music, and Rubber Band's buffer sizing does not terminate for a rate of a few Hz.
inline constexpr int kMinSampleRate = 8000;
inline constexpr int kMaxSampleRate = 384000;

constexpr bool sampleRateInRange(long long rate) {
    return rate >= kMinSampleRate && rate <= kMaxSampleRate;
}

// Largest magnitude a decoded sample keeps (+36 dBFS). Float files may legitimately go above
// full scale, but not this far; bounding every sample at load keeps every sum in the mixer,
// the stretcher and the limiter finite whatever a file holds.
inline constexpr float kMaxSampleMagnitude = 64.0f;

// Frames per processing block or device buffer.
inline constexpr int kMinBlockFrames = 16;
inline constexpr int kMaxBlockFrames = 8192;

// Gains (stem, master, click): silence (-inf dB) up to +6 dB.
inline constexpr float kMinGainDb = -std::numeric_limits<float>::infinity();
inline constexpr float kMaxGainDb = 6.0f;

// Practice tempo as a ratio of the song's (time stretch without pitch change).
inline constexpr double kMinTempoRatio = 0.5;
inline constexpr double kMaxTempoRatio = 1.5;

// Transposition without tempo change: whole semitones either way, and the fine pitch in cents
// (which adds to them); the total stays within kMaxPitchCents.
inline constexpr int kMaxPitchSemitones = 12;
inline constexpr double kMaxFineCents = 100.0;
inline constexpr double kMaxPitchCents = 100.0 * kMaxPitchSemitones;

// A song's tempo in quarter notes per minute, for the click, count-in and bar jumps.
inline constexpr double kMinBpm = 20.0;
inline constexpr double kMaxBpm = 300.0;

constexpr bool bpmInRange(double bpm) {
    return bpm >= kMinBpm && bpm <= kMaxBpm;  // false for NaN
}

// Time signatures: 1 to 32 beats of a whole, half, quarter, ... or 32nd note.
inline constexpr int kMaxBeatsPerBar = 32;
inline constexpr int kMaxBeatUnit = 32;

// Bars of click before the music.
inline constexpr int kMaxCountInBars = 16;

// Passes of a loop rendered back to back.
inline constexpr int kMaxLoopPasses = 1000;

}  // namespace stemdeck::audio::limits
