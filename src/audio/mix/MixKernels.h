#pragma once

#include <cstddef>
#include <cstdint>

namespace stemdeck::audio::detail {

// The fused inner loops of the render path (compiled with -O3 like the rest of it, see
// src/audio/CMakeLists.txt, so that the plain loops vectorise). Audio thread; no allocation.
// Every loop keeps the order of the float operations of the per-stem code it replaces, so
// results are the same bit for bit.

// Up to this many sources are summed in one pass over the destination.
inline constexpr int kMaxFusedSources = 4;

// dst[i] (+)= sum over k < count of gains[k] * src[k][i], the terms added in order k = 0, 1, ...
// (to dst first unless `assign`). int16 sources take gains already scaled by kInt16ToFloat.
// 1 <= count <= kMaxFusedSources; dst may not overlap any source.
void mixScaled(const float* const* src, const float* gains, int count, int n, float* dst,
               bool assign) noexcept;
void mixScaled(const std::int16_t* const* src, const float* gains, int count, int n, float* dst,
               bool assign) noexcept;

// What one pass over a stereo bus found: each channel's largest |sample| (as
// Eigen's maxCoeff gives it where no sample is NaN) and whether a sample is NaN (a sum of the
// samples carries any NaN to the end, as detail::holdsNan checks it).
struct BusScan {
    float peakLeft = 0.0f;
    float peakRight = 0.0f;
    bool nan = false;
};

// Interleaves left/right into out (2 channels) and scans them on the way. n >= 0.
BusScan interleaveScanning(const float* left, const float* right, int n, float* out) noexcept;

// One bus channel's last pass of a settled mix: up to kMaxFusedSources sources of one format
// (read from frame `at` on, InterleavedMix's argument) with their gains (int16: scaled by
// kInt16ToFloat), added onto `prior` (what the channel's earlier passes summed; null: this pass
// writes the channel). count 0: the channel is silence (no prior then).
struct ChannelPass {
    const void* sources[kMaxFusedSources] = {};
    float gains[kMaxFusedSources] = {};
    int count = 0;
    bool int16 = false;
    const float* prior = nullptr;
    // Every gain within ±kBoundedGain: int16 sources then give finite sums (no NaN to catch).
    bool boundedGains = false;
};
inline constexpr float kBoundedGain = 1.0e6f;

// The steady path's whole output stage in one pass: each channel's last pass (as mixScaled
// sums it, sources read from frame `at`), times `master` (skipped at 1, as applyRampedGain
// does), written interleaved into out (2 channels) and scanned on the way (as
// interleaveScanning scans the bus): the same bits as mixScaled, the master gain and
// interleaveScanning one after another.
using InterleavedMix = BusScan (*)(const ChannelPass& left, const ChannelPass& right,
                                   std::size_t at, float master, int n, float* out) noexcept;
// The InterleavedMix for passes of these counts and formats, with a prior sum on a side where
// `prior*` says so, picked once per settled plan: null on a machine without AVX2 (the caller
// takes the separate passes).
InterleavedMix interleavedMixFor(const ChannelPass& left, const ChannelPass& right, bool priorLeft,
                                 bool priorRight) noexcept;

}  // namespace stemdeck::audio::detail
