#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "stemdeck/audio/BusChain.h"
#include "stemdeck/audio/LevelMeters.h"
#include "stemdeck/audio/LinearRamp.h"
#include "stemdeck/audio/Mixer.h"
#include "stemdeck/audio/SafetyLimiter.h"
#include "stemdeck/audio/rehearsal/ClickGenerator.h"
#include "stemdeck/audio/rehearsal/LoopRegion.h"
#include "stemdeck/audio/rehearsal/OutputRouting.h"

namespace stemdeck::audio {

struct Song;
class MixControls;

enum class PlayState { Stopped, Playing, Paused };

// How a jump is taken: at once (a seek, with the de-click fade) or seamlessly on the next bar
// line of the click's beat grid (the loop seam's crossfade).
enum class Quantize { Immediate, NextBar };

// What prepare() builds, beyond the song.
struct TransportSetup {
    int outputPairs = 1;       // stereo pairs the routing may use (device channels / 2)
    bool timeStretch = false;  // build time stretchers (tempo and pitch stay 1 / 0 without)
    // Real-time playback: a stretcher's restart after a seek is spread over the next blocks
    // (7-43 ms of silence depending on the block size, then a fade-in) so that no callback
    // does several blocks' work at once. Offline renders restart at once, exactly.
    bool spreadRestarts = false;
};

// Play position and play/pause/stop/seek for one song, and the one render function that both
// the PortAudio callback and the offline renderer call. Commands are atomics any thread may
// write; the audio thread applies them with a short fade so nothing clicks: pause fades out,
// resume fades in, a seek while playing fades out, jumps sample-accurately and fades in.
// Playing from the very start of the song, and the song's end, are not faded (the song plays
// exactly as authored).
//
// Rehearsal tools, per block: song frames -> Mixer (one stereo mix, or one per output pair when
// stems are routed apart) -> BusChain per pair (A-B loop and jumps in song time, then tempo and
// pitch) -> + click (output time, aligned to the beats as heard) -> SafetyLimiter -> fade ->
// device channels. With nothing enabled on a stereo device the output is bit-exact with a
// plain mix. A count-in of N bars of click plays before the song when play starts.
class Transport {
  public:
    static constexpr double kFadeMs = 5.0;

    Transport();

    // Control thread, while no audio thread runs process(). Allocates all state.
    // Preparing again for the same song keeps its loop and routes (a device reopened).
    // Throws std::invalid_argument, changing nothing, for a rate outside
    // limits::kMinSampleRate..kMaxSampleRate.
    void prepare(const Song* song, const MixControls* controls, int sampleRate,
                 const TransportSetup& setup = {});
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

    // Any thread. Tempo (clamped to [0.5, 1.5]) and pitch (clamped to +-1200 cents); ignored
    // (kept at 1 / 0) when prepared without time stretch.
    void setTempo(double tempo);
    double tempo() const { return tempo_.load(std::memory_order_relaxed); }
    void setPitchCents(double cents);
    double pitchCents() const { return pitchCents_.load(std::memory_order_relaxed); }
    bool canStretch() const { return !chains_.empty() && chains_.front()->canStretch(); }

    // Any thread: the A-B loop (song frames), the click and its grid, the output routes.
    LoopRegion& loop() { return loop_; }
    const LoopRegion& loop() const { return loop_; }
    ClickGenerator& click() { return click_; }
    OutputRouting& routing() { return routing_; }
    const OutputRouting& routing() const { return routing_; }
    // Any thread: bars of count-in before playback starts from silence (0: none).
    void setCountInBars(int bars);
    int countInBars() const { return countInBars_.load(std::memory_order_relaxed); }
    bool countingIn() const { return countInBeatsLeft() > 0; }
    int countInBeatsLeft() const { return countInBeats_.load(std::memory_order_acquire); }
    // Any thread. Immediate: seek(frame). NextBar: continue at `frame` from the next bar line
    // (at or after the frame being read now) without a fade, through the loop seam.
    void jumpTo(std::int64_t frame, Quantize quantize);

    // Frames of audio (not the silence after the song's end) the last process() call wrote.
    int lastRenderedFrames() const { return lastRendered_; }

    // Peak meters (read from the GUI timer).
    LevelMeters& meters() { return meters_; }

    // Audio thread (or an offline renderer). Renders `frames` interleaved frames into `out`
    // with `channels` channels (1: mono sum, 2: stereo, more: stereo on the first two).
    void process(float* out, int frames, int channels) noexcept;

  private:
    int renderChunk(float* out, int offset, int n, int channels) noexcept;
    int renderCountIn(float* out, int offset, int n, int channels) noexcept;
    void beginBlock(int channels) noexcept;
    void jumpChains(std::int64_t frame) noexcept;
    void startFromSilence() noexcept;
    void engageStretchers() noexcept;
    void primeChains(int n) noexcept;
    // The song frames chain `pair` plays: the whole mix, or only the stems routed to its pair.
    void renderSource(std::size_t pair, std::int64_t pos, int m, float* l, float* r) noexcept;
    bool stretching() const noexcept;
    double playbackRate() const noexcept;  // song frames per output frame
    double countInRate() const noexcept;   // the tempo setting (the stretcher may not run yet)
    std::int64_t heardPosition() const noexcept;
    bool songEnded() const noexcept;
    int framesToEnd() const noexcept;  // output frames until the end (plain or stretched)
    void addClick(std::int64_t songFrame, int n, float* left, float* right) noexcept;
    void applyChainMaster(BusChain& chain, int n, float* left, float* right) noexcept;
    void finishAtEnd() noexcept;

    const Song* song_ = nullptr;
    const MixControls* controls_ = nullptr;
    int sampleRate_ = 0;
    std::int64_t length_ = 0;
    Mixer mixer_;
    std::vector<SafetyLimiter> limiters_;  // per output pair
    LevelMeters meters_;
    LinearRamp fader_;  // 0 = silent, 1 = full; the de-click fade
    std::vector<float> left_, right_, fade_, clickLeft_, clickRight_, gain_;
    std::vector<std::unique_ptr<BusChain>> chains_;  // per output pair; 0 sets the position
    LoopRegion loop_;
    ClickGenerator click_;
    OutputRouting routing_;

    // Audio-thread state.
    std::int64_t pendingJump_ = -1;  // seek target waiting for the fade-out to finish
    LoopBounds bounds_;              // this block's loop, the same for every chain
    std::vector<int> pairOf_;        // this block's pair per stem
    std::vector<char> pairUsed_;     // pairs with a stem on them (pair 0 always renders)
    std::vector<char> chainLive_;    // pairs rendered last block
    int clickPair_ = 0;
    bool split_ = false;      // stems (or the click) on more than one pair this block
    bool countedIn_ = false;  // the count-in of this start from silence has been played
    TimeStretcher::Restart restartAfterJump_ = TimeStretcher::Restart::AtOnce;
    std::int64_t countInTotal_ = 0, countInLeft_ = 0;
    int countInFadeLeft_ = 0;  // frames of the count-in's fade-out after a pause
    int lastRendered_ = 0;

    // Shared state.
    std::atomic<bool> playRequested_{false};
    std::atomic<std::int64_t> seekRequest_{-1};
    std::atomic<std::int64_t> position_{0};
    std::atomic<bool> endOfSong_{false};
    std::atomic<bool> silent_{true};
    std::atomic<double> tempo_{1.0};
    std::atomic<double> pitchCents_{0.0};
    std::atomic<int> countInBars_{0};
    std::atomic<int> countInBeats_{0};
    std::atomic<std::int64_t> barJumpRequest_{-1};
};

}  // namespace stemdeck::audio
