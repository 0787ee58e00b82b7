#include <mpg123.h>

#include <memory>
#include <mutex>
#include <string>

#include "stemdeck/audio/loader/AudioSource.h"

namespace stemdeck::audio::loader {

namespace {

struct HandleDeleter {
    void operator()(mpg123_handle* handle) const {
        mpg123_close(handle);
        mpg123_delete(handle);
    }
};

// MPEG audio decoded by libmpg123 itself, read to the last frame in the file: libsndfile
// stops at the length mpg123 estimated when the file was opened, which for a VBR file
// without a Xing/Info header comes from the first frame's bitrate alone. Decoded as
// libsndfile does (float output, gapless trimming from the LAME tag, no resampling).
class Mpg123Source final : public AudioSource {
  public:
    explicit Mpg123Source(const StemProbe& probe) : channels_(probe.channels) {
        static std::once_flag initialised;  // a no-op since mpg123 1.27, required before it
        std::call_once(initialised, [] { mpg123_init(); });
        int error = MPG123_OK;
        handle_.reset(mpg123_new(nullptr, &error));
        if (!handle_)
            throw DecodeError(std::string("cannot start mpg123: ") + mpg123_plain_strerror(error));
        mpg123_param(handle_.get(), MPG123_ADD_FLAGS,
                     MPG123_FORCE_FLOAT | MPG123_GAPLESS | MPG123_QUIET | MPG123_NO_FRANKENSTEIN,
                     0.0);
        mpg123_param(handle_.get(), MPG123_REMOVE_FLAGS, MPG123_AUTO_RESAMPLE, 0.0);
        if (mpg123_open(handle_.get(), probe.file.c_str()) != MPG123_OK)
            throw DecodeError("cannot open it any more");
        long rate = 0;
        int channels = 0, encoding = 0;
        if (mpg123_getformat(handle_.get(), &rate, &channels, &encoding) != MPG123_OK)
            throw DecodeError(mpg123_strerror(handle_.get()));
        if (channels != probe.channels || rate != probe.sampleRate)
            throw DecodeError("it changed while loading");
        // Fix the output format so a stream that changes it part-way is an error, not noise.
        mpg123_format_none(handle_.get());
        mpg123_format(handle_.get(), rate, channels, MPG123_ENC_FLOAT_32);
    }

    std::int64_t read(float* out, std::int64_t frames) override {
        const auto frameBytes = static_cast<std::size_t>(channels_) * sizeof(float);
        auto* bytes = reinterpret_cast<unsigned char*>(out);
        const std::size_t wanted = static_cast<std::size_t>(frames) * frameBytes;
        std::size_t filled = 0;
        while (filled < wanted && !ended_) {
            std::size_t done = 0;
            const int result = mpg123_read(handle_.get(), bytes + filled, wanted - filled, &done);
            filled += done;
            if (result == MPG123_DONE)
                ended_ = true;
            else if (result == MPG123_NEW_FORMAT)
                continue;  // the format fixed above, announced once
            else if (result != MPG123_OK)
                throw DecodeError(mpg123_strerror(handle_.get()));
            else if (done == 0)
                break;  // no progress without an error: treat as the end
        }
        // mpg123 hands out whole samples; a torn frame at the very end is dropped.
        return static_cast<std::int64_t>(filled / frameBytes);
    }

    DownmixMatrix downmix() const override { return downmixMatrix(channels_); }

  private:
    std::unique_ptr<mpg123_handle, HandleDeleter> handle_;
    const int channels_;
    bool ended_ = false;
};

}  // namespace

std::unique_ptr<AudioSource> openMpg123Source(const StemProbe& probe) {
    return std::make_unique<Mpg123Source>(probe);
}

}  // namespace stemdeck::audio::loader
