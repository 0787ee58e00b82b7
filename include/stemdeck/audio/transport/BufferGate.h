#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace stemdeck::audio {

struct Song;
class StemAudio;
class RenderPipeline;

// Whether the transport must wait for audio that is still being decoded (progressive loading:
// a song is handed over while background threads append its stems, publishing each with a
// watermark). Playing through it would play silence where the song has music, so the transport
// fades out and buffers instead (TransportControl's Buffering state).
//
// Starved when the lowest watermark among the stems still decoding is short of the frames the
// mix reads next: min(end, read position + kStarveLead). The read position is where the
// chains read the song (ahead of the heard position while a stretcher is engaged); the lead
// covers what a chunk reads at the highest tempo, the stretcher's look-ahead and the fade-out.
// Once starved, it stays so until min(end, read position + kResumeLead) is decoded or no stem
// is decoding any more: a decoder slower than playback buffers about once a second rather than
// every chunk. The end is the song's length (or the loop's end while reading inside the loop):
// a stem still decoding past it keeps nothing waiting.
//
// A whole song (no stem decoding) costs one branch per call: the audio thread caches that every
// stem has stopped decoding (a stem never starts again once handed over).
class BufferGate {
  public:
    static constexpr double kStarveLeadSeconds = 0.25;  // of output, at the highest tempo
    static constexpr double kResumeLeadSeconds = 1.0;   // of output, at the highest tempo
    static constexpr double kLookAheadSeconds = 0.1;    // a stretcher's window and feed, and more

    // Control thread, while no audio thread calls starved(). `song` outlives the use.
    void prepare(const Song* song, int sampleRate);

    // Audio thread: whether the audio `pipeline` reads next is not decoded yet (with the
    // hysteresis above). Inline: asked for every chunk while playing.
    bool starved(const RenderPipeline& pipeline) noexcept { return !allWhole_ && judge(pipeline); }
    // Audio thread: every stem was seen whole (starved() is false from then on).
    bool whole() const noexcept { return allWhole_; }
    // Audio thread: whether the song is decoded far enough from `frame` on to play there (the
    // starve lead, or to the end). True for a whole song.
    bool readyAt(std::int64_t frame) noexcept { return allWhole_ || judgeAt(frame); }
    // Song frames a chunk of `outputFrames` may read, at the highest tempo with the look-ahead.
    std::int64_t reach(int outputFrames) const noexcept;
    // Any thread: song frames a lead of `seconds` of output reads at the highest tempo, with
    // the look-ahead (the starve and resume leads at `sampleRate`).
    static std::int64_t leadFrames(double seconds, int sampleRate) noexcept;

  private:
    bool judge(const RenderPipeline& pipeline) noexcept;
    bool judgeAt(std::int64_t frame) noexcept;
    // The least a stem still decoding has ready from `from` on (StemAudio::readyFrom), or
    // kNoneDecoding when no stem decodes any more.
    static constexpr std::int64_t kNoneDecoding = std::numeric_limits<std::int64_t>::max();
    std::int64_t lowestReadyFrom(std::int64_t from) const noexcept;

    std::vector<const StemAudio*> stems_;
    std::int64_t starveLead_ = 0, resumeLead_ = 0, lookAhead_ = 0;
    std::int64_t length_ = 0;  // the song's frames
    bool allWhole_ = true;     // audio thread: no stem decoding (cached once seen)
    bool starved_ = false;     // audio thread: the last judgement (for the hysteresis)
};

}  // namespace stemdeck::audio
