#include "MonoResampler.h"

#include <soxr.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace stemdeck::analysis {

MonoResampler::MonoResampler(int inRate, int outRate)
    : ratio_(static_cast<double>(outRate) / inRate) {
    if (inRate == outRate) return;
    soxr_error_t error = nullptr;
    const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
    soxr_ = soxr_create(inRate, outRate, 1, &error, &io, &quality, nullptr);
    if (error || !soxr_)
        throw std::runtime_error(std::string("cannot resample for analysis: ") +
                                 (error ? error : "soxr_create failed"));
}

MonoResampler::~MonoResampler() {
    if (soxr_) soxr_delete(soxr_);
}

void MonoResampler::run(const float* in, std::size_t count, std::vector<float>& out) {
    // Room for everything this input can give plus what soxr still holds from before.
    out.resize(static_cast<std::size_t>(std::ceil(static_cast<double>(count) * ratio_)) + 4096);
    std::size_t used = 0;
    std::size_t made = 0;
    const soxr_error_t error = soxr_process(soxr_, in, count, &used, out.data(), out.size(), &made);
    if (error) throw std::runtime_error(std::string("resampling for analysis failed: ") + error);
    out.resize(made);
}

void MonoResampler::process(const float* in, std::size_t count, std::vector<float>& out) {
    if (!soxr_) {
        out.assign(in, in + count);
        return;
    }
    run(in, count, out);
}

void MonoResampler::flush(std::vector<float>& out) {
    out.clear();
    if (!soxr_) return;
    // soxr gives its tail over a few calls at most.
    std::vector<float> part;
    for (int i = 0; i < 8; ++i) {
        run(nullptr, 0, part);
        if (part.empty()) break;
        out.insert(out.end(), part.begin(), part.end());
    }
}

}  // namespace stemdeck::analysis
