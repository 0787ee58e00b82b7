#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <vector>

#include "stemdeck/audio/rehearsal/ClickSettings.h"

namespace stemdeck::audio {

struct Song;
class MixControls;

class RenderError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class RenderSampleFormat { Pcm16, Pcm24, Float32 };

struct RenderOptions {
    int blockSize = 256;  // frames per process call, as a device callback would use
    RenderSampleFormat format = RenderSampleFormat::Pcm24;
    // Called from the rendering thread with 0..1; return false to cancel.
    std::function<bool(double)> progress;

    // Rehearsal settings, rendered through the same Transport as live playback.
    double tempo = 1.0;       // 0.5..1.5, without pitch change
    double pitchCents = 0.0;  // +-1200
    ClickSettings click;      // the metronome (click.enabled) and count-in (click.countInBars)
    // A-B loop in song frames: when loopEnd > loopStart, renders `loops` passes of [A, B) back
    // to back (N * (B - A) frames at tempo 1, N * (B - A) / tempo otherwise) and nothing else.
    std::int64_t loopStart = -1;
    std::int64_t loopEnd = -1;
    int loops = 1;
    bool hasLoop() const { return loopEnd > loopStart && loopStart >= 0; }
};

// Renders a song with a given mix through the same Transport::process the audio callback
// uses, block by block. Any thread but the audio thread.
class OfflineRenderer {
  public:
    // Interleaved stereo samples of the whole song.
    static std::vector<float> renderToBuffer(const Song& song, const MixControls& mix,
                                             int blockSize = 256);
    // The same with rehearsal settings (the format and progress fields are ignored).
    static std::vector<float> renderToBuffer(const Song& song, const MixControls& mix,
                                             const RenderOptions& options);
    // WAV, FLAC (or anything libsndfile writes) chosen by the file extension. FLAC is 24-bit
    // at most. Throws RenderError with a clear message.
    static void renderToFile(const Song& song, const MixControls& mix,
                             const std::filesystem::path& file, const RenderOptions& options = {});
};

}  // namespace stemdeck::audio
