#include "stemdeck/audio/loader/FileProbe.h"

#include <fcntl.h>
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "SndFileCloser.h"
#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/loader/LoadMessages.h"
#include "stemdeck/audio/render/RenderMark.h"

namespace stemdeck::audio::loader {

namespace fs = std::filesystem;

namespace {

// Bytes per sample of an uncompressed encoding, 0 for compressed ones.
int uncompressedSampleBytes(int format) {
    switch (format & SF_FORMAT_SUBMASK) {
        case SF_FORMAT_PCM_S8:
        case SF_FORMAT_PCM_U8:
        case SF_FORMAT_ULAW:
        case SF_FORMAT_ALAW:
            return 1;
        case SF_FORMAT_PCM_16:
            return 2;
        case SF_FORMAT_PCM_24:
            return 3;
        case SF_FORMAT_PCM_32:
        case SF_FORMAT_FLOAT:
            return 4;
        case SF_FORMAT_DOUBLE:
            return 8;
        default:
            return 0;
    }
}

// Bits per sample of an integer encoding, 0 for float and lossy ones.
int integerBits(int format) {
    switch (format & SF_FORMAT_SUBMASK) {
        case SF_FORMAT_PCM_S8:
        case SF_FORMAT_PCM_U8:
        case SF_FORMAT_ULAW:
        case SF_FORMAT_ALAW:
            return 8;
        case SF_FORMAT_PCM_16:
            return 16;
        case SF_FORMAT_PCM_24:
            return 24;
        case SF_FORMAT_PCM_32:
            return 32;
        default:
            return 0;
    }
}

StemCodec codecOf(int format) {
    switch (format & SF_FORMAT_TYPEMASK) {
        case SF_FORMAT_FLAC:
            return StemCodec::Flac;
        case SF_FORMAT_MPEG:
            return StemCodec::Mpeg;
        case SF_FORMAT_OGG:
            if ((format & SF_FORMAT_SUBMASK) == SF_FORMAT_VORBIS) return StemCodec::Vorbis;
            if ((format & SF_FORMAT_SUBMASK) == SF_FORMAT_OPUS) return StemCodec::Opus;
            return StemCodec::OtherCompressed;
        default:
            return uncompressedSampleBytes(format) ? StemCodec::Uncompressed
                                                   : StemCodec::OtherCompressed;
    }
}

bool isRender(SNDFILE* sf) {
    const char* software = sf_get_string(sf, SF_STR_SOFTWARE);
    return software && std::string_view(software).starts_with(kRenderSoftwareMark);
}

struct LengthProblem {
    std::string why;
    FileProblem problem;
};

// The header's length, bounded by what the file can hold; or why the file has no usable audio.
std::optional<LengthProblem> checkLength(const SF_INFO& info, StemCodec codec,
                                         std::uint64_t fileBytes, std::int64_t& frames) {
    const LengthProblem empty{"no audio (0 frames)", FileProblem::Empty};
    frames = info.frames;
    if (info.frames == SF_COUNT_MAX) {
        // FLAC written as a stream (total_samples = 0) and MP3 may not know their length:
        // decoding finds it. For others an unknown length means the end of the file is gone.
        if (codec != StemCodec::Flac && codec != StemCodec::Mpeg)
            return LengthProblem{"length unknown (damaged or cut short?)", FileProblem::NotAudio};
        frames = 0;
        return std::nullopt;
    }
    if (info.frames <= 0) return empty;
    if (codec == StemCodec::Uncompressed) {
        const auto sampleBytes = static_cast<std::uint64_t>(uncompressedSampleBytes(info.format));
        const auto fits = fileBytes / (static_cast<std::uint64_t>(info.channels) * sampleBytes);
        if (fits == 0) return empty;
        frames = std::min(info.frames, static_cast<std::int64_t>(fits));
    }
    return std::nullopt;
}

}  // namespace

std::variant<StemProbe, ProbeRejection> probeFile(const fs::path& file, const fs::path& folder) {
    const std::string name = displayName(file, folder);
    const auto skipped = [&](const std::string& why, FileProblem problem) {
        return ProbeRejection{name + ": " + why + "; skipped", false, problem};
    };
    SF_INFO info{};
    const std::unique_ptr<SNDFILE, SndFileCloser> sf(sf_open(file.c_str(), SFM_READ, &info));
    if (!sf)
        return skipped("cannot read: " + sndfileReason(sf_strerror(nullptr), file),
                       // The effective ids (AT_EACCESS) are the ones sf_open used; access() asks
                       // for the real ones.
                       ::faccessat(AT_FDCWD, file.c_str(), R_OK, AT_EACCESS) != 0
                           ? FileProblem::Unreadable
                           : FileProblem::NotAudio);
    // Read here, with the header: a render saved into the song must never become a stem.
    if (isRender(sf.get()))
        return ProbeRejection{name + ": a mix rendered by stemdeck, not a stem; ignored", true};
    if (info.channels <= 0)
        return skipped("invalid header (" + std::to_string(info.channels) + " channels)",
                       FileProblem::NotAudio);
    if (!limits::sampleRateInRange(info.samplerate))
        return skipped("sample rate " + std::to_string(info.samplerate) + " Hz is outside " +
                           std::to_string(limits::kMinSampleRate) + "\u2013" +
                           std::to_string(limits::kMaxSampleRate) + " Hz",
                       FileProblem::UnsupportedRate);
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    StemProbe probe;
    probe.file = file;
    probe.name = file.stem().string();
    probe.channels = info.channels;
    probe.sampleRate = info.samplerate;
    probe.codec = codecOf(info.format);
    probe.integerBits = integerBits(info.format);
    probe.fileBytes = ec ? 0 : size;
    if (const auto problem = checkLength(info, probe.codec, probe.fileBytes, probe.frames))
        return skipped(problem->why, problem->problem);
    return probe;
}

}  // namespace stemdeck::audio::loader
