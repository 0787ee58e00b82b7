#include "stemdeck/audio/loader/Resampler.h"

#include <samplerate.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace stemdeck::audio {

namespace {

int converterFor(ResampleQuality quality) {
    switch (quality) {
        case ResampleQuality::Fast:
            return SRC_SINC_FASTEST;
        case ResampleQuality::Best:
            return SRC_SINC_BEST_QUALITY;
        case ResampleQuality::Medium:
            break;
    }
    return SRC_SINC_MEDIUM_QUALITY;
}

constexpr std::size_t kOutputFrames = 4096;        // converted frames handed to the sink per piece
constexpr std::size_t kMaxInputPerCall = 1 << 20;  // keeps counts well inside libsamplerate's long

}  // namespace

struct Resampler::State {
    SRC_STATE* src = nullptr;
    int channels = 0;
    std::vector<float> out;
    ~State() {
        if (src) src_delete(src);
    }
};

Resampler::Resampler(int channels, int sourceRate, int targetRate, ResampleQuality quality)
    : state_(std::make_unique<State>()),
      ratio_(sourceRate > 0 ? static_cast<double>(targetRate) / sourceRate : 0.0) {
    if (channels <= 0)
        throw std::invalid_argument("cannot resample " + std::to_string(channels) + " channels");
    if (sourceRate <= 0 || targetRate <= 0 || !src_is_valid_ratio(ratio_))
        throw std::invalid_argument("cannot resample from " + std::to_string(sourceRate) +
                                    " Hz to " + std::to_string(targetRate) + " Hz");
    int error = 0;
    state_->src = src_new(converterFor(quality), channels, &error);
    if (!state_->src)
        throw std::runtime_error(std::string("cannot create resampler: ") + src_strerror(error));
    state_->channels = channels;
    state_->out.resize(kOutputFrames * static_cast<std::size_t>(channels));
}

Resampler::~Resampler() = default;

void Resampler::process(const float* in, std::size_t inFrames, bool last, const Sink& sink) {
    static const float kNoInput = 0.0f;  // libsamplerate wants a valid pointer even for 0 frames
    const auto channels = static_cast<std::size_t>(state_->channels);
    SRC_DATA data{};
    data.data_in = in ? in : &kNoInput;
    data.data_out = state_->out.data();
    data.output_frames = static_cast<long>(kOutputFrames);
    data.src_ratio = ratio_;
    data.end_of_input = last ? 1 : 0;
    std::size_t inLeft = inFrames;
    for (;;) {
        data.input_frames = static_cast<long>(std::min(inLeft, kMaxInputPerCall));
        if (const int error = src_process(state_->src, &data))
            throw std::runtime_error(std::string("resampling failed: ") + src_strerror(error));
        const auto used = static_cast<std::size_t>(data.input_frames_used);
        const auto generated = static_cast<std::size_t>(data.output_frames_gen);
        if (generated > 0) sink(state_->out.data(), generated);
        data.data_in += used * channels;
        inLeft -= used;
        // libsamplerate may take input into its own buffer before producing the output, so
        // the call is done only when the input is used up and the output buffer was not
        // filled (and, when flushing, the tail is empty).
        if (inLeft == 0 && generated < kOutputFrames && (!last || generated == 0)) break;
        if (used == 0 && generated == 0) throw std::runtime_error("resampling stalled");
    }
}

std::size_t Resampler::outputFrames(std::size_t sourceFrames, int sourceRate, int targetRate) {
    if (sourceRate <= 0 || targetRate <= 0) return 0;
    return static_cast<std::size_t>(
        std::llround(static_cast<long double>(sourceFrames) * targetRate / sourceRate));
}

}  // namespace stemdeck::audio
