#pragma once

#include <QObject>

namespace stemdeck::app {

class PlaybackManager;
class Settings;

// Keeps the saved sample rate to what the device really runs. When the chosen rate cannot be
// opened and the device plays at its own rate instead (PlaybackManager::sampleRateFellBack),
// the setting becomes "device default" (0): the settings and the settings dialog then show
// what is running, and the refused rate is not tried again at every start and every block-size
// change (each of which brought the fallback banner back). GUI thread.
class SampleRateFollower : public QObject {
    Q_OBJECT
  public:
    SampleRateFollower(Settings& settings, PlaybackManager& playback, QObject* parent = nullptr);
};

}  // namespace stemdeck::app
