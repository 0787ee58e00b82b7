#include "stemdeck/app/MixerFacade.h"

#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/loader/StemNames.h"

namespace stemdeck::app {

bool MixerFacade::hasSong() const {
    return engine_.hasSong();
}

std::vector<std::string> MixerFacade::stemNames() const {
    const audio::Song* song = engine_.song();
    return song ? audio::stemNames(*song) : std::vector<std::string>{};
}

audio::MixControls& MixerFacade::controls() {
    return engine_.mix();
}

const audio::MixControls& MixerFacade::controls() const {
    return engine_.mix();
}

audio::MeterReading MixerFacade::takeMeterReading() {
    return engine_.takeMeterReading();
}

std::size_t MixerFacade::clickSource() const {
    return engine_.clickSource();
}

int MixerFacade::route(std::size_t source) const {
    return engine_.route(source);
}

bool MixerFacade::setRoute(std::size_t source, int pair) {
    return engine_.setRoute(source, pair);
}

int MixerFacade::outputChannels() const {
    return engine_.outputChannels();
}

}  // namespace stemdeck::app
