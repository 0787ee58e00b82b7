#include "stemdeck/audio/loader/MemoryBudget.h"

#include <algorithm>
#include <limits>

#include "stemdeck/audio/loader/Resampler.h"

namespace stemdeck::audio::loader {

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

SampleFormat storageFormat(const StemProbe& p) {
    return p.integerBits > 0 && p.integerBits <= 16 ? SampleFormat::Int16 : SampleFormat::Float32;
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
    return static_cast<std::uint64_t>(stored) * channels * bytesPerSample(storageFormat(p));
}

std::uint64_t expectedBytes(const std::vector<StemProbe>& probes, int targetRate) {
    std::uint64_t bytes = 0;
    for (const auto& p : probes) bytes += expectedBytes(p, targetRate);
    return bytes;
}

bool MemoryBudget::take(std::uint64_t bytes) {
    std::uint64_t used = used_.load(std::memory_order_relaxed);
    do {
        if (bytes > limit_ || used > limit_ - bytes) return false;
    } while (!used_.compare_exchange_weak(used, used + bytes, std::memory_order_relaxed));
    return true;
}

}  // namespace stemdeck::audio::loader
