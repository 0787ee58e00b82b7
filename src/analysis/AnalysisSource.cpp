#include "stemdeck/analysis/AnalysisSource.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "stemdeck/audio/loader/Song.h"

namespace stemdeck::analysis {

namespace {

// Names players give the stems that carry the beat and no key.
constexpr std::array<std::string_view, 9> kRhythmWords = {
    "drum", "click", "perc", "kick", "snare", "metronome", "beat", "hihat", "cymbal"};

void addStem(const audio::Stem& stem, std::vector<float>& mono) {
    const auto frames = static_cast<std::size_t>(stem.frames());
    if (mono.size() < frames) mono.resize(frames, 0.0f);
    std::vector<float> channel(frames);
    const int channels = stem.audio.channels();
    for (int c = 0; c < channels; ++c) {
        stem.audio.read(c, 0, static_cast<std::int64_t>(frames), channel.data());
        for (std::size_t i = 0; i < frames; ++i)
            mono[i] += channel[i] / static_cast<float>(channels);
    }
}

}  // namespace

bool AnalysisSource::isRhythmStem(const std::string& name) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(kRhythmWords.begin(), kRhythmWords.end(), [&lower](std::string_view word) {
        return lower.find(word) != std::string::npos;
    });
}

AnalysisInput AnalysisSource::fromSong(const audio::Song& song,
                                       std::vector<std::string>* rhythmStems,
                                       std::vector<std::string>* tonalStems) {
    AnalysisInput input;
    input.sampleRate = song.sampleRate;
    std::vector<const audio::Stem*> rhythm;
    std::vector<const audio::Stem*> tonal;
    for (const auto& stem : song.stems) (isRhythmStem(stem.name) ? rhythm : tonal).push_back(&stem);
    std::vector<const audio::Stem*> all;
    for (const auto& stem : song.stems) all.push_back(&stem);
    if (rhythm.empty()) rhythm = all;
    if (tonal.empty()) tonal = all;
    for (const audio::Stem* stem : rhythm) {
        addStem(*stem, input.rhythm);
        if (rhythmStems) rhythmStems->push_back(stem->name);
    }
    for (const audio::Stem* stem : tonal) {
        addStem(*stem, input.tonal);
        if (tonalStems) tonalStems->push_back(stem->name);
    }
    return input;
}

}  // namespace stemdeck::analysis
