#pragma once

#include <cstdint>

#include "stemdeck/audio/core/AtomicSnapshot.h"

namespace stemdeck::audio {

// An A-B loop as plain values: song frames [start, end).
struct LoopBounds {
    std::int64_t start = 0;
    std::int64_t end = 0;
    bool enabled = false;

    std::int64_t length() const { return end - start; }
};

// The user's A-B loop: set, moved, switched on and off from any thread; LoopPlayer reads it
// on the audio thread. A and B always change together (AtomicSnapshot), so the audio thread
// never sees a new A with an old B.
class LoopRegion {
  public:
    // Shorter loops are refused: LoopPlayer's seam crossfade must fit inside one pass.
    static constexpr double kMinLengthMs = 10.0;

    // Control thread, before an audio thread reads the region (a new song): the song's length
    // bounds B. Clears the loop.
    void prepare(int sampleRate, std::int64_t songLength);
    int sampleRate() const { return sampleRate_; }
    std::int64_t songLength() const { return songLength_; }
    // The shortest loop set() accepts, in frames.
    std::int64_t minLength() const { return minLength_; }

    // Any thread. Moves A and B: start is clamped to [0, song length] and end to the song's
    // end; refused (false, loop unchanged) when what remains is shorter than minLength().
    // Keeps the loop on or off as it was.
    bool set(std::int64_t start, std::int64_t end);
    // Any thread. Switching on needs valid bounds (false otherwise).
    bool setEnabled(bool on);
    // Any thread: off, and forgets A and B.
    void clear();

    // Any thread (not the audio thread: may retry while a write is under way).
    LoopBounds bounds() const { return bounds_.load(); }
    bool enabled() const { return bounds().enabled; }

    // Audio thread, wait-free: the current bounds, or false (out untouched) when a write
    // overlapped the read; keep the previous value then.
    bool read(LoopBounds& out) const noexcept { return bounds_.tryLoad(out); }
    // Any thread, wait-free: changes whenever the region is written (AtomicSnapshot::version).
    std::uint64_t version() const noexcept { return bounds_.version(); }

  private:
    int sampleRate_ = 0;
    std::int64_t songLength_ = 0;
    std::int64_t minLength_ = 1;
    AtomicSnapshot<LoopBounds> bounds_;
};

}  // namespace stemdeck::audio
