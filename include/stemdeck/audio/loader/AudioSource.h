#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>

#include "stemdeck/audio/loader/ChannelDownmix.h"
#include "stemdeck/audio/loader/StemProbe.h"

// An open audio file being decoded: the seam between the loader and the codec libraries.
// One thread at a time per source; different sources may be read on different threads.
namespace stemdeck::audio::loader {

// A decoding failure in the middle of a file; what() is a clear phrase ("lost sync").
class DecodeError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class AudioSource {
  public:
    virtual ~AudioSource() = default;
    // Reads up to `frames` interleaved float frames of the probed channel count into `out`
    // (room for frames x channels). Returns the frames read: fewer only at the end of the
    // audio, 0 once it is reached. Throws DecodeError when the file cannot be decoded further.
    virtual std::int64_t read(float* out, std::int64_t frames) = 0;
    // Moves to source frame `frame`, so the next read starts there. False when the source
    // cannot (the caller decodes from where it is instead). Exact for PCM and FLAC.
    virtual bool seek(std::int64_t /*frame*/) { return false; }
    // How to mix the file's channels to stereo: its own channel map when it has one, else
    // the default layout for its channel count.
    virtual DownmixMatrix downmix() const = 0;
};

// Opens the probed file again for decoding: MP3 through libmpg123 directly (libsndfile stops
// at the length mpg123 estimated from the first frame, 1.3 s of a 10 s VBR file without a
// Xing header), everything else through libsndfile. Throws DecodeError when the file cannot
// be opened or no longer matches its probe (changed while loading).
std::unique_ptr<AudioSource> openSource(const StemProbe& probe);
std::unique_ptr<AudioSource> openSndfileSource(const StemProbe& probe);
std::unique_ptr<AudioSource> openMpg123Source(const StemProbe& probe);

}  // namespace stemdeck::audio::loader
