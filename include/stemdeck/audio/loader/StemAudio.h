#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

namespace stemdeck::audio {

// How a stem's samples are kept in memory.
//  - Int16: sources of 8 or 16 bits (PCM, FLAC, u-law/A-law), also when resampled. Such a
//    source holds 16 bits of precision at most, so int16 keeps all of it at half the memory of
//    float. Without resampling it is lossless (libsndfile's sample / 32768 is stored back as the
//    sample); resampled, the output is rounded to the nearest step (no dither: it would add
//    noise where the rounding adds 1/2 LSB, the source's own quantisation floor, -101 dBFS RMS)
//    and clamped to [-32768, 32767] (full scale: a resampler's overshoot past it, rare on
//    stems, is limited there as any 16-bit file would be).
//  - Float32: everything else (24 and 32 bits, float, lossy codecs whose decoders produce
//    more than 16 bits), as before.
enum class SampleFormat : std::uint8_t { Int16, Float32 };

// Memory for samples: freed with std::free (StemAudio allocates big blocks aligned for huge
// pages: StemAudio.cpp).
struct FreeSampleBytes {
    void operator()(std::byte* bytes) const noexcept { std::free(bytes); }
};
using SampleBytes = std::unique_ptr<std::byte[], FreeSampleBytes>;

// int16 -> float as libsndfile scales a 16-bit sample: exact (a power of two).
inline constexpr float kInt16ToFloat = 1.0f / 32768.0f;

constexpr std::size_t bytesPerSample(SampleFormat format) {
    return format == SampleFormat::Int16 ? 2 : 4;
}

// The samples of one stem: planar, 1 or 2 channels, in one SampleFormat; written by one
// decoding thread while the audio thread may already read it.
//
// Growth never moves memory a reader may use: the samples live in extents, each allocated
// once and never moved, listed in a fixed table (kMaxExtents) that never reallocates. The
// loader reserves the first extent from the probe's expected length (exact for a truthful
// header, so the common case is one contiguous block and the mixer reads it in one run); when
// the file turns out longer (a header that lies, an MP3 estimate), a new extent is added after
// it, at least doubling the capacity (StemDecoder's policy, charged to the MemoryBudget), so
// even a tiny first reservation cannot exhaust the table. A file shorter than its reservation
// leaves spare capacity, which releaseSpare() gives back once no reader can hold the stem.
//
// A writer appends frames and then publishes them with the watermark (readyFrames(), a
// release store); a reader loads it (acquire) and reads only frames below it: the frames and
// the extent table entries they live in were written before the store. Frames at or beyond
// the watermark read as silence. One writer at a time; any number of readers.
class StemAudio {
  public:
    static constexpr int kMaxChannels = 2;
    static constexpr int kMaxExtents = 48;

    // A contiguous stretch of one channel's samples, in the stem's format.
    struct Run {
        const void* data = nullptr;
        std::int64_t frames = 0;
        const std::int16_t* int16() const { return static_cast<const std::int16_t*>(data); }
        const float* float32() const { return static_cast<const float*>(data); }
    };

    StemAudio() = default;
    // Control or loading thread. No frames and no capacity; channels is 1 or 2.
    StemAudio(int channels, SampleFormat format);
    // Any thread but the audio one. A complete stem holding these planar float channels (equal
    // lengths), stored in `format`: songs built in memory (tests, benchmarks, tools).
    static StemAudio fromPlanar(const std::vector<std::vector<float>>& channels,
                                SampleFormat format = SampleFormat::Float32);

    // Copies hold the frames ready at the time of the copy, in one extent. Moves take the
    // extents as they are; neither while a writer or reader uses the source (moved) or the
    // target. Not on the audio thread.
    StemAudio(const StemAudio& other);
    StemAudio& operator=(const StemAudio& other);
    StemAudio(StemAudio&& other) noexcept;
    StemAudio& operator=(StemAudio&& other) noexcept;
    ~StemAudio() = default;

    // Any thread.
    int channels() const noexcept { return channels_; }
    SampleFormat format() const noexcept { return format_; }
    // Frames a reader may read (acquire). Any thread, the audio thread included.
    std::int64_t readyFrames() const noexcept { return ready_.load(std::memory_order_acquire); }
    // Whether a writer is still decoding into it (acquire): frames past the watermark may
    // still come, so a reader that reaches it waits (the transport buffers) instead of taking
    // it for the stem's end. False for stems built whole (fromPlanar, copies, moves keep it).
    // Any thread, the audio thread included.
    bool decoding() const noexcept { return decoding_.load(std::memory_order_acquire); }
    // The writer: true before the stem is handed over to readers, false after its last frames
    // were appended (or when decoding stopped for good: a damaged file, a cancel).
    void setDecoding(bool on) noexcept { decoding_.store(on, std::memory_order_release); }

    // The writer's thread, or any thread while there is no writer.
    std::int64_t capacityFrames() const noexcept;
    std::uint64_t capacityBytes() const noexcept { return bytesFor(capacityFrames()); }
    int extentCount() const noexcept { return extentCount_; }
    // Bytes `frames` frames take in this stem's format and channel count.
    std::uint64_t bytesFor(std::int64_t frames) const noexcept;

    // --- Writer (one thread at a time; allocates: never the audio thread) ---

    // Room for `frames` frames in all, adding one extent after the present ones when needed
    // (nothing moves). False when the extent table is full. Throws std::bad_alloc.
    bool reserve(std::int64_t frames);
    // Appends interleaved frames (channels() samples each; floats as libsndfile gives them:
    // 1.0 is full scale), as many as the capacity holds, converted to format() (Int16: rounded
    // and clamped to full scale; Float32: as they are, or with `bound` limited to
    // limits::kMaxSampleMagnitude), then publishes them. Returns the frames appended.
    std::int64_t append(const float* interleaved, std::int64_t frames, bool bound = false);
    // Appends silent frames (as many as the capacity holds) and publishes them.
    std::int64_t appendSilence(std::int64_t frames);
    // Frees the capacity beyond the frames written (the last extent is reallocated to fit
    // exactly, moving it). Only while no reader can hold the stem (before the song is handed
    // over). Returns the bytes freed.
    std::uint64_t releaseSpare();

    // --- Readers (any thread; the audio thread may call run()) ---

    // The longest contiguous run of `channel` (0 or 1; 1 on a mono stem reads its only
    // channel) from `position`, at most `maxFrames` frames and never past readyFrames().
    // Empty (frames 0) at or beyond the watermark, or for a negative position. No allocation.
    Run run(int channel, std::int64_t position, std::int64_t maxFrames) const noexcept {
        return runBefore(readyFrames(), channel, position, maxFrames);
    }
    // The first extent: the whole stem in the common case (one reservation held it all), so a
    // reader checks `position + frames <= firstExtentFrames()` and reads in place. Only once a
    // frame is known to be ready (the extent exists then). Audio thread included.
    std::int64_t firstExtentFrames() const noexcept { return extents_[0].end; }
    const void* firstExtentData(int channel) const noexcept {
        const int c = channel < channels_ ? (channel > 0 ? channel : 0) : channels_ - 1;
        return extents_[0].data[static_cast<std::size_t>(c)].get();
    }
    // The same against a watermark the caller loaded (readyFrames(), earlier: the mixer loads
    // it once per stem and block). Inline: the audio thread calls it per channel and block.
    Run runBefore(std::int64_t ready, int channel, std::int64_t position,
                  std::int64_t maxFrames) const noexcept {
        if (position < 0 || position >= ready || maxFrames <= 0 || channels_ == 0) return {};
        int e = 0;  // only extents holding ready frames are looked at
        while (position >= extents_[static_cast<std::size_t>(e)].end) ++e;
        const Extent& extent = extents_[static_cast<std::size_t>(e)];
        std::int64_t frames = ready - position;
        if (extent.end - position < frames) frames = extent.end - position;
        if (maxFrames < frames) frames = maxFrames;
        const int c = channel < channels_ ? (channel > 0 ? channel : 0) : channels_ - 1;
        return {extent.data[static_cast<std::size_t>(c)].get() +
                    static_cast<std::size_t>(position - extent.start) * bytesPerSample(format_),
                frames};
    }
    // `frames` samples of `channel` from `position` as float (1.0 full scale) into `out`;
    // silence where there is no ready frame. No allocation.
    void read(int channel, std::int64_t position, std::int64_t frames, float* out) const noexcept;
    float sample(int channel, std::int64_t frame) const noexcept;
    // The whole ready part of `channel` as float. Not the audio thread (allocates).
    std::vector<float> samples(int channel) const;

  private:
    struct Extent {
        std::int64_t start = 0;  // first frame it holds
        std::int64_t end = 0;    // one past its last frame (capacity)
        std::array<SampleBytes, kMaxChannels> data;
    };
    int extentOf(std::int64_t frame) const noexcept;
    std::byte* writeAt(int extent, int channel, std::int64_t frame) const noexcept;
    // Appends up to `frames` frames (as many as the capacity holds) one extent at a time:
    // `write(extent, done, count)` fills `count` frames of every channel from frame written_ of
    // `extent`, `done` frames into the append; then publishes them. Returns the frames appended.
    template <typename Write>
    std::int64_t appendRuns(std::int64_t frames, Write write);

    int channels_ = 0;
    SampleFormat format_ = SampleFormat::Float32;
    std::array<Extent, kMaxExtents> extents_{};
    int extentCount_ = 0;       // the writer's
    std::int64_t written_ = 0;  // the writer's: frames appended
    std::atomic<std::int64_t> ready_{0};
    std::atomic<bool> decoding_{false};
};

}  // namespace stemdeck::audio
