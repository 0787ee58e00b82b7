#include "stemdeck/app/RoutingStore.h"

#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/audio/Engine.h"

namespace stemdeck::app {

RoutingStore::RoutingStore(Settings& settings, PlaybackManager& playback, QObject* parent)
    : QObject(parent) {
    auto applyNow = [&settings, &playback] { apply(settings, playback.engine()); };
    connect(&playback, &PlaybackManager::songLoaded, this, applyNow);
    connect(&playback, &PlaybackManager::outputChanged, this, applyNow);
}

void RoutingStore::apply(const Settings& settings, audio::Engine& engine) {
    const audio::Song* song = engine.song();
    if (!song) return;
    for (std::size_t i = 0; i < song->stems.size(); ++i)
        engine.setRoute(i, settings.stemRoute(QString::fromStdString(song->stems[i].name)));
    engine.setRoute(engine.clickSource(), settings.clickRoute());
}

bool RoutingStore::route(Settings& settings, audio::Engine& engine, std::size_t source, int pair) {
    const audio::Song* song = engine.song();
    if (!song) return false;
    if (source == engine.clickSource())
        settings.setClickRoute(pair);
    else if (source < song->stems.size())
        settings.setStemRoute(QString::fromStdString(song->stems[source].name), pair);
    else
        return false;
    settings.sync();
    return engine.setRoute(source, pair);
}

}  // namespace stemdeck::app
