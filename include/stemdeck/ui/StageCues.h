#pragma once

// The stage view's cues moved down to the app layer (app/StageCues.h) so that the control
// layer's state shows the same section and bar.beat; the ui keeps its old name for them.
#include "stemdeck/app/StageCues.h"

namespace stemdeck::ui {
namespace stage = app::stage;
}  // namespace stemdeck::ui
