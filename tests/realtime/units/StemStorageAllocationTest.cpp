// The render path over compact (int16) stems and over a stem still being written (the
// watermark that progressive loading publishes): Transport::process on the audio thread,
// seeking before and past the watermark while a loader thread appends, allocates nothing,
// takes no lock and makes no system call; frames past the watermark are silence. And the
// steady state of whole stems, the hot path of issue 11.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

#include "AllocationCounter.h"
#include "AudioFiles.h"
#include "BlockingCallCounter.h"
#include "MemorySong.h"
#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/mix/Mixer.h"
#include "stemdeck/audio/transport/Transport.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_StemStorageAllocationTest {

using namespace stemdeck;
using test::AllocationCounter;
using test::BlockingCallCounter;

namespace {

constexpr int kRate = 48000;
constexpr std::int64_t kFrames = 6 * kRate;

std::vector<float> interleave(const std::vector<float>& l, const std::vector<float>& r) {
    std::vector<float> out;
    for (std::size_t i = 0; i < l.size(); ++i) out.insert(out.end(), {l[i], r[i]});
    return out;
}

void expectRealtimeSafe() {
    EXPECT_EQ(AllocationCounter::allocations(), 0u);
    EXPECT_EQ(AllocationCounter::deallocations(), 0u);
    if (BlockingCallCounter::active()) {
        EXPECT_EQ(BlockingCallCounter::total(), 0u) << BlockingCallCounter::firstCall();
    }
}

}  // namespace

// A stem half ready: the mixer plays what is ready and silence after it, without allocating.
TEST(StemStorageRealtime, AHalfReadyStemPlaysItsReadyPartThenSilence) {
    const auto tone = test::sine(440.0, 0.5, kRate, kRate);
    audio::Song song = test::MemorySong(kRate).mono16("a", {}).build();
    song.frames = kRate;
    ASSERT_TRUE(song.stems[0].audio.reserve(kRate));
    song.stems[0].audio.append(tone.data(), kRate / 2);
    audio::MixControls mix(1);
    audio::Mixer mixer;
    mixer.prepare(&song, &mix, kRate);
    std::vector<float> left(kRate), right(kRate);
    AllocationCounter::reset();
    BlockingCallCounter::reset();
    {
        const audio::RealtimeScope realtime;
        for (int at = 0; at < kRate; at += 256)
            mixer.mix(at, std::min(256, kRate - at), left.data() + at, right.data() + at);
    }
    expectRealtimeSafe();
    for (int i = 0; i < kRate / 2; ++i)
        ASSERT_NEAR(left[i], tone[i], 1.0f / 32768.0f) << i;  // int16: within half a step
    for (int i = kRate / 2; i < kRate; ++i) ASSERT_EQ(left[i], 0.0f) << i;
}

// The whole render path on int16 and float stems, one of them still being appended by a
// loader thread, while the audio thread seeks back and forth across its watermark.
TEST(StemStorageRealtime, RenderingWhileAStemIsStillWrittenAllocatesNothing) {
    const auto a = test::sine(110.0, 0.2, kRate, kFrames);
    const auto b = test::noise(0.1, kFrames, 3);
    audio::Song song = test::MemorySong(kRate)
                           .mono16("bass", a)
                           .stereo16("keys", b, a)
                           .stereo("pad", a, b)
                           .stereo16("late", {}, {})
                           .build();
    song.frames = kFrames;
    audio::StemAudio& late = song.stems[3].audio;
    ASSERT_TRUE(late.reserve(kFrames / 8));  // grows in extents while it is read
    const auto lateFrames = interleave(b, a);

    audio::MixControls mix(song.stems.size());
    audio::Transport transport;
    transport.prepare(&song, &mix, kRate, audio::TransportSetup{1, true, true});
    transport.play();
    std::atomic<bool> written{false};
    // The loader: reserves ahead (never moving what is stored) and appends in chunks.
    std::thread loader([&] {
        for (std::int64_t f = 0; f < kFrames; f += 4096) {
            const std::int64_t n = std::min<std::int64_t>(4096, kFrames - f);
            if (late.capacityFrames() < f + n) late.reserve(std::min(kFrames, 2 * (f + n)));
            late.append(lateFrames.data() + 2 * f, n);
            std::this_thread::sleep_for(std::chrono::microseconds(300));
        }
        written = true;
    });

    AllocationCounter::reset();
    BlockingCallCounter::reset();
    bool finite = true;
    int blocks = 0;
    std::thread audioThread([&] {
        std::vector<float> out(2 * 256);
        const audio::RealtimeScope realtime;
        for (; blocks < 20000 && (blocks < 2000 || !written.load()); ++blocks) {
            if (blocks % 300 == 0) {
                // Before the watermark, and past it (silence until it gets there).
                const std::int64_t ready = late.readyFrames();
                transport.seek(blocks % 600 == 0 ? ready / 2
                                                 : std::min(kFrames - 1, ready + kRate));
            }
            if (transport.consumeEndOfSong()) transport.seek(0), transport.play();
            transport.process(out.data(), 256, 2);
            for (const float s : out) finite = finite && std::isfinite(s);
        }
    });
    audioThread.join();
    loader.join();
    expectRealtimeSafe();
    EXPECT_TRUE(finite);
    EXPECT_EQ(late.readyFrames(), kFrames);
    EXPECT_GT(late.extentCount(), 1);
}

// The steady state of the hot path (issue 11): whole int16 and float stems, a settled mix, no
// loop, no jump: the planned mix's vector loops (16 and 8 frames a step and the tail) and the
// loop player's shortcut, at 256, 64 and 93 frames a block, allocate nothing and do not block.
TEST(StemStorageRealtime, SteadyPlaybackOfWholeStemsAllocatesNothing) {
    const auto a = test::sine(220.0, 0.3, kRate, kFrames);
    const auto b = test::noise(0.1, kFrames, 5);
    const audio::Song song = test::MemorySong(kRate)
                                 .stereo16("drums", a, b)
                                 .stereo16("bass", b, a)
                                 .mono16("vox", a)
                                 .stereo("keys", b, b)
                                 .build();
    audio::MixControls mix(song.stems.size());
    audio::Transport transport;
    transport.prepare(&song, &mix, kRate);
    transport.play();
    std::vector<float> out(2 * 256);
    float peak = 0.0f;
    {
        const audio::RealtimeScope realtime;
        transport.process(out.data(), 256, 2);  // the first block starts and builds the plan
        AllocationCounter::reset();
        BlockingCallCounter::reset();
        for (int block = 0; block < 2000; ++block) {  // 275000 frames, inside the song
            const int frames = block % 3 == 0 ? 256 : block % 3 == 1 ? 64 : 93;
            transport.process(out.data(), frames, 2);
            for (int i = 0; i < 2 * frames; ++i) peak = std::max(peak, std::abs(out[i]));
        }
    }
    expectRealtimeSafe();
    EXPECT_GT(peak, 0.1f);  // the song was heard, not silence
    EXPECT_FALSE(transport.silent());
}

}  // namespace unity_StemStorageAllocationTest
