#pragma once

#include <vector>

#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/audio/click/ClickSettings.h"
#include "stemdeck/audio/click/GuideCues.h"

namespace stemdeck::voice {
class CueVoice;
}

namespace stemdeck::app {

// A song's spoken cues: each marker's name, made by `voice`, one bar of the click's grid
// (`click`: tempo, signature, first beat) before the marker (GuideCues::cueStart), at
// `sampleRate`. The one recipe for live playback and `render SET`, so that a render sounds as
// played. Any thread but the audio thread (it synthesises: tens of ms per word).
std::vector<audio::GuideCue> guideCueClips(const std::vector<SongMarker>& markers,
                                           const audio::ClickSettings& click, int sampleRate,
                                           const voice::CueVoice& voice);

}  // namespace stemdeck::app
