#include "stemdeck/audio/loader/SystemMemory.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <string>

namespace stemdeck::audio::loader {

namespace fs = std::filesystem;

namespace {

std::optional<std::uint64_t> readNumber(const fs::path& file) {
    std::ifstream in(file);
    std::uint64_t value = 0;
    if (in >> value) return value;
    return std::nullopt;  // missing, or "max"
}

}  // namespace

std::uint64_t systemAvailableMemory() {
    std::uint64_t available = std::numeric_limits<std::uint64_t>::max();
    std::ifstream meminfo("/proc/meminfo");
    std::string key, unit;
    std::uint64_t kb = 0;
    bool found = false;
    while (!found && meminfo >> key >> kb) {
        std::getline(meminfo, unit);
        found = key == "MemAvailable:";
    }
    if (found) {
        available = kb * 1024;
    } else if (const long pages = sysconf(_SC_AVPHYS_PAGES), size = sysconf(_SC_PAGESIZE);
               pages > 0 && size > 0) {
        available = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(size);
    }
    // In a container the cgroup limit may be far below what the machine has free.
    const fs::path cgroup = "/sys/fs/cgroup";
    const auto max = readNumber(cgroup / "memory.max");
    const auto current = readNumber(cgroup / "memory.current");
    if (max && current) available = std::min(available, *max > *current ? *max - *current : 0);
    return available;
}

}  // namespace stemdeck::audio::loader
