#include "stemdeck/audio/transport/Transport.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "../core/SampleRateCheck.h"
#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/core/ThreadContract.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/mix/MixControls.h"

namespace stemdeck::audio {

Transport::Transport() = default;

void Transport::prepare(const Song* song, const MixControls* controls, int sampleRate,
                        const TransportSetup& setup) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    detail::requireSupportedRate(sampleRate);  // before anything changes
    const bool sameSong = song != nullptr && song == song_ && sampleRate == sampleRate_;
    song_ = song;
    sampleRate_ = sampleRate;
    length_ = song ? song->frames : 0;
    const std::size_t stems = song ? song->stems.size() : 0;
    meters_.prepare(stems);
    const int pairs = std::clamp(setup.outputPairs, 1, OutputRouting::kMaxChannels / 2);

    // A new song starts with no loop and everything on 1-2; the same song keeps both.
    std::vector<int> routes;
    if (sameSong)
        for (std::size_t i = 0; i < routing_.sourceCount(); ++i)
            routes.push_back(routing_.requestedPair(i));
    else
        loop_.prepare(sampleRate, length_);
    routing_.prepare(stems, Mixer::kMaxChunk, 2 * pairs);
    routing_.setDeviceChannels(2 * pairs);
    for (std::size_t i = 0; i < routes.size() && i < routing_.sourceCount(); ++i)
        routing_.route(i, routes[i]);
    click_.prepare(sampleRate);
    cues_.prepare(sampleRate);
    if (!sameSong) cues_.clear();  // another song's cues are not this one's

    pipeline_.prepare(song, controls, sampleRate, setup,
                      {&meters_, &loop_, &click_, &routing_, &cues_},
                      setup.timeStretch ? tempo() : 1.0, setup.timeStretch ? pitchCents() : 0.0);
    canStretch_.store(pipeline_.canStretch(), std::memory_order_relaxed);
    if (!setup.timeStretch) {
        tempo_.store(1.0, std::memory_order_relaxed);
        pitchCents_.store(0.0, std::memory_order_relaxed);
    }
    control_.prepare(std::max(1, static_cast<int>(std::lround(kFadeMs * sampleRate / 1000.0))),
                     Mixer::kMaxChunk);
    gate_.prepare(song, sampleRate);

    lastRendered_ = 0;
    playRequested_.store(false, std::memory_order_relaxed);
    skipCountIn_.store(false, std::memory_order_relaxed);
    seekRequest_.store(-1, std::memory_order_relaxed);
    barJumpRequest_.store(-1, std::memory_order_relaxed);
    position_.store(0, std::memory_order_relaxed);
    countInBeats_.store(0, std::memory_order_relaxed);
    countInFrames_.store(0, std::memory_order_relaxed);
    endOfSong_.store(false, std::memory_order_relaxed);
    buffering_.store(false, std::memory_order_relaxed);
    silent_.store(true, std::memory_order_release);
    steadyArmed_ = false;
    bumpGeneration();
}

void Transport::play() {
    playRequested_.store(true, std::memory_order_release);
    bumpGeneration();
}

void Transport::playContinuing() {
    skipCountIn_.store(true, std::memory_order_release);
    play();
}

void Transport::pause() {
    skipCountIn_.store(false, std::memory_order_release);
    playRequested_.store(false, std::memory_order_release);
    bumpGeneration();
}

void Transport::stop() {
    pause();
    seek(0);
}

void Transport::seek(std::int64_t frame) {
    seekRequest_.store(std::clamp<std::int64_t>(frame, 0, length_), std::memory_order_release);
    bumpGeneration();
}

void Transport::setTempo(double tempo) {
    if (!canStretch() || !(tempo == tempo)) return;
    tempo = std::clamp(tempo, TimeStretcher::kMinTempo, TimeStretcher::kMaxTempo);
    tempo_.store(tempo, std::memory_order_relaxed);
    bumpGeneration();
}

void Transport::setPitchCents(double cents) {
    if (!canStretch() || !(cents == cents)) return;
    cents = std::clamp(cents, -TimeStretcher::kMaxPitchCents, TimeStretcher::kMaxPitchCents);
    pitchCents_.store(cents, std::memory_order_relaxed);
    bumpGeneration();
}

void Transport::setCountInBars(int bars) {
    countInBars_.store(std::clamp(bars, 0, limits::kMaxCountInBars), std::memory_order_relaxed);
    bumpGeneration();
}

void Transport::jumpTo(std::int64_t frame, Quantize quantize) {
    frame = std::clamp<std::int64_t>(frame, 0, length_);
    if (quantize == Quantize::Immediate)
        seek(frame);
    else {
        barJumpRequest_.store(frame, std::memory_order_release);
        bumpGeneration();
    }
}

std::int64_t Transport::position() const {
    const std::int64_t pending = seekRequest_.load(std::memory_order_acquire);
    return pending >= 0 ? pending : position_.load(std::memory_order_acquire);
}

PlayState Transport::state() const {
    if (playRequested()) return PlayState::Playing;
    return position() == 0 ? PlayState::Stopped : PlayState::Paused;
}

double Transport::countInRate() const noexcept {
    return canStretch() ? tempo_.load(std::memory_order_relaxed) : 1.0;
}

void Transport::takeSeekRequest() noexcept {
    // A seek is taken off the request only once position_ holds it: position() reads the
    // request first, so no reader sees the place before the seek meanwhile (it did for the
    // length of a callback). A newer request, if one came, stays for the next callback.
    std::int64_t request = seekRequest_.load(std::memory_order_acquire);
    if (request < 0) return;
    control_.requestJump(request);
    position_.store(request, std::memory_order_release);
    seekRequest_.compare_exchange_strong(request, -1, std::memory_order_acq_rel);
}

std::int64_t Transport::takeBarJumpRequest() noexcept {
    // Most blocks have none: a plain load, not a read-modify-write, finds that out.
    if (barJumpRequest_.load(std::memory_order_relaxed) < 0) return -1;
    return barJumpRequest_.exchange(-1, std::memory_order_acq_rel);
}

void Transport::finishAtEnd() noexcept {
    bool expected = true;
    playRequested_.compare_exchange_strong(expected, false, std::memory_order_acq_rel);
    endOfSong_.store(true, std::memory_order_release);
}

bool Transport::steadyBlock(int frames, int channels, std::uint32_t generation,
                            std::uint64_t loopVersion) const noexcept {
    // The control step would find what it found last block: playing at full level (no fade,
    // jump or count-in under way), nothing requested or set since, every stem decoded.
    return steadyArmed_ && generation == steadyGeneration_ && loopVersion == steadyLoopVersion_ &&
           frames <= Mixer::kMaxChunk && gate_.whole() && pipeline_.steadyBlock(frames, channels);
}

void Transport::process(float* out, int frames, int channels) noexcept {
    STEMDECK_EXPECT_AUDIO_THREAD();
    if (frames <= 0 || channels <= 0) return;
    // Read before anything they guard: a change stored meanwhile shows in the next block.
    const std::uint32_t generation = generation_.load(std::memory_order_acquire);
    const std::uint64_t loopVersion = loop_.version();
    meters_.beginBlock();
    if (song_ && steadyBlock(frames, channels, generation, loopVersion)) {
        // What the general path below comes to for such a block, without its control step.
        pipeline_.renderSteady(out, frames);
        lastRendered_ = frames;
        position_.store(pipeline_.heardPosition(), std::memory_order_release);
        return;
    }
    processChanging(out, frames, channels, generation, loopVersion);
}

void Transport::processChanging(float* out, int frames, int channels, std::uint32_t generation,
                                std::uint64_t loopVersion) noexcept {
    steadyArmed_ = false;
    int offset = 0;
    bool silent = true;
    const std::uint64_t steadyBefore = pipeline_.steadyChunks();
    int chunks = 0;
    meters_.setStemAudibility(0.0f);  // until a chunk of the song is heard (renderSong)
    if (song_) {
        pipeline_.beginBlock(channels, tempo_.load(std::memory_order_relaxed),
                             pitchCents_.load(std::memory_order_relaxed), takeBarJumpRequest());
        takeSeekRequest();
        silent = false;
        const int bars = skipCountIn_.load(std::memory_order_acquire)
                             ? 0
                             : countInBars_.load(std::memory_order_relaxed);
        const TransportControl::CountIn countIn{bars, countInRate()};
        // Each step renders at least one frame or ends the block's audio.
        while (offset < frames) {
            const bool want = playRequested_.load(std::memory_order_acquire);
            pipeline_.holdBarJumpUntilDecoded(gate_, frames - offset);
            const TransportControl::Step step =
                control_.next(want, gate_, frames - offset, pipeline_, countIn);
            using Kind = TransportControl::Step::Kind;
            if (step.kind == Kind::Silence || step.kind == Kind::End) {
                if (step.kind == Kind::End) finishAtEnd();
                silent = true;
                break;
            }
            float* dst = out + static_cast<std::ptrdiff_t>(offset) * channels;
            if (step.kind == Kind::CountIn)
                pipeline_.renderCountIn(dst, step.frames, channels, step.countInElapsed, bars,
                                        countIn.rate, step.countInFadeLeft, step.countInFadeLength,
                                        step.prime);
            else
                pipeline_.renderSong(dst, step.frames, channels, step.fade);
            offset += step.frames;
            ++chunks;
        }
    }
    publish(offset, silent);
    // One steady chunk, the whole block, playing at full level: the next block may skip the
    // control step while nothing changes (steadyBlock).
    steadyArmed_ = song_ && !silent && chunks == 1 && offset == frames &&
                   pipeline_.steadyChunks() == steadyBefore + 1 &&
                   control_.state() == TransportControl::State::Playing &&
                   control_.pendingJump() < 0 && !control_.countingIn();
    steadyGeneration_ = generation;
    steadyLoopVersion_ = loopVersion;
    std::fill(out + static_cast<std::ptrdiff_t>(offset) * channels,
              out + static_cast<std::ptrdiff_t>(frames) * channels, 0.0f);
}

void Transport::preroll(int frames, int channels) noexcept {
    STEMDECK_EXPECT_AUDIO_THREAD();
    steadyArmed_ = false;  // its beginBlock() is not the one a steady block follows
    if (!song_ || frames <= 0 || channels <= 0 || !canStretch()) return;
    // Unstretched, a song sounds from its first block: nothing to prepare.
    if (tempo_.load(std::memory_order_relaxed) == 1.0 &&
        pitchCents_.load(std::memory_order_relaxed) == 0.0)
        return;
    if (playRequested_.load(std::memory_order_acquire) ||
        control_.state() != TransportControl::State::Stopped)
        return;
    // The settings and routes the first block will have (a bar jump waits for it).
    pipeline_.beginBlock(channels, tempo_.load(std::memory_order_relaxed),
                         pitchCents_.load(std::memory_order_relaxed), -1);
    takeSeekRequest();
    control_.next(false, gate_, frames, pipeline_, {});  // takes a pending seek, silently
    if (gate_.starved(pipeline_)) return;                // priming would keep undecoded silence
    pipeline_.prerollFromSilence(std::min(frames, Mixer::kMaxChunk));
}

std::int64_t Transport::outputFramesLeft() const noexcept {
    return song_ ? pipeline_.outputFramesToEnd() : 0;
}

void Transport::publish(int rendered, bool silent) noexcept {
    lastRendered_ = rendered;
    const std::int64_t heard = song_ ? pipeline_.heardPosition() : 0;
    const std::int64_t pending = control_.pendingJump();
    position_.store(pending >= 0 ? pending : heard, std::memory_order_release);
    int beatsLeft = 0;
    if (control_.countingIn()) {
        const BeatGrid& grid = click_.audioGrid();
        const double elapsed = static_cast<double>(control_.countInElapsed()) * countInRate();
        const auto beat = static_cast<int>(elapsed / grid.framesPerBeat());
        beatsLeft = std::max(
            1, countInBars_.load(std::memory_order_relaxed) * grid.signature().beatsPerBar - beat);
    }
    countInFrames_.store(control_.countingIn() ? control_.countInLeft() : 0,
                         std::memory_order_release);
    countInBeats_.store(beatsLeft, std::memory_order_release);
    buffering_.store(control_.buffering() && playRequested_.load(std::memory_order_acquire),
                     std::memory_order_release);
    silent_.store(silent && !control_.countingIn(), std::memory_order_release);
}

}  // namespace stemdeck::audio
