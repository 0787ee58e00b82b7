#include "StemEnds.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "SecondsText.h"
#include "stemdeck/audio/loader/AudioSource.h"

namespace stemdeck::app::set {

namespace {

// Reads up to `frames` frames; the frames read.
std::int64_t readFrames(audio::loader::AudioSource& source, std::vector<float>& buffer,
                        int channels, std::int64_t frames) {
    std::int64_t total = 0;
    const std::int64_t chunk = static_cast<std::int64_t>(buffer.size()) / channels;
    while (total < frames) {
        const std::int64_t got = source.read(buffer.data(), std::min(chunk, frames - total));
        if (got <= 0) break;
        total += got;
    }
    return total;
}

}  // namespace

std::optional<std::string> stemEndsProblem(const audio::StemProbe& probe) {
    const std::string name = probe.file.filename().string();
    if (probe.channels <= 0 || probe.sampleRate <= 0) return name + ": no audio in the header";
    const std::int64_t second = probe.sampleRate;
    std::vector<float> buffer(static_cast<std::size_t>(std::min<std::int64_t>(second, 8192)) *
                              static_cast<std::size_t>(probe.channels));
    std::int64_t at = 0;
    try {
        auto source = audio::loader::openSource(probe);
        const std::int64_t head = probe.frames > 0 ? std::min(second, probe.frames) : second;
        if (readFrames(*source, buffer, probe.channels, head) == 0)
            return name + ": no audio can be decoded";
        if (probe.frames <= 2 * second) return std::nullopt;
        at = probe.frames - second;
        if (!source->seek(at)) {
            // PCM and FLAC seek exactly: failing to means the file is cut short or damaged.
            const bool seekable = probe.codec == audio::StemCodec::Uncompressed ||
                                  probe.codec == audio::StemCodec::Flac;
            if (!seekable) return std::nullopt;
            return name + ": its last second cannot be reached (cut short or damaged; its " +
                   "header gives " + secondsText(static_cast<double>(probe.frames) / second) + ")";
        }
        const std::int64_t tail = readFrames(*source, buffer, probe.channels, second);
        if (tail < second)
            return name + ": ends " +
                   secondsText(static_cast<double>(second - tail) / probe.sampleRate) +
                   " before the " + secondsText(static_cast<double>(probe.frames) / second) +
                   " its header gives";
    } catch (const audio::loader::DecodeError& e) {
        return name + ": cannot be decoded " + (at == 0 ? "at its start" : "near its end") + " (" +
               e.what() + ")";
    }
    return std::nullopt;
}

}  // namespace stemdeck::app::set
