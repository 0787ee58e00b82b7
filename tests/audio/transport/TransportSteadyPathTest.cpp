#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
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

// How the stems are stored: mixed float and int16 (passes of one format each), all float,
// all int16 (one pass of four per channel), six float stems (two passes per channel).
enum class Storage { Mixed, Float, Int16, SixFloat };

audio::Song song(Storage storage) {
    test::MemorySong s(kRate);
    const auto add = [&](const std::string& name, bool int16, unsigned seed, double amplitude) {
        if (int16)
            s.stereo16(name, stemNoise(seed, amplitude), stemNoise(seed + 1, amplitude));
        else
            s.stereo(name, stemNoise(seed, amplitude), stemNoise(seed + 1, amplitude));
    };
    switch (storage) {
        case Storage::Mixed:
            add("a", false, 1, 0.5);
            add("b", true, 3, 0.6);
            add("c", false, 5, 0.4);
            break;
        case Storage::Float:
        case Storage::Int16:
            for (unsigned i = 0; i < 4; ++i)
                add(std::string(1, static_cast<char>('a' + i)), storage == Storage::Int16,
                    1 + 2 * i, 0.3 + 0.05 * i);
            break;
        case Storage::SixFloat:
            for (unsigned i = 0; i < 6; ++i)
                add(std::string(1, static_cast<char>('a' + i)), false, 1 + 2 * i, 0.2 + 0.04 * i);
            break;
    }
    audio::Song built = s.build();
    for (auto& stem : built.stems) audio::computePeaks(stem);
    return built;
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
    if (crossed(0.80)) s.mix.setPan(1, -1.0f);  // hard left: the right bus has a stem fewer
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

// Issue 11 item 5: the steady path (RenderPipeline::renderSteady), and within it the mix
// straight into the device's buffer (Mixer::mixInterleaved), gives the general path's samples
// bit for bit, at any block size and storage, through everything that leaves it and comes back.
class TransportSteadyPath : public ::testing::TestWithParam<Storage> {};

TEST_P(TransportSteadyPath, RendersTheSameSamplesAsTheGeneralPathAtEveryBlockSize) {
    const audio::Song shared = song(GetParam());
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
            // Bit for bit (a -0 for a +0 counts too).
            for (std::size_t i = 0; i < a.size(); ++i)
                if (std::memcmp(&a[i], &b[i], sizeof(float)) != 0 && ++mismatches <= 5)
                    ADD_FAILURE() << "frame " << at + static_cast<std::int64_t>(i / 2) << " ch "
                                  << i % 2 << ": " << a[i] << " vs " << b[i];
            ASSERT_EQ(steady.transport.position(), general.transport.position()) << at;
            // The meters, read as the GUI reads them (every ~50 ms): the steady path notes
            // them itself (the fused mix, its scan), the same as the general path does.
            if ((at / block) % std::max<std::int64_t>(1, 2400 / block) == 0) {
                const audio::MeterReading ms = steady.transport.meters().read();
                const audio::MeterReading mg = general.transport.meters().read();
                ASSERT_EQ(ms.stems, mg.stems) << at;
                ASSERT_EQ(ms.masterLeft, mg.masterLeft) << at;
                ASSERT_EQ(ms.masterRight, mg.masterRight) << at;
            }
        }
        EXPECT_EQ(mismatches, 0);
        // Both paths were taken on the steady side, only the general one on the other; most
        // steady chunks went straight to the device.
        EXPECT_GT(steady.transport.steadyChunks(), 0u);
        EXPECT_LT(steady.transport.steadyChunks(), static_cast<std::uint64_t>(total / block));
        EXPECT_GT(steady.transport.fusedChunks(), steady.transport.steadyChunks() / 2);
        EXPECT_EQ(general.transport.steadyChunks(), 0u);
    }
}

INSTANTIATE_TEST_SUITE_P(Storages, TransportSteadyPath,
                         ::testing::Values(Storage::Mixed, Storage::Float, Storage::Int16,
                                           Storage::SixFloat));

}  // namespace unity_TransportSteadyPathTest
