#pragma once

#include <atomic>
#include <cstdint>

#include "stemdeck/audio/click/ClickGenerator.h"
#include "stemdeck/audio/click/GuideCues.h"
#include "stemdeck/audio/mix/LevelMeters.h"
#include "stemdeck/audio/mix/OutputRouting.h"
#include "stemdeck/audio/timeline/LoopRegion.h"
#include "stemdeck/audio/transport/BufferGate.h"
#include "stemdeck/audio/transport/RenderPipeline.h"
#include "stemdeck/audio/transport/TransportControl.h"

namespace stemdeck::audio {

struct Song;
class MixControls;

enum class PlayState { Stopped, Playing, Paused };

// How a jump is taken: at once (a seek, with the de-click fade) or seamlessly on the next bar
// line of the click's beat grid (the loop seam's crossfade).
enum class Quantize { Immediate, NextBar };

// Play position and play/pause/stop/seek for one song, and the one render function that both
// the PortAudio callback and the offline renderer call. Commands are atomics any thread may
// write; the audio thread applies them with a short fade so nothing clicks: pause fades out,
// resume fades in, a seek while playing fades out, jumps sample-accurately and fades in.
// Playing from the very start of the song, and the song's end, are not faded (the song plays
// exactly as authored). A count-in of N bars of click plays before the song when play starts.
// A song still being decoded (progressive loading) never plays through audio not decoded yet:
// the transport fades out and buffers where it is, and fades in there once the decoder is far
// enough ahead (BufferGate; no count-in, the listener did not pause).
//
// Per block, process() takes the commands, then asks TransportControl (the play state: its
// states and events are tabled in TransportControl.h) what each chunk is, and RenderPipeline
// renders it: stems -> mix -> loop -> stretch -> click -> limiter -> fade -> device channels.
class Transport {
  public:
    static constexpr double kFadeMs = 5.0;

    Transport();

    // Control thread (asserted), while no audio thread runs process(). Allocates all state.
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
    // Any thread: play without the count-in, as a set's next song does when it follows the
    // one before it (segue, crossfade, the end of a gap). A pause brings the count-in back.
    void playContinuing();
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
    // Any thread: play is wanted but the transport waits for the song's audio to be decoded
    // (silent, the position standing still; it plays on by itself). As of the last block.
    bool buffering() const { return buffering_.load(std::memory_order_acquire); }

    // Any thread. Tempo (clamped to [0.5, 1.5]) and pitch (clamped to +-1200 cents); ignored
    // (kept at 1 / 0) when prepared without time stretch. Stored in atomics only: the audio
    // thread hands them to the stretchers at the start of its next block.
    void setTempo(double tempo);
    double tempo() const { return tempo_.load(std::memory_order_relaxed); }
    void setPitchCents(double cents);
    double pitchCents() const { return pitchCents_.load(std::memory_order_relaxed); }
    // Any thread: whether the last prepare() built time stretchers.
    bool canStretch() const { return canStretch_.load(std::memory_order_relaxed); }
    // Chunks the steady path rendered since prepare() (RenderPipeline::steadyChunks). Tests,
    // while no audio thread renders.
    std::uint64_t steadyChunks() const { return pipeline_.steadyChunks(); }
    // Of those, the chunks mixed straight into the device's buffer (RenderPipeline::fusedChunks).
    std::uint64_t fusedChunks() const { return pipeline_.fusedChunks(); }

    // Any thread: the A-B loop (song frames), the click and its grid, the output routes.
    LoopRegion& loop() { return loop_; }
    const LoopRegion& loop() const { return loop_; }
    ClickGenerator& click() { return click_; }
    // Any thread as GuideCues says: the spoken cues, on the click's pair.
    GuideCues& cues() { return cues_; }
    OutputRouting& routing() { return routing_; }
    const OutputRouting& routing() const { return routing_; }
    // Any thread: bars of count-in before playback starts from silence (0: none).
    void setCountInBars(int bars);
    int countInBars() const { return countInBars_.load(std::memory_order_relaxed); }
    bool countingIn() const { return countInBeatsLeft() > 0; }
    int countInBeatsLeft() const { return countInBeats_.load(std::memory_order_acquire); }
    // Any thread: output frames of the count-in still to be heard after the last block (0: not
    // counting in). The song's first frame is heard that long after the block's end.
    std::int64_t countInFramesLeft() const {
        return countInFrames_.load(std::memory_order_acquire);
    }
    // Any thread. Immediate: seek(frame). NextBar: continue at `frame` from the next bar line
    // (at or after the frame being read now) without a fade, through the loop seam.
    void jumpTo(std::int64_t frame, Quantize quantize);

    // Frames of audio (not the silence after the song's end) the last process() call wrote.
    int lastRenderedFrames() const { return lastRendered_; }
    // Audio thread: the song played to its end (silent until play or pause).
    bool atEnd() const noexcept { return control_.state() == TransportControl::State::Ended; }
    // Audio thread: output frames until the song's end from where the chains read now (the
    // loop, while reading inside it, counts as endless). A set's crossfade starts from it.
    std::int64_t outputFramesLeft() const noexcept;

    // Peak meters (read from the GUI timer).
    LevelMeters& meters() { return meters_; }

    // Audio thread (or an offline renderer), inside a RealtimeScope (asserted). Renders
    // `frames` interleaved frames into `out` with `channels` channels (1: mono sum, 2: stereo,
    // more: a stereo pair each, as routed).
    void process(float* out, int frames, int channels) noexcept;
    // Audio thread, instead of process() while this song waits to follow another (a set's
    // cued song) and has not been played: takes a pending seek (a start marker) and primes
    // the stretchers there by `frames`, so that a play without count-in sounds at once rather
    // than after a stretcher's restart (7-43 ms of silence in a segue). Renders nothing; does
    // nothing once played or while the audio there is still being decoded.
    void preroll(int frames, int channels) noexcept;

  private:
    void takeSeekRequest() noexcept;
    std::int64_t takeBarJumpRequest() noexcept;  // -1: none
    void finishAtEnd() noexcept;
    void publish(int rendered, bool silent) noexcept;
    // process() for a block that is not steady: the control step, chunk by chunk. Out of line
    // so that process() stays small for the steady block.
    [[gnu::noinline]] void processChanging(float* out, int frames, int channels,
                                           std::uint32_t generation,
                                           std::uint64_t loopVersion) noexcept;
    double countInRate() const noexcept;  // the tempo setting (the stretcher may not run yet)
    // Any thread, after storing a request or setting: the audio thread's next block sees that
    // something changed (see steadyBlock).
    void bumpGeneration() noexcept { generation_.fetch_add(1, std::memory_order_release); }
    // Audio thread: whether this block may skip the control step (beginBlock, the requests,
    // TransportControl::next) and render the steady path at once: the last block was one
    // steady chunk while playing, and nothing it read has changed since.
    bool steadyBlock(int frames, int channels, std::uint32_t generation,
                     std::uint64_t loopVersion) const noexcept;

    const Song* song_ = nullptr;
    int sampleRate_ = 0;
    std::int64_t length_ = 0;
    LevelMeters meters_;
    LoopRegion loop_;
    ClickGenerator click_;
    GuideCues cues_;
    OutputRouting routing_;
    RenderPipeline pipeline_;

    // Audio-thread state.
    TransportControl control_;
    BufferGate gate_;
    int lastRendered_ = 0;
    // The last block was one whole steady chunk, playing at full level, taken at these
    // versions of the control side's settings (generation_) and of the loop region.
    bool steadyArmed_ = false;
    std::uint32_t steadyGeneration_ = 0;
    std::uint64_t steadyLoopVersion_ = 0;

    // Shared state.
    std::atomic<bool> playRequested_{false};
    std::atomic<bool> skipCountIn_{false};
    std::atomic<std::int64_t> seekRequest_{-1};
    std::atomic<std::int64_t> position_{0};
    std::atomic<bool> endOfSong_{false};
    std::atomic<bool> silent_{true};
    std::atomic<bool> buffering_{false};
    std::atomic<double> tempo_{1.0};
    std::atomic<double> pitchCents_{0.0};
    std::atomic<bool> canStretch_{false};
    std::atomic<int> countInBars_{0};
    std::atomic<int> countInBeats_{0};
    std::atomic<std::int64_t> countInFrames_{0};
    std::atomic<std::int64_t> barJumpRequest_{-1};
    // Bumped by every control-side request and setting the control step reads (play, pause,
    // seek, jumps, tempo, pitch, count-in): unchanged, a steady block needs no control step.
    std::atomic<std::uint32_t> generation_{0};
};

}  // namespace stemdeck::audio
