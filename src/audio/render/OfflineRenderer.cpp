#include "stemdeck/audio/render/OfflineRenderer.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "../core/SampleRateCheck.h"
#include "RenderSupport.h"
#include "stemdeck/audio/click/ClickGenerator.h"
#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/render/RenderFile.h"
#include "stemdeck/audio/render/RenderFileWriter.h"
#include "stemdeck/audio/stretch/TimeStretcher.h"
#include "stemdeck/audio/transport/LoopPlayer.h"
#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::audio {

namespace {

using detail::BufferSink;
using detail::FileSink;

void checkInputs(const Song& song, const MixControls& mix, const RenderOptions& options) {
    if (options.blockSize <= 0) throw RenderError("block size must be positive");
    if (song.sampleRate <= 0 || song.stems.empty()) throw RenderError("the song has no audio");
    if (!limits::sampleRateInRange(song.sampleRate))
        throw RenderError("the song's " + detail::unsupportedRateMessage(song.sampleRate));
    if (mix.stemCount() != song.stems.size())
        throw RenderError("the mix has " + std::to_string(mix.stemCount()) +
                          " stems but the song has " + std::to_string(song.stems.size()));
    if (!(options.tempo >= TimeStretcher::kMinTempo && options.tempo <= TimeStretcher::kMaxTempo))
        throw RenderError("tempo must be between 0.5 and 1.5");
    if (!(std::abs(options.pitchCents) <= TimeStretcher::kMaxPitchCents))
        throw RenderError("pitch must be between -12 and +12 semitones");
    if (options.loopStart >= 0 || options.loopEnd >= 0) {
        if (!options.hasLoop()) throw RenderError("the loop end must be after its start");
        if (options.loopEnd > song.frames) throw RenderError("the loop ends after the song");
        if (options.loops < 1) throw RenderError("loops must be at least 1");
    }
}

// Runs Transport::process block by block, exactly as a device callback would (the live
// engine's one render path, with the same loop, stretch and click), and hands each block's
// audio to `sink`, which returns false to stop early. Ends at the song's end, or after the
// loop passes. Returns false when the sink stopped the render.
template <typename Sink>
bool renderBlocks(const Song& song, const MixControls& mix, const RenderOptions& options,
                  Sink&& sink) {
    const int blockSize = options.blockSize;
    Transport transport;
    TransportSetup setup;
    setup.timeStretch = options.tempo != 1.0 || options.pitchCents != 0.0;
    transport.prepare(&song, &mix, song.sampleRate, setup);
    transport.setTempo(options.tempo);
    transport.setPitchCents(options.pitchCents);
    if (!applyClickSettings(options.click, transport))
        throw RenderError("invalid time signature for the click");
    const std::int64_t countIn =
        transport.click().countInFrames(options.click.countInBars, options.tempo);
    // Output frames to render: the count-in, then the song (or the loop's passes) at the
    // tempo, rounded to the nearest frame. The transport's own end, detected from the
    // stretcher's latency, is within a frame of it; the count says exactly where to stop.
    std::int64_t total =
        countIn + std::llround(static_cast<double>(transport.length()) / options.tempo);
    if (options.hasLoop()) {
        if (!transport.loop().set(options.loopStart, options.loopEnd) ||
            !transport.loop().setEnabled(true))
            throw RenderError("the loop is shorter than " +
                              std::to_string(static_cast<int>(LoopRegion::kMinLengthMs)) + " ms");
        const auto passes =
            static_cast<double>(loopPassesLength(transport.loop().bounds(), options.loops));
        total = countIn + static_cast<std::int64_t>(std::llround(passes / options.tempo));
        transport.seek(options.loopStart);
    }
    transport.play();
    const auto expected = static_cast<double>(total);
    std::vector<float> block(static_cast<std::size_t>(blockSize) * detail::kRenderChannels);
    std::int64_t rendered = 0;
    for (;;) {
        {
            const RealtimeScope realtime;  // the render path, as the audio thread runs it
            transport.process(block.data(), blockSize, detail::kRenderChannels);
        }
        const auto keep = static_cast<int>(std::min<std::int64_t>(blockSize, total - rendered));
        rendered += keep;
        const bool finished = rendered >= total;
        const double done = finished ? 1.0 : std::min(0.999, rendered / std::max(1.0, expected));
        if (!sink(block.data(), keep, done)) return false;
        if (finished) return true;
    }
}

// Frames of the count-in before the music, as the Transport plays it.
std::int64_t countInFrames(const Song& song, const RenderOptions& options) {
    return detail::countInFrames(song.sampleRate, options.click, options.tempo);
}

}  // namespace

std::vector<float> OfflineRenderer::renderToBuffer(const Song& song, const MixControls& mix,
                                                   int blockSize) {
    RenderOptions options;
    options.blockSize = blockSize;
    return renderToBuffer(song, mix, options);
}

std::vector<float> OfflineRenderer::renderToBuffer(const Song& song, const MixControls& mix,
                                                   const RenderOptions& options) {
    checkInputs(song, mix, options);
    std::vector<float> out;
    out.reserve(static_cast<std::size_t>(song.frames) * detail::kRenderChannels);
    renderBlocks(song, mix, options, BufferSink(out));
    return out;
}

std::int64_t OfflineRenderer::estimatedFrames(const Song& song, const RenderOptions& options) {
    const std::int64_t music =
        options.hasLoop() ? std::max(1, options.loops) * (options.loopEnd - options.loopStart)
                          : song.frames;
    const double tempo = options.tempo > 0.0 ? options.tempo : 1.0;
    return countInFrames(song, options) +
           static_cast<std::int64_t>(std::ceil(static_cast<double>(music) / tempo));
}

RenderedFile OfflineRenderer::renderToFile(const Song& song, const MixControls& mix,
                                           const std::filesystem::path& file,
                                           const RenderOptions& options) {
    // Everything that can be refused is, before a byte is written.
    refuseSongFileAsOutput(song, file);
    const RenderFilePlan plan =
        planRenderFile(file, options.format, estimatedFrames(song, options));
    checkInputs(song, mix, options);
    checkFitsOnDisk(file, plan, freeDiskBytes(file));
    if (options.progress && !options.progress(0.0)) throw RenderError("render cancelled");

    RenderFileWriter writer(file, plan, song.sampleRate);
    if (!renderBlocks(song, mix, options, FileSink(writer, options)))
        throw RenderError("render cancelled");
    writer.commit();
    return {writer.framesWritten(), countInFrames(song, options), song.sampleRate};
}

}  // namespace stemdeck::audio
