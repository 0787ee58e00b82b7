#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "stemdeck/audio/core/AtomicSnapshot.h"
#include "stemdeck/audio/timeline/BeatGrid.h"

namespace stemdeck::audio {

// The metronome and count-in: short decaying sine bursts on every beat of a BeatGrid, a
// higher, louder one on beat 1 of each bar. Rendering is stateless (each block works out
// which clicks overlap it from the grid alone), so seeks, loops and stretched playback need
// no bookkeeping, and a click starts on exactly its beat's frame.
class ClickGenerator {
  public:
    static constexpr double kClickMs = 30.0;
    static constexpr double kAccentHz = 1500.0;
    static constexpr double kBeatHz = 1000.0;
    static constexpr float kBeatGain = 0.5f;  // other beats, relative to the accent (-6 dB)
    static constexpr float kDefaultLevel = 0.5f;

    // Control thread, while no audio thread renders: synthesises the two clicks. Keeps the
    // grid's tempo, signature and origin, at the new rate.
    void prepare(int sampleRate);
    int clickFrames() const { return static_cast<int>(accent_.size()); }

    // Any thread. The song's tempo (quarter notes per minute), signature and the frame of
    // beat 1; false (grid unchanged) for an invalid signature. Tempo is clamped as BeatGrid's.
    bool setGrid(double bpm, TimeSignature signature, std::int64_t originFrame);
    BeatGrid grid() const { return grid_.load(); }
    // Any thread: output gain of the clicks, clamped to [0, 1].
    void setLevel(float gain);
    float level() const { return level_.load(std::memory_order_relaxed); }
    // Any thread: the metronome during playback (the count-in plays regardless).
    void setEnabled(bool on) { enabled_.store(on, std::memory_order_relaxed); }
    bool enabled() const { return enabled_.load(std::memory_order_relaxed); }

    // Any thread but the audio thread: length of a count-in of `bars` bars at the grid's tempo
    // and signature: exactly the frame of beat bars * beatsPerBar on a grid starting at 0.
    // At playback tempo `tempo` the count-in is 1 / tempo times as long (rounded up).
    std::int64_t countInFrames(int bars, double tempo = 1.0) const;

    // Audio thread. Overwrites left/right with the metronome for the n output frames starting
    // at song frame `songFrame`; silence when it is off. `songFramesPerFrame` is the playback
    // tempo when the music is time-stretched (the click itself never is): a beat at song frame
    // b sounds at output frame ceil((b - songFrame) / songFramesPerFrame).
    void render(double songFrame, int n, float* left, float* right,
                double songFramesPerFrame = 1.0) noexcept;
    // Audio thread. Overwrites left/right with frames [offset, offset + n) of a count-in of
    // `bars` bars whose beat 1 is frame 0 (nothing outside [0, countInFrames(bars))).
    // At playback tempo `tempo`, output frame i is count-in frame (offset + i) * tempo.
    void renderCountIn(std::int64_t offset, int n, int bars, float* left, float* right,
                       double tempo = 1.0) noexcept;

    // Audio thread: countInFrames() from the grid as of now.
    std::int64_t countInFramesNow(int bars, double tempo = 1.0) noexcept;
    // Audio thread: the grid as of now (a torn read keeps the previous one), for quantised
    // jumps.
    const BeatGrid& audioGrid() noexcept {
        refreshGrid();
        return current_;
    }

  private:
    void refreshGrid() noexcept;
    // Adds the clicks of beats [firstBeat, endBeat) of `grid` that overlap output frames
    // [0, n), output frame i being song frame start + i * rate.
    void addClicks(const BeatGrid& grid, double start, double rate, std::int64_t firstBeat,
                   std::int64_t endBeat, int n, float gain, float* out) const noexcept;

    int sampleRate_ = 48000;
    std::vector<float> accent_, beat_;

    // Audio-thread state.
    BeatGrid current_;  // last consistent read of grid_

    // Shared state.
    AtomicSnapshot<BeatGrid> grid_;
    std::atomic<float> level_{kDefaultLevel};
    std::atomic<bool> enabled_{false};
};

}  // namespace stemdeck::audio
