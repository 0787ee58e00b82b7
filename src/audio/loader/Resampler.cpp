#include "stemdeck/audio/loader/Resampler.h"

#include <soxr.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace stemdeck::audio {

namespace {

constexpr std::size_t kOutputFrames = 4096;  // converted frames handed to the sink per piece
constexpr double kMaxRatio = 256.0;

}  // namespace

struct Resampler::State {
    soxr_t soxr = nullptr;
    std::vector<float> out;
    ~State() {
        if (soxr) soxr_delete(soxr);
    }
};

Resampler::Resampler(int channels, int sourceRate, int targetRate)
    : state_(std::make_unique<State>()),
      ratio_(sourceRate > 0 ? static_cast<double>(targetRate) / sourceRate : 0.0),
      channels_(channels) {
    if (channels <= 0)
        throw std::invalid_argument("cannot resample " + std::to_string(channels) + " channels");
    if (sourceRate <= 0 || targetRate <= 0 || ratio_ > kMaxRatio || ratio_ < 1.0 / kMaxRatio)
        throw std::invalid_argument("cannot resample from " + std::to_string(sourceRate) +
                                    " Hz to " + std::to_string(targetRate) + " Hz");
    const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
    const soxr_runtime_spec_t runtime = soxr_runtime_spec(1);
    soxr_error_t error = nullptr;
    state_->soxr = soxr_create(sourceRate, targetRate, static_cast<unsigned>(channels), &error, &io,
                               &quality, &runtime);
    if (!state_->soxr || error)
        throw std::runtime_error(std::string("cannot create resampler: ") +
                                 (error ? error : "unknown error"));
    state_->out.resize(kOutputFrames * static_cast<std::size_t>(channels));
}

Resampler::~Resampler() = default;

void Resampler::process(const float* in, std::size_t inFrames, bool last, const Sink& sink) {
    const auto channels = static_cast<std::size_t>(channels_);
    float* out = state_->out.data();
    // The input, a piece at a time as the output buffer allows.
    while (in && inFrames > 0) {
        std::size_t used = 0, generated = 0;
        if (const soxr_error_t error =
                soxr_process(state_->soxr, in, inFrames, &used, out, kOutputFrames, &generated))
            throw std::runtime_error(std::string("resampling failed: ") + error);
        if (generated > 0) sink(out, generated);
        if (used == 0 && generated == 0) throw std::runtime_error("resampling stalled");
        in += used * channels;
        inFrames -= used;
    }
    if (!last) return;
    // A null input tells soxr the signal ended: it releases the filter tail until it has none.
    for (;;) {
        std::size_t generated = 0;
        if (const soxr_error_t error =
                soxr_process(state_->soxr, nullptr, 0, nullptr, out, kOutputFrames, &generated))
            throw std::runtime_error(std::string("resampling failed: ") + error);
        if (generated == 0) break;
        sink(out, generated);
    }
}

std::size_t Resampler::outputFrames(std::size_t sourceFrames, int sourceRate, int targetRate) {
    if (sourceRate <= 0 || targetRate <= 0) return 0;
    return static_cast<std::size_t>(
        std::llround(static_cast<long double>(sourceFrames) * targetRate / sourceRate));
}

}  // namespace stemdeck::audio
