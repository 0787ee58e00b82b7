// The whole rehearsal chain on the audio thread, composed as a transport would compose it:
// Mixer -> LoopPlayer (A-B loop, quantised jumps) -> TimeStretcher -> ClickGenerator ->
// OutputRouting. Nothing in it may allocate, lock or make a system call while every control
// moves from another thread.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

#include "AllocationCounter.h"
#include "AudioFiles.h"
#include "BlockingCallCounter.h"
#include "HammeredBlocks.h"
#include "MemorySong.h"
#include "stemdeck/audio/click/ClickGenerator.h"
#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/mix/Mixer.h"
#include "stemdeck/audio/mix/OutputRouting.h"
#include "stemdeck/audio/stretch/TimeStretcher.h"
#include "stemdeck/audio/timeline/LoopRegion.h"
#include "stemdeck/audio/timeline/QuantizedJump.h"
#include "stemdeck/audio/transport/LoopPlayer.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_RehearsalAllocationTest {

using namespace stemdeck;
using test::AllocationCounter;
using test::BlockingCallCounter;

TEST(RehearsalRealtime, TheWholeChainAllocatesNothingWhileControlsMove) {
    const int rate = 48000;
    const int block = 256;
    const int channels = 8;
    const std::int64_t frames = 8 * rate;
    const audio::Song song =
        test::MemorySong(rate)
            .mono("bass", test::sine(55.0, 0.3, rate, frames))
            .stereo("keys", test::sine(440.0, 0.2, rate, frames), test::noise(0.1, frames, 3))
            .build();
    audio::MixControls mix(song.stems.size());
    audio::Mixer mixer;
    mixer.prepare(&song, &mix, rate);
    audio::LoopRegion region;
    region.prepare(rate, song.frames);
    audio::LoopPlayer loop;
    loop.prepare(&region, rate, audio::Mixer::kMaxChunk);
    audio::TimeStretcher stretcher;
    stretcher.prepare(rate);
    audio::ClickGenerator click;
    click.prepare(rate);
    click.setEnabled(true);
    audio::OutputRouting routing;
    routing.prepare(1, block, channels);  // the mix as one source, plus the click
    routing.setDeviceChannels(channels);
    const audio::QuantizedJump nextBar;

    AllocationCounter::reset();
    BlockingCallCounter::reset();
    std::atomic<bool> stop{false};
    std::atomic<bool> jumpRequest{false};
    std::thread control([&] {
        std::mt19937 rng(9);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        for (int i = 0; !stop.load(); ++i) {
            const auto a = static_cast<std::int64_t>(unit(rng) * frames * 0.8);
            region.set(a, a + 2000 + static_cast<std::int64_t>(unit(rng) * rate));
            if (i % 5 == 0) region.setEnabled(i % 10 == 0);
            stretcher.setTempo(i % 30 == 0 ? 1.0 : 0.5 + unit(rng));
            stretcher.setPitchCents(i % 30 == 0 ? 0.0 : 600.0 * unit(rng) - 300.0);
            click.setGrid(60.0 + 120.0 * unit(rng), {3 + i % 4, 4}, i % 1000);
            click.setLevel(static_cast<float>(unit(rng)));
            routing.route(0, static_cast<int>(rng() % 2));
            routing.route(routing.clickSource(), static_cast<int>(rng() % 4));
            mix.setGainDb(rng() % 2, static_cast<float>(-20.0 * unit(rng)));
            if (i % 20 == 0) jumpRequest = true;
            std::this_thread::sleep_for(std::chrono::microseconds(300));
        }
    });
    std::int64_t position = 0;
    std::int64_t blocksRendered = 0;
    std::thread audioThread([&] {
        std::vector<float> left(block), right(block), clickLeft(block), clickRight(block);
        std::vector<float> out(static_cast<std::size_t>(block) * channels);
        const audio::RealtimeScope realtime;
        for (int b = 0; b < test::hammeredBlocks(12000); ++b) {
            if (jumpRequest.exchange(false)) {
                // "Jump to the start, at the next bar", decided here with the exact position.
                loop.scheduleJump(nextBar.when(position, click.grid()), 0);
            }
            stretcher.render(left.data(), right.data(), block, [&](float* l, float* r, int n) {
                loop.render(position, n, l, r, [&](std::int64_t at, int k, float* ml, float* mr) {
                    mixer.mix(at, k, ml, mr);
                });
                if (position >= song.frames) {  // the song ended: the transport would stop
                    position = 0;
                    loop.reset();
                }
            });
            const double heard = static_cast<double>(position) - stretcher.latencyFrames();
            click.render(heard, block, clickLeft.data(), clickRight.data(), stretcher.tempo());
            routing.clear(block);
            routing.add(0, left.data(), right.data(), block, channels);
            routing.add(routing.clickSource(), clickLeft.data(), clickRight.data(), block,
                        channels);
            routing.scatter(out.data(), block, channels);
            ++blocksRendered;
        }
    });
    audioThread.join();
    stop = true;
    control.join();

    EXPECT_EQ(blocksRendered, test::hammeredBlocks(12000));
    EXPECT_EQ(AllocationCounter::allocations(), 0u);
    EXPECT_EQ(AllocationCounter::deallocations(), 0u);
    if (BlockingCallCounter::active()) {
        EXPECT_EQ(BlockingCallCounter::total(), 0u) << BlockingCallCounter::firstCall();
    }
}

}  // namespace unity_RehearsalAllocationTest
