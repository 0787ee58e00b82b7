#include "stemdeck/audio/transport/SongUnit.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "stemdeck/audio/core/ThreadContract.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/transport/CrossfadeRule.h"

namespace stemdeck::audio {

namespace {
// Seconds to output frames; refuses what a set file must not hold.
std::int64_t framesOf(double seconds, int sampleRate, const char* what) {
    if (!(seconds >= 0.0) || !std::isfinite(seconds))
        throw std::invalid_argument(std::string(what) + " must be 0 s or more");
    return std::llround(seconds * sampleRate);
}
}  // namespace

SongUnit::SongUnit(const Song& song, const MixControls& controls, int sampleRate,
                   const SongTransition& leadOut, const TransportSetup& setup)
    : song_(&song), controls_(&controls), sampleRate_(sampleRate) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    setLeadOut(leadOut);
    transport_.prepare(&song, &controls, sampleRate, setup);
}

void SongUnit::setLeadOut(const SongTransition& leadOut) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    using Kind = SongTransition::Kind;
    const std::int64_t gap = framesOf(leadOut.gapSeconds, sampleRate_, "the gap");
    const std::int64_t crossfade = framesOf(leadOut.crossfadeSeconds, sampleRate_, "the crossfade");
    std::int64_t frames = 0;
    if (leadOut.kind == Kind::Gap) frames = std::min<std::int64_t>(gap, std::int64_t{1} << 40);
    // Never longer than the song's output at the slowest tempo (0.5: twice its frames).
    if (leadOut.kind == Kind::Crossfade)
        frames = std::min<std::int64_t>({crossfade, 2 * song_->frames, INT32_MAX});
    leadOut_ = leadOut;
    plan_.store(
        (static_cast<std::uint64_t>(frames) << 2) | static_cast<std::uint64_t>(leadOut.kind),
        std::memory_order_release);
}

LeadOutPlan SongUnit::leadOutPlan() const noexcept {
    using Kind = SongTransition::Kind;
    const std::uint64_t bits = plan_.load(std::memory_order_acquire);
    LeadOutPlan plan;
    plan.kind = static_cast<Kind>(bits & 3u);
    const auto frames = static_cast<std::int64_t>(bits >> 2);
    if (plan.kind == Kind::Gap) plan.gapFrames = frames;
    if (plan.kind == Kind::Crossfade) plan.crossfadeFrames = static_cast<int>(frames);
    return plan;
}

std::int64_t SongUnit::playedOutputFrames() const noexcept {
    return audio::playedOutputFrames(song_->frames, startFrame_.load(std::memory_order_relaxed),
                                     transport_.tempo());
}

float SongUnit::fadeInGain(std::int64_t i, std::int64_t length) noexcept {
    if (i < 0) return 0.0f;
    if (i >= length) return 1.0f;
    // As detail::equalPowerFadeIn computes its table (double, then float): the same gains.
    return static_cast<float>(std::sin(0.5 * std::numbers::pi * (static_cast<double>(i) + 0.5) /
                                       static_cast<double>(length)));
}

}  // namespace stemdeck::audio
