#pragma once

#include "stemdeck/app/set/SetList.h"
#include "stemdeck/audio/transport/SongUnit.h"

namespace stemdeck::app::set {

// The engine's lead-out for a set entry: its transition with the length that kind uses (the
// other length 0). Live playback (PlaybackManager) and the CLI's set render both map entries
// through this, so they play a set the same way. Any thread.
audio::SongTransition leadOutOf(const SetEntry& entry);

}  // namespace stemdeck::app::set
