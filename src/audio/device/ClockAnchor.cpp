#include "stemdeck/audio/device/ClockAnchor.h"

#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "stemdeck/audio/click/ClickGenerator.h"
#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::audio {

namespace {
// How far the heard position may stray from where the last block left it before it counts as
// a jump: the time stretcher hands out its output in chunks, so the position a block ends at
// is not exactly frames x tempo further (a seek shorter than this goes unnoticed).
constexpr double kJumpToleranceFrames = 2048.0;
// The smoothing gains per block, and the gap between the callback's clock and the prediction
// beyond which the output clock starts again (more than any JACK cycle: 4096 frames at 48 kHz).
constexpr double kTimeGain = 1.0 / 64.0;
constexpr double kSongGain = 1.0 / 16.0;
constexpr double kGapNs = 100e6;
}  // namespace

std::int64_t ClockAnchorPublisher::rawNowNs() noexcept {
    timespec ts{};
    // A vDSO read on Linux: no system call, safe in the callback.
    clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

void ClockAnchorPublisher::publish(Transport* transport, int frames) noexcept {
    ClockAnchor anchor;
    outFrames_ += frames;
    anchor.outFrames = outFrames_;
    if (transport == nullptr || !transport->prepared()) {
        if (lastTransport_ != nullptr) ++epoch_;
        lastTransport_ = nullptr;
        timeReadings_ = 0;
        expectedFrame_ = -1;
        wasRolling_ = wasCountingIn_ = false;
        anchor.rawNs = rawNowNs();
        anchor.epoch = epoch_;
        anchors_.store(anchor);
        return;
    }
    const int rate = transport->sampleRate();
    const double tempo = transport->canStretch() ? transport->tempo() : 1.0;
    const std::int64_t position = transport->position();
    // Rolling from the first block whose heard position moved: a stretcher restarting from
    // silence primes for a few blocks with the position standing still.
    // Or from the block after a count-in: the count-in primed the stretchers, the song
    // sounds from its first block on.
    const std::int64_t countInLeft =
        transport->playRequested() ? transport->countInFramesLeft() : 0;
    const bool rolling = transport->playRequested() && !transport->countingIn() &&
                         countInLeft == 0 && !transport->buffering() && !transport->atEnd() &&
                         (wasRolling_ || wasCountingIn_ || position != lastPosition_);
    wasCountingIn_ = countInLeft > 0;
    lastPosition_ = position;
    const std::uint32_t epochBefore = epoch_;
    if (transport != lastTransport_) {
        ++epoch_;
    } else if (expectedFrame_ >= 0) {
        const double tolerance =
            kJumpToleranceFrames + (rolling || wasRolling_ ? frames * tempo : 0.0);
        if (std::abs(static_cast<double>(position - expectedFrame_)) > tolerance) ++epoch_;
    }
    const bool jumped = epoch_ != epochBefore;
    lastTransport_ = transport;
    expectedFrame_ = position + (rolling ? std::llround(frames * tempo) : 0);

    // Two smoothed channels, so that the ticks a sender derives are evenly spaced:
    // - the output clock (when this block's end is heard): the callback's clock reading jitters
    //   with the graph's load, and PortAudio calls it several times in a row when its blocks
    //   are shorter than JACK's cycle. It follows the block lengths, pulled towards the
    //   readings by their running mean at first, then by a fixed gain; a gap (a stream
    //   restarted, a stall) starts it again;
    // - the song frame heard then: the heard position moves in the time stretcher's chunks. It
    //   follows frames x tempo, pulled towards the position the same way; a start or a jump
    //   takes the position as it is.
    const double blockNs = 1e9 * frames / rate;
    const double measuredNs =
        static_cast<double>(rawNowNs() + latencyNs_.load(std::memory_order_relaxed)) + blockNs;
    const double predictedNs = outNs_ + blockNs;
    if (timeReadings_ == 0 || std::abs(measuredNs - predictedNs) > kGapNs) {
        outNs_ = measuredNs;
        timeReadings_ = 1;
    } else {
        ++timeReadings_;
        outNs_ =
            predictedNs + (measuredNs - predictedNs) * std::max(1.0 / timeReadings_, kTimeGain);
    }
    if (!rolling || !wasRolling_ || jumped) {
        songFrame_ = static_cast<double>(position);
        songReadings_ = 1;
    } else {
        ++songReadings_;
        songFrame_ += frames * tempo;
        songFrame_ += (static_cast<double>(position) - songFrame_) *
                      std::max(1.0 / static_cast<double>(songReadings_), kSongGain);
    }
    wasRolling_ = rolling;

    const BeatGrid& grid = transport->click().audioGrid();
    anchor.rawNs = std::llround(outNs_);
    anchor.songFrame = std::llround(songFrame_);
    anchor.songFramesPerOutFrame = tempo;  // songs play at the output's rate (Engine::reloadRate)
    anchor.bpm = grid.bpm();
    anchor.gridOrigin = grid.origin();
    anchor.sampleRate = rate;
    anchor.epoch = epoch_;
    anchor.rolling = rolling ? 1u : 0u;
    anchor.countInLeft = static_cast<std::uint32_t>(
        std::clamp<std::int64_t>(countInLeft, 0, std::numeric_limits<std::uint32_t>::max()));
    anchors_.store(anchor);
}

}  // namespace stemdeck::audio
