#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

#include "stemdeck/audio/core/LinearRamp.h"
#include "stemdeck/audio/timeline/BeatGrid.h"

namespace stemdeck::audio {

// One spoken cue: a mono clip at the engine rate and the song frame it starts on.
struct GuideCue {
    std::int64_t startFrame = 0;
    std::vector<float> samples;
};

// A song's cues, sorted by start frame; built on a worker thread, then never changed.
struct GuideCueSet {
    int sampleRate = 0;  // the rate the clips were made at (another rate: silent)
    std::vector<GuideCue> cues;
};

// Spoken guide cues ("Chorus") one bar before each marker, mixed in song time like the click
// (a cue sounds at the output time of its song frame at any tempo; the voice itself is never
// stretched) onto the click's output pair. A cue starts only when playback crosses its start
// frame: after a seek or a loop wrap a cue already under way stops, and none starts mid-word.
class GuideCues {
  public:
    static constexpr float kMinLevelDb = -40.0f;
    static constexpr float kMaxLevelDb = 0.0f;
    static constexpr float kDefaultLevelDb = -6.0f;
    static constexpr double kRampMs = 20.0;

    GuideCues() = default;
    GuideCues(const GuideCues&) = delete;
    GuideCues& operator=(const GuideCues&) = delete;
    ~GuideCues();

    // Any thread: where the cue for a marker at `markerFrame` starts: one bar of `grid` earlier.
    // nullopt when that is before the song's first frame (a marker in the first bar): such a
    // cue would speak over the section it announces, and the count-in already leads in.
    static std::optional<std::int64_t> cueStart(const BeatGrid& grid, std::int64_t markerFrame);

    // Control thread, while no audio thread renders: the ramp's length at the new rate (cues
    // made at another rate stay silent until replaced).
    void prepare(int sampleRate);
    // Control thread, while no audio thread renders: no cues (a new song).
    void clear();

    // Control thread (one at a time): replaces the cues; the audio thread takes them at its
    // next block without waiting. Sets it never took, and the one it let go, are freed here
    // (and by collect()), never on the audio thread.
    void publish(std::vector<GuideCue> cues, int sampleRate);
    // Control thread: frees a set the audio thread has let go of.
    void collect();

    // Any thread: on/off (ramped) and level in dB, clamped to [kMinLevelDb, kMaxLevelDb].
    void setEnabled(bool on) { enabled_.store(on, std::memory_order_relaxed); }
    bool enabled() const { return enabled_.load(std::memory_order_relaxed); }
    void setLevelDb(float db);
    float levelDb() const { return levelDb_.load(std::memory_order_relaxed); }

    // Audio thread. Adds the cues heard in the n output frames starting at song frame
    // `songFrame` to left and right; `songFramesPerFrame` is the playback tempo. A cue starting
    // at song frame s sounds from output frame ceil((s - songFrame) / songFramesPerFrame).
    void render(double songFrame, int n, float* left, float* right,
                double songFramesPerFrame = 1.0) noexcept;

    // Audio thread: render() in two steps, so that a block where no cue sounds costs no pass
    // over the bus. begin() moves on by the block (what render() does before adding) and says
    // whether a cue sounds in it; only then add() adds it (the same samples render() adds).
    struct Block {
        int startAt = 0;    // output frame where a cue starts (n: none)
        int starting = -1;  // the cue starting there, -1: none
        bool sounds = false;
    };
    Block begin(double songFrame, int n, double songFramesPerFrame = 1.0) noexcept {
        return quiet() ? Block{} : beginWithCues(songFrame, n, songFramesPerFrame);
    }
    // Audio thread, inline for the common block: whether begin() would find nothing, as no set
    // is published and none can sound (no set, or off with no cue being spoken). Such a block
    // is not tracked: the next one that can sound starts afresh from its own place, as after
    // a seek.
    bool quiet() noexcept {
        if (pending_.load(std::memory_order_relaxed) != nullptr || !silentSet()) return false;
        haveLast_ = false;
        return true;
    }
    void add(const Block& block, int n, float* left, float* right) noexcept;

  private:
    Block beginWithCues(double songFrame, int n, double songFramesPerFrame) noexcept;
    // The set taken can sound nothing: there is none, or cues are off and none is spoken.
    bool silentSet() const noexcept {
        return !current_ || (voice_ < 0 && !enabled_.load(std::memory_order_relaxed));
    }
    void takePublished() noexcept;
    // Adds output frames [from, to) of the sounding cue, if any.
    void addVoice(int from, int to, float* left, float* right) noexcept;

    int sampleRate_ = 48000;

    // Hand-over: the control thread owns what is in pending_ until the audio thread exchanges
    // it out; the audio thread puts the set it lets go of into retired_ (only when empty) for
    // the control thread to free.
    std::atomic<GuideCueSet*> pending_{nullptr};
    std::atomic<GuideCueSet*> retired_{nullptr};
    std::atomic<bool> enabled_{false};
    std::atomic<float> levelDb_{kDefaultLevelDb};

    // Audio-thread state.
    GuideCueSet* current_ = nullptr;
    int voice_ = -1;            // the cue sounding (index into current_), -1: none
    std::size_t voicePos_ = 0;  // its next sample
    double lastEnd_ = 0.0;      // song frame where the last block ended
    bool haveLast_ = false;
    LinearRamp gain_;
};

}  // namespace stemdeck::audio
