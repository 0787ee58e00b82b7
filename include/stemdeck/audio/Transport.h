#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "stemdeck/audio/LevelMeters.h"
#include "stemdeck/audio/LinearRamp.h"
#include "stemdeck/audio/Mixer.h"
#include "stemdeck/audio/SafetyLimiter.h"

namespace stemdeck::audio {

struct Song;
class MixControls;

enum class PlayState { Stopped, Playing, Paused };

// Play position and play/pause/stop/seek for one song, and the one render function that both
// the PortAudio callback and the offline renderer call. Commands are atomics any thread may
// write; the audio thread applies them with a short fade so nothing clicks: pause fades out,
// resume fades in, a seek while playing fades out, jumps sample-accurately and fades in.
// Playing from the very start of the song, and the song's end, are not faded (the song plays
// exactly as authored).
class Transport {
  public:
    static constexpr double kFadeMs = 5.0;

    Transport();

    // Control thread, while no audio thread runs process(). Allocates all state.
    void prepare(const Song* song, const MixControls* controls, int sampleRate);
    bool prepared() const { return song_ != nullptr; }
    int sampleRate() const { return sampleRate_; }
    std::int64_t length() const { return length_; }

    // Any thread.
    void play();
    void pause();
    void stop();                    // pause and return to the start
    void seek(std::int64_t frame);  // clamped to [0, length]; allowed while playing
    bool playRequested() const { return playRequested_.load(std::memory_order_acquire); }
    // The position the listener will hear from next: a pending seek target if there is one.
    std::int64_t position() const;
    PlayState state() const;
    // The lock-free stop flag: set by the audio thread when the song reaches its end;
    // returns true once per end and clears it.
    bool consumeEndOfSong() { return endOfSong_.exchange(false, std::memory_order_acq_rel); }
    // True once the audio thread has faded out and renders nothing but silence.
    bool silent() const { return silent_.load(std::memory_order_acquire); }

    // Peak meters (read from the GUI timer).
    LevelMeters& meters() { return meters_; }

    // Audio thread (or an offline renderer). Renders `frames` interleaved frames into `out`
    // with `channels` channels (1: mono sum, 2: stereo, more: stereo on the first two).
    void process(float* out, int frames, int channels) noexcept;

  private:
    int renderChunk(float* out, int offset, int n, int channels) noexcept;
    void finishAtEnd() noexcept;

    const Song* song_ = nullptr;
    int sampleRate_ = 0;
    std::int64_t length_ = 0;
    Mixer mixer_;
    SafetyLimiter limiter_;
    LevelMeters meters_;
    LinearRamp fader_;  // 0 = silent, 1 = full; the de-click fade
    std::vector<float> left_, right_, fade_;

    // Audio-thread state.
    std::int64_t renderPos_ = 0;
    std::int64_t pendingJump_ = -1;  // seek target waiting for the fade-out to finish

    // Shared state.
    std::atomic<bool> playRequested_{false};
    std::atomic<std::int64_t> seekRequest_{-1};
    std::atomic<std::int64_t> position_{0};
    std::atomic<bool> endOfSong_{false};
    std::atomic<bool> silent_{true};
};

}  // namespace stemdeck::audio
