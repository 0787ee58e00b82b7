// Buffering on the audio thread: a song whose stems are still being appended by a decoder
// thread plays, seeks past the watermark, buffers and resumes, with the stretcher in and out
// of the path, while Transport::process allocates nothing, takes no lock and makes no system
// call, and never plays a frame the decoder has not published (under TSan in CI: the watermark
// and the decoding flag are the only state the two threads share).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

#include "AllocationCounter.h"
#include "AudioFiles.h"
#include "BlockingCallCounter.h"
#include "MemorySong.h"
#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/transport/Transport.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_BufferingAllocationTest {

using namespace stemdeck;
using test::AllocationCounter;
using test::BlockingCallCounter;

namespace {
constexpr int kRate = 48000;
constexpr std::int64_t kFrames = 8 * kRate;
constexpr int kBlock = 256;
}  // namespace

TEST(BufferingRealtime, PlayingAndSeekingWhileAStemIsDecodedAllocatesNothing) {
    const auto a = test::sine(110.0, 0.2, kRate, kFrames);
    const auto b = test::noise(0.1, kFrames, 5);
    audio::Song song = test::MemorySong(kRate).mono16("bass", a).stereo("late", {}, {}).build();
    song.frames = kFrames;
    audio::StemAudio& late = song.stems[1].audio;
    late = audio::StemAudio(2, audio::SampleFormat::Float32);
    ASSERT_TRUE(late.reserve(kFrames / 16));  // grows in extents while it is read
    late.setDecoding(true);                   // before the hand-over, as the decoder does
    std::vector<float> lateFrames;
    for (std::int64_t i = 0; i < kFrames; ++i) lateFrames.insert(lateFrames.end(), {b[i], a[i]});

    audio::MixControls mix(song.stems.size());
    audio::Transport transport;
    transport.prepare(&song, &mix, kRate, audio::TransportSetup{1, true, true});
    transport.play();

    // The two threads keep a fixed pace whatever the machine's load: the decoder appends one
    // chunk per kBlocksPerChunk blocks rendered (2048 frames per 2560: slower than playback, so
    // the transport buffers, and resumes once the decoder is a second ahead). The pace is kept
    // with relaxed counters (no happens-before for TSan to see beyond the stem's own atomics)
    // and waits outside the RealtimeScope, where the audio thread may yield.
    constexpr int kChunk = 2048;
    constexpr int kBlocksPerChunk = 10;
    std::atomic<int> blocksDone{0}, chunksDone{0};
    std::atomic<bool> written{false}, stop{false};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    auto waitFor = [&](auto ready) {
        while (!ready() && !stop.load(std::memory_order_relaxed)) {
            if (std::chrono::steady_clock::now() > deadline) {
                stop = true;
                break;
            }
            std::this_thread::yield();
        }
    };
    // The decoder: reserves ahead (never moving what is stored), appends in chunks, then
    // clears the flag.
    std::thread decoder([&] {
        for (std::int64_t f = 0, chunk = 0; f < kFrames && !stop.load(); f += kChunk, ++chunk) {
            waitFor([&] {
                return blocksDone.load(std::memory_order_relaxed) >= chunk * kBlocksPerChunk;
            });
            const std::int64_t n = std::min<std::int64_t>(kChunk, kFrames - f);
            if (late.capacityFrames() < f + n) late.reserve(std::min(kFrames, 2 * (f + n)));
            late.append(lateFrames.data() + 2 * f, n);
            chunksDone.fetch_add(1, std::memory_order_relaxed);
        }
        late.setDecoding(false);
        written = true;
    });

    AllocationCounter::reset();
    BlockingCallCounter::reset();
    bool finite = true;
    int bufferingBlocks = 0, soundingBlocks = 0, pastWatermark = 0;
    std::int64_t firstPast = -1;
    std::thread audioThread([&] {
        std::vector<float> out(2 * kBlock);
        int sinceSeek = 1000, afterWritten = 0;
        for (int block = 0; block < 40000 && afterWritten < 1000 && !stop.load(); ++block) {
            if (block % 400 == 0) {
                // Past the watermark (buffering until it gets there), and back before it.
                const std::int64_t ready = late.readyFrames();
                transport.seek(block % 800 == 0 ? std::min(kFrames - 1, ready + kRate) : ready / 2);
                sinceSeek = 0;
            }
            if (block % 1000 == 500) transport.setTempo(transport.tempo() == 1.0 ? 1.5 : 1.0);
            if (transport.consumeEndOfSong()) transport.seek(0), transport.play();
            {
                const audio::RealtimeScope realtime;
                transport.process(out.data(), kBlock, 2);
            }
            ++sinceSeek;
            bool sounding = false;
            for (const float s : out) {
                finite = finite && std::isfinite(s);
                sounding = sounding || s != 0.0f;
            }
            bufferingBlocks += transport.buffering() ? 1 : 0;
            soundingBlocks += sounding ? 1 : 0;
            // What is heard was published (the watermark only grows). A seek's fade-out at the
            // old place reports the target meanwhile: skip the blocks right after one.
            const std::int64_t heard = transport.position();
            if (sounding && sinceSeek > 2 && late.decoding() && heard > late.readyFrames()) {
                if (firstPast < 0) firstPast = heard;
                ++pastWatermark;
            }
            blocksDone.store(block + 1, std::memory_order_relaxed);
            if (written.load()) {
                ++afterWritten;
                continue;
            }
            waitFor([&] {
                return written.load() ||
                       (chunksDone.load(std::memory_order_relaxed) + 2) * kBlocksPerChunk > block;
            });
        }
    });
    audioThread.join();
    const bool timedOut = stop.load();
    stop = true;
    decoder.join();

    ASSERT_FALSE(timedOut);
    EXPECT_EQ(AllocationCounter::allocations(), 0u);
    EXPECT_EQ(AllocationCounter::deallocations(), 0u);
    if (BlockingCallCounter::active()) {
        EXPECT_EQ(BlockingCallCounter::total(), 0u) << BlockingCallCounter::firstCall();
    }
    EXPECT_TRUE(finite);
    EXPECT_EQ(pastWatermark, 0) << "first at frame " << firstPast;
    EXPECT_GT(bufferingBlocks, 0);  // the seeks past the watermark buffered
    EXPECT_GT(soundingBlocks, 0);   // and it played on
    EXPECT_EQ(late.readyFrames(), kFrames);
}

}  // namespace unity_BufferingAllocationTest
