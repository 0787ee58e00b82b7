#include "stemdeck/audio/transport/SetTransport.h"

#include <algorithm>

#include "stemdeck/audio/core/ThreadContract.h"
#include "stemdeck/audio/mix/OutputRouting.h"
#include "stemdeck/audio/transport/CrossfadeRule.h"

namespace stemdeck::audio {

SetTransport::SetTransport(int maxChannels)
    : maxChannels_(std::clamp(maxChannels, 1, OutputRouting::kMaxChannels)),
      limiter_(maxChannels_, kMaxRun) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    scratchA_.assign(static_cast<std::size_t>(kMaxRun) * maxChannels_, 0.0f);
    scratchB_.assign(scratchA_.size(), 0.0f);
}

SetTransport::~SetTransport() {
    delete current_.exchange(nullptr);
    delete cued_.exchange(nullptr);
    delete retired_.exchange(nullptr);
}

void SetTransport::start(std::unique_ptr<SongUnit> first) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    delete cued_.exchange(nullptr);
    delete retired_.exchange(nullptr);
    if (first) limiter_.prepare(first->transport().sampleRate());
    delete current_.exchange(first.release());
    gapLeft_ = -1;
    mixed_ = false;
    overlapAt_ = -1;
    ended_ = false;
    lastRendered_ = 0;
    playWanted_.store(false, std::memory_order_relaxed);
    songChanged_.store(false, std::memory_order_relaxed);
    handOvers_.store(0, std::memory_order_relaxed);
    phase_.store(Phase::Single, std::memory_order_release);
}

bool SetTransport::cue(std::unique_ptr<SongUnit> next, bool collectFirst) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    if (collectFirst) collect();
    // Only this thread makes the slot non-null; the audio thread only empties it.
    if (!next || !current() || hasCued()) return false;
    cued_.store(next.release(), std::memory_order_release);
    return true;
}

void SetTransport::collect() {
    STEMDECK_EXPECT_CONTROL_THREAD();
    takeRetired().reset();
}

std::unique_ptr<SongUnit> SetTransport::takeRetired() {
    STEMDECK_EXPECT_CONTROL_THREAD();
    return std::unique_ptr<SongUnit>(retired_.exchange(nullptr, std::memory_order_acq_rel));
}

void SetTransport::requestUncue() {
    STEMDECK_EXPECT_CONTROL_THREAD();
    if (hasCued()) uncueWanted_.store(true, std::memory_order_release);
}

std::unique_ptr<SongUnit> SetTransport::uncueNow() {
    STEMDECK_EXPECT_CONTROL_THREAD();
    uncueWanted_.store(false, std::memory_order_relaxed);
    gapLeft_ = -1;  // a transition that had started is let go of with its song
    overlapAt_ = -1;
    return std::unique_ptr<SongUnit>(cued_.exchange(nullptr, std::memory_order_acq_rel));
}

void SetTransport::play() {
    STEMDECK_EXPECT_CONTROL_THREAD();
    playWanted_.store(true, std::memory_order_release);
    if (SongUnit* unit = current()) unit->transport().play();
    // Both songs sound during a crossfade: both resume.
    if (phase() == Phase::Crossfading)
        if (SongUnit* next = cued_.load(std::memory_order_acquire)) next->transport().play();
}

void SetTransport::pause() {
    STEMDECK_EXPECT_CONTROL_THREAD();
    playWanted_.store(false, std::memory_order_release);
    if (SongUnit* unit = current()) unit->transport().pause();
    if (phase() == Phase::Crossfading)
        if (SongUnit* next = cued_.load(std::memory_order_acquire)) next->transport().pause();
}

void SetTransport::process(float* out, int frames, int channels) noexcept {
    STEMDECK_EXPECT_AUDIO_THREAD();
    if (frames <= 0 || channels <= 0) return;
    lastRendered_ = 0;
    if (channels > maxChannels_) {  // more than the scratch holds: silence, never overrun
        std::fill(out, out + static_cast<std::ptrdiff_t>(frames) * channels, 0.0f);
        return;
    }
    if (uncueWanted_.load(std::memory_order_acquire)) dropCued();
    int audioEnd = 0;
    for (int done = 0; done < frames; done += kMaxRun) {
        const int n = std::min(kMaxRun, frames - done);
        float* run = out + static_cast<std::ptrdiff_t>(done) * channels;
        const int end = processRun(run, n, channels);
        if (end > 0) audioEnd = done + end;
        // Only a sum of two songs can pass the ceiling; after it the limiter releases.
        if (mixed_ || limiter_.engaged()) limiter_.process(run, n, channels);
        mixed_ = false;
    }
    lastRendered_ = audioEnd;
    publishPhase();
}

int SetTransport::processRun(float* out, int n, int channels) noexcept {
    int done = 0;
    int audioEnd = 0;
    // Each step renders frames or changes the set's state (a transition, a hand-over); a run
    // holds at most a few transitions, so the bound is never reached in practice.
    for (int step = 0; done < n && step < 16; ++step) {
        SongUnit* unit = current_.load(std::memory_order_acquire);
        if (!unit) break;
        float* dst = out + static_cast<std::ptrdiff_t>(done) * channels;
        const int left = n - done;
        int rendered = 0;
        if (overlapAt_ >= 0) {
            rendered = renderOverlap(dst, left, channels);
            audioEnd = done + rendered;
        } else if (gapLeft_ >= 0) {
            if (!playWanted_.load(std::memory_order_acquire)) {
                gapLeft_ = -1;
                handOver();  // paused in the gap: the next song waits, as after a stop
                continue;
            }
            rendered = static_cast<int>(std::min<std::int64_t>(left, gapLeft_));
            if (SongUnit* next = cued_.load(std::memory_order_acquire))
                next->transport().preroll(rendered, channels);
            std::fill(dst, dst + static_cast<std::ptrdiff_t>(rendered) * channels, 0.0f);
            gapLeft_ -= rendered;
            if (gapLeft_ == 0) {
                gapLeft_ = -1;
                if (handOver()) startNext(*current_.load(std::memory_order_acquire));
            }
        } else {
            rendered = renderCurrent(dst, left, channels);
            if (unit->transport().lastRenderedFrames() > 0)
                audioEnd = done + std::min(rendered, unit->transport().lastRenderedFrames());
        }
        done += rendered;
    }
    if (done < n)
        std::fill(out + static_cast<std::ptrdiff_t>(done) * channels,
                  out + static_cast<std::ptrdiff_t>(n) * channels, 0.0f);
    return audioEnd;
}

int SetTransport::renderCurrent(float* out, int n, int channels) noexcept {
    using Kind = SongTransition::Kind;
    SongUnit& unit = *current_.load(std::memory_order_acquire);
    Transport& song = unit.transport();
    SongUnit* next = cued_.load(std::memory_order_acquire);
    // Read once per run: the control thread may change it until the transition starts.
    const LeadOutPlan plan = unit.leadOutPlan();
    const Kind kind = plan.kind;
    // A song that follows without a start of its own primes its stretchers while it waits.
    if (next && kind != Kind::Stop) next->transport().preroll(n, channels);
    int run = n;
    if (next && kind == Kind::Crossfade && song.playRequested() && !song.atEnd()) {
        // The crossfade starts when the song has its length left (output frames, its tempo),
        // shortened to what both songs allow (CrossfadeRule.h), as an offline render does.
        const std::int64_t fade = appliedCrossfade<std::int64_t>(
            plan.crossfadeFrames, unit.playedOutputFrames(), next->playedOutputFrames());
        const std::int64_t toStart = song.outputFramesLeft() - fade;
        if (toStart <= 0) {
            overlapAt_ = 0;
            fadeLength_ = fade;  // kept to its end, whatever is set meanwhile
            startNext(*next);
            return 0;
        }
        run = static_cast<int>(std::min<std::int64_t>(run, toStart));
    }
    song.process(out, run, channels);
    const int rendered = song.lastRenderedFrames();
    // Ended: in this run, or before it and not played again since (a cue that came late
    // transitions now; the song's transport itself moves on to Stopped).
    ended_ = (rendered < run && song.atEnd()) || (ended_ && rendered == 0 && !song.playRequested());
    if (!ended_ || !next) return run;
    // What follows the song starts at its last frame + 1.
    switch (kind) {
        case Kind::Stop:
            if (!handOver()) return run;
            if (playOnAfterStop_.load(std::memory_order_relaxed))
                next->transport().play();  // counts in, as a play from stop does
            else {
                playWanted_.store(false, std::memory_order_release);
                stoppedHandOver_.store(true, std::memory_order_release);
            }
            return rendered;
        case Kind::Gap:
            gapLeft_ = plan.gapFrames;
            return rendered;
        case Kind::Segue:
        case Kind::Crossfade:  // ended before its crossfade could start: joined as a segue
            if (handOver()) startNext(*next);
            return rendered;
    }
    return run;
}

int SetTransport::renderOverlap(float* out, int n, int channels) noexcept {
    SongUnit& unit = *current_.load(std::memory_order_acquire);
    SongUnit* next = cued_.load(std::memory_order_acquire);
    if (!next) {  // cannot happen (only a hand-over empties the slot), but never read null
        overlapAt_ = -1;
        return 0;
    }
    const std::int64_t length = fadeLength_;
    // To the overlap's end; past it (a hand-over waiting for the return slot) the next song
    // plays on at full gain.
    mixed_ = true;
    const int run =
        overlapAt_ < length ? static_cast<int>(std::min<std::int64_t>(n, length - overlapAt_)) : n;
    unit.transport().process(scratchA_.data(), run, channels);
    next->transport().process(scratchB_.data(), run, channels);
    // Equal power: out = a cos + b sin over the overlap (the gains' squares sum to 1).
    for (int i = 0; i < run; ++i) {
        const float gainOut = SongUnit::fadeOutGain(overlapAt_ + i, length);
        const float gainIn = SongUnit::fadeInGain(overlapAt_ + i, length);
        const auto at = static_cast<std::size_t>(i) * static_cast<std::size_t>(channels);
        for (int c = 0; c < channels; ++c)
            out[at + static_cast<std::size_t>(c)] =
                scratchA_[at + static_cast<std::size_t>(c)] * gainOut +
                scratchB_[at + static_cast<std::size_t>(c)] * gainIn;
    }
    // Paused meanwhile, both fade out and the crossfade waits where it is.
    if (playWanted_.load(std::memory_order_acquire) || next->transport().playRequested())
        overlapAt_ += run;
    if (overlapAt_ >= length && handOver())
        overlapAt_ = -1;  // the current song's tail past the overlap has no gain left
    return run;
}

void SetTransport::dropCued() noexcept {
    // A transition under way keeps its song (the request is refused); otherwise the song goes
    // back through the return slot once it is free (a later block if not).
    if (overlapAt_ >= 0 || gapLeft_ >= 0) {
        uncueWanted_.store(false, std::memory_order_release);
        return;
    }
    if (retired_.load(std::memory_order_acquire) != nullptr) return;
    SongUnit* cued = cued_.load(std::memory_order_acquire);
    if (cued) {
        cued->transport().pause();  // not sounding: it was waiting
        retired_.store(cued, std::memory_order_release);
        cued_.store(nullptr, std::memory_order_release);
    }
    uncueWanted_.store(false, std::memory_order_release);
}

bool SetTransport::handOver() noexcept {
    SongUnit* next = cued_.load(std::memory_order_acquire);
    // Only this thread fills the return slot; an unfreed song there defers the hand-over to
    // a later block rather than losing it (the control thread frees it every 100 ms).
    if (!next || retired_.load(std::memory_order_acquire) != nullptr) return false;
    SongUnit* finished = current_.load(std::memory_order_relaxed);
    current_.store(next, std::memory_order_release);
    cued_.store(nullptr, std::memory_order_release);
    retired_.store(finished, std::memory_order_release);
    gapLeft_ = -1;
    overlapAt_ = -1;
    ended_ = false;
    handOvers_.fetch_add(1, std::memory_order_acq_rel);
    songChanged_.store(true, std::memory_order_release);
    return true;
}

void SetTransport::startNext(SongUnit& next) noexcept {
    playWanted_.store(true, std::memory_order_release);
    next.transport().playContinuing();  // no count-in inside a transition
}

void SetTransport::publishPhase() noexcept {
    Phase phase = Phase::Single;
    if (overlapAt_ >= 0)
        phase = Phase::Crossfading;
    else if (gapLeft_ >= 0)
        phase = Phase::Gap;
    else if (cued_.load(std::memory_order_acquire))
        phase = Phase::Cued;
    phase_.store(phase, std::memory_order_release);
}

}  // namespace stemdeck::audio
