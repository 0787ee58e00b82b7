#pragma once
// What the app's action handlers share (internal to src/app/control).

#include <chrono>
#include <cstdint>
#include <string>

#include "stemdeck/control/ActionCall.h"

namespace stemdeck::app::replies {

// Done, with a line to show (a tempo that was tapped, the song now playing).
inline control::ActionResult said(std::string message) {
    control::ActionResult result;
    result.message = std::move(message);
    return result;
}

// The steady clock in nanoseconds: when a control message arrived or was answered.
inline std::int64_t steadyNowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace stemdeck::app::replies
