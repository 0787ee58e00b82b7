#include "stemdeck/audio/StemLoader.h"

#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <thread>
#include <variant>

#include "stemdeck/audio/ChannelDownmix.h"
#include "stemdeck/audio/StemPeaks.h"

namespace stemdeck::audio {

namespace fs = std::filesystem;

namespace {

constexpr sf_count_t kChunkFrames = 8192;
// Compressed formats hold far more samples than bytes (FLAC stores digital silence at ~400
// samples per byte), but not this many: a header claiming more is garbage, and trusting it
// would reserve gigabytes.
constexpr std::uint64_t kMaxSamplesPerByte = 4096;

// ---------------------------------------------------------------------------------------------
// Names and classification

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool isDigit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// <0, 0, >0 like strcmp, but case-insensitive and with digit runs compared as numbers.
int naturalCompare(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            const std::size_t i0 = i, j0 = j;
            while (i < a.size() && isDigit(a[i])) ++i;
            while (j < b.size() && isDigit(b[j])) ++j;
            auto na = a.substr(i0, i - i0), nb = b.substr(j0, j - j0);
            na.remove_prefix(std::min(na.find_first_not_of('0'), na.size()));
            nb.remove_prefix(std::min(nb.find_first_not_of('0'), nb.size()));
            if (na.size() != nb.size()) return na.size() < nb.size() ? -1 : 1;
            if (const int c = na.compare(nb)) return c;
            continue;
        }
        const int ca = std::tolower(static_cast<unsigned char>(a[i++]));
        const int cb = std::tolower(static_cast<unsigned char>(b[j++]));
        if (ca != cb) return ca < cb ? -1 : 1;
    }
    if (i < a.size()) return 1;
    return j < b.size() ? -1 : 0;
}

// How a file is named in messages: relative to the song folder ("tracks/drums.wav").
std::string displayName(const fs::path& file, const fs::path& folder) {
    const auto rel = file.lexically_relative(folder);
    return rel.empty() ? file.filename().string() : rel.generic_string();
}

// Peak and analysis caches that audio editors leave next to the audio are listed last.
constexpr std::array kNonAudioExtensions = {
    ".json", ".lrc",  ".txt",  ".md",  ".pdf",  ".jpg", ".jpeg", ".png",     ".gif",
    ".mid",  ".midi", ".xml",  ".csv", ".ini",  ".cfg", ".log",  ".zip",     ".doc",
    ".docx", ".rtf",  ".html", ".htm", ".webp", ".bmp", ".svg",  ".cue",     ".m3u",
    ".m3u8", ".nfo",  ".yaml", ".yml", ".asd",  ".pk",  ".sfk",  ".reapeaks"};

// Why a file is skipped without trying to decode it, or nullopt when it may be audio.
std::optional<std::string> quietSkipReason(const fs::path& file) {
    const std::string name = file.filename().string();
    if (name.starts_with('.')) return "hidden file";
    const std::string lname = lower(name);
    const std::string ext = lower(file.extension().string());
    if (lname.starts_with("stemdeck") || ext == ".stemdeck") return "stemdeck's own file";
    if (std::ranges::find(kNonAudioExtensions, ext) != kNonAudioExtensions.end())
        return "not an audio file";
    return std::nullopt;
}

bool isMixName(const fs::path& file) {
    const std::string stem = lower(file.stem().string());
    return stem == "master" || stem == "mix";
}

// libsndfile's messages, made to fit in the middle of one line: "Error : lost sync." -> "lost
// sync", "System error : Permission denied." -> "Permission denied".
std::string tidyReason(std::string s) {
    for (const std::string_view prefix : {"Error : ", "System error : "})
        if (s.starts_with(prefix)) s.erase(0, prefix.size());
    while (!s.empty() && (s.back() == '.' || std::isspace(static_cast<unsigned char>(s.back()))))
        s.pop_back();
    return s;
}

std::string secondsText(std::int64_t frames, int rate) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f s", static_cast<double>(frames) / rate);
    return text;
}

std::string formatBytes(std::uint64_t bytes) {
    constexpr std::array units = {"kB", "MB", "GB", "TB"};
    if (bytes < 1000) return std::to_string(bytes) + " bytes";
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    for (value /= 1000.0; value >= 1000.0 && unit + 1 < units.size(); value /= 1000.0) ++unit;
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
    return text;
}

// ---------------------------------------------------------------------------------------------
// Listing and probing

// Regular files directly inside `dir` (symlinks followed), in no particular order.
std::vector<fs::path> listFiles(const fs::path& dir, std::error_code& ec) {
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code typeError;
        if (it->is_regular_file(typeError)) files.push_back(it->path());
    }
    return files;
}

struct SndFileCloser {
    void operator()(SNDFILE* file) const { sf_close(file); }
};
using SndFilePtr = std::unique_ptr<SNDFILE, SndFileCloser>;

// Bytes per sample of an uncompressed encoding, 0 for compressed ones.
int uncompressedSampleBytes(int format) {
    const int major = format & SF_FORMAT_TYPEMASK;
    if (major == SF_FORMAT_FLAC || major == SF_FORMAT_OGG || major == SF_FORMAT_MPEG) return 0;
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

// The header's frame count, bounded by what a file of this size can hold, or an error.
std::variant<std::int64_t, std::string> plausibleFrames(const SF_INFO& info,
                                                        std::uint64_t fileBytes) {
    if (info.frames <= 0) return std::string("no audio (0 frames)");
    if (info.frames == SF_COUNT_MAX) return std::string("length unknown (damaged or cut short?)");
    if (info.channels <= 0 || info.samplerate <= 0)
        return "invalid header (" + std::to_string(info.channels) + " channels, " +
               std::to_string(info.samplerate) + " Hz)";
    const auto channels = static_cast<std::uint64_t>(info.channels);
    if (const int sampleBytes = uncompressedSampleBytes(info.format)) {
        const auto fits = fileBytes / (channels * static_cast<std::uint64_t>(sampleBytes));
        if (fits == 0) return std::string("no audio (0 frames)");
        return std::min(info.frames, static_cast<std::int64_t>(fits));
    }
    if (static_cast<std::uint64_t>(info.frames) > fileBytes * kMaxSamplesPerByte / channels)
        return "header claims " + std::to_string(info.frames) + " frames, impossible for a " +
               formatBytes(fileBytes) + " file";
    return static_cast<std::int64_t>(info.frames);
}

// Opens the file's header. Single-threaded only: sf_strerror(nullptr) reads global state.
std::variant<StemProbe, std::string> probeFile(const fs::path& file, const fs::path& folder) {
    const std::string name = displayName(file, folder);
    SF_INFO info{};
    const SndFilePtr sf(sf_open(file.c_str(), SFM_READ, &info));
    if (!sf) return name + ": cannot read: " + tidyReason(sf_strerror(nullptr)) + "; skipped";
    std::error_code ec;
    const auto fileBytes = fs::file_size(file, ec);
    const auto frames = plausibleFrames(info, ec ? 0 : fileBytes);
    if (const auto* problem = std::get_if<std::string>(&frames))
        return name + ": " + *problem + "; skipped";
    StemProbe probe;
    probe.file = file;
    probe.name = file.stem().string();
    probe.channels = info.channels;
    probe.sampleRate = info.samplerate;
    probe.frames = std::get<std::int64_t>(frames);
    return probe;
}

bool stemOrder(const StemProbe& a, const StemProbe& b) {
    if (const int c = naturalCompare(a.name, b.name)) return c < 0;
    if (a.name != b.name) return a.name < b.name;
    return a.file < b.file;  // same name: order by extension and folder
}

// "drums.wav" and "drums.flac" become "drums (wav)" and "drums (flac)"; a name still taken
// twice (same file name in the folder and in tracks/) is numbered.
void makeNamesUnique(std::vector<StemProbe>& probes) {
    std::map<std::string, int> count;
    for (const auto& p : probes) ++count[p.name];
    for (auto& p : probes) {
        const std::string ext = lower(p.file.extension().string());
        if (count[p.name] > 1 && !ext.empty()) p.name += " (" + ext.substr(1) + ")";
    }
    std::map<std::string, int> seen;
    for (auto& p : probes)
        if (const int n = ++seen[p.name]; n > 1) p.name += " " + std::to_string(n);
}

// ---------------------------------------------------------------------------------------------
// Decoding

struct Cancelled {};

Speaker speakerOf(int sfChannel) {
    switch (sfChannel) {
        case SF_CHANNEL_MAP_MONO:
            return Speaker::Mono;
        case SF_CHANNEL_MAP_LEFT:
        case SF_CHANNEL_MAP_FRONT_LEFT:
            return Speaker::Left;
        case SF_CHANNEL_MAP_RIGHT:
        case SF_CHANNEL_MAP_FRONT_RIGHT:
            return Speaker::Right;
        case SF_CHANNEL_MAP_CENTER:
        case SF_CHANNEL_MAP_FRONT_CENTER:
            return Speaker::Center;
        case SF_CHANNEL_MAP_REAR_CENTER:
            return Speaker::RearCenter;
        case SF_CHANNEL_MAP_REAR_LEFT:
            return Speaker::LeftSurround;
        case SF_CHANNEL_MAP_REAR_RIGHT:
            return Speaker::RightSurround;
        case SF_CHANNEL_MAP_LFE:
            return Speaker::Lfe;
        case SF_CHANNEL_MAP_FRONT_LEFT_OF_CENTER:
            return Speaker::LeftOfCenter;
        case SF_CHANNEL_MAP_FRONT_RIGHT_OF_CENTER:
            return Speaker::RightOfCenter;
        case SF_CHANNEL_MAP_SIDE_LEFT:
            return Speaker::LeftSide;
        case SF_CHANNEL_MAP_SIDE_RIGHT:
            return Speaker::RightSide;
        case SF_CHANNEL_MAP_TOP_CENTER:
            return Speaker::TopCenter;
        case SF_CHANNEL_MAP_TOP_FRONT_LEFT:
            return Speaker::TopFrontLeft;
        case SF_CHANNEL_MAP_TOP_FRONT_RIGHT:
            return Speaker::TopFrontRight;
        case SF_CHANNEL_MAP_TOP_FRONT_CENTER:
            return Speaker::TopFrontCenter;
        case SF_CHANNEL_MAP_TOP_REAR_LEFT:
            return Speaker::TopRearLeft;
        case SF_CHANNEL_MAP_TOP_REAR_RIGHT:
            return Speaker::TopRearRight;
        case SF_CHANNEL_MAP_TOP_REAR_CENTER:
            return Speaker::TopRearCenter;
        default:
            return Speaker::Unknown;
    }
}

// The file's own channel map when it has one (WAVEFORMATEXTENSIBLE mask, CAF layout, ...),
// else the default layout for its channel count.
DownmixMatrix downmixFor(SNDFILE* sf, int channels) {
    std::vector<int> map(static_cast<std::size_t>(channels));
    const int bytes = static_cast<int>(map.size() * sizeof(int));
    if (sf_command(sf, SFC_GET_CHANNEL_MAP_INFO, map.data(), bytes) != SF_TRUE)
        return downmixMatrix(channels);
    std::vector<Speaker> layout;
    for (int c : map) layout.push_back(speakerOf(c));
    return downmixMatrix(layout);
}

void zeroNonFinite(float* samples, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i)
        if (!std::isfinite(samples[i])) samples[i] = 0.0f;
}

// Decodes one file chunk by chunk into buffers sized from its header, downmixing and
// resampling on the way. Throws on any failure; Cancelled when a cancel is requested.
class StemDecoder {
  public:
    StemDecoder(const StemProbe& probe, int targetRate, ResampleQuality quality)
        : probe_(probe), targetRate_(targetRate), outChannels_(probe.channels == 1 ? 1 : 2) {
        SF_INFO info{};
        sf_.reset(sf_open(probe.file.c_str(), SFM_READ, &info));
        // Report without sf_strerror(nullptr): its global state is shared by all threads.
        if (!sf_) throw std::runtime_error("cannot open it any more");
        if (info.channels != probe.channels || info.samplerate != probe.sampleRate)
            throw std::runtime_error("it changed while loading");
        const auto chunk = static_cast<std::size_t>(kChunkFrames);
        interleaved_.resize(chunk * static_cast<std::size_t>(probe.channels));
        if (probe.channels > 2) {
            downmix_ = downmixFor(sf_.get(), probe.channels);
            stereo_.resize(2 * chunk);
        }
        if (probe.sampleRate != targetRate)
            resampler_ =
                std::make_unique<Resampler>(outChannels_, probe.sampleRate, targetRate, quality);
        allocateOutput();
    }

    // `reported` counts the source frames added to `progress`, also when this throws.
    Stem run(LoadProgress& progress, std::int64_t& reported) {
        std::int64_t decoded = 0;
        while (decoded < probe_.frames) {
            if (progress.cancelRequested()) throw Cancelled{};
            const auto got = sf_readf_float(sf_.get(), interleaved_.data(),
                                            std::min(kChunkFrames, probe_.frames - decoded));
            if (got <= 0) break;
            convertChunk(static_cast<std::size_t>(got));
            decoded += got;
            progress.addFrames(got);
            reported += got;
        }
        if (decoded < probe_.frames && sf_error(sf_.get()) != SF_ERR_NO_ERROR)
            throw std::runtime_error("failed at " + secondsText(decoded, probe_.sampleRate) + ": " +
                                     tidyReason(sf_strerror(sf_.get())));
        if (decoded == 0) throw std::runtime_error("no audio could be decoded");
        finish(decoded);
        return std::move(stem_);
    }

  private:
    void allocateOutput() {
        stem_.name = probe_.name;
        stem_.file = probe_.file;
        stem_.sourceChannels = probe_.channels;
        stem_.sourceRate = probe_.sampleRate;
        stem_.sourceFrames = probe_.frames;
        stem_.resampled = resampler_ != nullptr;
        const auto frames = static_cast<std::size_t>(probe_.frames);
        capacity_ = stem_.resampled
                        ? Resampler::outputFrames(frames, probe_.sampleRate, targetRate_)
                        : frames;
        stem_.channels.resize(static_cast<std::size_t>(outChannels_));
        for (auto& channel : stem_.channels) channel.resize(capacity_);
    }

    // The chunk in interleaved_ -> mono or interleaved stereo -> (resampler) -> stem buffers.
    void convertChunk(std::size_t frames) {
        zeroNonFinite(interleaved_.data(), frames * static_cast<std::size_t>(probe_.channels));
        const float* out = interleaved_.data();
        if (!stereo_.empty()) {
            downmixToStereo(downmix_, out, frames, stereo_.data());
            out = stereo_.data();
        }
        if (resampler_)
            resampler_->process(out, frames, false, storeInto());
        else
            store(out, frames);
    }

    Resampler::Sink storeInto() {
        return [this](const float* frames, std::size_t count) { store(frames, count); };
    }

    // Appends interleaved output frames to the planar stem buffers. Frames beyond the buffers
    // (a resampler's rounding) are dropped: the buffers already have the intended length.
    void store(const float* frames, std::size_t count) {
        const std::size_t n = std::min(count, capacity_ - written_);
        if (outChannels_ == 1) {
            std::copy_n(frames, n, stem_.channels[0].data() + written_);
        } else {
            float* left = stem_.channels[0].data() + written_;
            float* right = stem_.channels[1].data() + written_;
            for (std::size_t f = 0; f < n; ++f) {
                left[f] = frames[2 * f];
                right[f] = frames[2 * f + 1];
            }
        }
        written_ += n;
    }

    // Flushes the resampler and fixes the length: the decoded frames, or exactly
    // round(decoded * target / source) when resampled (a short filter tail stays zero).
    void finish(std::int64_t decoded) {
        std::size_t length = static_cast<std::size_t>(decoded);
        if (resampler_) {
            resampler_->process(nullptr, 0, true, storeInto());
            length = Resampler::outputFrames(length, probe_.sampleRate, targetRate_);
        }
        // Never grows: `decoded` is at most the header's count the buffers were sized for.
        for (auto& channel : stem_.channels) channel.resize(length);
    }

    const StemProbe& probe_;
    const int targetRate_;
    const int outChannels_;  // 1 for mono files, else 2
    SndFilePtr sf_;
    DownmixMatrix downmix_;
    std::unique_ptr<Resampler> resampler_;
    std::vector<float> interleaved_;  // one chunk as read from the file
    std::vector<float> stereo_;       // the chunk downmixed, for files with more than 2 channels
    std::size_t capacity_ = 0;        // frames the stem buffers hold
    std::size_t written_ = 0;         // frames stored so far
    Stem stem_;
};

struct Outcome {
    std::optional<Stem> stem;  // empty when the stem failed or was cancelled
    bool outOfMemory = false;
    std::string reason;  // why it failed; empty when even the message could not be built
};

// Never throws: a worker's exception must not reach std::thread (std::terminate).
Outcome decodeOne(const StemProbe& probe, int targetRate, ResampleQuality quality,
                  LoadProgress& progress) noexcept {
    Outcome outcome;
    std::int64_t reported = 0;
    try {
        outcome.stem = StemDecoder(probe, targetRate, quality).run(progress, reported);
        if (outcome.stem) computePeaks(*outcome.stem);
    } catch (const Cancelled&) {  // load() reports the cancel for the whole song
    } catch (const std::bad_alloc&) {
        outcome.outOfMemory = true;
    } catch (const std::exception& e) {
        try {
            outcome.reason = e.what();
        } catch (...) {  // no memory left for the message: report it without one
        }
    } catch (...) {
    }
    // Failed or cancelled stems count as done so the progress still reaches 1.
    if (reported < probe.frames) progress.addFrames(probe.frames - reported);
    progress.stemFinished();
    return outcome;
}

// Runs `work` on `count` threads, or fewer if the system refuses to start more, and waits.
void runOnWorkers(unsigned count, const std::function<void()>& work) {
    std::vector<std::thread> threads;
    try {
        threads.reserve(count);
        for (unsigned i = 0; i < count; ++i) threads.emplace_back(work);
    } catch (const std::exception&) {  // the threads already running share the work
    }
    if (threads.empty()) work();
    for (auto& t : threads) t.join();
}

std::vector<Outcome> decodeAll(const std::vector<StemProbe>& probes, int targetRate,
                               const LoadOptions& options, LoadProgress& progress) {
    std::vector<Outcome> outcomes(probes.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < probes.size(); i = next++)
            outcomes[i] = decodeOne(probes[i], targetRate, options.quality, progress);
    };
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned wanted = options.workers ? options.workers : cores;
    runOnWorkers(static_cast<unsigned>(std::min<std::size_t>(wanted, probes.size())), work);
    return outcomes;
}

std::string failureMessage(const Outcome& outcome, const std::string& name) {
    if (outcome.outOfMemory) return name + ": not enough memory to decode it; skipped";
    return name + ": cannot decode: " +
           (outcome.reason.empty() ? std::string("unknown error") : outcome.reason) + "; skipped";
}

// ---------------------------------------------------------------------------------------------
// Song-level checks

std::optional<std::uint64_t> readNumber(const fs::path& file) {
    std::ifstream in(file);
    std::uint64_t value = 0;
    if (in >> value) return value;
    return std::nullopt;  // missing, or "max"
}

LoadError noStemsError(const fs::path& folder, const Song& song) {
    const std::string where = folder.string();
    if (song.errors.empty()) {
        std::string message = "no audio files in " + where;
        if (!song.ignored.empty())
            message += " (" + std::to_string(song.ignored.size()) + " other files ignored)";
        return LoadError(LoadError::Kind::NoStems, message, song.errors, song.ignored);
    }
    std::string message = "no stem could be loaded from " + where + ": all " +
                          std::to_string(song.errors.size()) + " audio files failed; ";
    constexpr std::size_t kShown = 2;
    for (std::size_t i = 0; i < std::min(kShown, song.errors.size()); ++i)
        message += (i ? " / " : "") + song.errors[i].message;
    if (song.errors.size() > kShown) message += " / ...";
    return LoadError(LoadError::Kind::NoStems, message, song.errors, song.ignored);
}

void checkMemory(const std::vector<StemProbe>& probes, int rate, std::uint64_t limit,
                 const fs::path& folder) {
    const auto needed = StemLoader::bytesNeeded(probes, rate);
    const auto available = limit ? limit : StemLoader::availableMemoryBytes();
    if (needed > available)
        throw LoadError(LoadError::Kind::OutOfMemory,
                        "song needs " + formatBytes(needed) + " of memory but only " +
                            formatBytes(available) + " is available: " + folder.string());
}

LoadError cancelledError(const fs::path& folder) {
    return LoadError(LoadError::Kind::Cancelled, "loading cancelled: " + folder.string());
}

}  // namespace

// -------------------------------------------------------------------------------------------------

std::vector<StemProbe> StemLoader::scan(const fs::path& folder, std::vector<FileIssue>& errors,
                                        std::vector<FileIssue>& ignored) {
    std::error_code ec;
    const auto status = fs::status(folder, ec);
    if (!fs::exists(status))
        throw LoadError(LoadError::Kind::FolderMissing,
                        "song folder not found: " + folder.string());
    if (!fs::is_directory(status))
        throw LoadError(LoadError::Kind::NotAFolder,
                        "not a folder: " + folder.string() + " (a song is a folder of stems)");
    const auto topLevel = listFiles(folder, ec);
    if (ec)
        throw LoadError(LoadError::Kind::Io,
                        "cannot list song folder " + folder.string() + ": " + ec.message());
    auto files = topLevel;
    const fs::path tracks = folder / "tracks";
    if (fs::is_directory(tracks, ec)) {
        auto inTracks = listFiles(tracks, ec);
        if (ec) errors.push_back({tracks, "tracks/: cannot list: " + ec.message() + "; skipped"});
        files.insert(files.end(), inTracks.begin(), inTracks.end());
    }
    std::ranges::sort(files, [](const fs::path& a, const fs::path& b) {
        const int c = naturalCompare(a.filename().string(), b.filename().string());
        return c != 0 ? c < 0 : a < b;
    });
    const auto isMasterMix = [&](const fs::path& file) {
        return isMixName(file) && std::ranges::find(topLevel, file) != topLevel.end();
    };

    std::vector<StemProbe> probes;
    const auto probeInto = [&](const fs::path& file) {
        auto probe = probeFile(file, folder);
        if (auto* found = std::get_if<StemProbe>(&probe))
            probes.push_back(std::move(*found));
        else
            errors.push_back({file, std::move(std::get<std::string>(probe))});
    };
    std::vector<fs::path> masters;
    for (const auto& file : files) {
        if (const auto reason = quietSkipReason(file))
            ignored.push_back({file, displayName(file, folder) + ": " + *reason + "; ignored"});
        else if (isMasterMix(file))
            masters.push_back(file);
        else
            probeInto(file);
    }
    // The reference mix is only a stem when it is all there is.
    const bool haveStems = !probes.empty();
    for (const auto& file : masters) {
        if (haveStems)
            ignored.push_back(
                {file, displayName(file, folder) + ": reference master mix, not a stem; ignored"});
        else
            probeInto(file);
    }
    std::ranges::sort(probes, stemOrder);
    makeNamesUnique(probes);
    return probes;
}

std::uint64_t StemLoader::bytesNeeded(const std::vector<StemProbe>& probes, int targetRate) {
    std::uint64_t bytes = 0;
    for (const auto& p : probes) {
        const auto frames = static_cast<std::size_t>(p.frames);
        const auto stored =
            targetRate > 0 ? Resampler::outputFrames(frames, p.sampleRate, targetRate) : frames;
        const auto channels = static_cast<std::uint64_t>(p.channels == 1 ? 1 : 2);
        bytes += static_cast<std::uint64_t>(stored) * channels * sizeof(float);
    }
    return bytes;
}

Song StemLoader::load(const fs::path& folder, const LoadOptions& options, LoadProgress* progress) {
    LoadProgress unobserved;
    LoadProgress& watch = progress ? *progress : unobserved;
    Song song;
    song.folder = folder;
    const auto probes = scan(folder, song.errors, song.ignored);
    if (probes.empty()) throw noStemsError(folder, song);
    song.sampleRate = options.targetRate > 0 ? options.targetRate : chooseSampleRate(probes);
    checkMemory(probes, song.sampleRate, options.memoryLimitBytes, folder);

    std::int64_t totalFrames = 0;
    for (const auto& p : probes) totalFrames += p.frames;
    watch.begin(totalFrames, static_cast<int>(probes.size()));
    if (watch.cancelRequested()) throw cancelledError(folder);
    auto outcomes = decodeAll(probes, song.sampleRate, options, watch);
    if (watch.cancelRequested()) throw cancelledError(folder);

    for (std::size_t i = 0; i < probes.size(); ++i) {
        if (outcomes[i].stem) {
            song.stems.push_back(std::move(*outcomes[i].stem));
            song.frames = std::max(song.frames, song.stems.back().frames());
        } else {
            const auto name = displayName(probes[i].file, folder);
            song.errors.push_back({probes[i].file, failureMessage(outcomes[i], name)});
        }
    }
    if (song.stems.empty()) throw noStemsError(folder, song);
    return song;
}

int StemLoader::chooseSampleRate(const std::vector<StemProbe>& probes) {
    std::map<int, int> count;
    for (const auto& p : probes) ++count[p.sampleRate];
    int best = 0, bestCount = 0;
    for (const auto& [rate, n] : count)  // ascending: ">=" lets the higher rate win a tie
        if (n >= bestCount) best = rate, bestCount = n;
    return best;
}

bool StemLoader::naturalLess(const std::string& a, const std::string& b) {
    return naturalCompare(a, b) < 0;
}

std::uint64_t StemLoader::availableMemoryBytes() {
    std::uint64_t available = std::numeric_limits<std::uint64_t>::max();
    std::ifstream meminfo("/proc/meminfo");
    std::string key, unit;
    std::uint64_t kb = 0;
    bool found = false;
    while (!found && meminfo >> key >> kb) {
        std::getline(meminfo, unit);
        found = key == "MemAvailable:";
    }
    if (found) {
        available = kb * 1024;
    } else if (const long pages = sysconf(_SC_AVPHYS_PAGES), size = sysconf(_SC_PAGESIZE);
               pages > 0 && size > 0) {
        available = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(size);
    }
    // In a container the cgroup limit may be far below what the machine has free.
    const fs::path cgroup = "/sys/fs/cgroup";
    const auto max = readNumber(cgroup / "memory.max");
    const auto current = readNumber(cgroup / "memory.current");
    if (max && current) available = std::min(available, *max > *current ? *max - *current : 0);
    return available;
}

}  // namespace stemdeck::audio
