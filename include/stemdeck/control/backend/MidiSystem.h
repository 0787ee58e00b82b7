#pragma once

#include <string>

namespace stemdeck::control::backend {

enum class MidiApi { None, Alsa, Jack };

// Which MIDI system stemdeck uses, found without side effects: RtMidi must always be given an
// explicit API (with none it tries ALSA first and throws where there is no sequencer, as in
// CI), and its JACK API prints warnings when no server runs.
struct MidiSystemChoice {
    MidiApi api = MidiApi::None;
    std::string note;  // one line for the settings when api is None, else empty
};

class MidiSystem {
  public:
    static constexpr const char* kNoneNote =
        "No MIDI system (no ALSA sequencer, no JACK server): MIDI control is off";

    // ALSA if /dev/snd/seq can be opened for reading and writing, else JACK if a server answers
    // (probed with a client of our own that never starts a server, its messages silenced),
    // else none. Never throws, prints nothing. Any thread; it opens and closes a JACK client.
    static MidiSystemChoice detect();
    static bool jackServerAnswers();
    // /dev/snd/seq opens for reading and writing (CI has none). Any thread.
    static bool alsaSequencerHere();
    static const char* apiName(MidiApi api);  // "alsa", "jack", "none"
};

}  // namespace stemdeck::control::backend
