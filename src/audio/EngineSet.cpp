// The Engine as a set player: the current song's accessors, the next song cued, the current
// song's lead-out, and following the audio thread from song to song (docs/ENGINE_API.md, "Sets").
#include <stdexcept>
#include <string>

#include "core/SampleRateCheck.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/loader/StemPeaks.h"

namespace stemdeck::audio {

const SongDecode* Engine::decode() const {
    const SongSlot* slot = slotOf(shownUnit());
    return slot ? slot->decode.get() : nullptr;
}

const Song* Engine::song() const {
    const SongSlot* slot = slotOf(shownUnit());
    return slot ? slot->song.get() : nullptr;
}

std::shared_ptr<const Song> Engine::sharedSong() const {
    const SongSlot* slot = slotOf(shownUnit());
    return slot ? slot->song : nullptr;
}

MixControls& Engine::mix() {
    SongSlot* slot = slotOf(shownUnit());
    return slot ? *slot->mix : *idleMix_;
}

const MixControls& Engine::mix() const {
    const SongSlot* slot = slotOf(shownUnit());
    return slot ? *slot->mix : *idleMix_;
}

const Song* Engine::cuedSong() const {
    const SongSlot* slot = slotOf(set_.cued());
    return slot ? slot->song.get() : nullptr;
}

GuideCues* Engine::cuedCues() {
    SongUnit* unit = set_.cued();
    return unit ? &unit->transport().cues() : nullptr;
}

std::optional<ClickSettings> Engine::cuedClick() const {
    const SongSlot* slot = slotOf(set_.cued());
    if (!slot) return std::nullopt;
    return slot->click;
}

std::optional<MixSnapshot> Engine::cuedMix() const {
    const SongSlot* slot = slotOf(set_.cued());
    if (!slot) return std::nullopt;
    return slot->mix->snapshot();
}

bool Engine::cueNext(std::shared_ptr<SongDecode> decode, const NextSongSettings& settings,
                     const SongTransition& leadOut) {
    auto song = decode ? decode->song() : nullptr;
    if (!song) throw std::invalid_argument("the next song's first audio is not decoded yet");
    return cueSlot(std::move(song), std::move(decode), settings, leadOut);
}

bool Engine::cueNext(Song song, const NextSongSettings& settings, const SongTransition& leadOut) {
    for (auto& stem : song.stems)  // songs built in memory come without a peak table
        if (stem.peaks.empty() && stem.frames() > 0) computePeaks(stem);
    return cueSlot(std::make_shared<const Song>(std::move(song)), nullptr, settings, leadOut);
}

bool Engine::cueSlot(std::shared_ptr<const Song> next, std::shared_ptr<SongDecode> decode,
                     const NextSongSettings& settings, const SongTransition& leadOut) {
    syncShown();
    if (!hasSong() || set_.hasCued()) return false;
    detail::requireSupportedRate(next->sampleRate);
    // One stream, one rate: the next song plays at the current one's.
    if (next->sampleRate != song()->sampleRate)
        throw std::invalid_argument("the next song is at " + std::to_string(next->sampleRate) +
                                    " Hz but the set plays at " +
                                    std::to_string(song()->sampleRate) + " Hz; load it again");
    auto unit = makeUnit(std::move(next), std::move(decode), leadOut,
                         settings.mix ? &*settings.mix : nullptr);
    SongSlot& slot = *slotOf(unit.get());
    Transport& transport = unit->transport();
    transport.setTempo(settings.tempo);
    transport.setPitchCents(settings.pitchCents);
    if (applyClickSettings(settings.click, transport)) slot.click = settings.click;
    unit->setStartFrame(settings.startFrame);
    if (settings.startFrame > 0) {
        if (slot.decode && !slot.decode->finished()) slot.decode->prioritize(settings.startFrame);
        transport.seek(settings.startFrame);
    }
    // The handed-back unit may still be the one shown: syncShown() takes it, not cue().
    return set_.cue(std::move(unit), false);
}

void Engine::uncueNext() {
    syncShown();
    if (!set_.hasCued()) return;
    if (output_.isActive())
        set_.requestUncue();  // the audio thread hands it back; freed by syncShown()
    else
        set_.uncueNow().reset();  // no callback runs: freed here
}

bool Engine::setCurrentLeadOut(const SongTransition& leadOut) {
    syncShown();
    SongUnit* unit = shownUnit();
    if (!unit) return false;
    const SetTransport::Phase phase = set_.phase();
    if (phase == SetTransport::Phase::Gap || phase == SetTransport::Phase::Crossfading)
        return false;
    // A transition starting meanwhile keeps the lead-out it read (SetTransport latches it).
    unit->setLeadOut(leadOut);
    return true;
}

SongTransition Engine::currentLeadOut() const {
    const SongUnit* unit = shownUnit();
    return unit ? unit->leadOut() : SongTransition{};
}

bool Engine::consumeSongChanged() {
    syncShown();
    const bool changed = songChanged_;
    songChanged_ = false;
    return changed;
}

bool Engine::consumeEndOfSong() {
    if (!current().consumeEndOfSong()) return false;
    // The set goes on by itself: the song was handed over (the flag is the finished song's),
    // or a cued song follows it by a gap, a segue or a crossfade.
    if (shownUnit() != set_.current()) return false;
    const SetTransport::Phase phase = set_.phase();
    if (phase == SetTransport::Phase::Gap || phase == SetTransport::Phase::Crossfading)
        return false;
    return !(set_.hasCued() && shownUnit()->leadOut().kind != SongTransition::Kind::Stop);
}

void Engine::syncShown() {
    // Taken before current() is read: the song handed back is never the one read as current
    // (the audio thread publishes the new current song before the finished one).
    const std::unique_ptr<SongUnit> finished = set_.takeRetired();
    set_.consumeSongChanged();
    SongUnit* now = set_.current();
    if (now != shownUnit()) {
        shown_.store(now, std::memory_order_release);
        songChanged_ = true;
        if (const SongSlot* slot = slotOf(now)) click_ = slot->click;
    }
}  // the finished song (its samples, its decode's workers) is freed here, on this thread

bool Engine::setPlaying() const {
    const SetTransport::Phase phase = set_.phase();
    if (phase == SetTransport::Phase::Gap || phase == SetTransport::Phase::Crossfading) return true;
    if (set_.current() && set_.current()->transport().playRequested()) return true;
    return set_.cued() && set_.cued()->transport().playRequested();
}

bool Engine::setSilent() const {
    if (set_.phase() == SetTransport::Phase::Gap) return false;  // the next song comes
    const SongUnit* now = set_.current();
    const SongUnit* next = set_.cued();
    return (!now || now->transport().silent()) && (!next || next->transport().silent());
}

}  // namespace stemdeck::audio
