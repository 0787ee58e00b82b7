#include <gtest/gtest.h>

#include <Eigen/Core>
#include <cmath>
#include <string>
#include <vector>

#include "AudioFiles.h"
#include "MemorySong.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/mix/Mixer.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MixerTest {

using namespace stemdeck;
using audio::MixControls;
using audio::Mixer;

namespace {
constexpr int kRate = 48000;

struct Bus {
    std::vector<float> left, right;
};

// Mixes `frames` frames from `start` in blocks of `block`, applying `beforeBlock` first.
template <typename F>
Bus run(Mixer& mixer, std::int64_t start, int frames, int block, F beforeBlock) {
    Bus bus{std::vector<float>(frames), std::vector<float>(frames)};
    for (int off = 0; off < frames; off += block) {
        const int n = std::min(block, frames - off);
        beforeBlock(off);
        mixer.mix(start + off, n, bus.left.data() + off, bus.right.data() + off);
    }
    return bus;
}
Bus run(Mixer& mixer, std::int64_t start, int frames, int block) {
    return run(mixer, start, frames, block, [](int) {});
}
}  // namespace

TEST(Mixer, DefaultMixIsTheExactSumOfTheStems) {
    auto a = test::sine(220, 0.3, kRate, 4800);
    auto bl = test::noise(0.2, 4800, 1), br = test::noise(0.2, 4800, 2);
    const auto song = test::MemorySong(kRate).mono("a", a).stereo("b", bl, br).build();
    MixControls mix(2);
    Mixer mixer;
    mixer.prepare(&song, &mix, kRate);
    const Bus bus = run(mixer, 0, 4800, 256);
    for (int i = 0; i < 4800; ++i) {
        ASSERT_FLOAT_EQ(bus.left[i], a[i] + bl[i]) << i;
        ASSERT_FLOAT_EQ(bus.right[i], a[i] + br[i]) << i;
    }
}

TEST(Mixer, AppliesGainPanMuteSoloAndMaster) {
    auto a = test::sine(220, 0.3, kRate, 2000);
    auto b = test::sine(330, 0.3, kRate, 2000);
    auto c = test::sine(440, 0.3, kRate, 2000);
    const auto song = test::MemorySong(kRate).mono("a", a).mono("b", b).mono("c", c).build();
    MixControls mix(3);
    mix.setGainDb(0, -6.0f);
    mix.setPan(0, -0.5f);
    mix.setSolo(0, true);
    mix.setSolo(1, true);
    mix.setMuted(1, true);  // soloed but muted: silent
    mix.setMasterGainDb(-3.0f);
    Mixer mixer;
    mixer.prepare(&song, &mix, kRate);  // prepare starts at the targets: no ramp
    const Bus bus = run(mixer, 0, 2000, 128);
    const float g = MixControls::dbToLinear(-6.0f) * MixControls::dbToLinear(-3.0f);
    const auto pan = MixControls::panGains(-0.5f);
    for (int i = 0; i < 2000; ++i) {
        ASSERT_NEAR(bus.left[i], g * pan.left * a[i], 1e-6) << i;
        ASSERT_NEAR(bus.right[i], g * pan.right * a[i], 1e-6) << i;
    }
}

TEST(Mixer, StemsShorterThanTheSongAreSilentPastTheirEnd) {
    const auto song = test::MemorySong(kRate)
                          .mono("long", std::vector<float>(1000, 0.25f))
                          .mono("short", std::vector<float>(300, 0.5f))
                          .build();
    MixControls mix(2);
    Mixer mixer;
    mixer.prepare(&song, &mix, kRate);
    const Bus bus = run(mixer, 0, 1200, 256);
    EXPECT_FLOAT_EQ(bus.left[299], 0.75f);
    EXPECT_FLOAT_EQ(bus.left[300], 0.25f);
    EXPECT_FLOAT_EQ(bus.left[999], 0.25f);
    EXPECT_FLOAT_EQ(bus.left[1000], 0.0f);
    EXPECT_FLOAT_EQ(bus.right[1199], 0.0f);
}

// A mute on a full-scale DC stem: the output falls linearly to exactly zero over the ramp,
// with no step larger than one ramp increment: no click.
TEST(Mixer, MuteRampsWithoutDiscontinuity) {
    const auto song = test::MemorySong(kRate).mono("dc", std::vector<float>(20000, 1.0f)).build();
    MixControls mix(1);
    Mixer mixer;
    mixer.prepare(&song, &mix, kRate);
    const int ramp = mixer.rampSamples();
    EXPECT_EQ(ramp, static_cast<int>(Mixer::kDefaultRampMs * kRate / 1000));
    const Bus bus = run(mixer, 0, 20000, 64, [&](int off) {
        if (off == 4096) mix.setMuted(0, true);
        if (off == 12800) mix.setMuted(0, false);
    });
    EXPECT_LE(test::maxStep(bus.left), 1.0f / ramp + 1e-5f);
    EXPECT_EQ(bus.left[4095], 1.0f);
    EXPECT_EQ(bus.left[4096 + ramp - 1], 0.0f);
    EXPECT_EQ(bus.left[12799], 0.0f);
    EXPECT_EQ(bus.left[12800 + ramp - 1], 1.0f);
}

// The fade time is fixed in samples, whatever the block size.
TEST(Mixer, RampLengthDoesNotDependOnBlockSize) {
    const auto song = test::MemorySong(kRate).mono("dc", std::vector<float>(8192, 0.5f)).build();
    std::vector<Bus> results;
    for (int block : {32, 256, 1024}) {
        MixControls mix(1);
        Mixer mixer;
        mixer.prepare(&song, &mix, kRate);
        results.push_back(run(mixer, 0, 8192, block, [&](int off) {
            if (off == 1024) mix.setGainDb(0, -12.0f);
        }));
    }
    EXPECT_EQ(results[0].left, results[1].left);
    EXPECT_EQ(results[1].left, results[2].left);
}

TEST(Mixer, MasterGainIsRampedToo) {
    const auto song = test::MemorySong(kRate).mono("dc", std::vector<float>(8192, 1.0f)).build();
    MixControls mix(1);
    Mixer mixer;
    mixer.prepare(&song, &mix, kRate);
    const Bus bus = run(mixer, 0, 8192, 512, [&](int off) {
        if (off == 2048) mix.setMasterGainDb(MixControls::kMinGainDb);
    });
    EXPECT_LE(test::maxStep(bus.right), 1.0f / mixer.rampSamples() + 1e-5f);
    EXPECT_EQ(bus.right[2047], 1.0f);
    EXPECT_EQ(bus.right[2048 + mixer.rampSamples()], 0.0f);
}

TEST(Mixer, PanMovesAMonoStemWithConstantPower) {
    const auto song = test::MemorySong(kRate).mono("dc", std::vector<float>(4096, 0.5f)).build();
    MixControls mix(1);
    mix.setPan(0, 1.0f);
    Mixer mixer;
    mixer.prepare(&song, &mix, kRate);
    const Bus bus = run(mixer, 0, 4096, 256);
    EXPECT_NEAR(bus.left[100], 0.0f, 1e-6);
    EXPECT_NEAR(bus.right[100], 0.5f * std::sqrt(2.0f), 1e-6);
}

// EIGEN_RUNTIME_NO_MALLOC: any hidden Eigen temporary in the mixing maths would assert here.
TEST(Mixer, MixingMakesNoEigenAllocation) {
#ifdef NDEBUG
    GTEST_SKIP() << "eigen_assert is compiled out with NDEBUG";
#endif
    auto a = test::sine(220, 0.3, kRate, 9000);
    const auto song = test::MemorySong(kRate).mono("a", a).stereo("b", a, a).build();
    MixControls mix(2);
    Mixer mixer;
    mixer.prepare(&song, &mix, kRate);
    std::vector<float> l(Mixer::kMaxChunk), r(Mixer::kMaxChunk);
    Eigen::internal::set_is_malloc_allowed(false);
    for (int off = 0; off < 9000; off += Mixer::kMaxChunk) {
        mix.setGainDb(0, off % 2 ? -3.0f : 0.0f);
        mix.setMuted(1, off % 3);
        mix.setMasterGainDb(off % 5 ? -1.0f : 0.0f);
        mixer.mix(off, Mixer::kMaxChunk, l.data(), r.data());
    }
    Eigen::internal::set_is_malloc_allowed(true);
    EXPECT_TRUE(Eigen::internal::is_malloc_allowed());
}

// Found by ASan under the realtime hammer test: a chain joining where the listener is, while
// its stretcher still held the start, asked for frames before 0 and the mixer read the memory
// before the stem's audio. Before the song is silence, then the song from its first frame.
TEST(Mixer, FramesBeforeTheStartAreSilence) {
    const auto a = test::sine(220, 0.3, kRate, 4800);
    const auto song = test::MemorySong(kRate).mono("a", a).build();
    MixControls mix(1);
    Mixer mixer;
    mixer.prepare(&song, &mix, kRate);
    const Bus bus = run(mixer, -100, 256, 256);
    for (int i = 0; i < 100; ++i) ASSERT_EQ(bus.left[i], 0.0f) << i;
    for (int i = 100; i < 256; ++i) ASSERT_FLOAT_EQ(bus.left[i], a[i - 100]) << i;
    const Bus before = run(mixer, -1000, 256, 256);
    for (int i = 0; i < 256; ++i) ASSERT_EQ(before.left[i], 0.0f) << i;
}

namespace {
// Samples a 16-bit source holds: whole steps of 1/32768.
std::vector<float> to16Bit(std::vector<float> samples) {
    for (auto& s : samples) s = std::nearbyint(s * 32768.0f) / 32768.0f;
    return samples;
}
}  // namespace

// int16 storage plays each sample as sample / 32768, as the float copy of a 16-bit source
// did: the same mix, bit for bit, through settled gains, ramps, pan and the master.
TEST(Mixer, Int16StemsMixExactlyAsTheirFloatValues) {
    const auto a = to16Bit(test::sine(220, 0.3, kRate, 6000));
    const auto bl = to16Bit(test::noise(0.2, 6000, 1)), br = to16Bit(test::noise(0.2, 6000, 2));
    const auto floats = test::MemorySong(kRate).mono("a", a).stereo("b", bl, br).build();
    const auto ints = test::MemorySong(kRate).mono16("a", a).stereo16("b", bl, br).build();
    ASSERT_EQ(ints.stems[1].audio.format(), audio::SampleFormat::Int16);
    const auto mixOf = [&](const audio::Song& song) {
        MixControls mix(2);
        Mixer mixer;
        mixer.prepare(&song, &mix, kRate);
        return run(mixer, 0, 6000, 256, [&](int off) {
            if (off == 1024) mix.setGainDb(0, -7.5f);  // ramps
            if (off == 2048) mix.setPan(1, 0.4f);
            if (off == 3072) mix.setMasterGainDb(-3.0f);
        });
    };
    const Bus f = mixOf(floats), i = mixOf(ints);
    for (int k = 0; k < 6000; ++k) {
        ASSERT_FLOAT_EQ(i.left[k], f.left[k]) << k;
        ASSERT_FLOAT_EQ(i.right[k], f.right[k]) << k;
    }
    // Default mix: exactly the sum of sample / 32768.
    MixControls unity(2);
    Mixer mixer;
    mixer.prepare(&ints, &unity, kRate);
    const Bus bus = run(mixer, 0, 6000, 64);
    for (int k = 0; k < 6000; ++k) ASSERT_FLOAT_EQ(bus.left[k], a[k] + bl[k]) << k;
}

// Progressive loading's seam: a stem whose second half is not decoded yet plays its ready
// frames and silence after them, then the rest once it is published.
TEST(Mixer, AStemHalfReadyPlaysItsReadyPartAndSilenceAfter) {
    const auto tone = to16Bit(test::sine(330, 0.4, kRate, 4800));
    audio::Song song = test::MemorySong(kRate).mono16("a", {}).build();
    song.frames = 4800;
    audio::StemAudio& stored = song.stems[0].audio;
    ASSERT_TRUE(stored.reserve(4800));
    stored.append(tone.data(), 2400);
    MixControls mix(1);
    Mixer mixer;
    mixer.prepare(&song, &mix, kRate);
    const Bus half = run(mixer, 0, 4800, 256);
    for (int k = 0; k < 2400; ++k) ASSERT_FLOAT_EQ(half.left[k], tone[k]) << k;
    for (int k = 2400; k < 4800; ++k) ASSERT_EQ(half.left[k], 0.0f) << k;
    stored.append(tone.data() + 2400, 2400);
    const Bus whole = run(mixer, 0, 4800, 256);
    for (int k = 0; k < 4800; ++k) ASSERT_FLOAT_EQ(whole.right[k], tone[k]) << k;
}

// With every gain settled the mixer sums the stems a few at a time in one pass over the bus
// (MixKernels): still the same float operations in the same order as stem by stem, so the
// bus is bit for bit g0*s0 + g1*s1 + ... over float and int16 stems alike, with muted stems
// left out and more stems than one pass takes; likewise for a routed pair's stems alone.
TEST(Mixer, SettledMixIsTheStemByStemSumBitForBit) {
    constexpr int kFrames = 3000;
    constexpr int kStems = 7;
    test::MemorySong builder(kRate);
    std::vector<std::vector<float>> left, right;
    for (int s = 0; s < kStems; ++s) {
        left.push_back(to16Bit(test::noise(0.2, kFrames, 2 * s + 1)));
        right.push_back(to16Bit(test::noise(0.2, kFrames, 2 * s + 2)));
        const std::string name = "s" + std::to_string(s);
        if (s == 2 || s == 3 || s == 6)  // int16 among float: passes break at a format change
            builder.stereo16(name, left.back(), right.back());
        else
            builder.stereo(name, left.back(), right.back());
    }
    const auto song = builder.build();
    ASSERT_EQ(song.stems[2].audio.format(), audio::SampleFormat::Int16);
    MixControls mix(kStems);
    for (int s = 0; s < kStems; ++s) {
        mix.setGainDb(static_cast<std::size_t>(s), -1.5f * static_cast<float>(s));
        mix.setPan(static_cast<std::size_t>(s), 0.3f * static_cast<float>(s % 3) - 0.3f);
    }
    mix.setMuted(0, true);  // the first stem silent: the second writes the bus
    mix.setMuted(4, true);
    Mixer mixer;
    mixer.prepare(&song, &mix, kRate);  // snaps to the targets: nothing ramps

    // g * sample in stem order, int16 as (g / 32768) * sample, as Mixer's per-stem code.
    const auto expected = [&](int pairFilter, const int* pairOf, int k, bool isLeft) {
        float sum = 0.0f;
        bool first = true;
        for (int s = 0; s < kStems; ++s) {
            if (pairOf && pairOf[s] != pairFilter) continue;
            const auto target = mix.target(static_cast<std::size_t>(s), false);
            const float g = isLeft ? target.left : target.right;
            if (g == 0.0f) continue;
            const float x =
                (isLeft ? left : right)[static_cast<std::size_t>(s)][static_cast<std::size_t>(k)];
            const bool int16 = s == 2 || s == 3 || s == 6;
            const float term =
                int16 ? (g * audio::kInt16ToFloat) * std::nearbyint(x * 32768.0f) : g * x;
            sum = first ? term : sum + term;
            first = false;
        }
        return sum;
    };
    const Bus bus = run(mixer, 0, kFrames, 256);
    for (int k = 0; k < kFrames; ++k) {
        ASSERT_EQ(bus.left[k], expected(0, nullptr, k, true)) << k;
        ASSERT_EQ(bus.right[k], expected(0, nullptr, k, false)) << k;
    }
    const int pairOf[kStems] = {0, 1, 1, 0, 1, 1, 1};
    std::vector<float> l(64), r(64);
    mixer.mixStems(512, 64, l.data(), r.data(), pairOf, 1);
    for (int k = 0; k < 64; ++k) {
        ASSERT_EQ(l[k], expected(1, pairOf, 512 + k, true)) << k;
        ASSERT_EQ(r[k], expected(1, pairOf, 512 + k, false)) << k;
    }
}

// The Mixer reads the controls only when their version moved: a change made between two blocks
// after many settled ones (nothing read for long) still starts its ramp on the next block's
// first frame, whichever control it is.
TEST(Mixer, AChangeBetweenSettledBlocksRampsFromTheNextBlock) {
    const std::vector<float> dc(40000, 0.5f);
    const auto song = test::MemorySong(kRate).mono("a", dc).mono("b", dc).build();
    MixControls mix(2);
    Mixer mixer;
    mixer.prepare(&song, &mix, kRate);
    const int ramp = mixer.rampSamples();
    const int changeAt = 64 * 40;  // settled for 40 blocks first
    using Change = void (*)(MixControls&);
    const Change changes[] = {
        [](MixControls& m) { m.setGainDb(0, -6.0f); }, [](MixControls& m) { m.setMuted(1, true); },
        [](MixControls& m) { m.setSolo(0, true); }, [](MixControls& m) { m.setPan(1, 1.0f); },
        [](MixControls& m) { m.setMasterGainDb(-6.0f); }};
    for (const Change change : changes) {
        mix.reset();
        mixer.snapToTargets();
        const Bus bus = run(mixer, 0, changeAt + 2 * ramp, 64, [&](int off) {
            if (off == changeAt) change(mix);
        });
        ASSERT_EQ(bus.left[changeAt - 1], 1.0f);
        ASSERT_EQ(bus.right[changeAt - 1], 1.0f);
        // The first frame of the next block has moved one ramp step, not more.
        const float stepLeft = bus.left[changeAt] - 1.0f;
        const float stepRight = bus.right[changeAt] - 1.0f;
        EXPECT_TRUE(stepLeft != 0.0f || stepRight != 0.0f);
        EXPECT_LE(std::abs(stepLeft), 1.5f / static_cast<float>(ramp));
        EXPECT_LE(std::abs(stepRight), 1.5f / static_cast<float>(ramp));
    }
}

// Settled blocks of whole stems reuse one plan of the mix while the controls' version stands:
// once a change has ramped and settled, the next plan carries the new gains (and a stem muted
// meanwhile is left out of it), not the old ones.
TEST(Mixer, TheSettledMixFollowsAChangeOnceItsRampIsOver) {
    const std::vector<float> dc(40000, 0.5f);
    const auto song = test::MemorySong(kRate).mono("a", dc).mono("b", dc).build();
    MixControls mix(2);
    Mixer mixer;
    mixer.prepare(&song, &mix, kRate);
    const int ramp = mixer.rampSamples();
    const int changeAt = 64 * 20;
    const Bus bus = run(mixer, 0, changeAt + 4 * ramp, 64, [&](int off) {
        if (off == changeAt) {
            mix.setGainDb(0, -6.0f);
            mix.setMuted(1, true);
        }
    });
    ASSERT_EQ(bus.left[changeAt - 1], 1.0f);
    const float expected = 0.5f * MixControls::dbToLinear(-6.0f);
    for (int k = changeAt + ramp; k < changeAt + 4 * ramp; ++k) {
        ASSERT_EQ(bus.left[k], expected) << k;
        ASSERT_EQ(bus.right[k], expected) << k;
    }
}

// The int16 passes have their own AVX2 loop (eight frames a step, the rest one by one): for one
// to six stems (a second pass adding to the first from five on) and blocks that are not a
// multiple of eight, the sum is the stem-by-stem one bit for bit.
TEST(Mixer, Int16PassesAreTheStemByStemSumForAnyCountAndBlock) {
    constexpr int kFrames = 700;
    for (int stems = 1; stems <= 6; ++stems) {
        test::MemorySong builder(kRate);
        std::vector<std::vector<float>> samples;
        for (int s = 0; s < stems; ++s) {
            samples.push_back(to16Bit(test::noise(0.2, kFrames, 40 + s)));
            builder.stereo16("s" + std::to_string(s), samples.back(), samples.back());
        }
        const auto song = builder.build();
        MixControls mix(static_cast<std::size_t>(stems));
        for (int s = 0; s < stems; ++s)
            mix.setGainDb(static_cast<std::size_t>(s), -0.7f * static_cast<float>(s));
        // 93 = 5 x 16 + 8 + 5: each loop of the vector kernels (16, 8, 1 frames a step) runs.
        for (const int block : {13, 67, 93, 256}) {
            Mixer mixer;
            mixer.prepare(&song, &mix, kRate);
            const Bus bus = run(mixer, 0, kFrames, block);
            for (int k = 0; k < kFrames; ++k) {
                float sum = 0.0f;
                for (int s = 0; s < stems; ++s) {
                    const float g = mix.target(static_cast<std::size_t>(s), false).left;
                    const float x = std::nearbyint(
                        samples[static_cast<std::size_t>(s)][static_cast<std::size_t>(k)] *
                        32768.0f);
                    const float term = (g * audio::kInt16ToFloat) * x;
                    sum = s == 0 ? term : sum + term;
                }
                ASSERT_EQ(bus.left[k], sum) << stems << " stems, block " << block << ", " << k;
                ASSERT_EQ(bus.right[k], sum) << stems << " stems, block " << block << ", " << k;
            }
        }
    }
}

}  // namespace unity_MixerTest
