#include "stemdeck/audio/timeline/BeatGrid.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace stemdeck::audio {

bool TimeSignature::valid() const {
    const bool powerOfTwo =
        beatUnit > 0 && beatUnit <= limits::kMaxBeatUnit && (beatUnit & (beatUnit - 1)) == 0;
    return beatsPerBar >= 1 && beatsPerBar <= limits::kMaxBeatsPerBar && powerOfTwo;
}

namespace {

// A whole-string integer with optional white space around it and an optional '+'.
std::optional<int> parseCount(std::string_view text) {
    constexpr std::string_view kSpace = " \t\n\r\f\v";
    while (!text.empty() && kSpace.find(text.front()) != std::string_view::npos)
        text.remove_prefix(1);
    while (!text.empty() && kSpace.find(text.back()) != std::string_view::npos)
        text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    int value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || result.ec != std::errc{} || result.ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

}  // namespace

std::optional<TimeSignature> TimeSignature::parse(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const auto beats = parseCount(text.substr(0, slash));
    const auto unit = parseCount(text.substr(slash + 1));
    if (!beats || !unit) return std::nullopt;
    const TimeSignature signature{*beats, *unit};
    if (!signature.valid()) return std::nullopt;
    return signature;
}

BeatGrid::BeatGrid(double bpm, TimeSignature signature, std::int64_t origin, int sampleRate)
    : bpm_(bpm == bpm ? std::clamp(bpm, kMinBpm, kMaxBpm) : 120.0),
      signature_(signature.valid() ? signature : TimeSignature{}),
      origin_(origin),
      sampleRate_(sampleRate > 0 ? sampleRate : 48000) {}

double BeatGrid::framesPerBeat() const {
    return 60.0 * sampleRate_ / bpm_ * 4.0 / signature_.beatUnit;
}

std::int64_t BeatGrid::beatFrame(std::int64_t index) const noexcept {
    return origin_ + std::llround(static_cast<double>(index) * framesPerBeat());
}

std::int64_t BeatGrid::firstBeatAtOrAfter(std::int64_t frame) const noexcept {
    // The estimate can be one off either way where rounding moved a beat across `frame`.
    auto beat = static_cast<std::int64_t>(
        std::ceil(static_cast<double>(frame - origin_) / framesPerBeat()));
    while (beatFrame(beat - 1) >= frame) --beat;
    while (beatFrame(beat) < frame) ++beat;
    return beat;
}

std::int64_t BeatGrid::firstBarAtOrAfter(std::int64_t frame) const noexcept {
    const std::int64_t perBar = signature_.beatsPerBar;
    const std::int64_t beat = firstBeatAtOrAfter(frame);
    // Round the beat up to a multiple of beatsPerBar (floor division for negative beats).
    const std::int64_t bar = beat >= 0 ? (beat + perBar - 1) / perBar : -((-beat) / perBar);
    return bar;
}

bool BeatGrid::isDownbeat(std::int64_t beat) const noexcept {
    return beat % signature_.beatsPerBar == 0;
}

}  // namespace stemdeck::audio
