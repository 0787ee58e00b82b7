#include "stemdeck/audio/loader/StemDecoder.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>
#include <numeric>
#include <stdexcept>

#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/loader/AudioSource.h"
#include "stemdeck/audio/loader/ChannelDownmix.h"
#include "stemdeck/audio/loader/LoadMessages.h"
#include "stemdeck/audio/loader/SegmentedResampler.h"
#include "stemdeck/audio/loader/StemPeaks.h"

namespace stemdeck::audio::loader {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kChunkFrames = 8192;
// The smallest step a buffer grows by, so a file with no length in its header does not
// start with a string of tiny reallocations.
constexpr std::size_t kMinGrowthFrames = std::size_t{1} << 16;
constexpr float kMaxSample = limits::kMaxSampleMagnitude;

// Samples the decoder had to change, counted for the warning.
struct BoundedSamples {
    std::uint64_t nonFinite = 0;  // NaN or infinite: made silent
    std::uint64_t clamped = 0;    // finite but beyond ±kMaxSample: limited to it
};

// Makes every sample finite and within ±kMaxSample before anything sums or filters them: a
// float file holding 3e38 would otherwise overflow the downmix, the resampler and the mix.
void bound(float* samples, std::size_t count, BoundedSamples& counts) {
    for (std::size_t i = 0; i < count; ++i) {
        const float x = samples[i];
        if (std::abs(x) <= kMaxSample) continue;  // false for NaN too
        if (std::isfinite(x)) {
            samples[i] = std::copysign(kMaxSample, x);
            ++counts.clamped;
        } else {
            samples[i] = 0.0f;
            ++counts.nonFinite;
        }
    }
}

// The samples of a stem being decoded (StemAudio, in the format its source calls for). It
// grows as frames arrive, doubling but never past the length the header claims while that can
// still be right, so memory follows the audio the file really holds, not its header; growth
// adds an extent and never moves what is stored (a reader may already be reading it); every
// growth is charged to the budget (what is charged is given back unless keep() is called).
// At the end it holds exactly its frames, with no spare capacity (releaseSpare: only while no
// reader holds the stem; a stem already handed over keeps its spare until the song goes).
// It also writes the stem's peak table (StemPeaks.h) as frames arrive: a whole bucket's peak
// before the frames completing it are published, so a reader that sees the frames sees it.
class StemBuffer {
  public:
    StemBuffer(Stem& stem, MemoryBudget& budget, std::size_t claimedFrames)
        : stem_(&stem), budget_(budget), claimed_(claimedFrames) {}
    ~StemBuffer() {
        if (!kept_) budget_.giveBack(charged_);
    }
    StemBuffer(const StemBuffer&) = delete;
    StemBuffer& operator=(const StemBuffer&) = delete;

    // The stem moved (SongDecode gathers its stems at hand-over, while no one writes).
    void retarget(Stem& stem) { stem_ = &stem; }
    StemAudio& audio() const { return stem_->audio; }
    // Writes `region` of the stem (StemAudio) from its start, a peak bucket's first frame.
    void useRegion(int region) {
        region_ = region;
        bucket_ = static_cast<std::size_t>(audio().regionStart(region) / kPeakBucketFrames);
    }
    // The next song frame it writes.
    std::size_t size() const { return static_cast<std::size_t>(audio().writtenFrames(region_)); }
    // Whether it reached the next region: the stem goes on there, written by another decoder.
    bool joined() const { return size() >= regionStop(); }

    // Capacity for `frames` frames, charged to the budget. Throws BudgetExceeded.
    void reserve(std::size_t frames) {
        const auto capacity = static_cast<std::size_t>(audio().capacityFrames());
        if (frames <= capacity) return;
        const std::uint64_t bytes = audio().bytesFor(static_cast<std::int64_t>(frames - capacity));
        if (!budget_.take(bytes)) throw BudgetExceeded("over budget");
        if (!audio().reserve(static_cast<std::int64_t>(frames))) {
            budget_.giveBack(bytes);
            throw BudgetExceeded("too many extents");
        }
        charged_ += bytes;
    }

    // Frames beyond `frames` are dropped from now on (the resampler's rounding at the end).
    void limit(std::size_t frames) { limit_ = frames; }

    // Appends interleaved frames (one sample per channel each). `bound`: clamp each sample
    // to ±kMaxSample again, for what went through the downmix or the resampler, which may
    // take a bounded input a little beyond the bound.
    void append(const float* frames, std::size_t count, bool bound) {
        const std::size_t stop = std::min(limit_, regionStop());
        const std::size_t n = std::min(count, stop - std::min(stop, size()));
        if (n == 0) return;
        grow(size() + n);
        notePeaks(frames, n);
        audio().append(region_, frames, static_cast<std::int64_t>(n), bound);
    }

    // Exactly `length` frames (a resampler's short filter tail padded with silence), the last
    // partial peak bucket written. `release`: without spare capacity, the spare given back to
    // the budget (only while no reader holds the stem).
    void finish(std::size_t length, bool release) {
        reserve(length);
        if (size() < length) {
            const std::size_t pad = length - size();  // a few frames: a filter's tail
            for (std::size_t f = 0; f < pad; ++f)
                if (++bucketFrames_ == kPeakBucketFrames) writeBucket();
            audio().appendSilence(region_, static_cast<std::int64_t>(pad));
        }
        if (bucketFrames_ > 0) writeBucket();
        if (!release) return;
        const std::uint64_t spare = audio().releaseSpare();
        budget_.giveBack(spare);
        charged_ -= spare;
    }

    void keep() { kept_ = true; }

  private:
    std::size_t regionStop() const {
        const std::int64_t limit = audio().regionLimit(region_);
        return limit == std::numeric_limits<std::int64_t>::max() ? static_cast<std::size_t>(-1)
                                                                 : static_cast<std::size_t>(limit);
    }

    void grow(std::size_t needed) {
        const auto capacity = static_cast<std::size_t>(audio().capacityFrames());
        if (needed <= capacity) return;
        std::size_t frames = std::max({needed, 2 * capacity, kMinGrowthFrames});
        if (needed <= claimed_) frames = std::min(frames, claimed_);  // the header may be right
        reserve(frames);
    }

    // The peak of each bucket the frames complete, written before they are published. One
    // pass per bucket's stretch of interleaved samples (a loop the compiler vectorises).
    void notePeaks(const float* frames, std::size_t n) {
        const auto channels = static_cast<std::size_t>(audio().channels());
        std::size_t f = 0;
        while (f < n) {
            const std::size_t take =
                std::min(n - f, static_cast<std::size_t>(kPeakBucketFrames - bucketFrames_));
            const float* x = frames + f * channels;
            float peak = bucketPeak_;
            for (std::size_t i = 0; i < take * channels; ++i) peak = std::max(peak, std::abs(x[i]));
            bucketPeak_ = peak;
            bucketFrames_ += static_cast<int>(take);
            f += take;
            if (bucketFrames_ == kPeakBucketFrames) writeBucket();
        }
    }
    void writeBucket() {
        // What is stored: int16 stops at 32767 / 32768.
        const float ceiling =
            audio().format() == SampleFormat::Int16 ? 32767.0f / 32768.0f : kMaxSample;
        if (bucket_ < stem_->peaks.size()) stem_->peaks[bucket_] = std::min(bucketPeak_, ceiling);
        ++bucket_;
        bucketFrames_ = 0;
        bucketPeak_ = 0.0f;
    }

    Stem* stem_;
    int region_ = StemAudio::kFront;
    MemoryBudget& budget_;
    const std::size_t claimed_;  // output frames the header claims (0: it claims nothing)
    std::size_t limit_ = static_cast<std::size_t>(-1);
    std::uint64_t charged_ = 0;
    bool kept_ = false;
    std::size_t bucket_ = 0;  // the peak bucket being filled
    int bucketFrames_ = 0;    // frames in it so far
    float bucketPeak_ = 0.0f;
};

}  // namespace

// One stem being decoded (StemDecodeJob's implementation).
class StemDecoder {
  private:
    // Runs `work`, saying where the memory ran out when it did.
    template <typename Work>
    auto guarded(Work work) {
        try {
            return work();
        } catch (const BudgetExceeded&) {
            throw BudgetExceeded("needs more memory than is left for the song (stopped at " +
                                 secondsText(decoded_, probe_.sampleRate) + ")");
        }
    }

  public:
    StemDecoder(const StemProbe& probe, int targetRate, unsigned resampleThreads,
                MemoryBudget& budget, Stem& stem)
        : probe_(probe),
          targetRate_(targetRate),
          outChannels_(probe.channels == 1 ? 1 : 2),
          source_(openSource(probe)),
          buffer_(stem, budget, outputFrames(probe.frames)) {
        initStem(stem);
        interleaved_.resize(static_cast<std::size_t>(kChunkFrames * probe.channels));
        if (probe.channels > 2) {
            downmix_ = source_->downmix();
            stereo_.resize(static_cast<std::size_t>(2 * kChunkFrames));
        }
        if (probe.sampleRate != targetRate)
            resampler_ = std::make_unique<SegmentedResampler>(outChannels_, probe.sampleRate,
                                                              targetRate, resampleThreads);
        stem.resampled = resampler_ != nullptr;
        // Room for what the file is expected to hold; more comes as the audio does.
        guarded([&] { buffer_.reserve(outputFrames(expectedFrames(probe_))); });
    }

    // An island's decoder: from song frame `start` (on a peak bucket, and on the rate ratio's
    // period when resampled: SegmentedResampler::alignment), in a stem being decoded.
    StemDecoder(const StemProbe& probe, int targetRate, unsigned resampleThreads,
                MemoryBudget& budget, Stem& stem, std::int64_t start)
        : probe_(probe),
          targetRate_(targetRate),
          outChannels_(probe.channels == 1 ? 1 : 2),
          source_(openSource(probe)),
          buffer_(stem, budget, outputFrames(probe.frames)),
          islandStart_(start),
          countsProgress_(false) {
        interleaved_.resize(static_cast<std::size_t>(kChunkFrames * probe.channels));
        if (probe.channels > 2) {
            downmix_ = source_->downmix();
            stereo_.resize(static_cast<std::size_t>(2 * kChunkFrames));
        }
        std::int64_t from = start;
        if (probe.sampleRate != targetRate) {
            const auto a = SegmentedResampler::alignment(probe.sampleRate, targetRate);
            const auto period = static_cast<std::int64_t>(a.targetPeriod);
            if (period == 0 || start % period != 0)
                throw std::logic_error("an island must start on the rate ratio's period");
            const std::int64_t sourceStart =
                start / period * static_cast<std::int64_t>(a.sourcePeriod);
            from = std::max<std::int64_t>(0, sourceStart - static_cast<std::int64_t>(a.overlap));
            skip_ = static_cast<std::size_t>((sourceStart - from) /
                                             static_cast<std::int64_t>(a.sourcePeriod) * period);
            resampler_ = std::make_unique<SegmentedResampler>(outChannels_, probe.sampleRate,
                                                              targetRate, resampleThreads);
        }
        if (!source_->seek(from)) throw DecodeError("cannot seek in it");
        decoded_ = from;
    }

    // Opens the island in the stem (StemAudio::openIsland); false when it cannot be opened.
    bool openIsland() {
        const int region = buffer_.audio().openIsland(islandStart_);
        if (region < 0) return false;
        buffer_.useRegion(region);
        return true;
    }

    void retarget(Stem& stem) { buffer_.retarget(stem); }

    StemDecodeJob::Step step(std::int64_t sourceFrames, LoadProgress& progress, bool release) {
        const std::int64_t share = countsProgress_ ? expectedFrames(probe_) : 0;
        const std::int64_t until = decoded_ + std::max<std::int64_t>(sourceFrames, 1);
        return guarded([&] {
            while (decoded_ < until) {
                if (progress.cancelRequested()) throw Cancelled{};
                const std::int64_t got = readChunk(decoded_);
                if (got == 0) {
                    if (decoded_ == 0) throw std::runtime_error("no audio could be decoded");
                    ended_ = true;
                    finish(decoded_, release);
                    buffer_.keep();
                    return StemDecodeJob::Step::Whole;
                }
                convertChunk(static_cast<std::size_t>(got));
                decoded_ += got;
                const std::int64_t counted = std::clamp<std::int64_t>(share - reported_, 0, got);
                progress.addFrames(counted);
                reported_ += counted;
                if (buffer_.joined()) {  // what follows is the next region's
                    buffer_.keep();
                    return StemDecodeJob::Step::Joined;
                }
            }
            return StemDecodeJob::Step::More;
        });
    }

    // Takes on the counts of samples a decoder that joined this one's region bounded.
    void carry(const StemDecoder& joined) {
        bounded_.clamped += joined.bounded_.clamped;
        bounded_.nonFinite += joined.bounded_.nonFinite;
    }

    std::int64_t decoded() const { return decoded_; }
    std::int64_t reported() const { return reported_; }
    std::vector<std::string> notes() const {
        std::vector<std::string> notes;
        addNotes(decoded_, notes);
        return notes;
    }

  private:
    void initStem(Stem& stem) const {
        stem.name = probe_.name;
        stem.file = probe_.file;
        stem.sourceChannels = probe_.channels;
        stem.sourceRate = probe_.sampleRate;
        stem.sourceFrames = std::max<std::int64_t>(probe_.frames, 0);
        stem.audio = StemAudio(outChannels_, storageFormat(probe_));
    }

    std::size_t outputFrames(std::int64_t sourceFrames) const {
        const auto frames = static_cast<std::size_t>(std::max<std::int64_t>(sourceFrames, 0));
        return probe_.sampleRate == targetRate_
                   ? frames
                   : Resampler::outputFrames(frames, probe_.sampleRate, targetRate_);
    }

    std::int64_t readChunk(std::int64_t decoded) {
        try {
            return source_->read(interleaved_.data(), kChunkFrames);
        } catch (const DecodeError& e) {
            throw DecodeError("failed at " + secondsText(decoded, probe_.sampleRate) + ": " +
                              e.what());
        }
    }

    // The chunk in interleaved_ -> bounded -> mono or interleaved stereo -> (resampler) ->
    // stem buffers.
    void convertChunk(std::size_t frames) {
        bound(interleaved_.data(), frames * static_cast<std::size_t>(probe_.channels), bounded_);
        const float* out = interleaved_.data();
        if (!stereo_.empty()) {
            downmixToStereo(downmix_, out, frames, stereo_.data());
            out = stereo_.data();
        }
        if (resampler_)
            resampler_->process(out, frames, false, storeInto());
        else
            buffer_.append(out, frames, !stereo_.empty());
    }

    Resampler::Sink storeInto() {
        return [this](const float* frames, std::size_t count) {
            if (skip_ > 0) {  // an island's pre-roll
                const std::size_t dropped = std::min(skip_, count);
                frames += dropped * static_cast<std::size_t>(outChannels_);
                count -= dropped;
                skip_ -= dropped;
            }
            buffer_.append(frames, count, true);
        };
    }

    // Flushes the resampler and fixes the length: the decoded frames, or exactly
    // round(decoded * target / source) when resampled.
    void finish(std::int64_t decoded, bool release) {
        const std::size_t length = outputFrames(decoded);
        if (resampler_) {
            buffer_.limit(length);
            resampler_->process(nullptr, 0, true, storeInto());
        }
        buffer_.finish(length, release);
    }

    bool fileChanged() const {
        std::error_code ec;
        const auto size = fs::file_size(probe_.file, ec);
        return ec || size != probe_.fileBytes;
    }

    void addNotes(std::int64_t decoded, std::vector<std::string>& notes) const {
        if (bounded_.clamped > 0) {
            const std::string bound = "\u00b1" + std::to_string(std::lround(kMaxSample));
            notes.push_back(std::to_string(bounded_.clamped) + " samples beyond " + bound + " (+" +
                            std::to_string(std::lround(20.0 * std::log10(kMaxSample))) +
                            " dBFS) were limited to " + bound);
        }
        if (bounded_.nonFinite > 0)
            notes.push_back(std::to_string(bounded_.nonFinite) +
                            " samples that were not numbers (NaN or infinite) became silence");
        const std::int64_t claimed = probe_.frames;
        // Only a decoder that reached the end knows the length (one that joined another did not).
        if (!ended_ || claimed <= 0 || decoded == claimed) return;
        // An MP3's length is mpg123's estimate, exact only with a Xing or LAME header.
        const std::int64_t tolerance = probe_.codec == StemCodec::Mpeg ? probe_.sampleRate / 10 : 0;
        if (std::llabs(decoded - claimed) <= tolerance) return;
        const int rate = probe_.sampleRate;
        if (decoded < claimed && (probe_.codec == StemCodec::Uncompressed || fileChanged()))
            notes.push_back("ended at " + secondsText(decoded, rate) + " of " +
                            secondsText(claimed, rate) + " (the file changed while loading)");
        else
            notes.push_back("length " + secondsText(decoded, rate) + ", not the " +
                            secondsText(claimed, rate) + " its header says; loaded in full");
    }

    const StemProbe& probe_;
    const int targetRate_;
    const int outChannels_;  // 1 for mono files, else 2
    std::unique_ptr<AudioSource> source_;
    StemBuffer buffer_;  // fills the stem's audio and peaks
    DownmixMatrix downmix_;
    std::unique_ptr<SegmentedResampler> resampler_;
    std::vector<float> interleaved_;  // one chunk as read from the file
    std::vector<float> stereo_;       // the chunk downmixed, for files with more than 2 channels
    BoundedSamples bounded_;
    std::int64_t decoded_ = 0;      // source frames decoded (an island's: the frame it reads next)
    std::int64_t reported_ = 0;     // of them, counted in the progress (at most expectedFrames)
    std::int64_t islandStart_ = 0;  // an island's first song frame
    std::size_t skip_ = 0;          // output frames of an island's pre-roll still to drop
    bool countsProgress_ = true;    // the front counts the stem's progress; islands do not
    bool ended_ = false;            // it reached the end of the audio
};

StemDecodeJob::StemDecodeJob(const StemProbe& probe, int targetRate, unsigned resampleThreads,
                             MemoryBudget& budget, Stem& stem)
    : decoder_(std::make_unique<StemDecoder>(probe, targetRate, resampleThreads, budget, stem)) {}

StemDecodeJob::~StemDecodeJob() = default;

StemDecodeJob::StemDecodeJob(const StemProbe& probe, int targetRate, unsigned resampleThreads,
                             MemoryBudget& budget, Stem& stem, std::int64_t islandStart)
    : decoder_(std::make_unique<StemDecoder>(probe, targetRate, resampleThreads, budget, stem,
                                             islandStart)) {}

bool StemDecodeJob::canJump(const StemProbe& probe, int targetRate) {
    const bool seeksExactly =
        probe.codec == StemCodec::Uncompressed || probe.codec == StemCodec::Flac;
    return seeksExactly && (probe.sampleRate == targetRate ||
                            SegmentedResampler::canSegment(probe.sampleRate, targetRate));
}

std::int64_t StemDecodeJob::islandUnit(const StemProbe& probe, int targetRate) {
    const auto period = static_cast<std::int64_t>(
        probe.sampleRate == targetRate
            ? 1
            : SegmentedResampler::alignment(probe.sampleRate, targetRate).targetPeriod);
    return std::lcm(period, std::int64_t{kPeakBucketFrames});
}

bool StemDecodeJob::openIsland() {
    return decoder_->openIsland();
}

void StemDecodeJob::carry(const StemDecodeJob& joined) {
    decoder_->carry(*joined.decoder_);
}

StemDecodeJob::Step StemDecodeJob::step(std::int64_t sourceFrames, LoadProgress& progress,
                                        bool releaseSpare) {
    return decoder_->step(sourceFrames, progress, releaseSpare);
}

void StemDecodeJob::retarget(Stem& stem) {
    decoder_->retarget(stem);
}

std::int64_t StemDecodeJob::decodedSourceFrames() const {
    return decoder_->decoded();
}

std::int64_t StemDecodeJob::reportedFrames() const {
    return decoder_->reported();
}

std::vector<std::string> StemDecodeJob::notes() const {
    return decoder_->notes();
}

}  // namespace stemdeck::audio::loader
