#include "stemdeck/audio/click/GuideCues.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace stemdeck::audio {

namespace {
float dbToGain(float db) {
    return std::pow(10.0f, db / 20.0f);
}
}  // namespace

GuideCues::~GuideCues() {
    delete pending_.exchange(nullptr);
    delete retired_.exchange(nullptr);
    delete current_;
}

std::optional<std::int64_t> GuideCues::cueStart(const BeatGrid& grid, std::int64_t markerFrame) {
    const auto bar = static_cast<std::int64_t>(
        std::llround(grid.framesPerBeat() * grid.signature().beatsPerBar));
    const std::int64_t start = markerFrame - bar;
    if (start < 0) return std::nullopt;
    return start;
}

void GuideCues::prepare(int sampleRate) {
    sampleRate_ = sampleRate > 0 ? sampleRate : 48000;
    gain_.setLength(static_cast<int>(kRampMs * sampleRate_ / 1000.0));
    gain_.reset(0.0f);
    voice_ = -1;
    haveLast_ = false;
}

void GuideCues::clear() {
    delete pending_.exchange(nullptr);
    delete retired_.exchange(nullptr);
    delete current_;
    current_ = nullptr;
    voice_ = -1;
    haveLast_ = false;
}

void GuideCues::publish(std::vector<GuideCue> cues, int sampleRate) {
    collect();
    auto* set = new GuideCueSet{sampleRate, std::move(cues)};
    std::stable_sort(set->cues.begin(), set->cues.end(), [](const GuideCue& a, const GuideCue& b) {
        return a.startFrame < b.startFrame;
    });
    // A set published before and never taken is ours again: free it here.
    delete pending_.exchange(set, std::memory_order_acq_rel);
}

void GuideCues::collect() {
    delete retired_.exchange(nullptr, std::memory_order_acq_rel);
}

void GuideCues::setLevelDb(float db) {
    if (!std::isfinite(db)) return;
    levelDb_.store(std::clamp(db, kMinLevelDb, kMaxLevelDb), std::memory_order_relaxed);
}

void GuideCues::takePublished() noexcept {
    // Only while the retired slot is free: the set let go of must reach the control thread.
    if (retired_.load(std::memory_order_acquire) != nullptr) return;
    // Most blocks: nothing published, found by a plain load instead of an exchange.
    if (pending_.load(std::memory_order_relaxed) == nullptr) return;
    GuideCueSet* next = pending_.exchange(nullptr, std::memory_order_acq_rel);
    if (!next) return;
    // A cue being spoken goes on when the new set has it too (cues made again for the same
    // markers); otherwise it stops.
    int kept = -1;
    if (voice_ >= 0) {
        const GuideCue& speaking = current_->cues[static_cast<std::size_t>(voice_)];
        const auto it =
            std::lower_bound(next->cues.begin(), next->cues.end(), speaking.startFrame,
                             [](const GuideCue& c, std::int64_t f) { return c.startFrame < f; });
        if (it != next->cues.end() && it->startFrame == speaking.startFrame &&
            it->samples.size() == speaking.samples.size())
            kept = static_cast<int>(it - next->cues.begin());
    }
    retired_.store(current_, std::memory_order_release);
    current_ = next;
    voice_ = kept;
}

void GuideCues::addVoice(int from, int to, float* left, float* right) noexcept {
    if (voice_ < 0 || from >= to) return;
    const std::vector<float>& clip = current_->cues[static_cast<std::size_t>(voice_)].samples;
    std::array<float, 256> gains{};
    for (int i = from; i < to && voice_ >= 0;) {
        const int m = std::min<int>(to - i, static_cast<int>(gains.size()));
        gain_.fill(gains.data(), m);
        for (int k = 0; k < m; ++k, ++i) {
            if (voicePos_ >= clip.size()) {
                voice_ = -1;
                break;
            }
            const float s = clip[voicePos_++] * gains[static_cast<std::size_t>(k)];
            left[i] += s;
            right[i] += s;
        }
    }
}

void GuideCues::render(double songFrame, int n, float* left, float* right,
                       double songFramesPerFrame) noexcept {
    const Block block = begin(songFrame, n, songFramesPerFrame);
    if (block.sounds) add(block, n, left, right);
}

GuideCues::Block GuideCues::beginWithCues(double songFrame, int n,
                                          double songFramesPerFrame) noexcept {
    Block block;
    if (n <= 0) return block;
    takePublished();
    if (silentSet()) {
        haveLast_ = false;  // as quiet()
        return block;
    }
    const double rate = songFramesPerFrame > 0.0 ? songFramesPerFrame : 1.0;
    const double span = n * rate;
    // A block that does not follow the last one is a seek or a loop wrap: what was being said
    // stops (the de-click fade of the seek covers it), and only starts crossed from here count.
    // The tolerance absorbs the stretcher's uneven reads; seeks and wraps move much further.
    const bool continuous = haveLast_ && std::abs(songFrame - lastEnd_) <= std::max(64.0, span);
    if (!continuous) voice_ = -1;
    const double from = continuous ? lastEnd_ : songFrame;
    const double to = songFrame + span;
    haveLast_ = true;
    lastEnd_ = to;

    const bool on = enabled_.load(std::memory_order_relaxed);
    const float target = on ? dbToGain(levelDb_.load(std::memory_order_relaxed)) : 0.0f;
    // Ramped only while a cue is sounding; a cue starts at the level as it is.
    if (voice_ < 0)
        gain_.reset(target);
    else
        gain_.setTarget(target);
    if (!current_ || current_->sampleRate != sampleRate_) return block;

    // The first cue whose start this block crosses (later ones in the same block are dropped:
    // cues are a bar apart).
    int startAt = n;
    int starting = -1;
    if (on && to > from) {
        const auto& cues = current_->cues;
        const auto first = static_cast<std::int64_t>(std::ceil(from));
        auto it =
            std::lower_bound(cues.begin(), cues.end(), first,
                             [](const GuideCue& c, std::int64_t f) { return c.startFrame < f; });
        if (it != cues.end() && static_cast<double>(it->startFrame) < to) {
            starting = static_cast<int>(it - cues.begin());
            const double out = std::ceil((static_cast<double>(it->startFrame) - songFrame) / rate);
            startAt = static_cast<int>(std::clamp(out, 0.0, static_cast<double>(n - 1)));
        }
    }
    block.startAt = startAt;
    block.starting = starting;
    block.sounds = voice_ >= 0 || starting >= 0;
    return block;
}

void GuideCues::add(const Block& block, int n, float* left, float* right) noexcept {
    addVoice(0, block.startAt, left, right);
    if (block.starting >= 0) {
        // A new cue takes over from one still sounding (cues are a bar apart: rarely).
        voice_ = block.starting;
        voicePos_ = 0;
        addVoice(block.startAt, n, left, right);
    }
}

}  // namespace stemdeck::audio
