#include "stemdeck/control/midi/ClockSchedule.h"

#include <algorithm>
#include <cmath>

namespace stemdeck::control::midi {

namespace {
constexpr std::uint8_t kTick = 0xF8, kStart = 0xFA, kContinue = 0xFB, kStop = 0xFC, kSpp = 0xF2;
constexpr int kTicksPerSixteenth = ClockSchedule::kTicksPerQuarter / 4;
constexpr int kMaxSpp = 16383;  // 14 bits
// An anchor older than this stands for an engine that stopped publishing (output closed, a
// lost device): the clock stops rather than run on by itself.
constexpr std::int64_t kStaleNs = 500'000'000;
// Ticks later than this (a sender that was not called for a while) are dropped, not burst.
constexpr std::int64_t kLateNs = 50'000'000;

double framesPerTick(const audio::ClockAnchor& a) {
    const double bpm = a.bpm > 0.0 ? a.bpm : 120.0;
    return a.sampleRate * 60.0 / bpm / ClockSchedule::kTicksPerQuarter;
}
}  // namespace

double ClockSchedule::tickFrame(const audio::ClockAnchor& a, std::int64_t k) noexcept {
    return static_cast<double>(a.gridOrigin) + static_cast<double>(k) * framesPerTick(a);
}

std::int64_t ClockSchedule::tickDueNs(const audio::ClockAnchor& a, std::int64_t k) noexcept {
    const double speed = a.songFramesPerOutFrame > 0.0 ? a.songFramesPerOutFrame : 1.0;
    const double outFrames = (tickFrame(a, k) - static_cast<double>(a.songFrame)) / speed;
    return a.rawNs + std::llround(outFrames * 1e9 / a.sampleRate);
}

int ClockSchedule::sixteenthAtOrAfter(const audio::ClockAnchor& a, double songFrame) noexcept {
    const double ticks = (songFrame - static_cast<double>(a.gridOrigin)) / framesPerTick(a);
    const double sixteenths = std::ceil(ticks / kTicksPerSixteenth - 1e-9);
    return static_cast<int>(std::clamp(sixteenths, 0.0, static_cast<double>(kMaxSpp)));
}

bool ClockSchedule::push(ClockEvent* out, int capacity, int& n, std::int64_t due, std::uint8_t b0,
                         std::uint8_t b1, std::uint8_t b2, std::uint8_t size) noexcept {
    if (n >= capacity) return false;
    out[n] = ClockEvent{due, {b0, b1, b2}, size};
    ++n;
    return true;
}

void ClockSchedule::begin(const audio::ClockAnchor& v, double songStart, bool countingIn) noexcept {
    running_ = true;
    // Within the first 16th of beat 1 (or before it): a start from the top. The first anchor
    // of a start already lies a block into the song; its tick 0 is still due (the anchor's
    // time includes the output latency) or just late.
    if (songStart <= tickFrame(v, kTicksPerSixteenth)) {
        leadTick_ = 0;
        lead_ = Lead::Start;
    } else {
        leadTick_ =
            static_cast<std::int64_t>(sixteenthAtOrAfter(v, songStart)) * kTicksPerSixteenth;
        lead_ = Lead::Continue;
    }
    nextTick_ = leadTick_;
    if (countingIn) {
        // The count-in's ticks from the one heard next on (v's song frame lies before the song).
        const double now = (static_cast<double>(v.songFrame) - static_cast<double>(v.gridOrigin)) /
                           framesPerTick(v);
        nextTick_ = std::min(leadTick_, static_cast<std::int64_t>(std::ceil(now - 1e-9)));
    }
}

int ClockSchedule::advance(const audio::ClockAnchor& a, std::int64_t untilNs, ClockEvent* out,
                           int capacity) noexcept {
    int n = 0;
    if (a.outFrames == 0) return 0;  // nothing published yet: no position to tell
    const bool fresh = untilNs - a.rawNs < kStaleNs;
    const bool countingIn = a.rolling == 0 && a.countInLeft > 0 && fresh;
    const bool rolling = (a.rolling != 0 && fresh) || countingIn;
    // Counting in: ticks are timed as if the song were already playing, from where it would
    // be now were the count-in part of it.
    audio::ClockAnchor v = a;
    if (countingIn) {
        const double speed = a.songFramesPerOutFrame > 0.0 ? a.songFramesPerOutFrame : 1.0;
        v.songFrame = a.songFrame - std::llround(static_cast<double>(a.countInLeft) * speed);
    }
    if (!seen_) {
        seen_ = true;
        epoch_ = a.epoch;
    }
    if (a.epoch != epoch_) {
        epoch_ = a.epoch;
        // A Stop only to a receiver that was started (not during a count-in before it).
        if (running_ && lead_ == Lead::None) stopPending_ = true;
        running_ = false;
        lead_ = Lead::None;
        // While playing, begin() below sends SPP + Continue before the next tick.
        if (!rolling) sppPending_ = sixteenthAtOrAfter(a, static_cast<double>(a.songFrame));
    }
    if (!rolling && running_) {
        if (lead_ == Lead::None) stopPending_ = true;
        running_ = false;
        lead_ = Lead::None;
    }
    if (stopPending_) {
        if (!push(out, capacity, n, 0, kStop)) return n;
        stopPending_ = false;
    }
    if (sppPending_ >= 0) {
        if (!push(out, capacity, n, 0, kSpp, static_cast<std::uint8_t>(sppPending_ & 0x7F),
                  static_cast<std::uint8_t>(sppPending_ >> 7), 3))
            return n;
        sppPending_ = -1;
    }
    if (rolling && !running_) begin(v, static_cast<double>(a.songFrame), countingIn);
    while (running_) {
        std::int64_t due = tickDueNs(v, nextTick_);
        // Late ticks (a sender not called for a while) are dropped, never the lead's.
        while (due < untilNs - kLateNs && (lead_ == Lead::None || nextTick_ < leadTick_))
            due = tickDueNs(v, ++nextTick_);
        if (due >= untilNs) break;
        const bool lead = lead_ != Lead::None && nextTick_ >= leadTick_;
        const int need = !lead ? 1 : lead_ == Lead::Start ? 2 : 3;
        if (capacity - n < need) break;
        if (lead && lead_ == Lead::Start) {
            push(out, capacity, n, due, kStart);
        } else if (lead) {
            const auto spp =
                static_cast<int>(std::min<std::int64_t>(nextTick_ / kTicksPerSixteenth, kMaxSpp));
            push(out, capacity, n, due, kSpp, static_cast<std::uint8_t>(spp & 0x7F),
                 static_cast<std::uint8_t>(spp >> 7), 3);
            push(out, capacity, n, due, kContinue);
        }
        if (lead) lead_ = Lead::None;
        push(out, capacity, n, due, kTick);
        ++nextTick_;
    }
    return n;
}

}  // namespace stemdeck::control::midi
