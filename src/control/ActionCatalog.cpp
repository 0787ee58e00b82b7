#include "stemdeck/control/ActionCatalog.h"

#include <utility>

namespace stemdeck::control {
namespace {

using Kind = ActionSpec::Kind;
using Scope = ActionSpec::Scope;
using Type = ParamSpec::Type;

ActionSpec action(std::string name, std::string title, Kind kind = Kind::Trigger,
                  Scope scope = Scope::Transport, std::vector<ParamSpec> params = {},
                  std::string stateKey = {}) {
    return {std::move(name), std::move(title), kind, scope, std::move(params), std::move(stateKey)};
}

ParamSpec required(std::string name, Type type, double min, double max, std::string help) {
    return {std::move(name), type, min, max, false, std::nullopt, std::move(help)};
}

ParamSpec optional(std::string name, Type type, double min, double max, ParamValue value,
                   std::string help) {
    return {std::move(name), type, min, max, true, std::move(value), std::move(help)};
}

// A toggle's `on`: absent means flip, so it has no default.
ParamSpec onParam() {
    return {"on", Type::Bool, 0.0, 0.0, true, std::nullopt, "on or off; absent: flip"};
}

ParamSpec stemParam() {
    return required("stem", Type::StemRef, 0.0, 0.0,
                    "the stem's name (any case) or its number, from 1");
}

ParamSpec dbParam(std::string help) {
    return required("db", Type::Float, -100.0, 6.0, std::move(help));
}

}  // namespace

std::vector<ActionSpec> actionCatalog() {
    // `at` of marker.next/previous: absent follows the Jump at Next Bar setting.
    const ParamSpec at{"at",
                       Type::Text,
                       0.0,
                       0.0,
                       true,
                       std::nullopt,
                       "now or bar; absent: as Jump at Next Bar is set"};
    return {
        // play_pause is a trigger, but MIDI feedback may follow `playing` (an LED on the pedal).
        action("play", "Play"),
        action("pause", "Pause"),
        action("play_pause", "Play or pause", Kind::Trigger, Scope::Transport, {}, "playing"),
        action("stop", "Stop"),
        action("to_start", "Back to start"),
        action("seek", "Go to a time", Kind::Value, Scope::Transport,
               {required("seconds", Type::Float, 0.0, 86400.0,
                         "seconds from the song's start, up to its duration")},
               "position"),
        action("song.next", "Next song"),
        action("song.previous", "Previous song"),
        action("song.goto", "Go to song", Kind::Trigger, Scope::Transport,
               {required("n", Type::Int, 1.0, 9999.0, "the song's number in the set, from 1")}),
        action("marker.next", "Next marker", Kind::Trigger, Scope::Transport, {at}),
        action("marker.previous", "Previous marker", Kind::Trigger, Scope::Transport, {at}),
        action("marker.goto", "Go to marker", Kind::Trigger, Scope::Transport,
               {required("n", Type::Int, 1.0, 9999.0, "the marker's number in the song, from 1")}),
        action("vamp", "Vamp section", Kind::Toggle, Scope::Transport, {onParam()}, "vamp"),
        action("loop", "Loop", Kind::Toggle, Scope::Transport, {onParam()}, "loop"),
        action("click", "Click", Kind::Toggle, Scope::Transport, {onParam()}, "click"),
        // Transport scope: a locked mix must still be unlockable from every door.
        action("lock", "Lock mix", Kind::Toggle, Scope::Transport, {onParam()}, "lock"),
        action("stage", "Stage view", Kind::Toggle, Scope::View, {onParam()}, "stage"),
        action("tempo", "Set tempo", Kind::Value, Scope::Transport,
               {required("ratio", Type::Float, 0.5, 1.5, "tempo ratio, 1 = the song's own")},
               "tempo"),
        action("tempo.up", "Tempo up", Kind::Trigger, Scope::Transport,
               {optional("percent", Type::Float, 1.0, 25.0, 1.0, "step in percent")}, "tempo"),
        action("tempo.down", "Tempo down", Kind::Trigger, Scope::Transport,
               {optional("percent", Type::Float, 1.0, 25.0, 1.0, "step in percent")}, "tempo"),
        action("pitch", "Set pitch", Kind::Value, Scope::Transport,
               {required("semitones", Type::Int, -12.0, 12.0, "transpose by semitones"),
                optional("cents", Type::Float, -100.0, 100.0, 0.0, "fine tuning in cents")},
               "pitch_cents"),
        action("pitch.up", "Pitch up a semitone", Kind::Trigger, Scope::Transport, {},
               "pitch_cents"),
        action("pitch.down", "Pitch down a semitone", Kind::Trigger, Scope::Transport, {},
               "pitch_cents"),
        action("tap_tempo", "Tap tempo", Kind::Trigger, Scope::Transport, {}, "bpm"),
        action("stem.mute", "Mute stem", Kind::Toggle, Scope::Mix, {stemParam(), onParam()},
               "stems"),
        action("stem.solo", "Solo stem", Kind::Toggle, Scope::Mix, {stemParam(), onParam()},
               "stems"),
        action("stem.gain", "Stem gain", Kind::Value, Scope::Mix,
               {stemParam(), dbParam("gain in dB, -100 = silent")}, "stems"),
        action("master.gain", "Master gain", Kind::Value, Scope::Mix,
               {dbParam("gain in dB, -100 = silent")}, "master_db"),
        // A pedal taps the lines in while both hands play (issue 14); UI-only, as `stage`.
        action("lyrics.stamp", "Stamp lyrics line", Kind::Trigger, Scope::View),
    };
}

}  // namespace stemdeck::control
