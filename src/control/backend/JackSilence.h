#pragma once
// libjack prints to stderr when no server runs; the backends report in their own words
// instead (internal to src/control/backend).

namespace stemdeck::control::backend {

inline void silenceJackMessage(const char*) {}

}  // namespace stemdeck::control::backend
