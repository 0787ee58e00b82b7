#pragma once

#include <cstddef>
#include <deque>
#include <future>
#include <memory>
#include <vector>

#include "stemdeck/audio/loader/Resampler.h"

namespace stemdeck::audio {

// A Resampler for long streams that converts consecutive time segments in parallel, on up to
// `threads` threads of its own, and hands the output on in order. Each segment is converted
// from a pre-roll before its start to a post-roll after its end, and only its own span is kept:
// with the segment starts on whole periods of the rate ratio (source/gcd frames), every
// segment's filter sees the same input at the same phase as one pass would, so the joined
// output equals a one-pass resample within float rounding (SegmentedResampler tests). Rates
// whose period is too long for soxr to step exactly (see canSegment) run as one pass.
// With one thread it is a plain streaming Resampler. Load time only: it allocates and starts
// threads. One thread calls process(); the destructor waits for segments still converting.
class SegmentedResampler {
  public:
    using Sink = Resampler::Sink;
    // Source frames per segment, before rounding up to the ratio's period: ~24 s at 44.1 kHz,
    // so a 4-minute stem makes ~10 segments, and the overlap costs ~2 % extra work.
    static constexpr std::size_t kDefaultSegmentFrames = std::size_t{1} << 20;

    // Throws as Resampler does.
    SegmentedResampler(int channels, int sourceRate, int targetRate, unsigned threads,
                       std::size_t segmentFrames = kDefaultSegmentFrames);
    ~SegmentedResampler();
    SegmentedResampler(const SegmentedResampler&) = delete;
    SegmentedResampler& operator=(const SegmentedResampler&) = delete;

    // As Resampler::process: the output reaches `sink` in order, on the calling thread, as
    // segments complete (all of it once `last` was set). Rethrows a segment's error.
    void process(const float* in, std::size_t inFrames, bool last, const Sink& sink);

    // Whether this pair of rates is converted in segments (else in one pass): soxr steps
    // through a ratio exactly when it reduces to a short fraction (source and target periods
    // up to kMaxSourcePeriod and kMaxTargetPeriod: 44.1 <-> 48, 88.2, 96, 192 kHz, 8 -> 48 kHz
    // all do); for 44.1 -> 47.999 kHz its phase clock rounds, so a segment started elsewhere
    // would differ by up to 1e-4.
    static bool canSegment(int sourceRate, int targetRate);
    // Where a conversion may start and match one pass (when canSegment): on a whole period
    // (`sourcePeriod` source frames, `targetPeriod` output frames), fed from `overlap` source
    // frames before it (a period multiple) with the output of that pre-roll dropped.
    struct Alignment {
        std::size_t sourcePeriod = 0, targetPeriod = 0, overlap = 0;
    };
    static Alignment alignment(int sourceRate, int targetRate);
    static constexpr std::size_t kMaxSourcePeriod = 1024;
    static constexpr std::size_t kMaxTargetPeriod = 2048;

    bool segmented() const { return single_ == nullptr; }
    // Source frames per segment and of pre-roll/post-roll (0 when not segmented).
    std::size_t segmentFrames() const { return segment_; }
    std::size_t overlapFrames() const { return overlap_; }

  private:
    void launchReady(bool last);
    void launch(std::size_t end, bool last);
    void deliverReady(const Sink& sink, bool wait);

    const int channels_;
    const int sourceRate_;
    const int targetRate_;
    const unsigned threads_;
    std::unique_ptr<Resampler> single_;  // one pass: not segmented, or a single thread
    std::size_t period_ = 0;             // source frames per period of the ratio
    std::size_t outPeriod_ = 0;          // target frames per period
    std::size_t segment_ = 0;
    std::size_t overlap_ = 0;
    std::vector<float> window_;    // interleaved source frames from windowStart_ on
    std::size_t windowStart_ = 0;  // source frame of window_'s first frame
    std::size_t next_ = 0;         // source frame where the next segment starts
    bool ended_ = false;           // the last segment was launched
    std::deque<std::future<std::vector<float>>> running_;  // in stream order
};

}  // namespace stemdeck::audio
