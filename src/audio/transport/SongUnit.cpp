#include "stemdeck/audio/transport/SongUnit.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "../core/EqualPowerFade.h"
#include "stemdeck/audio/core/ThreadContract.h"
#include "stemdeck/audio/loader/Song.h"

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
    // The gain table is built here, off the audio thread; never longer than the song's output
    // at the slowest tempo (0.5: twice its frames).
    if (leadOut.kind == Kind::Crossfade)
        fadeIn_ = detail::equalPowerFadeIn(
            static_cast<int>(std::min<std::int64_t>(crossfade, 2 * song.frames)));
}

}  // namespace stemdeck::audio
