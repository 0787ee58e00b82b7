#pragma once

#include <cstddef>
#include <optional>

#include "stemdeck/app/set/SetList.h"
#include "stemdeck/audio/transport/SongUnit.h"

namespace stemdeck::app::set {

// The engine's lead-out for a set entry: its transition with the length that kind uses (the
// other length 0). Live playback (PlaybackManager) and the CLI's set render both map entries
// through this, so they play a set the same way. Any thread.
audio::SongTransition leadOutOf(const SetEntry& entry);

// Check Set's and the CLI's warning when entry `index`'s crossfade plays shorter than asked,
// at `appliedSeconds` (audio::appliedCrossfade, CrossfadeRule.h): one line naming the entry,
// the asked and the applied length. None when it plays as asked (to the millisecond) or the
// entry is no crossfade. Any thread.
std::optional<SetProblem> shortenedCrossfade(std::size_t index, const SetEntry& entry,
                                             double appliedSeconds);

}  // namespace stemdeck::app::set
