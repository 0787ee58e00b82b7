#pragma once
// What OfflineRenderer's song render and set render share (internal to src/audio/render).
// Any thread but the audio thread.

#include <cstdint>
#include <vector>

#include "stemdeck/audio/click/ClickSettings.h"
#include "stemdeck/audio/render/OfflineRenderer.h"

namespace stemdeck::audio {
class RenderFileWriter;
}

namespace stemdeck::audio::detail {

// Renders are stereo.
inline constexpr int kRenderChannels = 2;

// Frames of the count-in before the music, as a Transport at `sampleRate` plays it at `tempo`
// (0 without a count-in or with a grid the click refuses).
std::int64_t countInFrames(int sampleRate, const ClickSettings& click, double tempo);

// A render loop's sink that appends every block to `out`.
class BufferSink {
  public:
    explicit BufferSink(std::vector<float>& out) : out_(out) {}
    bool operator()(const float* block, int frames, double done);

  private:
    std::vector<float>& out_;
};

// A render loop's sink that writes every block to `writer`, stops when options.cancel is
// raised or options.progress says so, and reports progress in steps of at least 1 % (a GUI
// is not flooded).
class FileSink {
  public:
    FileSink(RenderFileWriter& writer, const RenderOptions& options)
        : writer_(writer), options_(options) {}
    bool operator()(const float* block, int frames, double done);

  private:
    static constexpr double kProgressStep = 0.01;
    RenderFileWriter& writer_;
    const RenderOptions& options_;
    double reported_ = 0.0;
};

}  // namespace stemdeck::audio::detail
