#pragma once

#include <cstddef>
#include <functional>
#include <memory>

namespace stemdeck::audio {

// Streaming sample-rate converter for interleaved frames: libsoxr at its "high quality" recipe
// (SOXR_HQ: 20-bit, linear phase, passband to 91 % of the lower Nyquist), single-threaded.
// Why HQ: a 1 kHz tone taken 44.1 -> 48 kHz keeps every spurious component below -100 dB
// (Resampler.SineKeepsSpuriousComponentsBelowMinus100dB prints the figure), at 0.10 s per
// stereo minute against VHQ's 0.15 s on this project's 2-core machine. Why one thread: the
// loader already runs one converter per stem and per time segment on its own workers; soxr's
// OpenMP threads on top took 3-9x longer under that contention (measured, same minute).
// One converter for all channels. Load time only: it allocates.
class Resampler {
  public:
    // Receives converted interleaved frames, a piece at a time.
    using Sink = std::function<void(const float* frames, std::size_t count)>;

    // Throws std::invalid_argument for rates it will not convert between (a ratio outside
    // 1/256..256) or a bad channel count, std::runtime_error when the converter cannot be
    // created.
    Resampler(int channels, int sourceRate, int targetRate);
    ~Resampler();
    Resampler(const Resampler&) = delete;
    Resampler& operator=(const Resampler&) = delete;

    double ratio() const { return ratio_; }
    int channels() const { return channels_; }
    // Converts `inFrames` interleaved frames and hands everything it can produce so far to
    // `sink`. Set `last` on the final call (`inFrames` may be 0) to flush the filter tail.
    // Output frame n is the signal at source time n / ratio(): the filter's delay is already
    // taken off. Throws std::runtime_error if libsoxr reports an error.
    void process(const float* in, std::size_t inFrames, bool last, const Sink& sink);

    // Output length for a source of `sourceFrames` frames: round(frames * target / source).
    static std::size_t outputFrames(std::size_t sourceFrames, int sourceRate, int targetRate);

  private:
    struct State;
    std::unique_ptr<State> state_;
    double ratio_;
    int channels_;
};

}  // namespace stemdeck::audio
