#include <QString>
#include <algorithm>
#include <cctype>
#include <cmath>

#include "ActionReplies.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SectionVamp.h"
#include "stemdeck/app/SongMarkers.h"
#include "stemdeck/app/control/AppActions.h"
#include "stemdeck/app/control/LockState.h"
#include "stemdeck/app/set/SetPlayer.h"
#include "stemdeck/app/set/SetSession.h"
#include "stemdeck/control/StemRef.h"

// The set, marker, vamp, lock and mix actions (the transport's are in AppActions.cpp).
namespace stemdeck::app {

namespace {

using control::ActionResult;
using Code = control::ActionResult::Code;

using replies::said;

ActionResult unavailable(std::string message) {
    return ActionResult::failure(Code::Unavailable, std::move(message));
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// -100 dB (the faders' bottom, and what the state shows for silence) is -inf.
float gainOf(double db) {
    return db <= -100.0 ? audio::MixControls::kMinGainDb : static_cast<float>(db);
}

}  // namespace

void AppActions::bindSet(control::ActionRegistry& registry) {
    registry.setHandler("song.next", [this](const Call& call) { return songGo(call, 1); });
    registry.setHandler("song.previous", [this](const Call& call) { return songGo(call, -1); });
    registry.setHandler("song.goto", [this](const Call& call) { return songGo(call, 0); });
    registry.setHandler("marker.next", [this](const Call& call) { return markerGo(call, 1); });
    registry.setHandler("marker.previous", [this](const Call& call) { return markerGo(call, -1); });
    registry.setHandler("marker.goto", [this](const Call& call) { return markerGo(call, 0); });
    registry.setHandler("vamp", [this](const Call& call) { return vamp(call); });
    registry.setHandler("lock", [this](const Call& call) {
        if (!parts_.lock) return unavailable("there is no mix lock here");
        parts_.lock->setLocked(call.flagOr("on", !parts_.lock->locked()));
        return said(parts_.lock->locked() ? "mix locked" : "mix unlocked");
    });
}

ActionResult AppActions::songGo(const Call& call, int step) {
    set::SetSession* session = parts_.session;
    set::SetPlayer* player = parts_.player;
    if (!session || !player || session->size() == 0) return unavailable("no set is open");
    if (step > 0) {
        if (!player->hasNext()) return unavailable("this is the set's last song");
        player->next();
    } else if (step < 0) {
        if (!player->hasPrevious()) return unavailable("this is the set's first song");
        player->previous();
    } else {
        const std::int64_t n = call.integer("n");
        if (n > session->size())
            return ActionResult::failure(
                Code::OutOfRange,
                "n must be at most " + std::to_string(session->size()) + ", the set's songs", "n");
        // As a row picked in the set panel: plays on if the playback was playing.
        player->jumpTo(static_cast<int>(n - 1),
                       parts_.playback.state() == audio::PlayState::Playing);
    }
    const int row = player->pendingRow() >= 0 ? player->pendingRow() : session->currentIndex();
    return said("song " + std::to_string(row + 1) + " of " + std::to_string(session->size()));
}

ActionResult AppActions::markerGo(const Call& call, int step) {
    if (ActionResult song = needSong(); !song.ok()) return song;
    SongMarkers* markers = parts_.markers;
    if (!markers || markers->count() == 0) return unavailable("the song has no markers");
    bool atBar = markers->jumpAtNextBar();
    if (call.has("at")) {
        const std::string at = lower(call.text("at"));
        if (at != "now" && at != "bar")
            return ActionResult::failure(Code::BadParam, "at must be now or bar", "at");
        atBar = at == "bar";
    }
    const double here = parts_.playback.position();
    int index = -1;
    if (step > 0) {
        index = markers->nextIndex(here);
        if (index < 0) return unavailable("there is no marker after this point");
    } else if (step < 0) {
        index = markers->previousIndex(here);
        if (index < 0) return unavailable("there is no marker before this point");
    } else {
        const std::int64_t n = call.integer("n");
        if (n > markers->count())
            return ActionResult::failure(
                Code::OutOfRange,
                "n must be at most " + std::to_string(markers->count()) + ", the song's markers",
                "n");
        index = static_cast<int>(n - 1);
    }
    markers->jumpToAt(index, atBar);
    return said("marker " + std::to_string(index + 1) + ": " +
                markers->markers()[static_cast<std::size_t>(index)].name.toStdString());
}

ActionResult AppActions::vamp(const Call& call) {
    if (ActionResult song = needSong(); !song.ok()) return song;
    SectionVamp* vamp = parts_.vamp;
    if (!vamp) return unavailable("there is no vamp here");
    const bool on = call.flagOr("on", !vamp->active());
    if (on == vamp->active()) return said(on ? "vamping" : "not vamping");
    if (on) {
        vamp->vamp();
        // vamp() says why through its message signal; a remote gets it as the answer.
        if (!vamp->active()) return unavailable("no section to vamp here: the song needs markers");
        return said("vamping " + vamp->section().name.toStdString());
    }
    vamp->release();
    return said("vamp released");
}

void AppActions::bindMix(control::ActionRegistry& registry) {
    registry.setHandler("stem.mute", [this](const Call& c) { return stem(c, StemField::Mute); });
    registry.setHandler("stem.solo", [this](const Call& c) { return stem(c, StemField::Solo); });
    registry.setHandler("stem.gain", [this](const Call& c) { return stem(c, StemField::Gain); });
    registry.setHandler("master.gain", [this](const Call& call) {
        if (ActionResult song = needSong(); !song.ok()) return song;
        parts_.playback.mixer().controls().setMasterGainDb(gainOf(call.number("db")));
        return ActionResult::success();
    });
}

ActionResult AppActions::stem(const Call& call, StemField what) {
    if (ActionResult song = needSong(); !song.ok()) return song;
    MixerFacade& mixer = parts_.playback.mixer();
    const control::StemMatch match = control::resolveStem(mixer.stemNames(), call.text("stem"));
    if (!match.ok()) return ActionResult::failure(Code::BadParam, match.error, "stem");
    const std::optional<std::size_t> index = match.index;
    audio::MixControls& mix = mixer.controls();
    switch (what) {
        case StemField::Mute:
            mix.setMuted(*index, call.flagOr("on", !mix.muted(*index)));
            break;
        case StemField::Solo:
            mix.setSolo(*index, call.flagOr("on", !mix.soloed(*index)));
            break;
        case StemField::Gain:
            mix.setGainDb(*index, gainOf(call.number("db")));
            break;
    }
    return ActionResult::success();
}

}  // namespace stemdeck::app
