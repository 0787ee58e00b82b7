#include "stemdeck/app/control/AppActions.h"

#include <QString>
#include <algorithm>
#include <chrono>

#include "ActionReplies.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/audio/core/Limits.h"

// The transport and rehearsal actions; the set, markers, vamp and mix are in AppActionsSet.cpp.
namespace stemdeck::app {

namespace {

using control::ActionResult;
using Code = control::ActionResult::Code;

ActionResult done() {
    return ActionResult::success();
}

using replies::said;

std::string number(double value, int decimals) {
    return QString::number(value, 'f', decimals).toStdString();
}

}  // namespace

void AppActions::bind(control::ActionRegistry& registry) {
    bindTransport(registry);
    bindRehearsal(registry);
    bindSet(registry);
    bindMix(registry);
}

ActionResult AppActions::needSong() const {
    if (parts_.playback.hasSong()) return done();
    return ActionResult::failure(Code::Unavailable, "no song is loaded");
}

void AppActions::bindTransport(control::ActionRegistry& registry) {
    // Each runs only with a song: without one the PlaybackManager would do nothing, silently.
    const auto withSong = [this](auto run) {
        return [this, run](const Call& call) {
            ActionResult song = needSong();
            return song.ok() ? run(call) : song;
        };
    };
    registry.setHandler("play", withSong([&playback = parts_.playback](const Call&) {
                            playback.play();
                            return done();
                        }));
    registry.setHandler("pause", withSong([&playback = parts_.playback](const Call&) {
                            playback.pause();
                            return done();
                        }));
    registry.setHandler("play_pause", withSong([&playback = parts_.playback](const Call&) {
                            playback.togglePlayPause();
                            return done();
                        }));
    registry.setHandler("stop", withSong([&playback = parts_.playback](const Call&) {
                            playback.stop();
                            return done();
                        }));
    registry.setHandler("to_start", withSong([&playback = parts_.playback](const Call&) {
                            playback.seek(0.0);
                            return done();
                        }));
    registry.setHandler(
        "seek", withSong([&playback = parts_.playback](const Call& call) {
            const double seconds = call.number("seconds");
            if (seconds > playback.duration())
                return ActionResult::failure(
                    Code::OutOfRange,
                    "seconds must be at most the song's length, " + number(playback.duration(), 1),
                    "seconds");
            playback.seek(seconds);
            return done();
        }));
    registry.setHandler("loop", withSong([this](const Call& call) { return loop(call); }));
}

void AppActions::bindRehearsal(control::ActionRegistry& registry) {
    registry.setHandler("tempo", [&playback = parts_.playback](const Call& call) {
        playback.setTempo(call.number("ratio"));
        return done();
    });
    registry.setHandler("tempo.up", [this](const Call& call) { return tempoStep(call, 1.0); });
    registry.setHandler("tempo.down", [this](const Call& call) { return tempoStep(call, -1.0); });
    registry.setHandler("pitch", [&playback = parts_.playback](const Call& call) {
        playback.setPitch(static_cast<int>(call.integer("semitones")),
                          call.has("cents") ? call.number("cents") : 0.0);
        return done();
    });
    registry.setHandler("pitch.up", [this](const Call&) { return pitchStep(1); });
    registry.setHandler("pitch.down", [this](const Call&) { return pitchStep(-1); });
    registry.setHandler("click", [this](const Call& call) { return click(call); });
    registry.setHandler("tap_tempo", [this](const Call& call) { return tapTempo(call); });
}

ActionResult AppActions::loop(const Call& call) {
    PlaybackManager& playback = parts_.playback;
    const bool on = call.flagOr("on", !playback.loopEnabled());
    if (on == playback.loopEnabled()) return done();
    // toggleLoop() says "No loop yet" in the window; a remote gets the same as its answer.
    if (on && playback.loopEnd() < 0.0)
        return ActionResult::failure(Code::Unavailable, "no loop yet: set A and B first");
    playback.toggleLoop();
    return done();
}

ActionResult AppActions::click(const Call& call) {
    PlaybackManager& playback = parts_.playback;
    audio::ClickSettings settings = playback.click();
    settings.enabled = call.flagOr("on", !settings.enabled);
    playback.setClick(settings);
    return done();
}

ActionResult AppActions::tapTempo(const Call& call) {
    // The door's arrival time, so that a queue of taps (MIDI) keeps its spacing.
    const std::int64_t ns = call.receivedNs > 0
                                ? call.receivedNs
                                : std::chrono::duration_cast<std::chrono::nanoseconds>(
                                      std::chrono::steady_clock::now().time_since_epoch())
                                      .count();
    tap_.tap(static_cast<double>(ns) * 1e-9);
    const std::optional<double> bpm = tap_.bpm();
    if (!bpm) return said("tap again for a tempo");
    // As the rehearsal bar's tap button: the click's BPM, within the BPM field's range.
    PlaybackManager& playback = parts_.playback;
    audio::ClickSettings settings = playback.click();
    settings.bpm = std::clamp(*bpm, audio::limits::kMinBpm, audio::limits::kMaxBpm);
    playback.setClick(settings);
    return said(number(settings.bpm, 1) + " BPM");
}

ActionResult AppActions::tempoStep(const Call& call, double sign) {
    PlaybackManager& playback = parts_.playback;
    const double percent = call.has("percent") ? call.number("percent") : 1.0;
    playback.setTempo(playback.tempo() + sign * percent / 100.0);  // clamped there
    return said("tempo " + number(playback.tempo() * 100.0, 0) + " %");
}

ActionResult AppActions::pitchStep(int semitones) {
    PlaybackManager& playback = parts_.playback;
    playback.setPitch(playback.pitchSemitones() + semitones, playback.pitchFineCents());
    return said("pitch " + number(playback.pitchCents() / 100.0, 2) + " st");
}

}  // namespace stemdeck::app
