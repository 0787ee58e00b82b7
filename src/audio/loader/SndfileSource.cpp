#include <sndfile.h>

#include <memory>
#include <vector>

#include "SndFileCloser.h"
#include "stemdeck/audio/loader/AudioSource.h"
#include "stemdeck/audio/loader/LoadMessages.h"

namespace stemdeck::audio::loader {

namespace {

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

class SndfileSource final : public AudioSource {
  public:
    explicit SndfileSource(const StemProbe& probe) {
        SF_INFO info{};
        sf_.reset(sf_open(probe.file.c_str(), SFM_READ, &info));
        // Said without sf_strerror(nullptr): its global state is shared by all threads.
        if (!sf_) throw DecodeError("cannot open it any more");
        if (info.channels != probe.channels || info.samplerate != probe.sampleRate)
            throw DecodeError("it changed while loading");
        channels_ = info.channels;
    }

    std::int64_t read(float* out, std::int64_t frames) override {
        // libsndfile never reads past the header's length: for files whose header is known
        // to lie (an uncompressed one longer than its data) the probe bounded that already.
        const sf_count_t got = sf_readf_float(sf_.get(), out, frames);
        if (got < frames && sf_error(sf_.get()) != SF_ERR_NO_ERROR)
            throw DecodeError(sndfileReason(sf_strerror(sf_.get())));
        return got > 0 ? got : 0;
    }

    bool seek(std::int64_t frame) override {
        return sf_seek(sf_.get(), static_cast<sf_count_t>(frame), SEEK_SET) == frame;
    }

    DownmixMatrix downmix() const override {
        std::vector<int> map(static_cast<std::size_t>(channels_));
        const int bytes = static_cast<int>(map.size() * sizeof(int));
        if (sf_command(sf_.get(), SFC_GET_CHANNEL_MAP_INFO, map.data(), bytes) != SF_TRUE)
            return downmixMatrix(channels_);
        std::vector<Speaker> layout;
        for (int c : map) layout.push_back(speakerOf(c));
        return downmixMatrix(layout);
    }

  private:
    std::unique_ptr<SNDFILE, SndFileCloser> sf_;
    int channels_ = 0;
};

}  // namespace

std::unique_ptr<AudioSource> openSndfileSource(const StemProbe& probe) {
    return std::make_unique<SndfileSource>(probe);
}

std::unique_ptr<AudioSource> openSource(const StemProbe& probe) {
    return probe.codec == StemCodec::Mpeg ? openMpg123Source(probe) : openSndfileSource(probe);
}

}  // namespace stemdeck::audio::loader
