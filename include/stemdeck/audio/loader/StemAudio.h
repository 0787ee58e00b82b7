#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

namespace stemdeck::audio {

// A stretch of frames [start, end).
struct FrameRange {
    std::int64_t start = 0;
    std::int64_t end = 0;
    bool operator==(const FrameRange&) const = default;
};

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
// A writer appends frames and then publishes them with the watermark (a release store); a
// reader loads it (acquire) and reads only frames below it: the frames and the extent table
// entries they live in were written before the store. Frames not published read as silence.
// One writer at a time; any number of readers.
//
// Regions: the front fills the stem from frame 0. While a song plays as it decodes, a seek
// far ahead opens an island there (openIsland), filled from its own start by a second decoder
// (SongDecode: "decoding jumps there"). Each region is written only up to the next region's
// start and publishes its own watermark; no frame is written twice, so what a reader saw
// published never changes. A region that reaches the next one joins it: readyFrom() walks
// from one to the next, and readyFrames() (ready from frame 0) spans them all once the holes
// are filled. Islands live in the capacity already reserved (the stem's expected length); the
// last region may grow it, as the front does. A stem never opened an island costs readers
// one more load.
class StemAudio {
  public:
    static constexpr int kMaxChannels = 2;
    static constexpr int kMaxExtents = 48;
    static constexpr int kMaxIslands = 4;
    static constexpr int kFront = 0;  // the front's region; islands are regions 1..kMaxIslands

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
    // Frames a reader may read from frame 0 on without a gap (acquire). Any thread, the audio
    // thread included.
    std::int64_t readyFrames() const noexcept { return readyFrom(0); }
    // The end of the ready stretch that holds `position` (the front's or an island's, with the
    // islands it joins without a gap): frames from `position` up to it may be read. At most
    // `position` when that frame is not ready. Any thread, the audio thread included; no
    // allocation, bounded (kMaxIslands).
    std::int64_t readyFrom(std::int64_t position) const noexcept {
        const std::int64_t front = ready_.load(std::memory_order_acquire);
        const int islands = islandCount_.load(std::memory_order_acquire);
        if (islands == 0) return front;
        if (position < front) return joinedEnd(front, islands);
        return islandReadyFrom(position, islands);
    }
    // Every ready stretch (the front's and the islands', those that touch joined), sorted and
    // apart: what a video player's buffered bar shows. A snapshot while writers publish: each
    // range is at least what was ready when the call began. Any thread; no allocation, bounded.
    struct ReadyRanges {
        std::array<FrameRange, kMaxIslands + 1> ranges{};
        int count = 0;
        const FrameRange* begin() const { return ranges.data(); }
        const FrameRange* end() const { return ranges.data() + count; }
    };
    ReadyRanges readyRanges() const noexcept;
    // Islands opened so far (they stay until the stem goes). Any thread.
    int islandCount() const noexcept { return islandCount_.load(std::memory_order_acquire); }
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
    // 1.0 is full scale) to `region`, as many as the capacity and the next region's start
    // allow, converted to format() (Int16: rounded and clamped to full scale; Float32: as they
    // are, or with `bound` limited to limits::kMaxSampleMagnitude), then publishes them.
    // Returns the frames appended.
    std::int64_t append(int region, const float* interleaved, std::int64_t frames,
                        bool bound = false);
    std::int64_t append(const float* interleaved, std::int64_t frames, bool bound = false) {
        return append(kFront, interleaved, frames, bound);
    }
    // Appends silent frames (as many as fit, as append()) and publishes them.
    std::int64_t appendSilence(int region, std::int64_t frames);
    std::int64_t appendSilence(std::int64_t frames) { return appendSilence(kFront, frames); }
    // Opens an island at `start`: a frame past the front's and every island's written frames,
    // inside the capacity. Returns its region, or -1 (no such place, or kMaxIslands open).
    // Only while no writer appends to this stem.
    int openIsland(std::int64_t start) noexcept;
    // Where `region` starts, where its writer is (the next frame it appends) and where it must
    // stop: the next region's start (INT64_MAX for the last region).
    std::int64_t regionStart(int region) const noexcept;
    std::int64_t writtenFrames(int region) const noexcept;
    std::int64_t regionLimit(int region) const noexcept;
    // Frees the capacity beyond the frames written (the last extent is reallocated to fit
    // exactly, moving it). Only while no reader can hold the stem (before the song is handed
    // over). Returns the bytes freed.
    std::uint64_t releaseSpare();

    // --- Readers (any thread; the audio thread may call run()) ---

    // The longest contiguous run of `channel` (0 or 1; 1 on a mono stem reads its only
    // channel) from `position`, at most `maxFrames` frames and never past readyFrom(position).
    // Empty (frames 0) where no frame is ready, or for a negative position. No allocation.
    Run run(int channel, std::int64_t position, std::int64_t maxFrames) const noexcept {
        return runBefore(readyFrom(position), channel, position, maxFrames);
    }
    // The first extent: the whole stem in the common case (one reservation held it all), so a
    // reader checks `position + frames <= firstExtentFrames()` and reads in place. Only once a
    // frame is known to be ready (the extent exists then). Audio thread included.
    std::int64_t firstExtentFrames() const noexcept { return extents_[0].end; }
    const void* firstExtentData(int channel) const noexcept {
        const int c = channel < channels_ ? (channel > 0 ? channel : 0) : channels_ - 1;
        return extents_[0].data[static_cast<std::size_t>(c)].get();
    }
    // The same against a watermark the caller loaded (readyFrom(position), earlier: the mixer
    // loads it once per stem and block). Inline: the audio thread calls it per channel and block.
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
    // An island's place: start and watermark atomic (readers load them), written the writer's.
    struct Island {
        std::atomic<std::int64_t> start{0};
        std::atomic<std::int64_t> end{0};  // published
        std::int64_t written = 0;
    };
    // Readers: `end` carried on through the islands that start where the last one ends.
    std::int64_t joinedEnd(std::int64_t end, int islands) const noexcept;
    std::int64_t islandReadyFrom(std::int64_t position, int islands) const noexcept;
    // The first island start after `position` (INT64_MAX when none).
    std::int64_t nextIslandAfter(std::int64_t position) const noexcept;
    std::int64_t& cursorOf(int region) noexcept;
    void publish(int region, std::int64_t end) noexcept;

    struct Extent {
        std::int64_t start = 0;  // first frame it holds
        std::int64_t end = 0;    // one past its last frame (capacity)
        std::array<SampleBytes, kMaxChannels> data;
    };
    int extentOf(std::int64_t frame) const noexcept;
    std::byte* writeAt(int extent, int channel, std::int64_t frame) const noexcept;
    // Appends up to `frames` frames to `region` (as many as fit) one extent at a time:
    // `write(extent, done, count, at)` fills `count` frames of every channel from frame `at` of
    // `extent`, `done` frames into the append; then publishes them. Returns the frames appended.
    template <typename Write>
    std::int64_t appendRuns(int region, std::int64_t frames, Write write);

    int channels_ = 0;
    SampleFormat format_ = SampleFormat::Float32;
    std::array<Extent, kMaxExtents> extents_{};
    int extentCount_ = 0;                 // the writer's
    std::int64_t written_ = 0;            // the writer's: frames appended to the front
    std::atomic<std::int64_t> ready_{0};  // the front's watermark
    std::array<Island, kMaxIslands> islands_{};
    std::atomic<int> islandCount_{0};
    std::atomic<bool> decoding_{false};
};

}  // namespace stemdeck::audio
