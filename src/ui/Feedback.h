#pragma once

// How long the window's parts show what they tell the user, in one place: the parts are
// compiled together (a unity build), so each cannot keep its own copy.
namespace stemdeck::ui {

// A status-bar message stays this long (ms): long enough to read after looking up from the
// instrument.
inline constexpr int kStatusMessageMs = 10000;

// A progress bar's range: fine enough for a smooth bar, whatever the work's size.
inline constexpr int kProgressSteps = 1000;

}  // namespace stemdeck::ui
