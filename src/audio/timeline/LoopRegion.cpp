#include "stemdeck/audio/timeline/LoopRegion.h"

#include <algorithm>
#include <cmath>

namespace stemdeck::audio {

void LoopRegion::prepare(int sampleRate, std::int64_t songLength) {
    sampleRate_ = sampleRate;
    songLength_ = std::max<std::int64_t>(songLength, 0);
    minLength_ = std::max<std::int64_t>(1, std::llround(kMinLengthMs * sampleRate / 1000.0));
    bounds_.store(LoopBounds{});
}

bool LoopRegion::set(std::int64_t start, std::int64_t end) {
    start = std::clamp<std::int64_t>(start, 0, songLength_);
    end = std::min(end, songLength_);
    if (end - start < minLength_) return false;
    bounds_.update([start, end](LoopBounds& b) {
        b.start = start;
        b.end = end;
    });
    return true;
}

bool LoopRegion::setEnabled(bool on) {
    bool done = true;
    bounds_.update([this, on, &done](LoopBounds& b) {
        done = !on || b.length() >= minLength_;
        if (done) b.enabled = on;
    });
    return done;
}

void LoopRegion::clear() {
    bounds_.store(LoopBounds{});
}

}  // namespace stemdeck::audio
