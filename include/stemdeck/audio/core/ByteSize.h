#pragma once

#include <cstdint>
#include <string>

namespace stemdeck::audio {

// "512 bytes", "192.0 kB", "4.3 GB" (decimal units, as disks and memory are sold), for the
// loader's memory messages and the renderer's disk messages alike. Any thread.
std::string byteSizeText(std::uint64_t bytes);

}  // namespace stemdeck::audio
