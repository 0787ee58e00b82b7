#include "stemdeck/audio/loader/MemoryBudget.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <string>

#include "stemdeck/audio/Resampler.h"

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

int realisticSamplesPerByte(StemCodec codec) {
    // Measured with libsndfile's encoders: FLAC holds 0.4-0.9 samples per byte of music and
    // 3.6 of noise at -80 dBFS; Vorbis, Opus and MP3 at their usual bitrates 5-12 (32 is
    // MP3 at 24 kbit/s, stereo, 48 kHz). Other codecs (ALAC, ADPCM, GSM) compress less.
    switch (codec) {
        case StemCodec::Uncompressed:
            return 0;  // unused: the size is known exactly
        case StemCodec::Flac:
            return 8;
        case StemCodec::Vorbis:
        case StemCodec::Opus:
        case StemCodec::Mpeg:
            return 32;
        case StemCodec::OtherCompressed:
            break;
    }
    return 8;
}

std::int64_t expectedFrames(const StemProbe& p) {
    if (p.codec == StemCodec::Uncompressed || p.channels <= 0) return p.frames;
    const std::uint64_t realistic = p.fileBytes *
                                    static_cast<std::uint64_t>(realisticSamplesPerByte(p.codec)) /
                                    static_cast<std::uint64_t>(p.channels);
    const auto bound = static_cast<std::int64_t>(
        std::min<std::uint64_t>(realistic, std::numeric_limits<std::int64_t>::max() / 2));
    return p.frames > 0 ? std::min(p.frames, bound) : bound;
}

std::uint64_t expectedBytes(const StemProbe& p, int targetRate) {
    const auto frames = static_cast<std::size_t>(expectedFrames(p));
    const auto stored =
        targetRate > 0 ? Resampler::outputFrames(frames, p.sampleRate, targetRate) : frames;
    const auto channels = static_cast<std::uint64_t>(p.channels == 1 ? 1 : 2);
    return static_cast<std::uint64_t>(stored) * channels * sizeof(float);
}

bool MemoryBudget::take(std::uint64_t bytes) {
    std::uint64_t used = used_.load(std::memory_order_relaxed);
    do {
        if (bytes > limit_ || used > limit_ - bytes) return false;
    } while (!used_.compare_exchange_weak(used, used + bytes, std::memory_order_relaxed));
    return true;
}

}  // namespace stemdeck::audio::loader
