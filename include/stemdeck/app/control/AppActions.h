#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "stemdeck/app/control/AppParts.h"
#include "stemdeck/audio/timeline/TapTempo.h"
#include "stemdeck/control/ActionRegistry.h"

namespace stemdeck::app {

// Runs the catalog's actions on the app objects, through the same methods the window's
// controls call (PlaybackManager, SetPlayer, SongMarkers, SectionVamp, the mixer, LockState),
// so a pedal, a phone and a click of the mouse do the same thing. Each handler answers one
// printable line. `stage` is left without a handler (Unavailable): only a window has a stage
// view, and it sets its own. Must outlive the registry it bound. Control thread only.
class AppActions {
  public:
    explicit AppActions(const AppParts& parts) : parts_(parts) {}
    AppActions(const AppActions&) = delete;
    AppActions& operator=(const AppActions&) = delete;

    // Sets the handler of every action of `registry` this knows (names it lacks are skipped).
    void bind(control::ActionRegistry& registry);

  private:
    using Result = control::ActionResult;
    using Call = control::ValidCall;
    void bindTransport(control::ActionRegistry& registry);
    void bindRehearsal(control::ActionRegistry& registry);
    void bindSet(control::ActionRegistry& registry);
    void bindMix(control::ActionRegistry& registry);

    Result needSong() const;  // Ok, or Unavailable "no song is loaded"
    Result loop(const Call& call);
    Result click(const Call& call);
    Result tapTempo(const Call& call);
    Result tempoStep(const Call& call, double sign);
    Result pitchStep(int semitones);
    Result songGo(const Call& call, int step);
    Result markerGo(const Call& call, int step);
    Result vamp(const Call& call);
    // stem.mute / stem.solo / stem.gain; `what` picks which.
    enum class StemField { Mute, Solo, Gain };
    Result stem(const Call& call, StemField what);

    AppParts parts_;
    audio::TapTempo tap_;
};

}  // namespace stemdeck::app
