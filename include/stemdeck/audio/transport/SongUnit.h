#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::audio {

struct Song;
class MixControls;

// How a song of a set leads into the next one, in output time (after the song's own tempo).
struct SongTransition {
    enum class Kind {
        Stop,       // the song ends; the next is cued and starts on the next play (count-in)
        Gap,        // the next starts by itself after `gapSeconds` of silence (no count-in)
        Segue,      // the next song's first sample follows this song's last one
        Crossfade,  // the next starts `crossfadeSeconds` before this one ends, equal-power
    };
    Kind kind = Kind::Stop;
    double gapSeconds = 0.0;
    double crossfadeSeconds = 0.0;
};

// The lead-out as the audio thread reads it: one atomic word, so a change while the song plays
// is seen whole (kind and length together).
struct LeadOutPlan {
    SongTransition::Kind kind = SongTransition::Kind::Stop;
    std::int64_t gapFrames = 0;  // Gap only
    int crossfadeFrames = 0;     // Crossfade only
};

// One song of a set as it plays: its own Transport (mixer, bus chains, loop player, time
// stretcher, buffer gate, click grid, play state), the mix it reads, and how it leads into the
// next song. Built, and freed, off the audio thread; the SetTransport hands it to the audio
// thread through an atomic pointer.
class SongUnit {
  public:
    // Control thread. Allocates everything (Transport::prepare). `song` and `controls` must
    // outlive the unit (or be held by its owner(), see setOwner). Throws std::invalid_argument
    // for a negative gap or crossfade, or a rate Transport::prepare refuses.
    SongUnit(const Song& song, const MixControls& controls, int sampleRate,
             const SongTransition& leadOut, const TransportSetup& setup = {});

    // Any thread: the unit's transport (its commands are atomics).
    Transport& transport() { return transport_; }
    const Transport& transport() const { return transport_; }
    const Song& song() const { return *song_; }
    const MixControls& controls() const { return *controls_; }
    // Control thread: the lead-out last set.
    const SongTransition& leadOut() const { return leadOut_; }
    // Control thread, also while the song plays: a new lead-out. The SetTransport reads it
    // until the transition starts; a transition under way keeps the lead-out it started with.
    // Throws std::invalid_argument (nothing changed) for a negative or not finite length.
    void setLeadOut(const SongTransition& leadOut);
    // Any thread (the audio thread reads it once per run): the lead-out in output frames.
    LeadOutPlan leadOutPlan() const noexcept;
    // Output frames of the gap / of the crossfade into the next song (0 for other kinds).
    std::int64_t gapFrames() const { return leadOutPlan().gapFrames; }
    int crossfadeFrames() const { return leadOutPlan().crossfadeFrames; }
    // Control thread, before the unit is cued or started: where the song starts in a set (its
    // entry's start marker; 0: its first frame), for the crossfade rule (CrossfadeRule.h).
    void setStartFrame(std::int64_t frame) { startFrame_.store(frame, std::memory_order_relaxed); }
    // Any thread (the audio thread at a crossfade's start): output frames the song plays from
    // its start point at its tempo now.
    std::int64_t playedOutputFrames() const noexcept;
    // Audio thread: the next song's equal-power fade-in gain at frame i of a crossfade of
    // `length` frames, sin(pi/2 (i + 0.5) / length) (the fade-out is the same curve read
    // backwards, so the squares sum to 1). Computed, not a table: a lead-out can change while
    // the song plays without the audio thread ever freeing memory.
    static float fadeInGain(std::int64_t i, std::int64_t length) noexcept;
    static float fadeOutGain(std::int64_t i, std::int64_t length) noexcept {
        return fadeInGain(length - 1 - i, length);
    }
    float fadeInGain(std::int64_t i) const noexcept { return fadeInGain(i, crossfadeFrames()); }
    float fadeOutGain(std::int64_t i) const noexcept { return fadeOutGain(i, crossfadeFrames()); }

    // Control thread: what owns the song and mix the unit plays (the Engine's song, decode and
    // mix), freed with the unit, on the control thread that frees it. Typed by its owner.
    void setOwner(std::shared_ptr<void> owner) { owner_ = std::move(owner); }
    void* owner() const { return owner_.get(); }

  private:
    // Declared first: freed last, after the transport that reads the song and the mix.
    std::shared_ptr<void> owner_;
    const Song* song_;
    const MixControls* controls_;
    int sampleRate_;
    SongTransition leadOut_;
    std::atomic<std::uint64_t> plan_{0};  // kind in the low 2 bits, its frames above
    std::atomic<std::int64_t> startFrame_{0};
    Transport transport_;
};

}  // namespace stemdeck::audio
