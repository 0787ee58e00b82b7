#pragma once

#include <cstdint>

// What the system can give: read from /proc and the cgroup, nothing else.
namespace stemdeck::audio::loader {

// Memory the system can give without swapping: MemAvailable (or free pages when there is no
// /proc), capped by the cgroup limit when running in a container. Any thread (reads files).
std::uint64_t systemAvailableMemory();

}  // namespace stemdeck::audio::loader
