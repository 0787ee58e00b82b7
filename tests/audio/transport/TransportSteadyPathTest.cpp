#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "AudioFiles.h"
#include "AudioThread.h"
#include "MemorySong.h"
#include "stemdeck/audio/loader/StemPeaks.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/transport/Transport.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_TransportSteadyPathTest {

using namespace stemdeck;
using audio::MixControls;
using audio::Transport;

namespace {

constexpr int kRate = 48000;
constexpr std::int64_t kFrames = 4 * kRate;

// Noise on a 1/32768 grid (exact in int16 storage), loud enough at times for the limiter.
std::vector<float> stemNoise(unsigned seed, double amplitude) {
    std::vector<float> v = test::noise(amplitude, kFrames, seed);
    for (auto& s : v) s = static_cast<float>(static_cast<int>(s * 32768.0f)) / 32768.0f;
    return v;
}

audio::Song song() {
    audio::Song s = test::MemorySong(kRate)
                        .stereo("a", stemNoise(1, 0.5), stemNoise(2, 0.5))
                        .stereo16("b", stemNoise(3, 0.6), stemNoise(4, 0.6))
                        .stereo("c", stemNoise(5, 0.4), stemNoise(6, 0.4))
                        .build();
    for (auto& stem : s.stems) audio::computePeaks(stem);
    return s;
}

// One transport on the song, the steady path allowed or forced off.
struct Side {
    Side(const audio::Song& song, bool steadyPath) : mix(song.stems.size()) {
        audio::TransportSetup setup;
        setup.steadyPath = steadyPath;
        setup.timeStretch = true;  // built, bypassed at tempo 1 (as in the app)
        transport.prepare(&song, &mix, kRate, setup);
    }
    MixControls mix;
    Transport transport;
};

// The same changes at the same frames on both sides: gain ramps starting and ending, the
// master, a mute, a pan, a seek (its fade), a pause and a play, a tempo switched in and out,
// an A-B loop with its seams, the click.
void change(Side& s, std::int64_t at, std::int64_t frames) {
    const auto crossed = [&](double seconds) {
        const auto t = static_cast<std::int64_t>(seconds * kRate);
        return at <= t && t < at + frames;
    };
    if (crossed(0.0)) s.transport.play();
    if (crossed(0.25)) s.mix.setGainDb(1, -9.0f);
    if (crossed(0.40)) s.mix.setMasterGainDb(-4.0f);
    if (crossed(0.55)) s.mix.setMuted(0, true);
    if (crossed(0.70)) s.mix.setPan(2, 0.5f);
    if (crossed(0.90)) s.transport.seek(2 * kRate);
    if (crossed(1.20)) s.transport.pause();
    if (crossed(1.35)) s.transport.play();
    if (crossed(1.45)) s.transport.setTempo(0.9);
    if (crossed(1.52)) s.transport.setTempo(1.0);
    if (crossed(1.60)) {
        s.transport.loop().set(3 * kRate, 3 * kRate + kRate / 4);
        s.transport.loop().setEnabled(true);
    }
    if (crossed(2.30)) s.transport.loop().setEnabled(false);
    if (crossed(2.50)) s.transport.click().setEnabled(true);
    if (crossed(2.70)) s.transport.click().setEnabled(false);
}

}  // namespace

// Issue 11 item 5: the steady path (RenderPipeline::renderSteady) gives the general path's
// samples bit for bit, at any block size, through everything that leaves it and comes back.
TEST(TransportSteadyPath, RendersTheSameSamplesAsTheGeneralPathAtEveryBlockSize) {
    const audio::Song shared = song();
    for (const int block : {1, 64, 256, 1000}) {
        SCOPED_TRACE(block);
        Side steady(shared, true), general(shared, false);
        const std::int64_t total = 3 * kRate;
        std::vector<float> a(static_cast<std::size_t>(block) * 2),
            b(static_cast<std::size_t>(block) * 2);
        std::int64_t mismatches = 0;
        for (std::int64_t at = 0; at < total; at += block) {
            change(steady, at, block);
            change(general, at, block);
            test::processBlock(steady.transport, a.data(), block, 2);
            test::processBlock(general.transport, b.data(), block, 2);
            for (std::size_t i = 0; i < a.size(); ++i)
                if (a[i] != b[i] && ++mismatches <= 5)
                    ADD_FAILURE() << "frame " << at + static_cast<std::int64_t>(i / 2) << " ch "
                                  << i % 2 << ": " << a[i] << " vs " << b[i];
            ASSERT_EQ(steady.transport.position(), general.transport.position()) << at;
        }
        EXPECT_EQ(mismatches, 0);
        // Both paths were taken on the steady side, only the general one on the other.
        EXPECT_GT(steady.transport.steadyChunks(), 0u);
        EXPECT_LT(steady.transport.steadyChunks(), static_cast<std::uint64_t>(total / block));
        EXPECT_EQ(general.transport.steadyChunks(), 0u);
    }
}

}  // namespace unity_TransportSteadyPathTest
