#include "stemdeck/app/MixerFacade.h"

#include "stemdeck/audio/Engine.h"

namespace stemdeck::app {

bool MixerFacade::hasSong() const {
    return engine_.hasSong();
}

std::vector<std::string> MixerFacade::stemNames() const {
    std::vector<std::string> names;
    if (const audio::Song* song = engine_.song())
        for (const audio::Stem& stem : song->stems) names.push_back(stem.name);
    return names;
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
