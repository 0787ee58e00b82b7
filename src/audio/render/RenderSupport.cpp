#include "RenderSupport.h"

#include <atomic>
#include <cstddef>

#include "stemdeck/audio/click/ClickGenerator.h"
#include "stemdeck/audio/render/RenderFileWriter.h"

namespace stemdeck::audio::detail {

std::int64_t countInFrames(int sampleRate, const ClickSettings& click, double tempo) {
    if (click.countInBars <= 0 || sampleRate <= 0) return 0;
    ClickGenerator generator;
    generator.prepare(sampleRate);
    const TimeSignature signature{click.beatsPerBar, click.beatUnit};
    if (!generator.setGrid(click.bpm, signature, 0)) return 0;
    return generator.countInFrames(click.countInBars, tempo);
}

bool BufferSink::operator()(const float* block, int frames, double) {
    out_.insert(out_.end(), block, block + static_cast<std::ptrdiff_t>(frames) * kRenderChannels);
    return true;
}

bool FileSink::operator()(const float* block, int frames, double done) {
    writer_.write(block, frames);
    if (options_.cancel && options_.cancel->load(std::memory_order_relaxed)) return false;
    const bool due = done > reported_ && (done >= 1.0 || done - reported_ >= kProgressStep);
    if (!options_.progress || !due) return true;
    reported_ = done;
    return options_.progress(done);
}

}  // namespace stemdeck::audio::detail
