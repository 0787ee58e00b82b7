#include "stemdeck/audio/Engine.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "core/SampleRateCheck.h"
#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/loader/StemPeaks.h"

namespace stemdeck::audio {

Engine::Engine() : idleMix_(std::make_unique<MixControls>(0)) {}

Engine::~Engine() {
    closeOutput();
}

int Engine::sampleRate() const {
    if (output_.isOpen()) return output_.sampleRate();
    return song() ? song()->sampleRate : 0;
}

int Engine::reloadRate() const {
    if (!output_.isOpen() || !song() || song()->sampleRate == output_.sampleRate()) return 0;
    return output_.sampleRate();
}

void Engine::openOutput(const OutputConfig& config) {
    // The device's rate is what the transport and its stretchers are built for: refused, as
    // a device problem (callers fall back to another device or rate), before it is used.
    if (config.sampleRate != 0 && !limits::sampleRateInRange(config.sampleRate))
        throw AudioDeviceError(detail::unsupportedRateMessage(config.sampleRate));
    syncShown();
    const bool wasPlaying = current().playRequested();
    fadeOutIfPlaying();  // after reading wasPlaying: the fade pauses the transport
    const double seconds = positionSeconds();
    closeOutput();
    output_.open(config, this);
    if (!limits::sampleRateInRange(output_.sampleRate())) {
        const std::string message = "audio device '" + output_.deviceName() +
                                    "': " + detail::unsupportedRateMessage(output_.sampleRate());
        output_.close();
        throw AudioDeviceError(message);
    }
    outputConfig_ = config;
    deviceError_.clear();
    monitor_.configure(output_.sampleRate(), output_.framesPerBuffer(),
                       output_.outputLatencySeconds());
    clock_.setOutputLatencyNs(static_cast<std::int64_t>(output_.outputLatencySeconds() * 1e9));
    if (!hasSong()) return;
    // The output pairs may have changed (the stream is not started yet). At another rate the
    // song keeps its own: it waits, silent, to be loaded again (reloadRate()). A cued song
    // too.
    for (SongUnit* unit : {set_.current(), set_.cued()}) {
        const SongSlot* slot = slotOf(unit);
        if (!slot) continue;
        unit->transport().prepare(slot->song.get(), slot->mix.get(), slot->song->sampleRate,
                                  transportSetup(slot->song->stems.size()));
        applyClickSettings(slot->click, unit->transport());
    }
    seekSeconds(seconds);
    if (wasPlaying) play();
}

void Engine::closeOutput() {
    output_.close();
    set_.pause();
}

void Engine::load(const std::filesystem::path& folder, LoadProgress* progress) {
    LoadOptions options;
    options.targetRate = output_.isOpen() ? output_.sampleRate() : 0;
    setSong(StemLoader::load(folder, options, progress));
}

void Engine::setSong(Song song) {
    for (auto& stem : song.stems)  // songs built in memory come without a peak table
        if (stem.peaks.empty() && stem.frames() > 0) computePeaks(stem);
    adopt(std::make_shared<const Song>(std::move(song)), nullptr);
}

void Engine::setSong(std::shared_ptr<SongDecode> decode) {
    auto song = decode ? decode->song() : nullptr;
    if (!song) throw std::invalid_argument("the song's first audio is not decoded yet");
    adopt(std::move(song), std::move(decode));
}

void Engine::adopt(std::shared_ptr<const Song> next, std::shared_ptr<SongDecode> decode) {
    detail::requireSupportedRate(next->sampleRate);  // before the playing song is touched
    if (output_.isOpen() && next->sampleRate != output_.sampleRate())
        throw std::invalid_argument("the song is at " + std::to_string(next->sampleRate) +
                                    " Hz but the output runs at " +
                                    std::to_string(output_.sampleRate()) + " Hz; load it again");
    syncShown();
    auto unit = makeUnit(std::move(next), std::move(decode), SongTransition{});
    slotOf(unit.get())->click = click_;
    applyClickSettings(click_, unit->transport());
    // Tempo and pitch carry on from song to song, as they did on the one transport.
    unit->transport().setTempo(current().tempo());
    unit->transport().setPitchCents(current().pitchCents());
    // The audio thread must not see the old song while it is replaced.
    fadeOutIfPlaying();
    output_.stop();
    cancelDecodes();  // their workers stop within a slice; joined when freed
    set_.start(std::move(unit));
    shown_.store(set_.current(), std::memory_order_release);
    songChanged_ = false;
}

std::unique_ptr<SongUnit> Engine::makeUnit(std::shared_ptr<const Song> song,
                                           std::shared_ptr<SongDecode> decode,
                                           const SongTransition& leadOut,
                                           const MixSnapshot* mix) const {
    auto slot = std::make_shared<SongSlot>();
    slot->mix = std::make_unique<MixControls>(song->stems.size());
    if (mix) slot->mix->apply(*mix);  // before the unit's mixer settles on it
    slot->song = std::move(song);
    slot->decode = std::move(decode);
    auto unit = std::make_unique<SongUnit>(*slot->song, *slot->mix, slot->song->sampleRate, leadOut,
                                           transportSetup(slot->song->stems.size()));
    unit->setOwner(std::move(slot));
    return unit;
}

void Engine::cancelDecodes() {
    for (const SongUnit* unit : {set_.current(), set_.cued()})
        if (const SongSlot* slot = slotOf(unit); slot && slot->decode) slot->decode->cancel();
}

TransportSetup Engine::transportSetup(std::size_t stems) const {
    TransportSetup setup;
    setup.timeStretch = true;
    setup.spreadRestarts = true;  // a callback never does a restart's work at once
    // A pair per routable source at most: each pair in use costs a stretcher when stretching.
    const int sources = static_cast<int>(stems) + 1;
    setup.outputPairs = output_.isOpen() ? std::clamp(output_.channels() / 2, 1, sources) : 1;
    return setup;
}

bool Engine::setLoop(std::int64_t startFrame, std::int64_t endFrame) {
    return current().loop().set(startFrame, endFrame);
}

bool Engine::loopSection(std::int64_t startFrame, std::int64_t endFrame, Quantize quantize) {
    if (!setLoop(startFrame, endFrame) || !setLoopEnabled(true)) return false;
    jumpTo(loop().start, quantize);
    return true;
}

void Engine::setClick(const ClickSettings& settings) {
    if (!applyClickSettings(settings, current())) return;
    click_ = settings;
    if (SongSlot* slot = slotOf(shownUnit())) slot->click = settings;
}

void Engine::jumpTo(std::int64_t frame, Quantize quantize) {
    if (const SongDecode* d = decode(); d && !d->finished())
        slotOf(shownUnit())->decode->prioritize(frame);
    current().jumpTo(frame, quantize);
}

void Engine::play() {
    syncShown();
    if (!hasSong() || reloadRate() != 0) return;
    if (current().position() >= current().length()) current().seek(0);
    set_.play();
    if (!output_.isOpen()) return;
    try {
        output_.start();
        restartHeartbeatWatch();
    } catch (const AudioDeviceError& e) {
        set_.pause();
        deviceError_ = e.what();
    }
}

void Engine::pause() {
    set_.pause();
}

void Engine::stop() {
    set_.pause();  // a crossfade's next song too; a gap ends, the next song stays cued
    current().stop();
}

PlayState Engine::state() const {
    // Between two songs the set plays on (silence, then the next song by itself).
    if (set_.phase() == SetTransport::Phase::Gap) return PlayState::Playing;
    return current().state();
}

void Engine::seekFrames(std::int64_t frame) {
    // A song still decoding decodes from there first (it may buffer there until it has).
    if (const SongDecode* d = decode(); d && !d->finished())
        slotOf(shownUnit())->decode->prioritize(frame);
    current().seek(frame);
}

void Engine::seekSeconds(double seconds) {
    const int rate = current().sampleRate();
    if (rate > 0) seekFrames(static_cast<std::int64_t>(seconds * rate + 0.5));
}

double Engine::positionSeconds() const {
    const int rate = current().sampleRate();
    return rate > 0 ? static_cast<double>(positionFrames()) / rate : 0.0;
}

double Engine::durationSeconds() const {
    const int rate = current().sampleRate();
    return rate > 0 ? static_cast<double>(durationFrames()) / rate : 0.0;
}

bool Engine::service() {
    syncShown();
    if (!output_.isOpen()) return true;
    if (setPlaying()) {
        const std::string problem = deviceProblem();
        if (problem.empty()) return true;
        // Keep the place in the song: the transport pauses where the callbacks stopped, and
        // the dead stream is let go of without waiting on it.
        set_.pause();
        deviceError_ = problem;
        output_.discardLostStream();
        return false;
    }
    // Paused, stopped or finished: once the fade-out has reached silence, the stream can
    // stop without a click. A stopped stream costs no CPU while the user is not playing.
    if (output_.isActive() && setSilent()) output_.stop();
    return true;
}

std::string Engine::deviceProblem() {
    const std::string device = "audio device '" + output_.deviceName() + "'";
    // The host API says so (PortAudio's JACK host API does when the server shuts down).
    if (!output_.isActive()) return device + " stopped working";
    // Or callbacks simply stop coming (a frozen server, a host API that does not report it).
    const auto now = std::chrono::steady_clock::now();
    const std::uint64_t beat = heartbeat_.load(std::memory_order_relaxed);
    // A long gap between two calls means this thread was not running either (a suspended
    // machine, a stalled GUI): the silence cannot be judged, so it is timed from now.
    const bool calledLate = now - lastCheck_ > kCallbackTimeout / 2;
    lastCheck_ = now;
    if (beat != lastBeat_ || calledLate) {
        lastBeat_ = beat;
        lastBeatTime_ = now;
        return {};
    }
    const auto silentFor =
        std::chrono::duration_cast<std::chrono::milliseconds>(now - lastBeatTime_);
    if (silentFor > kCallbackTimeout)
        return device + " stopped calling back (no audio for " + std::to_string(silentFor.count()) +
               " ms)";
    return {};
}

void Engine::beginFadeOut() {
    set_.pause();
    fadeBeat_ = heartbeat_.load(std::memory_order_relaxed);
    fadeBeatTime_ = std::chrono::steady_clock::now();
    fadeDeadline_ = fadeBeatTime_ + kFadeTimeout;
}

bool Engine::fadeOutDone() {
    if (setSilent() || !output_.isActive()) return true;
    // The fade is 5 ms: a buffer or two. Waited for as long as callbacks keep coming (a busy
    // machine may delay them), but a stream whose callbacks stopped (a frozen device) is let
    // go of, and nothing is waited on for long.
    const auto now = std::chrono::steady_clock::now();
    if (const std::uint64_t beat = heartbeat_.load(std::memory_order_relaxed); beat != fadeBeat_) {
        fadeBeat_ = beat;
        fadeBeatTime_ = now;
    }
    return now > fadeDeadline_ || now - fadeBeatTime_ > kFadeStallTimeout;
}

void Engine::fadeOut() {
    beginFadeOut();
    while (!fadeOutDone()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

void Engine::fadeOutIfPlaying() {
    if (output_.isActive() && !setSilent()) fadeOut();
}

void Engine::restartHeartbeatWatch() {
    lastBeat_ = heartbeat_.load(std::memory_order_relaxed);
    lastBeatTime_ = lastCheck_ = std::chrono::steady_clock::now();
}

void Engine::renderAudio(float* out, int frames, int channels, bool underflow) noexcept {
    renderCallback(callback_, out, frames, channels, underflow);
    if (!clock_.enabled()) return;
    const RealtimeScope realtime;
    SongUnit* unit = set_.current();
    clock_.publish(unit ? &unit->transport() : nullptr, frames);
}

}  // namespace stemdeck::audio
