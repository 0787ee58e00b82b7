#pragma once

#include <cstddef>
#include <vector>

struct soxr;

namespace stemdeck::analysis {

// Streams mono float audio from one rate to another with libsoxr (HQ, the loader's choice);
// the same rate passes through untouched. Not copyable; one thread at a time.
class MonoResampler {
  public:
    MonoResampler(int inRate, int outRate);
    ~MonoResampler();
    MonoResampler(const MonoResampler&) = delete;
    MonoResampler& operator=(const MonoResampler&) = delete;

    // Replaces `out` with what `count` more input samples give (possibly none yet).
    void process(const float* in, std::size_t count, std::vector<float>& out);
    // Replaces `out` with the samples still held back; after the last process().
    void flush(std::vector<float>& out);

  private:
    void run(const float* in, std::size_t count, std::vector<float>& out);

    double ratio_ = 1.0;
    soxr* soxr_ = nullptr;
};

}  // namespace stemdeck::analysis
