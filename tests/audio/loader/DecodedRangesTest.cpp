// What of a song is loaded (issue 11, the buffered bar): each stem's ready stretches (the
// front and the islands a seek opened) and their intersection across the stems.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "stemdeck/audio/loader/DecodedRanges.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_DecodedRangesTest {

namespace sd = stemdeck::audio;
using sd::FrameRange;
using sd::FrameRanges;
using sd::SampleFormat;
using sd::StemAudio;

namespace {

// Appends `count` frames of a ramp to `region` of `audio`.
std::int64_t appendTo(StemAudio& audio, int region, std::int64_t count) {
    std::vector<float> in(static_cast<std::size_t>(count * audio.channels()));
    for (std::size_t i = 0; i < in.size(); ++i) in[i] = static_cast<float>(i % 100) / 200.0f;
    return audio.append(region, in.data(), count);
}

FrameRanges rangesOf(const StemAudio& audio) {
    FrameRanges out;
    for (const FrameRange& r : audio.readyRanges()) out.push_back(r);
    return out;
}

// A stem still decoding with `front` frames from 0 and an island of `islandFrames` at
// `islandAt` (none for 0), in a capacity of `capacity`.
sd::Stem decodingStem(std::int64_t capacity, std::int64_t front, std::int64_t islandAt,
                      std::int64_t islandFrames) {
    sd::Stem stem;
    stem.audio = StemAudio(1, SampleFormat::Int16);
    EXPECT_TRUE(stem.audio.reserve(capacity));
    EXPECT_EQ(appendTo(stem.audio, StemAudio::kFront, front), front);
    if (islandFrames > 0) {
        const int island = stem.audio.openIsland(islandAt);
        EXPECT_GT(island, 0);
        EXPECT_EQ(appendTo(stem.audio, island, islandFrames), islandFrames);
    }
    stem.audio.setDecoding(true);
    return stem;
}

}  // namespace

TEST(StemAudioReadyRanges, FrontAndIslandsApartThenJoinedWhenTheFrontReachesThem) {
    StemAudio audio(2, SampleFormat::Int16);
    ASSERT_TRUE(audio.reserve(20000));
    EXPECT_TRUE(rangesOf(audio).empty()) << "nothing published";
    ASSERT_EQ(appendTo(audio, StemAudio::kFront, 1000), 1000);
    const int late = audio.openIsland(15000);
    const int early = audio.openIsland(6000);
    ASSERT_GT(late, 0);
    ASSERT_GT(early, 0);
    EXPECT_EQ(rangesOf(audio), (FrameRanges{{0, 1000}})) << "opened islands hold nothing yet";
    ASSERT_EQ(appendTo(audio, late, 500), 500);
    ASSERT_EQ(appendTo(audio, early, 2000), 2000);
    EXPECT_EQ(rangesOf(audio), (FrameRanges{{0, 1000}, {6000, 8000}, {15000, 15500}}))
        << "sorted by start, whatever order the islands opened in";
    ASSERT_EQ(appendTo(audio, StemAudio::kFront, 5000), 5000);
    EXPECT_EQ(rangesOf(audio), (FrameRanges{{0, 8000}, {15000, 15500}}))
        << "the front reached the first island: one stretch";
    ASSERT_EQ(appendTo(audio, early, 7000), 7000) << "up to the next island";
    EXPECT_EQ(rangesOf(audio), (FrameRanges{{0, 15500}}));
    EXPECT_EQ(audio.readyFrames(), 15500) << "the same as the reader sees";
}

TEST(DecodedRanges, IntersectionKeepsOnlyWhatBothHold) {
    const FrameRanges a{{0, 100}, {200, 300}, {400, 500}};
    const FrameRanges b{{50, 250}, {290, 450}};
    EXPECT_EQ(sd::intersectRanges(a, b),
              (FrameRanges{{50, 100}, {200, 250}, {290, 300}, {400, 450}}));
    EXPECT_EQ(sd::intersectRanges(b, a), sd::intersectRanges(a, b));
    EXPECT_TRUE(sd::intersectRanges(a, {}).empty());
    EXPECT_TRUE(sd::intersectRanges(FrameRanges{{0, 100}}, FrameRanges{{100, 200}}).empty())
        << "touching is not overlapping";
}

TEST(DecodedRanges, SubtractionLeavesWhatGrew) {
    const FrameRanges before{{0, 100}, {500, 600}};
    const FrameRanges after{{0, 150}, {480, 700}, {900, 950}};
    EXPECT_EQ(sd::subtractRanges(after, before),
              (FrameRanges{{100, 150}, {480, 500}, {600, 700}, {900, 950}}));
    EXPECT_TRUE(sd::subtractRanges(before, before).empty());
    EXPECT_EQ(sd::subtractRanges(before, {}), before);
    EXPECT_EQ(sd::subtractRanges(FrameRanges{{0, 1000}}, FrameRanges{{100, 200}, {300, 400}}),
              (FrameRanges{{0, 100}, {200, 300}, {400, 1000}}));
}

TEST(DecodedRanges, ARangeIsLoadedWhenEveryStemDecodingHoldsIt) {
    sd::Song song;
    song.sampleRate = 48000;
    song.frames = 30000;
    song.stems.push_back(decodingStem(30000, 4000, 20000, 5000));  // [0,4000) [20000,25000)
    song.stems.push_back(decodingStem(30000, 3000, 21000, 6000));  // [0,3000) [21000,27000)
    EXPECT_EQ(sd::decodedRanges(song), (FrameRanges{{0, 3000}, {21000, 25000}}));

    // A stem that stopped decoding (whole, or failed part way: silent after) holds back nothing.
    sd::Stem whole = decodingStem(10000, 10000, 0, 0);
    whole.audio.setDecoding(false);
    song.stems.push_back(std::move(whole));
    EXPECT_EQ(sd::decodedRanges(song), (FrameRanges{{0, 3000}, {21000, 25000}}));
    song.stems.resize(1);
    song.stems[0].audio.setDecoding(false);
    EXPECT_EQ(sd::decodedRanges(song), (FrameRanges{{0, 30000}}));
    song.stems.clear();
    song.frames = 0;
    EXPECT_TRUE(sd::decodedRanges(song).empty()) << "an empty song has nothing to show";
}

}  // namespace unity_DecodedRangesTest
