#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

// The one rule for a crossfade longer than the songs it joins, used by live playback
// (SetTransport), the offline set render, the CLI's `render SET` and Check Set alike: the
// crossfade is shortened to what both songs allow, so a set sounds the same everywhere and
// nobody is refused a render or surprised by a segue. Any thread (the audio thread too: no
// allocation, no locks).
namespace stemdeck::audio {

// Output frames a song plays from its start point (its start marker, else its first frame) to
// its end at `tempo`: what a crossfade may overlap of it.
inline std::int64_t playedOutputFrames(std::int64_t songFrames, std::int64_t startFrame,
                                       double tempo) noexcept {
    if (!(tempo > 0.0) || songFrames <= startFrame) return 0;
    return std::llround(static_cast<double>(songFrames - std::max<std::int64_t>(startFrame, 0)) /
                        tempo);
}

// The crossfade applied between two songs: the one asked for, shortened to the outgoing
// song's played length from its start point and to the incoming song's; never negative.
// Frames or seconds alike (every length in the same unit).
template <typename Length>
Length appliedCrossfade(Length asked, Length outgoing, Length incoming) noexcept {
    return std::max(Length{0}, std::min({asked, outgoing, incoming}));
}

}  // namespace stemdeck::audio
