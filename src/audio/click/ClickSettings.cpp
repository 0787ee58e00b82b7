#include "stemdeck/audio/click/ClickSettings.h"

#include <cmath>

#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::audio {

bool applyClickSettings(const ClickSettings& settings, Transport& transport) {
    const TimeSignature signature{settings.beatsPerBar, settings.beatUnit};
    if (!signature.valid()) return false;
    const int rate = transport.sampleRate() > 0 ? transport.sampleRate() : 48000;
    const auto origin = static_cast<std::int64_t>(std::llround(settings.firstBeatSeconds * rate));
    ClickGenerator& click = transport.click();
    if (!click.setGrid(settings.bpm, signature, origin)) return false;
    click.setLevel(MixControls::dbToLinear(settings.levelDb));
    click.setEnabled(settings.enabled);
    transport.setCountInBars(settings.countInBars);
    return true;
}

}  // namespace stemdeck::audio
