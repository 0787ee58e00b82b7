// OfflineRenderer's set render: song after song through one SetTransport, as live playback.
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "../core/SampleRateCheck.h"
#include "RenderSupport.h"
#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/render/OfflineRenderer.h"
#include "stemdeck/audio/render/RenderFile.h"
#include "stemdeck/audio/render/RenderFileWriter.h"
#include "stemdeck/audio/stretch/TimeStretcher.h"
#include "stemdeck/audio/transport/CrossfadeRule.h"
#include "stemdeck/audio/transport/SetTransport.h"

namespace stemdeck::audio {

namespace {

using detail::BufferSink;
using detail::FileSink;

std::string songName(std::size_t i) {
    return "song " + std::to_string(i + 1) + " of the set";
}

std::int64_t outputFrames(const SetRenderEntry& entry) {
    return playedOutputFrames(entry.song->frames, entry.startFrame, entry.tempo);
}

std::int64_t countInOf(const SetRenderEntry& entry) {
    return detail::countInFrames(entry.song->sampleRate, entry.click, entry.tempo);
}

std::int64_t framesOf(double seconds, int rate) {
    return std::llround(seconds * rate);
}

void checkSet(const std::vector<SetRenderEntry>& set, int blockSize) {
    if (blockSize <= 0) throw RenderError("block size must be positive");
    if (set.empty()) throw RenderError("the set has no songs");
    const int rate = set.front().song ? set.front().song->sampleRate : 0;
    for (std::size_t i = 0; i < set.size(); ++i) {
        const SetRenderEntry& entry = set[i];
        const std::string name = songName(i);
        if (!entry.song || !entry.mix || entry.song->stems.empty() || entry.song->frames <= 0)
            throw RenderError(name + " has no audio");
        if (!limits::sampleRateInRange(entry.song->sampleRate))
            throw RenderError(name + ": " + detail::unsupportedRateMessage(entry.song->sampleRate));
        if (entry.song->sampleRate != rate)
            throw RenderError(name + " is at " + std::to_string(entry.song->sampleRate) +
                              " Hz, the set at " + std::to_string(rate) + " Hz");
        if (entry.mix->stemCount() != entry.song->stems.size())
            throw RenderError(name + ": the mix has " + std::to_string(entry.mix->stemCount()) +
                              " stems but the song has " +
                              std::to_string(entry.song->stems.size()));
        if (entry.startFrame < 0 || entry.startFrame >= entry.song->frames)
            throw RenderError(name + ": it starts at frame " + std::to_string(entry.startFrame) +
                              ", outside its " + std::to_string(entry.song->frames) + " frames");
        if (!(entry.tempo >= TimeStretcher::kMinTempo && entry.tempo <= TimeStretcher::kMaxTempo))
            throw RenderError(name + ": tempo must be between 0.5 and 1.5");
        if (!(std::abs(entry.pitchCents) <= TimeStretcher::kMaxPitchCents))
            throw RenderError(name + ": pitch must be between -12 and +12 semitones");
        const SongTransition& lead = entry.leadOut;
        if (!(lead.gapSeconds >= 0.0) || !std::isfinite(lead.gapSeconds))
            throw RenderError(name + ": the gap must be 0 s or more");
        if (!(lead.crossfadeSeconds >= 0.0) || !std::isfinite(lead.crossfadeSeconds))
            throw RenderError(name + ": the crossfade must be 0 s or more");
    }
}

std::unique_ptr<SongUnit> unitFor(const std::vector<SetRenderEntry>& set, std::size_t i) {
    const SetRenderEntry& entry = set[i];
    TransportSetup setup;
    setup.timeStretch = entry.tempo != 1.0 || entry.pitchCents != 0.0;
    SongTransition lead = i + 1 < set.size() ? entry.leadOut : SongTransition{};
    auto unit =
        std::make_unique<SongUnit>(*entry.song, *entry.mix, entry.song->sampleRate, lead, setup);
    unit->transport().setTempo(entry.tempo);
    unit->transport().setPitchCents(entry.pitchCents);
    unit->setStartFrame(entry.startFrame);
    if (entry.startFrame > 0) unit->transport().seek(entry.startFrame);
    if (!applyClickSettings(entry.click, unit->transport()))
        throw RenderError(songName(i) + ": invalid time signature for the click");
    if (!entry.cues.empty()) {
        GuideCues& cues = unit->transport().cues();
        cues.publish(entry.cues, entry.song->sampleRate);
        cues.setLevelDb(entry.cueLevelDb);
        cues.setEnabled(true);
    }
    return unit;
}

// Block by block through SetTransport::process, as a device callback; the next song is cued
// (built here, off the render path) as soon as the one before it became current.
template <typename Sink>
bool renderSetBlocks(const std::vector<SetRenderEntry>& set, int blockSize, Sink&& sink) {
    const std::int64_t total = OfflineRenderer::setFrames(set);
    SetTransport player(detail::kRenderChannels);
    player.setPlayOnAfterStop(true);
    player.start(unitFor(set, 0));
    std::size_t nextIndex = 1;
    if (nextIndex < set.size()) player.cue(unitFor(set, nextIndex++));
    player.play();
    std::vector<float> block(static_cast<std::size_t>(blockSize) * detail::kRenderChannels);
    std::int64_t rendered = 0;
    while (rendered < total) {
        {
            const RealtimeScope realtime;
            player.process(block.data(), blockSize, detail::kRenderChannels);
        }
        if (player.consumeSongChanged() && nextIndex < set.size())
            player.cue(unitFor(set, nextIndex++));
        const auto keep = static_cast<int>(std::min<std::int64_t>(blockSize, total - rendered));
        rendered += keep;
        const double done = static_cast<double>(rendered) / static_cast<double>(total);
        if (!sink(block.data(), keep, done)) return false;
    }
    return true;
}

}  // namespace

std::int64_t OfflineRenderer::setFrames(const std::vector<SetRenderEntry>& set) {
    checkSet(set, 1);
    const int rate = set.front().song->sampleRate;
    std::int64_t total = countInOf(set.front());
    for (std::size_t i = 0; i < set.size(); ++i) {
        total += outputFrames(set[i]);
        if (i + 1 == set.size()) break;
        const SongTransition& lead = set[i].leadOut;
        switch (lead.kind) {
            case SongTransition::Kind::Stop:
                total += countInOf(set[i + 1]);
                break;
            case SongTransition::Kind::Gap:
                total += framesOf(lead.gapSeconds, rate);
                break;
            case SongTransition::Kind::Segue:
                break;
            case SongTransition::Kind::Crossfade:
                // Shortened to what both songs allow, as SetTransport plays it.
                total -= crossfadeFrames(set[i], set[i + 1]);
                break;
        }
    }
    return total;
}

std::int64_t OfflineRenderer::crossfadeFrames(const SetRenderEntry& outgoing,
                                              const SetRenderEntry& incoming) {
    return appliedCrossfade(framesOf(outgoing.leadOut.crossfadeSeconds, outgoing.song->sampleRate),
                            outputFrames(outgoing), outputFrames(incoming));
}

std::vector<float> OfflineRenderer::renderSetToBuffer(const std::vector<SetRenderEntry>& set,
                                                      int blockSize) {
    checkSet(set, blockSize);
    std::vector<float> out;
    out.reserve(static_cast<std::size_t>(setFrames(set)) * detail::kRenderChannels);
    renderSetBlocks(set, blockSize, BufferSink(out));
    return out;
}

RenderedFile OfflineRenderer::renderSetToFile(const std::vector<SetRenderEntry>& set,
                                              const std::filesystem::path& file,
                                              const RenderOptions& options) {
    checkSet(set, options.blockSize);
    for (const SetRenderEntry& entry : set) refuseSongFileAsOutput(*entry.song, file);
    const std::int64_t total = setFrames(set);
    const RenderFilePlan plan = planRenderFile(file, options.format, total);
    checkFitsOnDisk(file, plan, freeDiskBytes(file));
    if (options.progress && !options.progress(0.0)) throw RenderError("render cancelled");

    const int rate = set.front().song->sampleRate;
    RenderFileWriter writer(file, plan, rate);
    if (!renderSetBlocks(set, options.blockSize, FileSink(writer, options)))
        throw RenderError("render cancelled");
    writer.commit();
    return {writer.framesWritten(), countInOf(set.front()), rate};
}

}  // namespace stemdeck::audio
