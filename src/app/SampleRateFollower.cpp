#include "stemdeck/app/SampleRateFollower.h"

#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/Settings.h"

namespace stemdeck::app {

SampleRateFollower::SampleRateFollower(Settings& settings, PlaybackManager& playback,
                                       QObject* parent)
    : QObject(parent) {
    connect(&playback, &PlaybackManager::sampleRateFellBack, this, [&settings](int requested) {
        // Only the choice that failed: a rate picked meanwhile is the user's newer wish.
        if (settings.sampleRate() != requested) return;
        settings.setSampleRate(0);
        settings.sync();
    });
}

}  // namespace stemdeck::app
