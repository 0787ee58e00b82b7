#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <thread>
#include <vector>

#include "stemdeck/audio/loader/StemAudio.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_StemAudioTest {

using stemdeck::audio::SampleFormat;
using stemdeck::audio::StemAudio;

namespace {

// The value frame f of channel c holds in the tests below: a distinct int16 step per frame.
float valueAt(std::int64_t f, int c) {
    return static_cast<float>((f * 7 + c * 1000) % 30000 - 15000) / 32768.0f;
}

std::vector<float> interleavedFrames(std::int64_t from, std::int64_t count, int channels) {
    std::vector<float> out;
    for (std::int64_t f = from; f < from + count; ++f)
        for (int c = 0; c < channels; ++c) out.push_back(valueAt(f, c));
    return out;
}

}  // namespace

TEST(StemAudio, Int16KeepsA16BitSourceExactlyInHalfTheBytes) {
    StemAudio audio(2, SampleFormat::Int16);
    ASSERT_TRUE(audio.reserve(1000));
    const auto in = interleavedFrames(0, 1000, 2);
    EXPECT_EQ(audio.append(in.data(), 1000), 1000);
    EXPECT_EQ(audio.readyFrames(), 1000);
    EXPECT_EQ(audio.capacityBytes(), 1000u * 2 * 2);
    for (std::int64_t f = 0; f < 1000; ++f) {
        ASSERT_EQ(audio.sample(0, f), valueAt(f, 0)) << f;
        ASSERT_EQ(audio.sample(1, f), valueAt(f, 1)) << f;
    }
    StemAudio floats(2, SampleFormat::Float32);
    ASSERT_TRUE(floats.reserve(1000));
    EXPECT_EQ(floats.capacityBytes(), 1000u * 2 * 4);
}

TEST(StemAudio, Int16RoundsToTheNearestStepAndClampsAtFullScale) {
    StemAudio audio(1, SampleFormat::Int16);
    ASSERT_TRUE(audio.reserve(6));
    const float in[] = {0.3f, -0.3f, 1.5f, -2.0f, 1.0f, 0.4f / 32768.0f};
    audio.append(in, 6);
    EXPECT_EQ(audio.sample(0, 0), std::nearbyint(0.3f * 32768.0f) / 32768.0f);
    EXPECT_EQ(audio.sample(0, 1), -std::nearbyint(0.3f * 32768.0f) / 32768.0f);
    EXPECT_EQ(audio.sample(0, 2), 32767.0f / 32768.0f);
    EXPECT_EQ(audio.sample(0, 3), -1.0f);
    EXPECT_EQ(audio.sample(0, 4), 32767.0f / 32768.0f);
    EXPECT_EQ(audio.sample(0, 5), 0.0f);
}

TEST(StemAudio, FloatIsStoredAsGivenOrBoundedOnRequest) {
    StemAudio audio(1, SampleFormat::Float32);
    ASSERT_TRUE(audio.reserve(4));
    const float in[] = {0.123456f, 100.0f};
    audio.append(in, 2);
    audio.append(in, 2, true);
    EXPECT_EQ(audio.samples(0), (std::vector<float>{0.123456f, 100.0f, 0.123456f, 64.0f}));
}

TEST(StemAudio, GrowsInExtentsWithoutMovingWhatIsStored) {
    StemAudio audio(2, SampleFormat::Float32);
    ASSERT_TRUE(audio.reserve(100));
    auto in = interleavedFrames(0, 100, 2);
    audio.append(in.data(), 100);
    const void* first = audio.run(0, 0, 100).data;
    // Full: nothing more is taken until there is room.
    in = interleavedFrames(100, 200, 2);
    EXPECT_EQ(audio.append(in.data(), 200), 0);
    ASSERT_TRUE(audio.reserve(300));
    EXPECT_EQ(audio.extentCount(), 2);
    EXPECT_EQ(audio.append(in.data(), 200), 200);
    EXPECT_EQ(audio.run(0, 0, 100).data, first) << "the stored frames moved";
    // A run stops where its extent does; read() crosses extents.
    EXPECT_EQ(audio.run(1, 90, 50).frames, 10);
    EXPECT_EQ(audio.run(1, 100, 50).frames, 50);
    std::vector<float> out(300);
    audio.read(1, 0, 300, out.data());
    for (std::int64_t f = 0; f < 300; ++f) ASSERT_EQ(out[f], valueAt(f, 1)) << f;
}

TEST(StemAudio, ReadersSeeOnlyReadyFramesTheRestIsSilence) {
    StemAudio audio(1, SampleFormat::Int16);
    ASSERT_TRUE(audio.reserve(1000));
    const auto in = interleavedFrames(0, 400, 1);
    audio.append(in.data(), 400);
    EXPECT_EQ(audio.readyFrames(), 400);
    EXPECT_EQ(audio.run(0, 399, 10).frames, 1);
    EXPECT_EQ(audio.run(0, 400, 10).frames, 0);
    EXPECT_EQ(audio.run(0, -1, 10).frames, 0);
    std::vector<float> out(200, 1.0f);
    audio.read(0, 300, 200, out.data());
    for (int i = 0; i < 100; ++i) ASSERT_EQ(out[i], valueAt(300 + i, 0)) << i;
    for (int i = 100; i < 200; ++i) ASSERT_EQ(out[i], 0.0f) << i;
    EXPECT_EQ(audio.sample(1, 5), valueAt(5, 0)) << "a mono stem's channel 1 is its channel 0";
}

TEST(StemAudio, ReleaseSpareKeepsExactlyTheWrittenFrames) {
    StemAudio audio(2, SampleFormat::Int16);
    ASSERT_TRUE(audio.reserve(100));
    ASSERT_TRUE(audio.reserve(1000));
    const auto in = interleavedFrames(0, 150, 2);
    audio.append(in.data(), 150);
    EXPECT_EQ(audio.releaseSpare(), 850u * 2 * 2);
    EXPECT_EQ(audio.capacityFrames(), 150);
    EXPECT_EQ(audio.releaseSpare(), 0u);
    for (std::int64_t f = 0; f < 150; ++f) ASSERT_EQ(audio.sample(1, f), valueAt(f, 1)) << f;
    // An extent nothing was written to goes altogether.
    ASSERT_TRUE(audio.reserve(400));
    EXPECT_EQ(audio.extentCount(), 3);
    EXPECT_EQ(audio.releaseSpare(), 250u * 2 * 2);
    EXPECT_EQ(audio.extentCount(), 2);
}

TEST(StemAudio, CopiesHoldTheReadyFramesAndMovesTakeTheStorage) {
    StemAudio audio(2, SampleFormat::Int16);
    ASSERT_TRUE(audio.reserve(50));
    ASSERT_TRUE(audio.reserve(100));
    const auto in = interleavedFrames(0, 80, 2);
    audio.append(in.data(), 80);
    const StemAudio copy = audio;
    EXPECT_EQ(copy.readyFrames(), 80);
    EXPECT_EQ(copy.capacityFrames(), 80);
    EXPECT_EQ(copy.format(), SampleFormat::Int16);
    EXPECT_EQ(copy.samples(1), audio.samples(1));
    const void* data = audio.run(0, 0, 10).data;
    const StemAudio moved = std::move(audio);
    EXPECT_EQ(moved.run(0, 0, 10).data, data);
    EXPECT_EQ(moved.readyFrames(), 80);
}

// A writer appending while a reader reads (TSan checks the publication): whatever the reader
// sees below the watermark is what was written, never garbage.
TEST(StemAudio, AReaderNeverSeesFramesBeforeTheyArePublished) {
    constexpr std::int64_t kFrames = 200000;
    StemAudio audio(2, SampleFormat::Int16);
    ASSERT_TRUE(audio.reserve(kFrames / 4));
    std::atomic<bool> wrong{false};
    std::thread reader([&] {
        std::vector<float> out(256);
        std::int64_t position = 0;
        while (audio.readyFrames() < kFrames) {
            const std::int64_t ready = audio.readyFrames();
            const std::int64_t n = std::min<std::int64_t>(256, ready - position);
            if (n <= 0) continue;
            audio.read(1, position, n, out.data());
            for (std::int64_t i = 0; i < n; ++i) {
                if (out[static_cast<std::size_t>(i)] != valueAt(position + i, 1)) wrong = true;
            }
            position = (position + n) % std::max<std::int64_t>(1, ready);
        }
    });
    for (std::int64_t f = 0; f < kFrames; f += 1000) {
        if (audio.capacityFrames() < f + 1000) {
            EXPECT_TRUE(audio.reserve(2 * (f + 1000)));
        }
        const auto in = interleavedFrames(f, 1000, 2);
        EXPECT_EQ(audio.append(in.data(), 1000), 1000);
    }
    reader.join();
    EXPECT_FALSE(wrong.load());
    EXPECT_GT(audio.extentCount(), 1);
}

namespace {

// Appends frames [cursor, cursor + count) of the test signal to `region`.
std::int64_t appendTo(StemAudio& audio, int region, std::int64_t count) {
    const std::int64_t from = audio.writtenFrames(region);
    const auto in = interleavedFrames(from, count, audio.channels());
    return audio.append(region, in.data(), count);
}

}  // namespace

// Regions: islands decoded ahead of the front (a seek while the song decodes).
TEST(StemAudioIsland, AnIslandIsReadableWhereItIsAndNowhereElse) {
    StemAudio audio(2, SampleFormat::Int16);
    ASSERT_TRUE(audio.reserve(10000));
    ASSERT_EQ(appendTo(audio, StemAudio::kFront, 1000), 1000);
    const int island = audio.openIsland(6000);
    ASSERT_EQ(island, 1);
    EXPECT_LE(audio.readyFrom(6000), 6000) << "opened, nothing published yet";
    ASSERT_EQ(appendTo(audio, island, 500), 500);
    EXPECT_EQ(audio.readyFrames(), 1000) << "ready from frame 0 stops at the hole";
    EXPECT_EQ(audio.readyFrom(500), 1000);
    EXPECT_LE(audio.readyFrom(3000), 3000) << "the hole is not ready";
    EXPECT_EQ(audio.readyFrom(6000), 6500);
    EXPECT_EQ(audio.readyFrom(6499), 6500);
    EXPECT_LE(audio.readyFrom(6500), 6500);
    std::vector<float> out(700, 1.0f);
    audio.read(1, 5900, 700, out.data());
    for (int i = 0; i < 100; ++i) EXPECT_EQ(out[static_cast<std::size_t>(i)], 0.0f) << i;
    for (int i = 100; i < 600; ++i)
        EXPECT_EQ(out[static_cast<std::size_t>(i)], valueAt(5900 + i, 1)) << i;
    for (int i = 600; i < 700; ++i) EXPECT_EQ(out[static_cast<std::size_t>(i)], 0.0f) << i;
}

TEST(StemAudioIsland, TheFrontStopsAtTheIslandAndTheStemJoinsUp) {
    StemAudio audio(1, SampleFormat::Float32);
    ASSERT_TRUE(audio.reserve(10000));
    ASSERT_EQ(appendTo(audio, StemAudio::kFront, 1000), 1000);
    const int island = audio.openIsland(4000);
    ASSERT_GT(island, 0);
    EXPECT_EQ(audio.regionLimit(StemAudio::kFront), 4000);
    EXPECT_EQ(audio.regionLimit(island), std::numeric_limits<std::int64_t>::max());
    ASSERT_EQ(appendTo(audio, island, 6000), 6000) << "the last region fills the capacity";
    EXPECT_EQ(appendTo(audio, StemAudio::kFront, 5000), 3000) << "no frame is written twice";
    EXPECT_EQ(audio.writtenFrames(StemAudio::kFront), 4000);
    EXPECT_EQ(audio.readyFrames(), 10000) << "joined: ready from 0 to the end";
    for (std::int64_t f = 0; f < 10000; f += 37) EXPECT_EQ(audio.sample(0, f), valueAt(f, 0)) << f;
}

TEST(StemAudioIsland, IslandsChainAndRefuseBadPlaces) {
    StemAudio audio(1, SampleFormat::Int16);
    ASSERT_TRUE(audio.reserve(100000));
    ASSERT_EQ(appendTo(audio, StemAudio::kFront, 1000), 1000);
    EXPECT_EQ(audio.openIsland(1000), -1) << "at the front's writer: the front goes on there";
    EXPECT_EQ(audio.openIsland(500), -1) << "inside what the front wrote";
    EXPECT_EQ(audio.openIsland(100000), -1) << "past the capacity";
    const int a = audio.openIsland(20000);
    const int b = audio.openIsland(10000);
    ASSERT_GT(a, 0);
    ASSERT_GT(b, 0);
    ASSERT_EQ(appendTo(audio, a, 2000), 2000);
    EXPECT_EQ(audio.openIsland(21000), -1) << "inside an island's written frames";
    EXPECT_EQ(audio.openIsland(22000), -1) << "at an island's writer";
    EXPECT_EQ(audio.regionLimit(b), 20000);
    EXPECT_EQ(appendTo(audio, b, 15000), 10000) << "stops at the next island";
    EXPECT_EQ(audio.readyFrom(10000), 22000) << "b runs into a: one stretch";
    EXPECT_EQ(appendTo(audio, StemAudio::kFront, 20000), 9000);
    EXPECT_EQ(audio.readyFrames(), 22000) << "front, b and a joined";
    EXPECT_GT(audio.openIsland(50000), 0);
    EXPECT_GT(audio.openIsland(60000), 0);
    EXPECT_EQ(audio.islandCount(), StemAudio::kMaxIslands);
    EXPECT_EQ(audio.openIsland(70000), -1) << "no island slot left";
}

// Two writers take turns on the stem (as SongDecode's workers do, one at a time); a reader
// polling everywhere only ever sees frames as they finally are.
TEST(StemAudioIsland, AReaderSeesIslandFramesOnlyOnceTheyArePublished) {
    constexpr std::int64_t kFrames = 200000;
    StemAudio audio(2, SampleFormat::Int16);
    ASSERT_TRUE(audio.reserve(kFrames));
    ASSERT_EQ(appendTo(audio, StemAudio::kFront, 1000), 1000);
    const int island = audio.openIsland(kFrames / 2);
    ASSERT_GT(island, 0);
    std::atomic<bool> wrong{false}, stop{false};
    std::thread reader([&] {
        std::vector<float> out(256);
        std::int64_t position = 0;
        while (!stop.load()) {
            const std::int64_t ready = audio.readyFrom(position);
            const std::int64_t n = std::min<std::int64_t>(256, ready - position);
            if (n > 0) {
                audio.read(0, position, n, out.data());
                for (std::int64_t i = 0; i < n; ++i)
                    if (out[static_cast<std::size_t>(i)] != valueAt(position + i, 0)) wrong = true;
            }
            position = (position + 4099) % kFrames;
        }
    });
    while (audio.readyFrames() < kFrames) {
        appendTo(audio, island, 777);
        appendTo(audio, StemAudio::kFront, 1000);
    }
    stop = true;
    reader.join();
    EXPECT_FALSE(wrong.load());
    EXPECT_EQ(audio.writtenFrames(StemAudio::kFront), kFrames / 2);
}

}  // namespace unity_StemAudioTest
