#include "stemdeck/audio/transport/SongUnit.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "../core/EqualPowerFade.h"
#include "stemdeck/audio/core/ThreadContract.h"

namespace stemdeck::audio {

namespace {
// Seconds to output frames; refuses what a set file must not hold.
std::int64_t framesOf(double seconds, int sampleRate, const char* what) {
    if (!(seconds >= 0.0) || !std::isfinite(seconds))
        throw std::invalid_argument(std::string(what) + " must be 0 s or more");
    return std::llround(seconds * sampleRate);
}
}  // namespace

SongUnit::SongUnit(const Song& song, const MixControls& controls, int sampleRate,
                   const SongTransition& leadOut, const TransportSetup& setup)
    : song_(&song), controls_(&controls), leadOut_(leadOut) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    using Kind = SongTransition::Kind;
    const std::int64_t gap = framesOf(leadOut.gapSeconds, sampleRate, "the gap");
    const std::int64_t crossfade = framesOf(leadOut.crossfadeSeconds, sampleRate, "the crossfade");
    transport_.prepare(&song, &controls, sampleRate, setup);
    if (leadOut.kind == Kind::Gap) gapFrames_ = gap;
    // Crossfades are bounded by the set file's checks (a few seconds); the table is built here,
    // off the audio thread.
    if (leadOut.kind == Kind::Crossfade)
        fadeIn_ = detail::equalPowerFadeIn(static_cast<int>(crossfade));
}

}  // namespace stemdeck::audio
