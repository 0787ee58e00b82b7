#pragma once

#include <cstdint>

#include "stemdeck/audio/device/ClockAnchor.h"

namespace stemdeck::control::midi {

// One MIDI clock message and when it is due (CLOCK_MONOTONIC_RAW ns, JACK's time base).
struct ClockEvent {
    std::int64_t dueNs = 0;  // 0: at once (a Stop, or an SPP while stopped)
    std::uint8_t bytes[3] = {0, 0, 0};
    std::uint8_t size = 0;
};

// MIDI clock out from the song's grid and the engine's latest ClockAnchor (CONTROL.md §6):
// 24 ticks (F8) per quarter note at the grid's tempo x the tempo setting, Start (FA) just
// before the tick of the first downbeat when playback starts there, Stop (FC) on pause, Song
// Position Pointer (F2, in 16ths) + Continue (FB) before the first tick when it starts
// anywhere else, FC + SPP + FB on a jump while playing, SPP on a seek while stopped. During a
// count-in, ticks at the count-in's tempo (a drum machine locks on to it) on the song's grid
// extended backwards, so that Start (or SPP + Continue) comes with the song's first tick.
// Pure and real-time safe (no allocation, no clock of its own): one thread (a sender's) owns it.
class ClockSchedule {
  public:
    static constexpr int kTicksPerQuarter = 24;

    // The events due before `untilNs` (JACK time of the end of the sender's next slot), in
    // order, into out[0, capacity). Returns how many; events that do not fit stay due for the
    // next call. `anchor` is the newest one the engine published (none yet: outFrames 0).
    int advance(const audio::ClockAnchor& anchor, std::int64_t untilNs, ClockEvent* out,
                int capacity) noexcept;

    // When tick `k` (counted from the grid's origin, 24 per quarter) is heard by `anchor`.
    static std::int64_t tickDueNs(const audio::ClockAnchor& anchor, std::int64_t k) noexcept;
    // Song frame of tick `k`.
    static double tickFrame(const audio::ClockAnchor& anchor, std::int64_t k) noexcept;
    // The Song Position Pointer (16ths from the grid's origin, 0..16383) of the first 16th at
    // or after `songFrame`.
    static int sixteenthAtOrAfter(const audio::ClockAnchor& anchor, double songFrame) noexcept;

    bool running() const { return running_; }

  private:
    enum class Lead { None, Start, Continue };
    bool push(ClockEvent* out, int capacity, int& n, std::int64_t due, std::uint8_t b0,
              std::uint8_t b1 = 0, std::uint8_t b2 = 0, std::uint8_t size = 1) noexcept;
    // `view`: the anchor as ticks are timed (during a count-in, moved to before the song);
    // `songStart`: where the song plays from.
    void begin(const audio::ClockAnchor& view, double songStart, bool countingIn) noexcept;

    bool seen_ = false;
    std::uint32_t epoch_ = 0;
    bool running_ = false;      // ticks are going out (after FA or FB)
    bool stopPending_ = false;  // FC not yet written
    int sppPending_ = -1;       // an SPP to write at once (seek while stopped)
    Lead lead_ = Lead::None;    // what goes out just before tick leadTick_
    std::int64_t leadTick_ = 0;
    std::int64_t nextTick_ = 0;  // below leadTick_ while counting in
};

}  // namespace stemdeck::control::midi
