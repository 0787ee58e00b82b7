#pragma once

#include <memory>
#include <string>
#include <vector>

#include "stemdeck/audio/loader/MemoryBudget.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/StemLoader.h"

// Decoding one stem. A worker thread; different stems may be decoded on different threads.
namespace stemdeck::audio::loader {

// Thrown when LoadProgress asks for the load to stop.
struct Cancelled {};

// The song may take no more memory: the stem being decoded outgrew what was left.
class BudgetExceeded : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class StemDecoder;  // StemDecoder.cpp

// Decodes one probed file, a slice at a time, into a Stem that the song holds, to the real end
// of its audio whatever its header says: every sample bounded (NaN and infinities to 0,
// magnitudes to limits::kMaxSampleMagnitude), downmixed (more than 2 channels) and resampled
// to `targetRate` (in time segments on up to `resampleThreads` threads when that is more than
// one: SegmentedResampler), into buffers that grow as the audio arrives and are charged to
// `budget`; the stem's peak table (sized by the caller; StemPeaks.h) is filled as frames come.
// Each step publishes its frames (StemAudio's watermark), so readers may play the stem while
// it decodes. Every method: one decoding thread at a time, never the audio thread.
class StemDecodeJob {
  public:
    // Opens the file and (re)makes the stem's name, file, source fields and empty audio.
    // Throws DecodeError (loader/AudioSource.h) or std::runtime_error when the file cannot be
    // opened, BudgetExceeded when not even its expected length fits.
    StemDecodeJob(const StemProbe& probe, int targetRate, unsigned resampleThreads,
                  MemoryBudget& budget, Stem& stem);
    ~StemDecodeJob();
    StemDecodeJob(const StemDecodeJob&) = delete;
    StemDecodeJob& operator=(const StemDecodeJob&) = delete;

    // An island's decoder (StemAudio::openIsland): decodes `stem`, already being decoded,
    // from song frame `islandStart` (a multiple of islandUnit()) on. Throws as the other does,
    // and DecodeError when the file cannot seek there. Call openIsland() before step().
    StemDecodeJob(const StemProbe& probe, int targetRate, unsigned resampleThreads,
                  MemoryBudget& budget, Stem& stem, std::int64_t islandStart);
    // Whether a decoder can start at a place and give exactly what decoding from the start
    // gives there: files that seek to the sample (PCM, FLAC), at the song's rate or at a rate
    // pair SegmentedResampler converts in aligned segments.
    static bool canJump(const StemProbe& probe, int targetRate);
    // Islands start on multiples of this (song frames): a peak bucket and, resampled, the
    // rate ratio's period.
    static std::int64_t islandUnit(const StemProbe& probe, int targetRate);
    // Opens the island in the stem; false when it cannot be opened there (nothing written).
    // Only while no other decoder of the stem writes.
    bool openIsland();
    // Counts what `joined` (the decoder of the region before, which reached this one) bounded,
    // for the notes.
    void carry(const StemDecodeJob& joined);

    // What a step did: more to come; the stem's end reached (its exact length; `releaseSpare`:
    // its spare capacity given back, only while no reader can hold the stem); or it reached
    // the next region (an island ahead) and has nothing more to write.
    enum class Step { More, Whole, Joined };
    // Decodes about `sourceFrames` more source frames (whole chunks; at least one). Throws
    // DecodeError or std::runtime_error when the file cannot be decoded further,
    // BudgetExceeded, Cancelled (LoadProgress's cancel).
    Step step(std::int64_t sourceFrames, LoadProgress& progress, bool releaseSpare);
    // The stem moved to another place (while no step runs).
    void retarget(Stem& stem);
    std::int64_t decodedSourceFrames() const;
    // Source frames added to the progress (at most expectedFrames(probe)).
    std::int64_t reportedFrames() const;
    // What did not go quite as the file says, one phrase each, without the file's name
    // ("3 samples beyond ±64 were limited to ±64"). Complete once step() returned Whole.
    std::vector<std::string> notes() const;

  private:
    std::unique_ptr<StemDecoder> decoder_;
};

}  // namespace stemdeck::audio::loader
