#pragma once

#include <QString>
#include <functional>
#include <string>

#include "stemdeck/app/SongMeta.h"
#include "stemdeck/app/control/AppParts.h"
#include "stemdeck/audio/click/ClickSettings.h"
#include "stemdeck/control/ControlState.h"

namespace stemdeck::app {

// Samples what the doors show (control::ControlState) off the app objects, the way the
// window shows it: section and next section from the markers and bar.beat from the click
// grid as the stage view works them out (app/StageCues.h). Reads only: no signal, no change.
// Control thread only.
class StateCollector {
  public:
    explicit StateCollector(const AppParts& parts) : parts_(parts) {}

    control::ControlState sample();
    // Whether the window's stage view is shown (the state's `stage`); unset: never (serve).
    void setStageShown(std::function<bool()> shown) { stageShown_ = std::move(shown); }

    // "12.3" on the click's grid when the song has a tempo; empty without one (a bar count
    // would be a guess, as the stage view says) and while counting in. Pure, any thread.
    static std::string barBeat(const audio::ClickSettings& click, double seconds, bool hasTempo,
                               int countInBeats);

  private:
    // The current song's meta.json, read once per song (not at every 10 Hz sample).
    const SongMeta& meta();
    void sampleSet(control::ControlState& state) const;
    void sampleMix(control::ControlState& state) const;

    AppParts parts_;
    std::function<bool()> stageShown_;
    QString metaFolder_;
    SongMeta meta_;
};

}  // namespace stemdeck::app
