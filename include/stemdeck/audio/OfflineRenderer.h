#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <vector>

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
};

// Renders a song with a given mix through the same Transport::process the audio callback
// uses, block by block. Any thread but the audio thread.
class OfflineRenderer {
  public:
    // Interleaved stereo samples of the whole song.
    static std::vector<float> renderToBuffer(const Song& song, const MixControls& mix,
                                             int blockSize = 256);
    // WAV, FLAC (or anything libsndfile writes) chosen by the file extension. FLAC is 24-bit
    // at most. Throws RenderError with a clear message.
    static void renderToFile(const Song& song, const MixControls& mix,
                             const std::filesystem::path& file, const RenderOptions& options = {});
};

}  // namespace stemdeck::audio
