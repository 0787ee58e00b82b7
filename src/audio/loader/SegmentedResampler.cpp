#include "stemdeck/audio/loader/SegmentedResampler.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <stdexcept>
#include <system_error>

namespace stemdeck::audio {

namespace {

// Pre-roll and post-roll, in source frames, before rounding up to the ratio's period: more
// than soxr's HQ filter reaches (about 740 output frames at 44.1 -> 48 kHz); downsampling
// reaches further back in source frames, by the ratio.
constexpr std::size_t kBaseOverlapFrames = 8192;

std::size_t roundUp(std::size_t frames, std::size_t period) {
    return (frames + period - 1) / period * period;
}

// Converts the interleaved `in` and keeps `keep` output frames after the first `skip` (all
// after them when `last`: the stream's end flushes the filter tail).
std::vector<float> convertSegment(const std::vector<float>& in, int channels, int sourceRate,
                                  int targetRate, std::size_t skip, std::size_t keep, bool last) {
    Resampler resampler(channels, sourceRate, targetRate);
    const auto ch = static_cast<std::size_t>(channels);
    std::vector<float> out;
    out.reserve((last ? Resampler::outputFrames(in.size() / ch, sourceRate, targetRate) : keep) *
                ch);
    std::size_t seen = 0;  // output frames produced so far
    const auto sink = [&](const float* frames, std::size_t count) {
        const std::size_t from = std::max(seen, skip);
        const std::size_t to = last ? seen + count : std::min(seen + count, skip + keep);
        if (to > from)
            out.insert(out.end(), frames + (from - seen) * ch, frames + (to - seen) * ch);
        seen += count;
    };
    resampler.process(in.data(), in.size() / ch, last, sink);
    if (!last && out.size() < keep * ch)  // the post-roll is sized so that this cannot happen
        throw std::logic_error("resampled segment came out short");
    return out;
}

}  // namespace

bool SegmentedResampler::canSegment(int sourceRate, int targetRate) {
    if (sourceRate <= 0 || targetRate <= 0) return false;
    const auto g = static_cast<std::size_t>(std::gcd(sourceRate, targetRate));
    return static_cast<std::size_t>(sourceRate) / g <= kMaxSourcePeriod &&
           static_cast<std::size_t>(targetRate) / g <= kMaxTargetPeriod;
}

SegmentedResampler::Alignment SegmentedResampler::alignment(int sourceRate, int targetRate) {
    if (!canSegment(sourceRate, targetRate)) return {};
    const auto g = static_cast<std::size_t>(std::gcd(sourceRate, targetRate));
    Alignment a;
    a.sourcePeriod = static_cast<std::size_t>(sourceRate) / g;
    a.targetPeriod = static_cast<std::size_t>(targetRate) / g;
    const std::size_t down = (static_cast<std::size_t>(sourceRate) + targetRate - 1) /
                             static_cast<std::size_t>(targetRate);
    a.overlap = roundUp(kBaseOverlapFrames * std::max<std::size_t>(1, down), a.sourcePeriod);
    return a;
}

SegmentedResampler::SegmentedResampler(int channels, int sourceRate, int targetRate,
                                       unsigned threads, std::size_t segmentFrames)
    : channels_(channels), sourceRate_(sourceRate), targetRate_(targetRate), threads_(threads) {
    // Built first in every case: it checks the rates and the channel count.
    single_ = std::make_unique<Resampler>(channels, sourceRate, targetRate);
    if (threads < 2 || !canSegment(sourceRate, targetRate)) return;
    single_.reset();
    const Alignment a = alignment(sourceRate, targetRate);
    period_ = a.sourcePeriod;
    outPeriod_ = a.targetPeriod;
    overlap_ = a.overlap;
    segment_ = roundUp(std::max<std::size_t>(segmentFrames, 1), period_);
    // Room for a segment with its pre-roll and post-roll and a few reads more: the window
    // then never moves while it fills.
    constexpr std::size_t kSlackFrames = 1 << 16;
    window_.reserve((segment_ + 2 * overlap_ + kSlackFrames) * static_cast<std::size_t>(channels));
}

SegmentedResampler::~SegmentedResampler() = default;  // std::async's futures wait

void SegmentedResampler::process(const float* in, std::size_t inFrames, bool last,
                                 const Sink& sink) {
    if (single_) {
        single_->process(in, inFrames, last, sink);
        return;
    }
    if (ended_) throw std::logic_error("SegmentedResampler: input after the last call");
    const auto ch = static_cast<std::size_t>(channels_);
    if (in && inFrames > 0) window_.insert(window_.end(), in, in + inFrames * ch);
    launchReady(last);
    deliverReady(sink, last);
}

// Launches every segment whose post-roll has arrived, and at the end the rest.
void SegmentedResampler::launchReady(bool last) {
    const auto ch = static_cast<std::size_t>(channels_);
    for (;;) {
        const std::size_t have = windowStart_ + window_.size() / ch;  // source frames so far
        const std::size_t end = next_ + segment_;
        if (end + overlap_ <= have && !(last && end >= have)) {
            launch(end, false);
        } else if (last) {
            launch(have, true);
            return;
        } else {
            return;
        }
    }
}

void SegmentedResampler::launch(std::size_t end, bool last) {
    const auto ch = static_cast<std::size_t>(channels_);
    const std::size_t have = windowStart_ + window_.size() / ch;
    const std::size_t from = next_ >= overlap_ ? next_ - overlap_ : 0;  // a period multiple
    const std::size_t to = last ? have : end + overlap_;
    std::vector<float> slice(
        window_.begin() + static_cast<std::ptrdiff_t>((from - windowStart_) * ch),
        window_.begin() + static_cast<std::ptrdiff_t>((to - windowStart_) * ch));
    const std::size_t skip = (next_ - from) / period_ * outPeriod_;
    const std::size_t keep = (end - next_) / period_ * outPeriod_;
    auto task = [slice = std::move(slice), channels = channels_, source = sourceRate_,
                 target = targetRate_, skip, keep, last] {
        return convertSegment(slice, channels, source, target, skip, keep, last);
    };
    try {
        running_.push_back(std::async(std::launch::async, std::move(task)));
    } catch (const std::system_error&) {  // no thread to be had: convert it when delivered
        running_.push_back(std::async(std::launch::deferred, std::move(task)));
    }
    next_ = end;
    ended_ = last;
    // The next segment's pre-roll is all that stays.
    const std::size_t keepFrom = std::min(have, next_ >= overlap_ ? next_ - overlap_ : 0);
    if (keepFrom > windowStart_) {
        window_.erase(window_.begin(), window_.begin() + static_cast<std::ptrdiff_t>(
                                                             (keepFrom - windowStart_) * ch));
        windowStart_ = keepFrom;
    }
}

// Hands on the segments done, in order; with `wait` (or with every thread busy) it waits.
void SegmentedResampler::deliverReady(const Sink& sink, bool wait) {
    const auto ch = static_cast<std::size_t>(channels_);
    while (!running_.empty()) {
        auto& front = running_.front();
        const bool mustWait = wait || running_.size() >= threads_;
        if (!mustWait && front.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return;
        const std::vector<float> out = front.get();
        running_.pop_front();
        if (!out.empty()) sink(out.data(), out.size() / ch);
    }
}

}  // namespace stemdeck::audio
