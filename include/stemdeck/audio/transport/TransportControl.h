#pragma once

#include <cstdint>
#include <vector>

#include "stemdeck/audio/core/LinearRamp.h"

namespace stemdeck::audio {

class RenderPipeline;
class BufferGate;

// The transport's play state on the audio thread: an explicit state, the de-click fade, the
// seek waiting for the bottom of that fade, the count-in, and buffering (the song's audio not
// decoded yet: BufferGate). next() is the one transition function: the Transport calls it for
// each chunk of a block and renders what it says.
//
//   state            event (seen by next())               next state
//   Stopped          play                                 CountingIn (count-in bars > 0),
//                                                         else Held -> FadingIn / Playing
//   CountingIn       pause                                CountInFadingOut
//   CountInFadingOut play                                 CountingIn (full level again)
//   CountingIn       count-in played                      Held
//   CountInFadingOut its fade or the count-in over        Held
//   Held, Ended      play                                 FadingIn, or Playing from frame 0
//   Held, Ended      pause                                Stopped (the next play counts in)
//   Stopped/Held/Ended  seek                              same state, at the new frame
//   CountingIn       seek                                 CountingIn (taken when it is over)
//   FadingIn         fade done                            Playing
//   FadingIn/Playing pause                                FadingOut
//   FadingOut        play                                 FadingIn (from where the fade is)
//   any playing      seek                                 Jumping
//   FadingOut/Jumping  silent (bottom of the fade)        Held (Jumping: the jump is taken)
//   any playing      the song's end                       Ended
//   FadingIn/Playing starved (audio not decoded yet)      Starving
//   Starving         no longer starved                    FadingIn (from where the fade is)
//   Starving         pause / seek                         FadingOut / Jumping
//   Starving         silent (bottom of the fade)          Buffering
//   Held, Ended      play, starved                        Buffering
//   Buffering        play, no longer starved              FadingIn, or Playing from frame 0
//                                                         (no count-in: not the user's pause)
//   Buffering        pause                                Stopped (the next play counts in)
//   Buffering        seek                                 Buffering, at the new frame (starved
//                                                         or not there)
//
// Playing from the very start of the song, and the song's end, are not faded: the song plays
// exactly as authored. A seek while silent is taken at once. Starting to play where the song
// is starved plays the count-in first (it needs no stems), then buffers; the stretchers are
// not primed meanwhile (they would keep the undecoded silence).
class TransportControl {
  public:
    enum class State {
        Stopped,           // silent; the next play counts in
        CountingIn,        // the count-in's click plays; the song has not started
        CountInFadingOut,  // paused during the count-in: its click fades out
        Held,              // silent after a fade-out, a jump or the count-in; play resumes
        FadingIn,          // the song fades in (resume, a seek's landing, a start past frame 0)
        Playing,           // the song at full level
        FadingOut,         // pausing: the song fades to silence
        Jumping,           // fading to silence to take a seek at the bottom of the fade
        Ended,             // the song played to its end (silent; play resumes, pause stops)
        Starving,          // the audio ahead is not decoded yet: the song fades to silence
        Buffering,         // silent, waiting for the decoder; play resumes where it stopped
    };

    // The count-in a start from silence plays: bars of the click at the tempo setting.
    struct CountIn {
        int bars = 0;
        double rate = 1.0;
    };

    // One chunk to render, or the end of the block's audio.
    struct Step {
        enum class Kind {
            Silence,  // nothing more to play in this block
            End,      // the song reached its end: silence from here
            CountIn,  // `frames` frames of the count-in's click
            Song,     // `frames` frames of the song
        };
        Kind kind = Kind::Silence;
        int frames = 0;
        const float* fade = nullptr;      // Song: the de-click fade's gains; null at full level
        std::int64_t countInElapsed = 0;  // CountIn: output frames of it already played
        int countInFadeLeft = 0;          // CountIn: frames left of its fade-out (0: none)
        int countInFadeLength = 1;        // CountIn: the fade-out's whole length
        bool prime = true;                // CountIn: prime the stretchers (song not starved)
    };

    // Control thread, while no audio thread runs next(): Stopped, silent, fades of
    // `fadeFrames` frames, chunks of up to maxChunk frames.
    void prepare(int fadeFrames, int maxChunk);

    // Audio thread: a seek request, taken at the bottom of the fade (at once when silent).
    void requestJump(std::int64_t frame) noexcept { pendingJump_ = frame; }
    // Audio thread. The one transition function: moves on by what the listener wants
    // (`playWanted`), where the song is (`pipeline`) and whether its audio there is decoded
    // (`gate`, asked where the pipeline reads, also after a jump taken within the call), takes
    // the pipeline through what a transition needs while silent (a jump, a start with
    // `countIn`, a resume), and says what to render next, at most `framesLeft` frames.
    Step next(bool playWanted, BufferGate& gate, int framesLeft, RenderPipeline& pipeline,
              const CountIn& countIn) noexcept;

    // Audio thread: what the block's end publishes.
    State state() const noexcept { return state_; }
    std::int64_t pendingJump() const noexcept { return pendingJump_; }
    bool countingIn() const noexcept { return countInLeft_ > 0; }
    // Waiting for audio to be decoded (or fading out to wait).
    bool buffering() const noexcept {
        return state_ == State::Starving || state_ == State::Buffering;
    }
    std::int64_t countInElapsed() const noexcept { return countInTotal_ - countInLeft_; }
    std::int64_t countInLeft() const noexcept { return countInLeft_; }

  private:
    Step countInStep(bool playWanted, int framesLeft, bool prime) noexcept;
    Step songStep(bool playWanted, int framesLeft, BufferGate& gate,
                  const RenderPipeline& pipeline) noexcept;
    bool faderSilent() const noexcept { return !fader_.ramping() && fader_.current() == 0.0f; }

    State state_ = State::Stopped;
    LinearRamp fader_;  // 0 = silent, 1 = full; the de-click fade
    std::vector<float> fade_;
    int maxChunk_ = 1;
    std::int64_t pendingJump_ = -1;  // seek target waiting for the fade-out to finish
    std::int64_t countInTotal_ = 0, countInLeft_ = 0;
    int countInFadeLeft_ = 0;  // frames of the count-in's fade-out after a pause
};

}  // namespace stemdeck::audio
