#include "stemdeck/audio/transport/TransportControl.h"

#include <algorithm>

#include "stemdeck/audio/core/ThreadContract.h"
#include "stemdeck/audio/transport/BufferGate.h"
#include "stemdeck/audio/transport/RenderPipeline.h"

namespace stemdeck::audio {

void TransportControl::prepare(int fadeFrames, int maxChunk) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    maxChunk_ = std::max(1, maxChunk);
    fader_.setLength(fadeFrames);
    fader_.reset(0.0f);
    fade_.assign(static_cast<std::size_t>(maxChunk_), 0.0f);
    state_ = State::Stopped;
    pendingJump_ = -1;
    countInTotal_ = countInLeft_ = 0;
    countInFadeLeft_ = 0;
}

TransportControl::Step TransportControl::next(bool playWanted, BufferGate& gate, int framesLeft,
                                              RenderPipeline& pipeline,
                                              const CountIn& countIn) noexcept {
    // Bounded: at most a fade's bottom, a jump, a start and a resume before a step.
    for (;;) {
        switch (state_) {
            case State::CountingIn:
            case State::CountInFadingOut:
                return countInStep(playWanted, framesLeft, !gate.starved(pipeline));
            case State::FadingIn:
            case State::Playing:
            case State::FadingOut:
            case State::Jumping:
            case State::Starving:
                if (!faderSilent()) return songStep(playWanted, framesLeft, gate, pipeline);
                // The bottom of a fade-out: starved, wait there for the audio (not the user's
                // pause: no count-in when it comes).
                state_ = state_ == State::Starving ? State::Buffering : State::Held;
                break;
            case State::Stopped:
            case State::Held:
            case State::Ended:
            case State::Buffering:
                if (pendingJump_ >= 0) {  // silent: the jump cannot be heard, take it now
                    pipeline.jump(pendingJump_);
                    pendingJump_ = -1;
                    break;
                }
                if (!playWanted) {
                    state_ = State::Stopped;  // the next start counts in again
                    return {};
                }
                if (state_ == State::Stopped) {
                    // Starting to play: the mix as it is now, stretchers engaged (and primed
                    // during the count-in, if any).
                    countInTotal_ = countInLeft_ =
                        pipeline.startFromSilence(countIn.bars, countIn.rate);
                    state_ = countInLeft_ > 0 ? State::CountingIn : State::Held;
                    break;
                }
                if (gate.starved(pipeline)) {
                    state_ = State::Buffering;  // where the pipeline is: silent until decoded
                    return {};
                }
                pipeline.resumeFromSilence();
                // The very start of the song plays exactly as authored; anywhere else fades in.
                if (pipeline.atSongStart()) fader_.reset(1.0f);
                return songStep(playWanted, framesLeft, gate, pipeline);
        }
    }
}

TransportControl::Step TransportControl::countInStep(bool playWanted, int framesLeft,
                                                     bool prime) noexcept {
    Step step;
    step.kind = Step::Kind::CountIn;
    step.prime = prime;
    step.countInElapsed = countInTotal_ - countInLeft_;
    step.countInFadeLength = fader_.length();
    if (!playWanted) {
        // Paused during the count-in: the song never started. The click fades out over the
        // de-click fade's length, then the count-in is over.
        state_ = State::CountInFadingOut;
        if (countInFadeLeft_ == 0) countInFadeLeft_ = fader_.length();
        step.frames = static_cast<int>(
            std::min<std::int64_t>({framesLeft, countInFadeLeft_, countInLeft_, maxChunk_}));
        step.countInFadeLeft = countInFadeLeft_;
        countInFadeLeft_ -= step.frames;
        countInLeft_ -= step.frames;
        if (countInFadeLeft_ <= 0 || countInLeft_ <= 0) {
            countInLeft_ = countInFadeLeft_ = 0;
            state_ = State::Held;
        }
        return step;
    }
    state_ = State::CountingIn;
    countInFadeLeft_ = 0;  // resumed within the fade: full level again
    step.frames = static_cast<int>(std::min<std::int64_t>({framesLeft, countInLeft_, maxChunk_}));
    countInLeft_ -= step.frames;
    if (countInLeft_ <= 0) state_ = State::Held;
    return step;
}

TransportControl::Step TransportControl::songStep(bool playWanted, int framesLeft, BufferGate& gate,
                                                  const RenderPipeline& pipeline) noexcept {
    // Starved: fade out before the read reaches undecoded audio (the gate's lead covers the
    // fade), as a pause the listener did not ask for.
    const bool starved = playWanted && pendingJump_ < 0 && gate.starved(pipeline);
    fader_.setTarget(pendingJump_ >= 0 || !playWanted || starved ? 0.0f : 1.0f);
    state_ = pendingJump_ >= 0  ? State::Jumping
             : !playWanted      ? State::FadingOut
             : starved          ? State::Starving
             : fader_.ramping() ? State::FadingIn
                                : State::Playing;
    if (pipeline.songEnded()) {
        fader_.reset(0.0f);
        state_ = State::Ended;
        return {.kind = Step::Kind::End};
    }
    int n = std::min({framesLeft, maxChunk_, pipeline.framesToEnd()});
    // Stop at the bottom of a fade so a pending jump lands on its exact frame.
    if (fader_.ramping()) n = std::min(n, fader_.remaining());
    Step step;
    step.kind = Step::Kind::Song;
    step.frames = n;
    if (fader_.ramping() || fader_.current() != 1.0f) {
        fader_.fill(fade_.data(), n);
        step.fade = fade_.data();
    }
    return step;
}

}  // namespace stemdeck::audio
