#include "stemdeck/app/GuideCueClips.h"

#include <QHash>
#include <cmath>

#include "stemdeck/audio/timeline/BeatGrid.h"
#include "stemdeck/voice/CueVoice.h"

namespace stemdeck::app {

std::vector<audio::GuideCue> guideCueClips(const std::vector<SongMarker>& markers,
                                           const audio::ClickSettings& click, int sampleRate,
                                           const voice::CueVoice& voice) {
    std::vector<audio::GuideCue> cues;
    if (!voice.available() || sampleRate <= 0) return cues;
    const audio::BeatGrid grid(click.bpm, {click.beatsPerBar, click.beatUnit},
                               std::llround(click.firstBeatSeconds * sampleRate), sampleRate);
    QHash<QString, std::vector<float>> spoken;  // "Chorus" twice is synthesised once
    for (const SongMarker& marker : markers) {
        const auto start =
            audio::GuideCues::cueStart(grid, std::llround(marker.seconds * sampleRate));
        if (!start) continue;
        auto it = spoken.find(marker.name);
        if (it == spoken.end())
            it = spoken.insert(marker.name, voice.speak(marker.name.toStdString()));
        if (!it->empty()) cues.push_back({*start, *it});
    }
    return cues;
}

}  // namespace stemdeck::app
