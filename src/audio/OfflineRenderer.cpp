#include "stemdeck/audio/OfflineRenderer.h"

#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <string>
#include <system_error>

#include "SampleRateCheck.h"
#include "stemdeck/audio/Limits.h"
#include "stemdeck/audio/MixControls.h"
#include "stemdeck/audio/Song.h"
#include "stemdeck/audio/Transport.h"
#include "stemdeck/audio/rehearsal/LoopPlayer.h"
#include "stemdeck/audio/rehearsal/TimeStretcher.h"

namespace stemdeck::audio {

namespace {

constexpr int kChannels = 2;
// Progress is reported in steps of at least this much, so a GUI is not flooded.
constexpr double kProgressStep = 0.01;

std::string lowerExtension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

int pcmSubtype(RenderSampleFormat format) {
    switch (format) {
        case RenderSampleFormat::Pcm16:
            return SF_FORMAT_PCM_16;
        case RenderSampleFormat::Pcm24:
            return SF_FORMAT_PCM_24;
        case RenderSampleFormat::Float32:
            return SF_FORMAT_FLOAT;
    }
    return SF_FORMAT_PCM_24;
}

// The libsndfile format for a file name, or RenderError for one we do not write.
// libsndfile reports open failures as "System error : <strerror>."; errno says it plainly.
std::string systemReason() {
    return errno != 0 ? std::generic_category().message(errno) : sf_strerror(nullptr);
}

int sndfileFormat(const std::filesystem::path& file, RenderSampleFormat format) {
    const std::string ext = lowerExtension(file);
    if (ext == ".wav") return SF_FORMAT_WAV | pcmSubtype(format);
    if (ext == ".aif" || ext == ".aiff") return SF_FORMAT_AIFF | pcmSubtype(format);
    if (ext == ".flac") {
        // FLAC holds integers only: a float request gets the best it can do.
        const auto sub = format == RenderSampleFormat::Pcm16 ? SF_FORMAT_PCM_16 : SF_FORMAT_PCM_24;
        return SF_FORMAT_FLAC | sub;
    }
    if (ext == ".ogg") return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    throw RenderError("unsupported output format '" + ext + "' (use .wav or .flac)");
}

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
    std::vector<float> block(static_cast<std::size_t>(blockSize) * kChannels);
    std::int64_t rendered = 0;
    for (;;) {
        transport.process(block.data(), blockSize, kChannels);
        const auto keep = static_cast<int>(std::min<std::int64_t>(blockSize, total - rendered));
        rendered += keep;
        const bool finished = rendered >= total;
        const double done = finished ? 1.0 : std::min(0.999, rendered / std::max(1.0, expected));
        if (!sink(block.data(), keep, done)) return false;
        if (finished) return true;
    }
}

// A sound file being written: closed on destruction. Errors name `target`, the file the
// user asked for, not the temporary one being written.
class SoundFileWriter {
  public:
    SoundFileWriter(const std::filesystem::path& file, const std::filesystem::path& target,
                    int format, int sampleRate) {
        SF_INFO info{};
        info.samplerate = sampleRate;
        info.channels = kChannels;
        info.format = format;
        if (!sf_format_check(&info))
            throw RenderError("cannot write this sample format to " + target.filename().string());
        errno = 0;
        sf_ = sf_open(file.c_str(), SFM_WRITE, &info);
        if (!sf_) throw RenderError("cannot create " + target.string() + ": " + systemReason());
        // Integer formats clip instead of wrapping, should a sample ever reach full scale.
        sf_command(sf_, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    }
    ~SoundFileWriter() {
        if (sf_) sf_close(sf_);
    }
    SoundFileWriter(const SoundFileWriter&) = delete;
    SoundFileWriter& operator=(const SoundFileWriter&) = delete;

    void write(const float* interleaved, int frames) {
        if (sf_writef_float(sf_, interleaved, frames) != frames)
            throw RenderError(std::string("write failed: ") + sf_strerror(sf_));
    }
    void close() {
        const int err = sf_close(sf_);
        sf_ = nullptr;
        if (err != 0) throw RenderError(std::string("write failed: ") + sf_error_number(err));
    }

  private:
    SNDFILE* sf_ = nullptr;
};

// A hidden file beside the target that becomes the target only when complete, so a failed
// or cancelled render never leaves a partial file under the requested name.
class TemporaryFile {
  public:
    explicit TemporaryFile(const std::filesystem::path& target) : target_(target) {
        static std::atomic<unsigned> counter{0};
        path_ =
            target.parent_path() / ("." + target.filename().string() + ".partial-" +
                                    std::to_string(::getpid()) + "-" + std::to_string(counter++));
    }
    ~TemporaryFile() {
        std::error_code ignored;
        if (!committed_) std::filesystem::remove(path_, ignored);
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    const std::filesystem::path& path() const { return path_; }
    void commit() {
        std::error_code ec;
        std::filesystem::rename(path_, target_, ec);
        if (ec) throw RenderError("cannot write " + target_.string() + ": " + ec.message());
        committed_ = true;
    }

  private:
    std::filesystem::path target_;
    std::filesystem::path path_;
    bool committed_ = false;
};

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
    out.reserve(static_cast<std::size_t>(song.frames) * kChannels);
    renderBlocks(song, mix, options, [&out](const float* block, int frames, double) {
        out.insert(out.end(), block, block + static_cast<std::ptrdiff_t>(frames) * kChannels);
        return true;
    });
    return out;
}

void OfflineRenderer::renderToFile(const Song& song, const MixControls& mix,
                                   const std::filesystem::path& file,
                                   const RenderOptions& options) {
    const int format = sndfileFormat(file, options.format);
    checkInputs(song, mix, options);
    if (options.progress && !options.progress(0.0)) throw RenderError("render cancelled");

    TemporaryFile temp(file);
    {
        SoundFileWriter writer(temp.path(), file, format, song.sampleRate);
        double reported = 0.0;
        const bool complete =
            renderBlocks(song, mix, options, [&](const float* block, int frames, double done) {
                writer.write(block, frames);
                const bool due =
                    done > reported && (done >= 1.0 || done - reported >= kProgressStep);
                if (!options.progress || !due) return true;
                reported = done;
                return options.progress(done);
            });
        if (!complete) throw RenderError("render cancelled");
        writer.close();
    }
    temp.commit();
}

}  // namespace stemdeck::audio
