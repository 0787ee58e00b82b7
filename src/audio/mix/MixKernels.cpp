#include "MixKernels.h"

#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Compiled with -O3 (src/audio/CMakeLists.txt): the loops run over blocks of any length, which
// -O2's "very cheap" vectoriser model leaves scalar. Nothing here may depend on float
// reassociation: no -ffast-math.

// The mixing loops are built twice where the compiler can (GCC or Clang on x86-64 with ifunc
// support): for the baseline and for AVX2, picked once at load time by the CPU. AVX2 halves
// their instructions (8 floats a step); the operations stay plain multiplies and adds (AVX2
// brings no FMA), so the results are the same bit for bit.
#if defined(__x86_64__) && defined(__gnu_linux__) && (defined(__GNUC__) || defined(__clang__))
#define STEMDECK_X86_DISPATCH 1
#include <immintrin.h>
#endif
// target_clones dispatches through an ifunc resolver, which the dynamic loader runs before
// ThreadSanitizer's runtime is up: instrumented, it crashes the program at load. Under TSan the
// loops are built once (the baseline); the AVX2 interleave, picked by a plain check, stays.
#if defined(STEMDECK_X86_DISPATCH) && !defined(__SANITIZE_THREAD__)
#define STEMDECK_MIX_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define STEMDECK_MIX_CLONES
#endif

namespace stemdeck::audio::detail {

namespace {

#if defined(STEMDECK_X86_DISPATCH)
// Asked once, when the library is loaded (never on the audio thread).
const bool kHasAvx2 = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
}();

// gain * eight int16 samples, as floats.
__attribute__((target("avx2"), always_inline)) inline __m256 int16Term(
    __m256 gain, const std::int16_t* samples) noexcept {
    const __m128i raw = _mm_loadu_si128(reinterpret_cast<const __m128i*>(samples));
    return _mm256_mul_ps(gain, _mm256_cvtepi32_ps(_mm256_cvtepi16_epi32(raw)));
}

// Frames i..i+7 of fusedInt16Avx2.
template <int K, bool Assign>
__attribute__((target("avx2"), always_inline)) inline void int16Eight(
    const __m256* g, const std::int16_t* const* src, int i, float* __restrict dst) noexcept {
    __m256 acc = int16Term(g[0], src[0] + i);
    if constexpr (!Assign) acc = _mm256_add_ps(_mm256_loadu_ps(dst + i), acc);
    for (int k = 1; k < K; ++k) acc = _mm256_add_ps(acc, int16Term(g[k], src[k] + i));
    _mm256_storeu_ps(dst + i, acc);
}

// fused() for int16 sources, in groups of eight frames in AVX2 registers: the compiler's own
// vectorisation of it loads each source twice and splits it (about a third more
// instructions). The same operations in the same order (no FMA: AVX2 alone), so the same bits.
template <int K, bool Assign>
__attribute__((target("avx2"))) void fusedInt16Avx2(const std::int16_t* const* src,
                                                    const float* gains, int n,
                                                    float* __restrict dst) noexcept {
    __m256 g[K];
    // The pointers in locals: a vector store may alias anything (__m256_u), so reading them
    // through src had the unrolled loop load every src[k] again in every step.
    const std::int16_t* s[K];
    for (int k = 0; k < K; ++k) {
        g[k] = _mm256_set1_ps(gains[k]);
        s[k] = src[k];
    }
    int i = 0;
    // Sixteen frames a step (two independent groups of eight): the loop's own count, compare
    // and branch (3 of 19 instructions per eight frames at 4 sources) are paid half as often.
    for (; i + 16 <= n; i += 16) {
        int16Eight<K, Assign>(g, s, i, dst);
        int16Eight<K, Assign>(g, s, i + 8, dst);
    }
    for (; i + 8 <= n; i += 8) int16Eight<K, Assign>(g, s, i, dst);
    for (; i < n; ++i) {  // as fused(), frame by frame
        float acc = gains[0] * static_cast<float>(src[0][i]);
        if constexpr (!Assign) acc = dst[i] + acc;
        for (int k = 1; k < K; ++k) acc += gains[k] * static_cast<float>(src[k][i]);
        dst[i] = acc;
    }
}

template <bool Assign>
void fusedInt16Avx2Any(const std::int16_t* const* src, const float* gains, int count, int n,
                       float* dst) noexcept {
    switch (count) {
        case 1:
            fusedInt16Avx2<1, Assign>(src, gains, n, dst);
            break;
        case 2:
            fusedInt16Avx2<2, Assign>(src, gains, n, dst);
            break;
        case 3:
            fusedInt16Avx2<3, Assign>(src, gains, n, dst);
            break;
        default:
            fusedInt16Avx2<4, Assign>(src, gains, n, dst);
            break;
    }
}
#endif

// One pass of up to four sources over dst; K and Assign are constants so that the loop body
// is straight-line code the vectoriser takes whole.
template <int K, bool Assign, typename Sample>
[[gnu::always_inline]] inline void fused(const Sample* const* src, const float* gains, int n,
                                         float* __restrict dst) noexcept {
    static_assert(K >= 1 && K <= kMaxFusedSources);
    const Sample* __restrict s0 = src[0];
    const Sample* __restrict s1 = K > 1 ? src[1] : src[0];
    const Sample* __restrict s2 = K > 2 ? src[2] : src[0];
    const Sample* __restrict s3 = K > 3 ? src[3] : src[0];
    const float g0 = gains[0];
    const float g1 = K > 1 ? gains[1] : 0.0f;
    const float g2 = K > 2 ? gains[2] : 0.0f;
    const float g3 = K > 3 ? gains[3] : 0.0f;
    for (int i = 0; i < n; ++i) {
        // The order of the per-stem code: dst = g0 s0 (or dst += g0 s0), then dst += g1 s1, ...
        float acc = g0 * static_cast<float>(s0[i]);
        if constexpr (!Assign) acc = dst[i] + acc;
        if constexpr (K > 1) acc += g1 * static_cast<float>(s1[i]);
        if constexpr (K > 2) acc += g2 * static_cast<float>(s2[i]);
        if constexpr (K > 3) acc += g3 * static_cast<float>(s3[i]);
        dst[i] = acc;
    }
}

template <bool Assign, typename Sample>
[[gnu::always_inline]] inline void fusedAny(const Sample* const* src, const float* gains, int count,
                                            int n, float* dst) noexcept {
    switch (count) {
        case 1:
            fused<1, Assign>(src, gains, n, dst);
            break;
        case 2:
            fused<2, Assign>(src, gains, n, dst);
            break;
        case 3:
            fused<3, Assign>(src, gains, n, dst);
            break;
        default:
            fused<4, Assign>(src, gains, n, dst);
            break;
    }
}

template <typename Sample>
[[gnu::always_inline]] inline void mixAny(const Sample* const* src, const float* gains, int count,
                                          int n, float* dst, bool assign) noexcept {
    if (count <= 0 || n <= 0) return;
    if (assign)
        fusedAny<true>(src, gains, count, n, dst);
    else
        fusedAny<false>(src, gains, count, n, dst);
}

}  // namespace

STEMDECK_MIX_CLONES void mixScaled(const float* const* src, const float* gains, int count, int n,
                                   float* dst, bool assign) noexcept {
    mixAny(src, gains, count, n, dst, assign);
}

namespace {
STEMDECK_MIX_CLONES void mixScaledInt16Baseline(const std::int16_t* const* src, const float* gains,
                                                int count, int n, float* dst,
                                                bool assign) noexcept {
    mixAny(src, gains, count, n, dst, assign);
}
}  // namespace

void mixScaled(const std::int16_t* const* src, const float* gains, int count, int n, float* dst,
               bool assign) noexcept {
#if defined(STEMDECK_X86_DISPATCH)
    if (kHasAvx2 && count > 0 && n > 0) {
        if (assign)
            fusedInt16Avx2Any<true>(src, gains, count, n, dst);
        else
            fusedInt16Avx2Any<false>(src, gains, count, n, dst);
        return;
    }
#endif
    mixScaledInt16Baseline(src, gains, count, n, dst, assign);
}

namespace {

// Frame i of a scalar tail: written interleaved and scanned.
inline void scanFrame(float l, float r, int i, float* out, BusScan& scan, float& sum) noexcept {
    out[2 * i] = l;
    out[2 * i + 1] = r;
    const float al = std::fabs(l);
    const float ar = std::fabs(r);
    scan.peakLeft = scan.peakLeft < al ? al : scan.peakLeft;
    scan.peakRight = scan.peakRight < ar ? ar : scan.peakRight;
    sum += l + r;
}

// The scalar frames after the vector loop (all of them without SSE2), onto what it found.
void scanTail(const float* left, const float* right, int i, int n, float* out, BusScan& scan,
              float& sum) noexcept {
    for (; i < n; ++i) scanFrame(left[i], right[i], i, out, scan, sum);
}

// Folds vector lanes of peaks and sums into the scan.
void foldLanes(const float* peakL, const float* peakR, const float* sums, int lanes, BusScan& scan,
               float& sum) noexcept {
    for (int k = 0; k < lanes; ++k) {
        scan.peakLeft = scan.peakLeft < peakL[k] ? peakL[k] : scan.peakLeft;
        scan.peakRight = scan.peakRight < peakR[k] ? peakR[k] : scan.peakRight;
        sum += sums[k];
    }
}

#if defined(STEMDECK_X86_DISPATCH)
// The largest of eight lanes of maxima, in registers (storing them and comparing one by one
// cost as much as the loop at 64 frames). A NaN lane (a NaN sample was its last) counts as 0,
// as foldLanes skips it; the order of the other lanes does not matter to a maximum.
__attribute__((target("avx2"))) float largestLane(__m256 lanes) noexcept {
    lanes = _mm256_and_ps(lanes, _mm256_cmp_ps(lanes, lanes, _CMP_ORD_Q));
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(lanes), _mm256_extractf128_ps(lanes, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_shuffle_ps(m, m, 1));
    return _mm_cvtss_f32(m);
}

// Frames i..i+7 (l, r) written interleaved, their peaks and sums onto the lanes.
template <bool Sums = true>
__attribute__((target("avx2"), always_inline)) inline void storeScanning(__m256 l, __m256 r, int i,
                                                                         float* out, __m256 absMask,
                                                                         __m256& peakL,
                                                                         __m256& peakR,
                                                                         __m256& sums) noexcept {
    const __m256 lo = _mm256_unpacklo_ps(l, r);  // frames 0 1 | 4 5
    const __m256 hi = _mm256_unpackhi_ps(l, r);  // frames 2 3 | 6 7
    _mm256_storeu_ps(out + 2 * i, _mm256_permute2f128_ps(lo, hi, 0x20));
    _mm256_storeu_ps(out + 2 * i + 8, _mm256_permute2f128_ps(lo, hi, 0x31));
    peakL = _mm256_max_ps(peakL, _mm256_and_ps(l, absMask));
    peakR = _mm256_max_ps(peakR, _mm256_and_ps(r, absMask));
    if constexpr (Sums) sums = _mm256_add_ps(sums, _mm256_add_ps(l, r));
}

// Frames i..i+7 of interleaveAvx2.
__attribute__((target("avx2"), always_inline)) inline void interleaveEight(
    const float* left, const float* right, int i, float* out, __m256 absMask, __m256& peakL,
    __m256& peakR, __m256& sums) noexcept {
    storeScanning(_mm256_loadu_ps(left + i), _mm256_loadu_ps(right + i), i, out, absMask, peakL,
                  peakR, sums);
}

// In groups of eight frames. Lane order does not matter to maxima, and the sum only has to carry a
// NaN to the end.
__attribute__((target("avx2"))) BusScan interleaveAvx2(const float* left, const float* right, int n,
                                                       float* out) noexcept {
    BusScan scan;
    float sum = 0.0f;
    const __m256 absMask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff));
    __m256 peakL = _mm256_setzero_ps(), peakR = _mm256_setzero_ps(), sums = _mm256_setzero_ps();
    int i = 0;
    for (; i + 16 <= n; i += 16) {  // as fusedInt16Avx2: the loop's overhead paid half as often
        interleaveEight(left, right, i, out, absMask, peakL, peakR, sums);
        interleaveEight(left, right, i + 8, out, absMask, peakL, peakR, sums);
    }
    for (; i + 8 <= n; i += 8) interleaveEight(left, right, i, out, absMask, peakL, peakR, sums);
    scan.peakLeft = largestLane(peakL);
    scan.peakRight = largestLane(peakR);
    scanTail(left, right, i, n, out, scan, sum);
    // A lane's sum is NaN when its samples hold a NaN (or, past kMaxBusMagnitude, infinities
    // of both signs: the caller then judges by the peak alone).
    const __m256 nanLanes = _mm256_cmp_ps(sums, sums, _CMP_UNORD_Q);
    scan.nan = sum != sum || _mm256_movemask_ps(nanLanes) != 0;
    return scan;
}

// --- mixInterleaved ---

// Source k of a pass, frames i..i+7 from `at`, times its gain g.
template <bool Int16>
__attribute__((target("avx2"), always_inline)) inline __m256 passTerm(__m256 g, const void* source,
                                                                      std::size_t at,
                                                                      int i) noexcept {
    if constexpr (Int16) return int16Term(g, static_cast<const std::int16_t*>(source) + at + i);
    return _mm256_mul_ps(g, _mm256_loadu_ps(static_cast<const float*>(source) + at + i));
}

// Frames i..i+7 of a pass of K sources (K known, already at the block's first frame), in
// mixScaled's order: prior + g0 s0, + g1 s1 ...
template <int K, bool Int16, bool Prior>
__attribute__((target("avx2"), always_inline)) inline __m256 passEight(const __m256* g,
                                                                       const void* const* src,
                                                                       const float* prior,
                                                                       int i) noexcept {
    __m256 acc = passTerm<Int16>(g[0], src[0], 0, i);
    if constexpr (Prior) acc = _mm256_add_ps(_mm256_loadu_ps(prior + i), acc);
    for (int k = 1; k < K; ++k) acc = _mm256_add_ps(acc, passTerm<Int16>(g[k], src[k], 0, i));
    return acc;
}

// The same for any pass (count and format read at run time; count 0: silence).
__attribute__((target("avx2"), always_inline)) inline __m256 anyPassEight(const ChannelPass& pass,
                                                                          const __m256* g,
                                                                          std::size_t at,
                                                                          int i) noexcept {
    if (pass.count == 0) return _mm256_setzero_ps();
    // (No lambda: it would not inherit the target and could not inline passTerm.)
    __m256 acc = pass.int16 ? passTerm<true>(g[0], pass.sources[0], at, i)
                            : passTerm<false>(g[0], pass.sources[0], at, i);
    if (pass.prior) acc = _mm256_add_ps(_mm256_loadu_ps(pass.prior + i), acc);
    for (int k = 1; k < pass.count; ++k)
        acc = _mm256_add_ps(acc, pass.int16 ? passTerm<true>(g[k], pass.sources[k], at, i)
                                            : passTerm<false>(g[k], pass.sources[k], at, i));
    return acc;
}

// Frame i of a pass, scalar (the frames after the vector loop), as mixScaled's own tail.
float passFrame(const ChannelPass& pass, std::size_t at, int i) noexcept {
    if (pass.count == 0) return 0.0f;
    const auto term = [&](int k) {
        return pass.gains[k] *
               (pass.int16
                    ? static_cast<float>(static_cast<const std::int16_t*>(pass.sources[k])[at + i])
                    : static_cast<const float*>(pass.sources[k])[at + i]);
    };
    float acc = term(0);
    if (pass.prior) acc = pass.prior[i] + acc;
    for (int k = 1; k < pass.count; ++k) acc += term(k);
    return acc;
}

// The block's first sample of source k of a pass.
template <bool Int16>
const void* sourceAt(const ChannelPass& pass, int k, std::size_t at) noexcept {
    if constexpr (Int16) return static_cast<const std::int16_t*>(pass.sources[k]) + at;
    return static_cast<const float*>(pass.sources[k]) + at;
}

// Symmetric int16 passes with no prior sum: their sums are finite whenever the gains are
// bounded (ChannelPass::boundedGains) and the master is, so the NaN sums are not kept.
template <bool Symmetric, bool Int16, bool Prior>
inline constexpr bool kFiniteSums = Symmetric&& Int16 && !Prior;

// The state one block of mixInterleavedAvx2 carries from step to step.
template <int Terms>
struct InterleavedState {
    __m256 gl[Terms], gr[Terms];  // each source's gain, per side
    const void* sl[Terms];        // Symmetric: each source at the block's first frame
    const void* sr[Terms];
    __m256 gm, absMask, peakL, peakR, sums;
};

// Frames i..i+7 of mixInterleavedAvx2; Prefetch: also ask for the next block's samples.
template <bool Symmetric, int K, bool Int16, bool Prior, bool Scaled, bool Prefetch, int Terms>
__attribute__((target("avx2"), always_inline)) inline void interleavedEight(
    InterleavedState<Terms>& st, const ChannelPass& left, const ChannelPass& right, std::size_t at,
    int n, int i, float* out) noexcept {
    if constexpr (Symmetric && Prefetch) {
        // The next block's samples (the same place one block on), a cache line a source per
        // 16 frames: the next callback finds them in cache instead of waiting for memory, and
        // the fetches overlap this block's work.
        for (int k = 0; k < K; ++k) {
            constexpr std::size_t kBytes = Int16 ? sizeof(std::int16_t) : sizeof(float);
            const auto ahead = static_cast<std::size_t>(n + i) * kBytes;
            _mm_prefetch(static_cast<const char*>(st.sl[k]) + ahead, _MM_HINT_T0);
            _mm_prefetch(static_cast<const char*>(st.sr[k]) + ahead, _MM_HINT_T0);
        }
    }
    __m256 l, r;
    if constexpr (Symmetric) {
        l = passEight<K, Int16, Prior>(st.gl, st.sl, left.prior, i);
        r = passEight<K, Int16, Prior>(st.gr, st.sr, right.prior, i);
    } else {
        l = anyPassEight(left, st.gl, at, i);
        r = anyPassEight(right, st.gr, at, i);
    }
    if constexpr (Scaled) {
        l = _mm256_mul_ps(l, st.gm);
        r = _mm256_mul_ps(r, st.gm);
    }
    storeScanning<!kFiniteSums<Symmetric, Int16, Prior>>(l, r, i, out, st.absMask, st.peakL,
                                                         st.peakR, st.sums);
}

// mixInterleavedAvx2's block, Scaled when the master gain is not unity (applyRampedGain skips
// unity): two loops, so that the test is not made in every step.
template <bool Symmetric, int K, bool Int16, bool Prior, bool Scaled>
__attribute__((target("avx2"), always_inline)) inline BusScan interleavedBlock(
    const ChannelPass& left, const ChannelPass& right, std::size_t at, float master, int n,
    float* out) noexcept {
    // Symmetric: K sources a side, in locals (a vector store may alias anything: read through
    // the passes, every step would load them again). Else only the gains (count at run time).
    constexpr int kTerms = Symmetric ? K : kMaxFusedSources;
    InterleavedState<kTerms> st;
    const int terms = Symmetric ? K : (left.count > right.count ? left.count : right.count);
    for (int k = 0; k < terms; ++k) {
        st.gl[k] = _mm256_set1_ps(left.gains[k]);
        st.gr[k] = _mm256_set1_ps(right.gains[k]);
        if constexpr (Symmetric) {
            st.sl[k] = sourceAt<Int16>(left, k, at);
            st.sr[k] = sourceAt<Int16>(right, k, at);
        }
    }
    st.gm = _mm256_set1_ps(master);
    st.absMask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff));
    st.peakL = st.peakR = st.sums = _mm256_setzero_ps();
    int i = 0;
    // Sixteen frames a step: the loop's count, compare and branch paid half as often, and the
    // prefetch (a line a source per 16 frames) needs no test of its own.
    for (; i + 16 <= n; i += 16) {
        interleavedEight<Symmetric, K, Int16, Prior, Scaled, true>(st, left, right, at, n, i, out);
        interleavedEight<Symmetric, K, Int16, Prior, Scaled, false>(st, left, right, at, n, i + 8,
                                                                    out);
    }
    for (; i + 8 <= n; i += 8)
        interleavedEight<Symmetric, K, Int16, Prior, Scaled, true>(st, left, right, at, n, i, out);
    BusScan scan;
    float sum = 0.0f;
    scan.peakLeft = largestLane(st.peakL);
    scan.peakRight = largestLane(st.peakR);
    for (; i < n; ++i) {
        float l = passFrame(left, at, i), r = passFrame(right, at, i);
        if constexpr (Scaled) {
            l *= master;
            r *= master;
        }
        scanFrame(l, r, i, out, scan, sum);
    }
    if constexpr (kFiniteSums<Symmetric, Int16, Prior>) {
        scan.nan = sum != sum || !left.boundedGains || !right.boundedGains ||
                   !(std::abs(master) <= kBoundedGain);
    } else {
        const __m256 nanLanes = _mm256_cmp_ps(st.sums, st.sums, _CMP_UNORD_Q);
        scan.nan = sum != sum || _mm256_movemask_ps(nanLanes) != 0;
    }
    return scan;
}

// Symmetric: both channels' passes have K sources of one format (the common case: every stem
// of one format, none silenced on one side), so every term is straight-line code. Else
// (Symmetric false) each channel's pass is read at run time.
template <bool Symmetric, int K, bool Int16, bool Prior>
__attribute__((target("avx2"))) BusScan mixInterleavedAvx2(const ChannelPass& left,
                                                           const ChannelPass& right, std::size_t at,
                                                           float master, int n,
                                                           float* out) noexcept {
    return master != 1.0f
               ? interleavedBlock<Symmetric, K, Int16, Prior, true>(left, right, at, master, n, out)
               : interleavedBlock<Symmetric, K, Int16, Prior, false>(left, right, at, master, n,
                                                                     out);
}

// The kernel for symmetric passes of `count` sources: K, the format and whether a prior sum is
// read are constants.
template <bool Int16>
InterleavedMix symmetricKernel(int count, bool prior) noexcept {
    switch (count) {
        case 1:
            return prior ? &mixInterleavedAvx2<true, 1, Int16, true>
                         : &mixInterleavedAvx2<true, 1, Int16, false>;
        case 2:
            return prior ? &mixInterleavedAvx2<true, 2, Int16, true>
                         : &mixInterleavedAvx2<true, 2, Int16, false>;
        case 3:
            return prior ? &mixInterleavedAvx2<true, 3, Int16, true>
                         : &mixInterleavedAvx2<true, 3, Int16, false>;
        default:
            return prior ? &mixInterleavedAvx2<true, 4, Int16, true>
                         : &mixInterleavedAvx2<true, 4, Int16, false>;
    }
}

#endif

}  // namespace

InterleavedMix interleavedMixFor(const ChannelPass& left, const ChannelPass& right, bool priorLeft,
                                 bool priorRight) noexcept {
#if defined(STEMDECK_X86_DISPATCH)
    if (!kHasAvx2) return nullptr;
    const bool symmetric = left.count == right.count && left.count > 0 &&
                           left.int16 == right.int16 && priorLeft == priorRight;
    if (!symmetric) return &mixInterleavedAvx2<false, 1, false, false>;
    return left.int16 ? symmetricKernel<true>(left.count, priorLeft)
                      : symmetricKernel<false>(left.count, priorLeft);
#else
    (void)left, (void)right, (void)priorLeft, (void)priorRight;
    return nullptr;
#endif
}

BusScan interleaveScanning(const float* left, const float* right, int n, float* out) noexcept {
#if defined(STEMDECK_X86_DISPATCH)
    if (kHasAvx2) return interleaveAvx2(left, right, n, out);
#endif
    BusScan scan;
    float sum = 0.0f;
    int i = 0;
#if defined(__SSE2__)
    // Four frames a step in SSE registers: the compiler does not vectorise the maxima and the
    // sum itself (that would need -ffast-math's reassociation).
    const __m128 absMask = _mm_castsi128_ps(_mm_set1_epi32(0x7fffffff));
    __m128 peakL = _mm_setzero_ps(), peakR = _mm_setzero_ps(), sums = _mm_setzero_ps();
    for (; i + 4 <= n; i += 4) {
        const __m128 l = _mm_loadu_ps(left + i);
        const __m128 r = _mm_loadu_ps(right + i);
        _mm_storeu_ps(out + 2 * i, _mm_unpacklo_ps(l, r));
        _mm_storeu_ps(out + 2 * i + 4, _mm_unpackhi_ps(l, r));
        peakL = _mm_max_ps(peakL, _mm_and_ps(l, absMask));
        peakR = _mm_max_ps(peakR, _mm_and_ps(r, absMask));
        sums = _mm_add_ps(sums, _mm_add_ps(l, r));
    }
    alignas(16) float lanesL[4], lanesR[4], lanesSum[4];
    _mm_store_ps(lanesL, peakL);
    _mm_store_ps(lanesR, peakR);
    _mm_store_ps(lanesSum, sums);
    foldLanes(lanesL, lanesR, lanesSum, 4, scan, sum);
#endif
    scanTail(left, right, i, n, out, scan, sum);
    scan.nan = sum != sum;
    return scan;
}

}  // namespace stemdeck::audio::detail
