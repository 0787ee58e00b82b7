#pragma once

#include <QObject>
#include <cstddef>

namespace stemdeck::app {

class MixerFacade;
class PlaybackManager;
class Settings;

// Per-stem output routing that outlives a song: routes are kept in Settings by stem name (and
// one for the click) and given to the engine again whenever a song arrives (the engine starts
// every song on outputs 1-2) or the output reopens (a route a stereo device could not take
// applies once the multi-channel device is back). GUI thread.
class RoutingStore : public QObject {
    Q_OBJECT
  public:
    RoutingStore(Settings& settings, PlaybackManager& playback, QObject* parent = nullptr);

    // The remembered routes, to the current song.
    static void apply(const Settings& settings, MixerFacade& mixer);
    // Routes `source` (a stem index, or mixer.clickSource()) to `pair` and remembers it.
    // False when the open device has no such pair (the choice is still remembered).
    static bool route(Settings& settings, MixerFacade& mixer, std::size_t source, int pair);
};

}  // namespace stemdeck::app
