#include "stemdeck/audio/device/ClockAnchor.h"

#include <time.h>

#include <cmath>
#include <cstdlib>

#include "stemdeck/audio/click/ClickGenerator.h"
#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::audio {

namespace {
// How far the heard position may stray from where the last block left it before it counts as
// a jump: the time stretcher hands out its output in chunks, so the position a block ends at
// is not exactly frames x tempo further (a seek shorter than this goes unnoticed).
constexpr double kJumpToleranceFrames = 2048.0;
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
        expectedFrame_ = -1;
        wasRolling_ = false;
        anchor.rawNs = rawNowNs();
        anchor.epoch = epoch_;
        anchors_.store(anchor);
        return;
    }
    const int rate = transport->sampleRate();
    const double tempo = transport->canStretch() ? transport->tempo() : 1.0;
    const std::int64_t position = transport->position();
    const bool rolling = transport->playRequested() && !transport->countingIn() &&
                         !transport->buffering() && !transport->atEnd();
    if (transport != lastTransport_) {
        ++epoch_;
    } else if (expectedFrame_ >= 0) {
        const double tolerance =
            kJumpToleranceFrames + (rolling || wasRolling_ ? frames * tempo : 0.0);
        if (std::abs(static_cast<double>(position - expectedFrame_)) > tolerance) ++epoch_;
    }
    lastTransport_ = transport;
    wasRolling_ = rolling;
    expectedFrame_ = position + (rolling ? std::llround(frames * tempo) : 0);

    const BeatGrid& grid = transport->click().audioGrid();
    anchor.rawNs = rawNowNs() + latencyNs_.load(std::memory_order_relaxed) +
                   static_cast<std::int64_t>(1e9 * frames / rate);
    anchor.songFrame = position;
    anchor.songFramesPerOutFrame = tempo;  // songs play at the output's rate (Engine::reloadRate)
    anchor.bpm = grid.bpm();
    anchor.gridOrigin = grid.origin();
    anchor.sampleRate = rate;
    anchor.epoch = epoch_;
    anchor.rolling = rolling ? 1u : 0u;
    anchors_.store(anchor);
}

}  // namespace stemdeck::audio
