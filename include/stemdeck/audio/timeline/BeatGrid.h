#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "stemdeck/audio/core/Limits.h"

namespace stemdeck::audio {

struct TimeSignature {
    int beatsPerBar = 4;
    int beatUnit = 4;  // the note value of one beat: 4 = quarter, 8 = eighth

    // 1 to limits::kMaxBeatsPerBar beats of a whole, half, quarter, ... note, down to
    // 1 / limits::kMaxBeatUnit. The one rule for a time signature (meta.json, --meter, the app).
    bool valid() const;

    // "N/D", as meta.json and --meter write it ("6/8"; spaces around the numbers and a '+'
    // are allowed); nullopt unless it is valid().
    static std::optional<TimeSignature> parse(std::string_view text);
};

// Where the beats and bars of a song fall, in frames: a constant tempo from a beat origin, the
// frame of beat 1 of bar 1. Tempo is in quarter notes per minute, as DAWs, MIDI files and a
// song's meta.json count it; a beat is one unit of the time signature (an eighth in 6/8, so
// 6/8 at 120 has beats of 0.25 s). Beats before the origin (a pickup) have negative indices.
// A plain value (it crosses threads in an AtomicSnapshot); every method is audio-thread safe.
class BeatGrid {
  public:
    static constexpr double kMinBpm = limits::kMinBpm;
    static constexpr double kMaxBpm = limits::kMaxBpm;

    BeatGrid() = default;  // 120 BPM, 4/4, from frame 0 at 48 kHz
    // bpm is clamped to [kMinBpm, kMaxBpm]; an invalid signature becomes 4/4. Callers check
    // values that come from a user or a file first (limits::bpmInRange) and say so: this
    // clamp only keeps the grid sane.
    BeatGrid(double bpm, TimeSignature signature, std::int64_t origin, int sampleRate);

    double bpm() const { return bpm_; }
    TimeSignature signature() const { return signature_; }
    std::int64_t origin() const { return origin_; }
    int sampleRate() const { return sampleRate_; }
    double framesPerBeat() const;

    // The frame of beat `index` (0 is the origin), rounded to the nearest frame. Each beat is
    // rounded on its own, so no error accumulates over a song.
    std::int64_t beatFrame(std::int64_t index) const noexcept;
    std::int64_t barFrame(std::int64_t bar) const noexcept {
        return beatFrame(bar * signature_.beatsPerBar);
    }
    // Index of the first beat, or bar, whose frame is at or after `frame`.
    std::int64_t firstBeatAtOrAfter(std::int64_t frame) const noexcept;
    std::int64_t firstBarAtOrAfter(std::int64_t frame) const noexcept;
    // Beat 1 of a bar.
    bool isDownbeat(std::int64_t beat) const noexcept;

  private:
    double bpm_ = 120.0;
    TimeSignature signature_{};
    std::int64_t origin_ = 0;
    int sampleRate_ = 48000;
};

}  // namespace stemdeck::audio
