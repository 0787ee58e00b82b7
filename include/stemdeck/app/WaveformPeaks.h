#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace stemdeck::audio {
struct Stem;
class StemAudio;
}  // namespace stemdeck::audio

namespace stemdeck::app {

struct MinMax {
    float min = 0.0f;
    float max = 0.0f;
    // A bucket of frames not decoded yet (a growing pyramid): min above max. Drawn as no
    // waveform; merging it with another bucket gives the other.
    static MinMax none();
    bool isNone() const { return min > max; }
};

// One level of a waveform pyramid, stored in chunks that copies share: copying a level
// copies a few pointers, and writing to a copy duplicates only the chunks written to. A set
// of growing waveforms (8 stems x 4 minutes: ~23 MB) is handed to the views on every update,
// which then costs what grew, not the set. Any thread reads; one thread writes a level.
class PeakLevel {
  public:
    // Buckets (8 KB): 1.4 s of level 0 at 48 kHz. A fill duplicates about one chunk per level
    // (~80 KB a stem); smaller chunks copy less but make copying the set cost more pointers.
    static constexpr std::size_t kChunk = 1024;

    PeakLevel() = default;
    explicit PeakLevel(const std::vector<MinMax>& values);

    std::size_t size() const { return size_; }
    const MinMax& operator[](std::size_t i) const { return (*chunks_[i / kChunk])[i % kChunk]; }
    const MinMax& front() const { return (*this)[0]; }
    const MinMax& back() const { return (*this)[size_ - 1]; }
    // Bucket i for writing: its chunk is copied first when another level shares it.
    MinMax& writable(std::size_t i);

  private:
    std::vector<std::shared_ptr<std::vector<MinMax>>> chunks_;
    std::size_t size_ = 0;
};

// Min/max peaks of one stem for drawing its waveform, as a pyramid: level 0 holds the
// extremes of every kBaseBucket frames, each further level halves the resolution. Drawing at
// any zoom reads the coarsest level that still has a bucket per pixel, so a repaint touches
// a few values per pixel whatever the song length. Stereo stems fold both channels into one
// envelope. Pure data: build it on any thread, read it from any thread once built. Copies
// are cheap and share the buckets (PeakLevel) until one of them is filled.
class WaveformPeaks {
  public:
    static constexpr std::int64_t kBaseBucket = 64;

    WaveformPeaks() = default;
    WaveformPeaks(const std::vector<std::vector<float>>& channels, int sampleRate);
    static WaveformPeaks of(const audio::Stem& stem, int sampleRate);
    // The frames of `audio` ready when it is called.
    static WaveformPeaks of(const audio::StemAudio& audio, int sampleRate);
    // A growing pyramid for a stem still decoding (progressive loading): `frames` long, every
    // bucket MinMax::none() until fill() brings the frames decoded there.
    WaveformPeaks(std::int64_t frames, int sampleRate);
    // Recomputes the buckets holding frames [start, end) from `audio` (frames not ready there
    // read as silence: a bucket half decoded is recomputed when the rest is filled), and the
    // levels above them. The caller's thread; `audio` may be decoding meanwhile. Copies of
    // this pyramid made before keep their buckets: only the chunks written are duplicated.
    void fill(const audio::StemAudio& audio, std::int64_t start, std::int64_t end);

    int sampleRate() const { return sampleRate_; }
    std::int64_t frames() const { return frames_; }
    int levelCount() const { return static_cast<int>(levels_.size()); }
    static std::int64_t framesPerBucket(int level) { return kBaseBucket << level; }
    const PeakLevel& level(int index) const { return levels_[index]; }
    // The level a drawing at `framesPerPixel` reads.
    int levelFor(double framesPerPixel) const;

    // Peaks of `count` pixels, pixel i covering frames [start + i * fpp, start + (i+1) * fpp).
    // Each pixel holds the extremes of the buckets it touches, so it may reach up to one
    // bucket beyond its own frames; pixels outside the stem are {0, 0}, pixels of a growing
    // pyramid where nothing is filled yet MinMax::none().
    std::vector<MinMax> pixels(double startFrame, double framesPerPixel, int count) const;

  private:
    void buildLevels(std::vector<MinMax> base);
    // Base bucket `b` of `audio`: the extremes of its frames over every channel.
    MinMax bucketOf(const audio::StemAudio& audio, std::int64_t b) const;

    int sampleRate_ = 0;
    std::int64_t frames_ = 0;
    std::vector<PeakLevel> levels_;
};

}  // namespace stemdeck::app
