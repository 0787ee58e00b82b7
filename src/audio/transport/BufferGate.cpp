#include "stemdeck/audio/transport/BufferGate.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stemdeck/audio/core/ThreadContract.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/stretch/TimeStretcher.h"
#include "stemdeck/audio/transport/RenderPipeline.h"

namespace stemdeck::audio {

std::int64_t BufferGate::leadFrames(double seconds, int sampleRate) noexcept {
    return static_cast<std::int64_t>(
        std::ceil((seconds * TimeStretcher::kMaxTempo + kLookAheadSeconds) * sampleRate));
}

void BufferGate::prepare(const Song* song, int sampleRate) {
    STEMDECK_EXPECT_CONTROL_THREAD();
    stems_.clear();
    if (song)
        for (const Stem& stem : song->stems) stems_.push_back(&stem.audio);
    starveLead_ = leadFrames(kStarveLeadSeconds, sampleRate);
    resumeLead_ = leadFrames(kResumeLeadSeconds, sampleRate);
    lookAhead_ = leadFrames(0.0, sampleRate);
    length_ = song ? song->frames : 0;
    allWhole_ = std::none_of(stems_.begin(), stems_.end(),
                             [](const StemAudio* audio) { return audio->decoding(); });
    starved_ = false;
}

bool BufferGate::judge(const RenderPipeline& pipeline) noexcept {
    // decoding() before readyFrom(), both acquire: a stem seen whole has published its last
    // frames (the writer stores the watermark before it clears the flag). Judged at the read
    // position, so a seek into an island decoded ahead (StemAudio regions) plays at once.
    const std::int64_t from = pipeline.readPosition();
    const std::int64_t lowest = lowestReadyFrom(from);
    if (lowest == kNoneDecoding) {
        allWhole_ = true;
        starved_ = false;
        return false;
    }
    const std::int64_t need =
        std::min(pipeline.readEnd(), from + (starved_ ? resumeLead_ : starveLead_));
    starved_ = lowest < need;
    return starved_;
}

std::int64_t BufferGate::reach(int outputFrames) const noexcept {
    return lookAhead_ +
           static_cast<std::int64_t>(std::ceil(outputFrames * TimeStretcher::kMaxTempo));
}

bool BufferGate::judgeAt(std::int64_t frame) noexcept {
    return lowestReadyFrom(frame) >= std::min(length_, frame + starveLead_);
}

std::int64_t BufferGate::lowestReadyFrom(std::int64_t from) const noexcept {
    std::int64_t lowest = kNoneDecoding;
    for (const StemAudio* audio : stems_)
        if (audio->decoding()) lowest = std::min(lowest, audio->readyFrom(from));
    return lowest;
}

}  // namespace stemdeck::audio
