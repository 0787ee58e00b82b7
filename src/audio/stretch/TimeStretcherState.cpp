// TimeStretcher's state machine: every move between its states, as tabled in TimeStretcher.h.
#include "stemdeck/audio/stretch/TimeStretcher.h"

namespace stemdeck::audio {

void TimeStretcher::transition(Event event, Restart how) noexcept {
    const State pending = how == Restart::Spread ? State::RestartSpread : State::RestartAtOnce;
    switch (event) {
        case Event::SwitchIn:
            if (state_ == State::Bypassed) state_ = State::SwitchingIn;
            break;
        case Event::Engage:
            if (state_ == State::Bypassed) {
                state_ = pending;
                padLeft_ = 0;
            }
            break;
        case Event::SwitchOut:
            if (state_ == State::RestartAtOnce || state_ == State::Stretching)
                state_ = State::SwitchingOut;
            else if (state_ == State::RestartSpread || state_ == State::Priming)
                state_ = State::SwitchingOutUnprimed;
            break;
        case Event::CrossfadeDone:
            if (state_ == State::SwitchingIn) {
                state_ = State::Stretching;
            } else if (state_ == State::SwitchingOut || state_ == State::SwitchingOutUnprimed) {
                state_ = State::Bypassed;  // a spread restart left unfinished is dropped
                padLeft_ = 0;
            }
            break;
        case Event::Reset:
            // An unfinished switch-out has nothing left to fade: the transport is silent now.
            if (state_ == State::SwitchingOut || state_ == State::SwitchingOutUnprimed)
                state_ = State::Bypassed;
            else if (state_ != State::Bypassed)
                state_ = pending;
            padLeft_ = 0;
            break;
        case Event::Restarted:
            if (state_ == State::RestartAtOnce)
                state_ = State::Stretching;
            else if (state_ == State::RestartSpread)
                state_ = State::Priming;
            break;
        case Event::Primed:
            if (state_ == State::Priming) state_ = State::Stretching;
            break;
    }
}

}  // namespace stemdeck::audio
