#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "stemdeck/audio/loader/Song.h"

namespace stemdeck::test {

// Builds a Song in memory, as the loader would return it, from planar stems.
class MemorySong {
  public:
    explicit MemorySong(int sampleRate) { song_.sampleRate = sampleRate; }

    MemorySong& mono(const std::string& name, std::vector<float> samples) {
        return add(name, {std::move(samples)});
    }
    MemorySong& stereo(const std::string& name, std::vector<float> left, std::vector<float> right) {
        return add(name, {std::move(left), std::move(right)});
    }
    // Stored as int16 (as a 16-bit source is): the samples should be multiples of 1/32768.
    MemorySong& mono16(const std::string& name, std::vector<float> samples) {
        return add(name, {std::move(samples)}, audio::SampleFormat::Int16);
    }
    MemorySong& stereo16(const std::string& name, std::vector<float> left,
                         std::vector<float> right) {
        return add(name, {std::move(left), std::move(right)}, audio::SampleFormat::Int16);
    }
    audio::Song build() const { return song_; }

  private:
    MemorySong& add(const std::string& name, const std::vector<std::vector<float>>& channels,
                    audio::SampleFormat format = audio::SampleFormat::Float32) {
        audio::Stem stem;
        stem.name = name;
        stem.file = name + ".wav";
        stem.sourceChannels = static_cast<int>(channels.size());
        stem.sourceRate = song_.sampleRate;
        stem.audio = audio::StemAudio::fromPlanar(channels, format);
        stem.sourceFrames = stem.frames();
        song_.frames = std::max(song_.frames, stem.frames());
        song_.stems.push_back(std::move(stem));
        return *this;
    }
    audio::Song song_;
};

}  // namespace stemdeck::test
