#include "stemdeck/audio/loader/StemAudio.h"

#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <new>
#include <utility>

#include "stemdeck/audio/core/Limits.h"

namespace stemdeck::audio {

namespace {

constexpr float kMaxSample = limits::kMaxSampleMagnitude;

float boundFloat(float x) {
    return std::clamp(x, -kMaxSample, kMaxSample);
}

float asIs(float x) {
    return x;
}

std::int16_t toStoredInt16(float x) {
    // Clamped before the conversion, so the rounding never overflows (NaN cannot reach here:
    // the decoder bounds every sample first). Rounded to nearest, ties to even, as lrint does
    // in the default rounding mode, but inline: adding and taking away 1.5 * 2^23 leaves the
    // float rounded to an integer (exact for |x| < 2^22). lrint is a libm call per sample that
    // keeps the loop from being vectorised; it cost a tenth of a resampled song's load.
    constexpr float kRound = 12582912.0f;
    const float scaled = std::clamp(x * 32768.0f, -32768.0f, 32767.0f);
    return static_cast<std::int16_t>((scaled + kRound) - kRound);
}

// Huge pages for big blocks: a 4-minute stem is tens of megabytes, and touching it for the
// first time page by page (4 KiB) cost a fifth of a song's load in page faults.
constexpr std::size_t kHugePage = std::size_t{2} << 20;

SampleBytes allocateSamples(std::size_t bytes) {
    void* memory = nullptr;
    if (bytes >= 2 * kHugePage) {
        if (posix_memalign(&memory, kHugePage, bytes) != 0) throw std::bad_alloc();
        // Only whole huge pages: the tail keeps small pages (no resident memory is added).
        // Advice the kernel may ignore (transparent huge pages off): nothing changes then.
        madvise(memory, bytes / kHugePage * kHugePage, MADV_HUGEPAGE);
    } else {
        memory = std::malloc(bytes > 0 ? bytes : 1);
        if (!memory) throw std::bad_alloc();
    }
    return SampleBytes(static_cast<std::byte*>(memory));
}

// Interleaved frames -> one planar channel, converted.
template <typename T, typename Convert>
void deinterleave(const float* in, int stride, std::int64_t frames, T* out, Convert convert) {
    for (std::int64_t f = 0; f < frames; ++f) out[f] = convert(in[f * stride]);
}

}  // namespace

StemAudio::StemAudio(int channels, SampleFormat format)
    : channels_(std::clamp(channels, 1, kMaxChannels)), format_(format) {}

StemAudio StemAudio::fromPlanar(const std::vector<std::vector<float>>& channels,
                                SampleFormat format) {
    StemAudio audio(static_cast<int>(channels.size()), format);
    if (channels.empty()) return audio;
    const auto frames = static_cast<std::int64_t>(channels.front().size());
    audio.reserve(frames);
    std::vector<float> interleaved(static_cast<std::size_t>(frames * audio.channels_));
    for (std::int64_t f = 0; f < frames; ++f)
        for (int c = 0; c < audio.channels_; ++c)
            interleaved[static_cast<std::size_t>(f * audio.channels_ + c)] =
                channels[static_cast<std::size_t>(c)][static_cast<std::size_t>(f)];
    audio.append(interleaved.data(), frames);
    return audio;
}

StemAudio::StemAudio(const StemAudio& other) : channels_(other.channels_), format_(other.format_) {
    const std::int64_t frames = other.readyFrames();
    if (frames == 0) return;
    reserve(frames);
    for (int c = 0; c < channels_; ++c) {
        std::int64_t at = 0;
        while (at < frames) {
            const Run r = other.run(c, at, frames - at);
            std::memcpy(writeAt(0, c, at), r.data,
                        static_cast<std::size_t>(r.frames) * bytesPerSample(format_));
            at += r.frames;
        }
    }
    written_ = frames;
    ready_.store(frames, std::memory_order_release);
}

StemAudio& StemAudio::operator=(const StemAudio& other) {
    if (this != &other) *this = StemAudio(other);
    return *this;
}

StemAudio::StemAudio(StemAudio&& other) noexcept {
    *this = std::move(other);
}

StemAudio& StemAudio::operator=(StemAudio&& other) noexcept {
    if (this == &other) return *this;
    channels_ = other.channels_;
    format_ = other.format_;
    extents_ = std::move(other.extents_);
    extentCount_ = std::exchange(other.extentCount_, 0);
    written_ = std::exchange(other.written_, 0);
    ready_.store(other.ready_.exchange(0, std::memory_order_acq_rel), std::memory_order_release);
    for (std::size_t i = 0; i < islands_.size(); ++i) {
        Island& to = islands_[i];
        Island& from = other.islands_[i];
        to.start.store(from.start.exchange(0, std::memory_order_relaxed),
                       std::memory_order_relaxed);
        to.end.store(from.end.exchange(0, std::memory_order_relaxed), std::memory_order_relaxed);
        to.written = std::exchange(from.written, 0);
    }
    islandCount_.store(other.islandCount_.exchange(0, std::memory_order_acq_rel),
                       std::memory_order_release);
    decoding_.store(other.decoding_.exchange(false, std::memory_order_acq_rel),
                    std::memory_order_release);
    return *this;
}

std::int64_t StemAudio::capacityFrames() const noexcept {
    return extentCount_ > 0 ? extents_[static_cast<std::size_t>(extentCount_ - 1)].end : 0;
}

std::uint64_t StemAudio::bytesFor(std::int64_t frames) const noexcept {
    return static_cast<std::uint64_t>(std::max<std::int64_t>(frames, 0)) *
           static_cast<std::uint64_t>(channels_) * bytesPerSample(format_);
}

bool StemAudio::reserve(std::int64_t frames) {
    const std::int64_t capacity = capacityFrames();
    if (frames <= capacity || channels_ == 0) return true;
    if (extentCount_ == kMaxExtents) return false;
    Extent& e = extents_[static_cast<std::size_t>(extentCount_)];
    const auto bytes = static_cast<std::size_t>(frames - capacity) * bytesPerSample(format_);
    // Not zeroed: pages nobody writes stay untouched (and out of the resident size).
    for (int c = 0; c < channels_; ++c)
        e.data[static_cast<std::size_t>(c)] = allocateSamples(bytes);
    e.start = capacity;
    e.end = frames;
    ++extentCount_;
    return true;
}

std::byte* StemAudio::writeAt(int extent, int channel, std::int64_t frame) const noexcept {
    const Extent& e = extents_[static_cast<std::size_t>(extent)];
    return e.data[static_cast<std::size_t>(channel)].get() +
           static_cast<std::size_t>(frame - e.start) * bytesPerSample(format_);
}

int StemAudio::extentOf(std::int64_t frame) const noexcept {
    // Only extents holding frames before `frame` (< the watermark for a reader) are looked
    // at: those were complete before the frames in them were published.
    int e = 0;
    while (frame >= extents_[static_cast<std::size_t>(e)].end) ++e;
    return e;
}

std::int64_t StemAudio::joinedEnd(std::int64_t end, int islands) const noexcept {
    // Each pass moves on to an island further on (they do not overlap): at most `islands`.
    for (int pass = 0; pass < islands; ++pass) {
        bool moved = false;
        for (int i = 0; i < islands; ++i) {
            const Island& island = islands_[static_cast<std::size_t>(i)];
            const std::int64_t start = island.start.load(std::memory_order_relaxed);
            const std::int64_t islandEnd = island.end.load(std::memory_order_acquire);
            if (start <= end && end < islandEnd) {
                end = islandEnd;
                moved = true;
            }
        }
        if (!moved) break;
    }
    return end;
}

std::int64_t StemAudio::islandReadyFrom(std::int64_t position, int islands) const noexcept {
    for (int i = 0; i < islands; ++i) {
        const Island& island = islands_[static_cast<std::size_t>(i)];
        const std::int64_t start = island.start.load(std::memory_order_relaxed);
        const std::int64_t end = island.end.load(std::memory_order_acquire);
        if (start <= position && position < end) return joinedEnd(end, islands);
    }
    return std::min(position, ready_.load(std::memory_order_acquire));
}

StemAudio::ReadyRanges StemAudio::readyRanges() const noexcept {
    ReadyRanges out;
    const int islands = islandCount_.load(std::memory_order_acquire);
    const auto add = [&out](std::int64_t start, std::int64_t end) {
        if (end <= start) return;  // an island opened, nothing published yet
        // Insertion in start order (at most kMaxIslands + 1 ranges).
        int i = out.count++;
        for (; i > 0 && out.ranges[static_cast<std::size_t>(i - 1)].start > start; --i)
            out.ranges[static_cast<std::size_t>(i)] = out.ranges[static_cast<std::size_t>(i - 1)];
        out.ranges[static_cast<std::size_t>(i)] = {start, end};
    };
    add(0, ready_.load(std::memory_order_acquire));
    for (int i = 0; i < islands; ++i) {
        const Island& island = islands_[static_cast<std::size_t>(i)];
        add(island.start.load(std::memory_order_relaxed),
            island.end.load(std::memory_order_acquire));
    }
    // A region stops at the next one's start: touching ranges are one stretch.
    int merged = 0;
    for (int i = 0; i < out.count; ++i) {
        const FrameRange r = out.ranges[static_cast<std::size_t>(i)];
        FrameRange& last = out.ranges[static_cast<std::size_t>(merged > 0 ? merged - 1 : 0)];
        if (merged > 0 && r.start <= last.end)
            last.end = std::max(last.end, r.end);
        else
            out.ranges[static_cast<std::size_t>(merged++)] = r;
    }
    out.count = merged;
    return out;
}

std::int64_t StemAudio::nextIslandAfter(std::int64_t position) const noexcept {
    std::int64_t next = std::numeric_limits<std::int64_t>::max();
    const int count = islandCount_.load(std::memory_order_acquire);
    for (int i = 0; i < count; ++i) {
        const std::int64_t start =
            islands_[static_cast<std::size_t>(i)].start.load(std::memory_order_relaxed);
        if (start > position) next = std::min(next, start);
    }
    return next;
}

int StemAudio::openIsland(std::int64_t start) noexcept {
    const int count = islandCount_.load(std::memory_order_relaxed);
    if (count == kMaxIslands || start <= written_ || start >= capacityFrames()) return -1;
    for (int i = 0; i < count; ++i) {
        const Island& island = islands_[static_cast<std::size_t>(i)];
        if (island.start.load(std::memory_order_relaxed) <= start && start <= island.written)
            return -1;
    }
    Island& island = islands_[static_cast<std::size_t>(count)];
    island.start.store(start, std::memory_order_relaxed);
    island.end.store(start, std::memory_order_relaxed);
    island.written = start;
    islandCount_.store(count + 1, std::memory_order_release);  // readers see it whole
    return count + 1;
}

std::int64_t StemAudio::regionStart(int region) const noexcept {
    return region == kFront ? 0
                            : islands_[static_cast<std::size_t>(region - 1)].start.load(
                                  std::memory_order_relaxed);
}

std::int64_t StemAudio::writtenFrames(int region) const noexcept {
    return region == kFront ? written_ : islands_[static_cast<std::size_t>(region - 1)].written;
}

std::int64_t StemAudio::regionLimit(int region) const noexcept {
    return nextIslandAfter(regionStart(region));
}

std::int64_t& StemAudio::cursorOf(int region) noexcept {
    return region == kFront ? written_ : islands_[static_cast<std::size_t>(region - 1)].written;
}

void StemAudio::publish(int region, std::int64_t end) noexcept {
    if (region == kFront)
        ready_.store(end, std::memory_order_release);
    else
        islands_[static_cast<std::size_t>(region - 1)].end.store(end, std::memory_order_release);
}

template <typename Write>
std::int64_t StemAudio::appendRuns(int region, std::int64_t frames, Write write) {
    std::int64_t& cursor = cursorOf(region);
    const std::int64_t limit = std::min(capacityFrames(), regionLimit(region));
    const std::int64_t n = std::clamp<std::int64_t>(limit - cursor, 0, frames);
    std::int64_t done = 0;
    while (done < n) {
        const int e = extentOf(cursor);
        const std::int64_t k =
            std::min(n - done, extents_[static_cast<std::size_t>(e)].end - cursor);
        write(e, done, k, cursor);
        cursor += k;
        done += k;
    }
    publish(region, cursor);
    return n;
}

std::int64_t StemAudio::append(int region, const float* interleaved, std::int64_t frames,
                               bool bound) {
    return appendRuns(
        region, frames, [&](int e, std::int64_t done, std::int64_t k, std::int64_t at) {
            const float* in = interleaved + done * channels_;
            if (channels_ == 2 && format_ == SampleFormat::Int16) {  // the common case: one pass
                auto* left = reinterpret_cast<std::int16_t*>(writeAt(e, 0, at));
                auto* right = reinterpret_cast<std::int16_t*>(writeAt(e, 1, at));
                for (std::int64_t f = 0; f < k; ++f) {
                    left[f] = toStoredInt16(in[2 * f]);
                    right[f] = toStoredInt16(in[2 * f + 1]);
                }
                return;
            }
            for (int c = 0; c < channels_; ++c) {
                std::byte* out = writeAt(e, c, at);
                if (format_ == SampleFormat::Int16)
                    deinterleave(in + c, channels_, k, reinterpret_cast<std::int16_t*>(out),
                                 toStoredInt16);
                else if (bound)
                    deinterleave(in + c, channels_, k, reinterpret_cast<float*>(out), boundFloat);
                else
                    deinterleave(in + c, channels_, k, reinterpret_cast<float*>(out), asIs);
            }
        });
}

std::int64_t StemAudio::appendSilence(int region, std::int64_t frames) {
    return appendRuns(region, frames, [&](int e, std::int64_t, std::int64_t k, std::int64_t at) {
        for (int c = 0; c < channels_; ++c)
            std::memset(writeAt(e, c, at), 0,
                        static_cast<std::size_t>(k) * bytesPerSample(format_));
    });
}

std::uint64_t StemAudio::releaseSpare() {
    const std::int64_t capacity = capacityFrames();
    // Islands are only opened once readers hold the stem: their capacity stays.
    if (capacity == written_ || islandCount_.load(std::memory_order_relaxed) > 0) return 0;
    const std::uint64_t freed = bytesFor(capacity - written_);
    Extent& last = extents_[static_cast<std::size_t>(extentCount_ - 1)];
    const std::int64_t keep = written_ - last.start;
    if (keep <= 0) {
        last = Extent{};
        --extentCount_;
        return freed;
    }
    const auto bytes = static_cast<std::size_t>(keep) * bytesPerSample(format_);
    for (int c = 0; c < channels_; ++c) {
        auto& data = last.data[static_cast<std::size_t>(c)];
        auto exact = allocateSamples(bytes);
        std::memcpy(exact.get(), data.get(), bytes);
        data = std::move(exact);
    }
    last.end = written_;
    return freed;
}

void StemAudio::read(int channel, std::int64_t position, std::int64_t frames,
                     float* out) const noexcept {
    std::int64_t done = 0;
    while (done < frames) {
        const Run r = run(channel, position + done, frames - done);
        if (r.frames == 0) {  // a hole: silence up to the next island, if one is within reach
            const std::int64_t next = nextIslandAfter(position + done);
            if (next >= position + frames) break;
            std::fill(out + done, out + (next - position), 0.0f);
            done = next - position;
            continue;
        }
        if (format_ == SampleFormat::Int16)
            for (std::int64_t i = 0; i < r.frames; ++i)
                out[done + i] = static_cast<float>(r.int16()[i]) * kInt16ToFloat;
        else
            std::memcpy(out + done, r.data, static_cast<std::size_t>(r.frames) * sizeof(float));
        done += r.frames;
    }
    std::fill(out + done, out + frames, 0.0f);
}

float StemAudio::sample(int channel, std::int64_t frame) const noexcept {
    float value = 0.0f;
    read(channel, frame, 1, &value);
    return value;
}

std::vector<float> StemAudio::samples(int channel) const {
    std::vector<float> out(static_cast<std::size_t>(readyFrames()));
    read(channel, 0, static_cast<std::int64_t>(out.size()), out.data());
    return out;
}

}  // namespace stemdeck::audio
