// Progressive loading, "decoding jumps there": a seek far ahead of what is decoded opens an
// island there (StemAudio regions), decoded before the rest, and the joined stems equal a
// blocking load.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <thread>

#include "AudioFiles.h"
#include "SongDecodeSupport.h"
#include "TempDir.h"
#include "stemdeck/audio/loader/DecodedRanges.h"
#include "stemdeck/audio/loader/SongDecode.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/audio/loader/StemPeaks.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SongDecodeJumpTest {

namespace sd = stemdeck::audio;
namespace fs = std::filesystem;
using stemdeck::test::startDecode;
using stemdeck::test::TempDir;
using stemdeck::test::waitFor;
using stemdeck::test::writeAudioFile;

namespace {

constexpr int kRate = 48000;

// `stems` mono 16-bit stems of `seconds` each, noise (so decoding takes real work).
void writeNoiseSong(const fs::path& dir, int stems, double seconds, int format) {
    const auto frames = static_cast<std::int64_t>(seconds * kRate);
    const char* ext = (format & SF_FORMAT_TYPEMASK) == SF_FORMAT_FLAC ? ".flac" : ".wav";
    for (int i = 0; i < stems; ++i)
        ASSERT_TRUE(writeAudioFile(dir / ("stem" + std::to_string(i) + ext),
                                   {stemdeck::test::noise(0.5, frames, 11u + unsigned(i))}, kRate,
                                   format | SF_FORMAT_PCM_16));
}

// Every stem of `song` holds `seconds` from `from` on.
bool heldFrom(const sd::Song& song, std::int64_t from, double seconds) {
    const auto want = from + static_cast<std::int64_t>(seconds * song.sampleRate);
    for (const auto& stem : song.stems)
        if (stem.audio.readyFrom(from) < std::min(want, song.frames)) return false;
    return true;
}

// Decodes with one worker, seeks to 75 % of the song right after hand-over, and checks that
// the place came first and that the whole equals a blocking load (exactly when the song's rate
// is the files'; resampled, within the int16 step: soxr's aligned segments equal one pass
// within float rounding).
void checkJump(const fs::path& folder, int targetRate) {
    auto decode = startDecode(folder, 1, targetRate);
    decode->waitFirstAudio();
    const auto song = decode->song();
    ASSERT_NE(song, nullptr);
    const std::int64_t target = song->frames * 3 / 4;
    decode->prioritize(target);
    ASSERT_TRUE(waitFor([&] { return heldFrom(*song, target, 4.0) || decode->finished(); },
                        std::chrono::seconds(60)));
    ASSERT_FALSE(decode->finished()) << "the song decoded whole before the jump could show";
    for (const auto& stem : song->stems) {
        EXPECT_LT(stem.audio.readyFrames(), target / 2)
            << stem.name << ": the place sought came long before the front got there";
        EXPECT_EQ(stem.audio.islandCount(), 1) << stem.name;
    }
    // The buffered bar: the front from 0, a gap, the island around the target.
    const sd::FrameRanges ranges = decode->decodedRanges();
    ASSERT_EQ(ranges.size(), 2u) << "the front and the island, apart";
    EXPECT_EQ(ranges[0].start, 0);
    EXPECT_LT(ranges[0].end, target / 2);
    EXPECT_LE(ranges[1].start, target);
    EXPECT_GT(ranges[1].start, ranges[0].end);
    EXPECT_GE(ranges[1].end, target + static_cast<std::int64_t>(4.0 * song->sampleRate));
    decode->wait();
    EXPECT_EQ(decode->decodedRanges(), (sd::FrameRanges{{0, song->frames}}))
        << "once the front reached the island, one range: all of it";
    EXPECT_TRUE(decode->report().errors.empty());
    const auto warnings = decode->report().warnings;
    EXPECT_TRUE(warnings.empty()) << (warnings.empty() ? "" : warnings.front().message);

    sd::LoadOptions options;
    options.targetRate = targetRate;
    const sd::Song whole = sd::StemLoader::load(folder, options);
    ASSERT_EQ(whole.stems.size(), song->stems.size());
    for (std::size_t s = 0; s < whole.stems.size(); ++s) {
        const auto& a = song->stems[s];
        const auto& b = whole.stems[s];
        ASSERT_EQ(a.frames(), b.frames()) << a.name;
        EXPECT_FALSE(a.audio.decoding());
        const auto x = a.audio.samples(0);
        const auto y = b.audio.samples(0);
        std::size_t differing = 0;
        float largest = 0.0f;
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (x[i] == y[i]) continue;
            ++differing;
            largest = std::max(largest, std::abs(x[i] - y[i]));
        }
        if (targetRate == 0) {
            EXPECT_EQ(differing, 0u) << a.name;
        } else {
            EXPECT_LE(largest, 1.0f / 32768) << a.name;
            EXPECT_LT(differing, x.size() / 1000) << a.name;
        }
        sd::Stem recomputed = a;
        sd::computePeaks(recomputed);
        ASSERT_EQ(a.peaks.size(), recomputed.peaks.size());
        for (std::size_t i = 0; i < a.peaks.size(); ++i)
            ASSERT_NEAR(a.peaks[i], recomputed.peaks[i], 1.0f / 32768) << a.name << " " << i;
    }
}

}  // namespace

TEST(SongDecodeJump, ASeekAheadIsDecodedFirstAndJoinsExactly) {
    TempDir dir;
    writeNoiseSong(dir.path(), 2, 90.0, SF_FORMAT_FLAC);
    checkJump(dir.path(), 0);
}

TEST(SongDecodeJump, ResampledTheIslandStartsAlignedAndJoinsWithinAStep) {
    TempDir dir;
    writeNoiseSong(dir.path(), 2, 60.0, SF_FORMAT_WAV);
    checkJump(dir.path(), 44100);
}

// A seek into what is decoded, or just ahead of the front, opens no island: the front gets
// there first anyway.
TEST(SongDecodeJump, ASeekNearTheFrontOpensNoIsland) {
    TempDir dir;
    writeNoiseSong(dir.path(), 2, 30.0, SF_FORMAT_FLAC);
    auto decode = startDecode(dir.path(), 1, 0);
    decode->waitFirstAudio();
    const auto song = decode->song();
    ASSERT_NE(song, nullptr);
    decode->prioritize(song->stems[0].audio.readyFrames() / 2);
    decode->wait();
    for (const auto& stem : song->stems) EXPECT_EQ(stem.audio.islandCount(), 0) << stem.name;
}

}  // namespace unity_SongDecodeJumpTest
