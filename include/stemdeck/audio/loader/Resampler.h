#pragma once

#include <cstddef>
#include <functional>
#include <memory>

namespace stemdeck::audio {

// libsamplerate's sinc converters: Fast = SRC_SINC_FASTEST, Medium = SRC_SINC_MEDIUM_QUALITY
// (the default: transparent for playback at less than a quarter of Best's cost), Best =
// SRC_SINC_BEST_QUALITY.
enum class ResampleQuality { Fast, Medium, Best };

// Streaming sample-rate converter for interleaved frames (libsamplerate). One converter for
// all channels: libsamplerate shares the filter work between them, so a stereo stem costs
// about as much as a mono one. Load time only: it allocates.
class Resampler {
  public:
    // Receives converted interleaved frames, a piece at a time.
    using Sink = std::function<void(const float* frames, std::size_t count)>;

    // Throws std::invalid_argument for rates libsamplerate cannot convert between (ratio
    // outside 1/256..256) or a bad channel count, std::runtime_error when the converter cannot
    // be created.
    Resampler(int channels, int sourceRate, int targetRate, ResampleQuality quality);
    ~Resampler();
    Resampler(const Resampler&) = delete;
    Resampler& operator=(const Resampler&) = delete;

    double ratio() const { return ratio_; }
    // Converts `inFrames` interleaved frames and hands everything it can produce so far to
    // `sink`. Set `last` on the final call (`inFrames` may be 0) to flush the filter tail.
    // Throws std::runtime_error if libsamplerate reports an error.
    void process(const float* in, std::size_t inFrames, bool last, const Sink& sink);

    // Output length for a source of `sourceFrames` frames: round(frames * target / source).
    static std::size_t outputFrames(std::size_t sourceFrames, int sourceRate, int targetRate);

  private:
    struct State;
    std::unique_ptr<State> state_;
    double ratio_;
};

}  // namespace stemdeck::audio
