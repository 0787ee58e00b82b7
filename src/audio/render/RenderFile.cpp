#include "stemdeck/audio/render/RenderFile.h"

#include <sndfile.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <memory>

#include "RenderSupport.h"
#include "stemdeck/audio/core/ByteSize.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/render/RenderMark.h"

namespace stemdeck::audio {

namespace {

// The header and the software string of a WAV or AIFF file: a few hundred bytes.
constexpr std::uint64_t kHeaderBytes = 1024;
// Compressed sizes, kept on the low side: the disk check must not refuse a render that would
// have fitted (the writes are checked anyway). FLAC of music is 50-70 % of its PCM (less for
// sparse or quiet songs); Vorbis at libsndfile's default quality is 5-9 % of 16-bit PCM.
constexpr double kFlacRatio = 0.4;
constexpr double kVorbisRatio = 0.05;

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

std::uint64_t bytesPerSample(int subtype) {
    switch (subtype) {
        case SF_FORMAT_PCM_16:
            return 2;
        case SF_FORMAT_PCM_24:
            return 3;
        default:
            return 4;
    }
}

std::uint64_t scaled(std::uint64_t bytes, double ratio) {
    return static_cast<std::uint64_t>(static_cast<double>(bytes) * ratio);
}

}  // namespace

RenderFilePlan planRenderFile(const std::filesystem::path& file, RenderSampleFormat format,
                              std::int64_t frames) {
    const std::string ext = lowerExtension(file);
    const std::uint64_t samples = static_cast<std::uint64_t>(std::max<std::int64_t>(frames, 0)) *
                                  static_cast<std::uint64_t>(detail::kRenderChannels);
    RenderFilePlan plan;
    const int subtype = pcmSubtype(format);
    const std::uint64_t pcmBytes = samples * bytesPerSample(subtype);
    if (ext == ".wav") {
        plan.estimatedBytes = pcmBytes + kHeaderBytes;
        const bool big = pcmBytes > render_limits::kRf64Above;
        plan.container = big ? RenderContainer::Rf64 : RenderContainer::Wav;
        plan.sndfileFormat = (big ? SF_FORMAT_RF64 : SF_FORMAT_WAV) | subtype;
    } else if (ext == ".aif" || ext == ".aiff") {
        plan.estimatedBytes = pcmBytes + kHeaderBytes;
        plan.container = RenderContainer::Aiff;
        plan.sndfileFormat = SF_FORMAT_AIFF | subtype;
        if (pcmBytes > render_limits::kRf64Above)
            throw RenderError(file.string() + " would be about " + byteSizeText(pcmBytes) +
                              ", more than an AIFF file can hold (4 GB); use .wav or .flac");
    } else if (ext == ".flac") {
        // FLAC holds integers only: a float request gets the best it can do.
        const int sub = format == RenderSampleFormat::Pcm16 ? SF_FORMAT_PCM_16 : SF_FORMAT_PCM_24;
        plan.container = RenderContainer::Flac;
        plan.sndfileFormat = SF_FORMAT_FLAC | sub;
        plan.estimatedBytes = scaled(samples * bytesPerSample(sub), kFlacRatio);
        plan.exactEstimate = false;
    } else if (ext == ".ogg") {
        plan.container = RenderContainer::OggVorbis;
        plan.sndfileFormat = SF_FORMAT_OGG | SF_FORMAT_VORBIS;
        plan.estimatedBytes = scaled(samples * 2, kVorbisRatio);
        plan.exactEstimate = false;
    } else {
        throw RenderError("unsupported output format '" + ext + "' (use .wav or .flac)");
    }
    return plan;
}

RenderFilePlan planRenderFile(const Song& song, const std::filesystem::path& file,
                              const RenderOptions& options) {
    return planRenderFile(file, options.format, OfflineRenderer::estimatedFrames(song, options));
}

void checkFitsOnDisk(const std::filesystem::path& file, const RenderFilePlan& plan,
                     std::optional<std::uint64_t> freeBytes) {
    if (!freeBytes || plan.estimatedBytes <= *freeBytes) return;
    throw RenderError("not enough disk space for " + file.string() + ": the render needs " +
                      (plan.exactEstimate ? "" : "about ") + byteSizeText(plan.estimatedBytes) +
                      " but only " + byteSizeText(*freeBytes) + " is free");
}

std::optional<std::uint64_t> freeDiskBytes(const std::filesystem::path& file) {
    std::filesystem::path folder = file.parent_path();
    if (folder.empty()) folder = ".";
    struct statvfs fs {};
    if (::statvfs(folder.c_str(), &fs) != 0) return std::nullopt;
    return static_cast<std::uint64_t>(fs.f_bavail) * static_cast<std::uint64_t>(fs.f_frsize);
}

bool carriesRenderMark(const std::filesystem::path& file) {
    SF_INFO info{};
    const std::unique_ptr<SNDFILE, int (*)(SNDFILE*)> sf(sf_open(file.c_str(), SFM_READ, &info),
                                                         sf_close);
    if (!sf) return false;
    const char* software = sf_get_string(sf.get(), SF_STR_SOFTWARE);
    return software && std::string_view(software).starts_with(kRenderSoftwareMark);
}

}  // namespace stemdeck::audio
