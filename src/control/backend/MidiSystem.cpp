#include "stemdeck/control/backend/MidiSystem.h"

#include <jack/jack.h>
#include <unistd.h>

#include "JackSilence.h"

namespace stemdeck::control::backend {

namespace {}  // namespace

bool MidiSystem::jackServerAnswers() {
    // libjack reports a refused connection through its error function (stderr by default):
    // silence it for the probe and put back whatever was set (PortAudio's JACK host sets its own).
    auto* savedError = jack_error_callback;
    auto* savedInfo = jack_info_callback;
    jack_set_error_function(silenceJackMessage);
    jack_set_info_function(silenceJackMessage);
    jack_status_t status{};
    jack_client_t* probe = jack_client_open("stemdeck-midi-probe", JackNoStartServer, &status);
    if (probe) jack_client_close(probe);
    jack_set_error_function(savedError);
    jack_set_info_function(savedInfo);
    return probe != nullptr;
}

MidiSystemChoice MidiSystem::detect() {
    if (alsaSequencerHere()) return {MidiApi::Alsa, {}};
    if (jackServerAnswers()) return {MidiApi::Jack, {}};
    return {MidiApi::None, kNoneNote};
}

const char* MidiSystem::apiName(MidiApi api) {
    switch (api) {
        case MidiApi::Alsa:
            return "alsa";
        case MidiApi::Jack:
            return "jack";
        case MidiApi::None:
            return "none";
    }
    return "none";
}

bool MidiSystem::alsaSequencerHere() {
    return ::access("/dev/snd/seq", R_OK | W_OK) == 0;
}

}  // namespace stemdeck::control::backend
