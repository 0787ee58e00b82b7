#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <vector>

#include "stemdeck/audio/click/ClickSettings.h"
#include "stemdeck/audio/click/GuideCues.h"
#include "stemdeck/audio/transport/SongUnit.h"

namespace stemdeck::audio {

struct Song;
class MixControls;

class RenderError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class RenderSampleFormat { Pcm16, Pcm24, Float32 };

struct RenderOptions {
    int blockSize = 256;  // frames per process call, as a device callback would use
    RenderSampleFormat format = RenderSampleFormat::Pcm24;
    // Called from the rendering thread with 0..1 in steps of about 1 %; return false to cancel.
    std::function<bool(double)> progress;
    // Set from any thread (a signal handler too) to cancel: read before every block, so a
    // render stops within one block whatever its length.
    const std::atomic<bool>* cancel = nullptr;

    // Rehearsal settings, rendered through the same Transport as live playback.
    double tempo = 1.0;       // 0.5..1.5, without pitch change
    double pitchCents = 0.0;  // +-1200
    ClickSettings click;      // the metronome (click.enabled) and count-in (click.countInBars)
    // A-B loop in song frames: when loopEnd > loopStart, renders `loops` passes of [A, B) back
    // to back (N * (B - A) frames at tempo 1, N * (B - A) / tempo otherwise) and nothing else.
    std::int64_t loopStart = -1;
    std::int64_t loopEnd = -1;
    int loops = 1;
    bool hasLoop() const { return loopEnd > loopStart && loopStart >= 0; }
};

// What renderToFile wrote.
struct RenderedFile {
    std::int64_t frames = 0;         // stereo frames in the file
    std::int64_t countInFrames = 0;  // of which the count-in, at the start
    int sampleRate = 0;
};

// One song of a set render: the song, its mix, its rehearsal settings, and how it leads into
// the next (the last song's transition has no effect).
struct SetRenderEntry {
    const Song* song = nullptr;
    const MixControls* mix = nullptr;
    double tempo = 1.0;       // 0.5..1.5
    double pitchCents = 0.0;  // +-1200
    ClickSettings click;      // its click; its count-in plays at the set's start and after a stop
    SongTransition leadOut;
    // Where the song starts (a set entry's start marker), in song frames, 0..frames - 1: the
    // transport seeks there before the song plays, as Engine::cueNext does live.
    std::int64_t startFrame = 0;
    // Its spoken guide cues at the song's rate (empty: none), at `cueLevelDb`, as played live
    // (the transport's GuideCues).
    std::vector<GuideCue> cues;
    float cueLevelDb = GuideCues::kDefaultLevelDb;
};

// Renders a song with a given mix through the same Transport::process the audio callback
// uses, block by block. Any thread but the audio thread.
class OfflineRenderer {
  public:
    // Interleaved stereo samples of the whole song.
    static std::vector<float> renderToBuffer(const Song& song, const MixControls& mix,
                                             int blockSize = 256);
    // The same with rehearsal settings (the format and progress fields are ignored).
    static std::vector<float> renderToBuffer(const Song& song, const MixControls& mix,
                                             const RenderOptions& options);
    // WAV (RF64 when it may pass 4 GiB), FLAC, AIFF or Ogg Vorbis, chosen by the file
    // extension (RenderFile.h). FLAC is 24-bit at most. Before anything is written: refuses a
    // file of the song (refuseSongFileAsOutput) and a render the disk has no room for. The
    // audio goes to a hidden temporary file beside `file` that replaces it only once every
    // write succeeded and the file reads back whole; it carries kRenderSoftwareMark. Throws
    // RenderError with a clear one-line message; nothing is left behind then.
    static RenderedFile renderToFile(const Song& song, const MixControls& mix,
                                     const std::filesystem::path& file,
                                     const RenderOptions& options = {});

    // Throws RenderError when writing `output` could destroy a file of `song`: when it is (or
    // resolves, through symlinks, hard links, "..", or another spelling of the same inode, to)
    // a stem, a file the loader skipped or ignored, or any other file of the song folder and
    // its tracks/ subfolder. An earlier stemdeck render (kRenderSoftwareMark) may be replaced.
    // Also refuses a folder as `output`.
    static void refuseSongFileAsOutput(const Song& song, const std::filesystem::path& output);
    // The file of `song` that `output` is or resolves to, as above; none when writing `output`
    // destroys nothing of the song.
    static std::optional<std::filesystem::path> songFileAt(const Song& song,
                                                           const std::filesystem::path& output);

    // A set, song after song, through the same SetTransport and Transport::process as live
    // playback (OfflineSetRender.cpp). Each song has its own mix, tempo, pitch and click; a
    // `stop` plays on at once (with the next song's count-in), `gap` renders gap_s of silence,
    // `segue` nothing between, `crossfade` an equal-power overlap. The songs must share one
    // sample rate. Throws RenderError naming the song (1-based) for bad input.
    static std::vector<float> renderSetToBuffer(const std::vector<SetRenderEntry>& set,
                                                int blockSize = 256);
    // The same to a file (as renderToFile: format by extension, atomic replace, progress and
    // cancel from `options`; its rehearsal fields are ignored: each entry has its own).
    static RenderedFile renderSetToFile(const std::vector<SetRenderEntry>& set,
                                        const std::filesystem::path& file,
                                        const RenderOptions& options = {});
    // Exact output frames of a set render: the songs at their tempo (rounded to the frame),
    // count-ins (the first song's, and after each stop), plus gaps, minus crossfades.
    static std::int64_t setFrames(const std::vector<SetRenderEntry>& set);
    // The crossfade a set render plays from `outgoing` into `incoming`, in output frames: the
    // outgoing entry's crossfade_s, shortened to what both songs allow (CrossfadeRule.h).
    static std::int64_t crossfadeFrames(const SetRenderEntry& outgoing,
                                        const SetRenderEntry& incoming);

    // Frames a render will have (count-in included); within a block of the truth.
    static std::int64_t estimatedFrames(const Song& song, const RenderOptions& options);
};

}  // namespace stemdeck::audio
