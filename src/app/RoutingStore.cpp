#include "stemdeck/app/RoutingStore.h"

#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/Settings.h"

namespace stemdeck::app {

RoutingStore::RoutingStore(Settings& settings, PlaybackManager& playback, QObject* parent)
    : QObject(parent) {
    auto applyNow = [&settings, &playback] { apply(settings, playback.mixer()); };
    connect(&playback, &PlaybackManager::songLoaded, this, applyNow);
    connect(&playback, &PlaybackManager::outputChanged, this, applyNow);
}

void RoutingStore::apply(const Settings& settings, MixerFacade& mixer) {
    if (!mixer.hasSong()) return;
    const std::vector<std::string> stems = mixer.stemNames();
    for (std::size_t i = 0; i < stems.size(); ++i)
        mixer.setRoute(i, settings.stemRoute(QString::fromStdString(stems[i])));
    mixer.setRoute(mixer.clickSource(), settings.clickRoute());
}

bool RoutingStore::route(Settings& settings, MixerFacade& mixer, std::size_t source, int pair) {
    if (!mixer.hasSong()) return false;
    const std::vector<std::string> stems = mixer.stemNames();
    if (source == mixer.clickSource())
        settings.setClickRoute(pair);
    else if (source < stems.size())
        settings.setStemRoute(QString::fromStdString(stems[source]), pair);
    else
        return false;
    settings.sync();
    return mixer.setRoute(source, pair);
}

}  // namespace stemdeck::app
