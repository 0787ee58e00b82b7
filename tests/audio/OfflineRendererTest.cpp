#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <numbers>
#include <vector>

#include "AudioFiles.h"
#include "MemorySong.h"
#include "TempDir.h"
#include "stemdeck/audio/MixControls.h"
#include "stemdeck/audio/OfflineRenderer.h"
#include "stemdeck/audio/Song.h"

using namespace stemdeck;
using audio::MixControls;
using audio::OfflineRenderer;
using audio::RenderError;
using audio::RenderOptions;
using audio::RenderSampleFormat;

namespace {

constexpr int kRate = 48000;
constexpr float kMinusInf = -std::numeric_limits<float>::infinity();

// Three stems of different lengths (so the song's end is not a block boundary and shorter
// stems end early): mono sine, stereo noise, short mono sine. Quiet enough that no mix in
// these tests reaches the safety limiter.
audio::Song threeStems() {
    return test::MemorySong(kRate)
        .mono("a", test::sine(441.0, 0.3, kRate, 10000))
        .stereo("b", test::noise(0.25, 12345, 1), test::noise(0.25, 12345, 2))
        .mono("c", test::sine(1234.5, 0.2, kRate, 7000))
        .build();
}

struct StemMix {
    float gainDb = 0.0f;
    float pan = 0.0f;
    bool muted = false;
    bool solo = false;
};

// The mix computed here from first principles (dB to linear, constant-power pan normalised
// to unity at the centre, solo/mute truth table), in double, independent of the engine.
std::vector<float> expectedMix(const audio::Song& song, const std::vector<StemMix>& stems,
                               float masterDb) {
    bool anySolo = false;
    for (const auto& s : stems) anySolo = anySolo || s.solo;
    std::vector<double> out(static_cast<std::size_t>(song.frames) * 2, 0.0);
    for (std::size_t k = 0; k < song.stems.size(); ++k) {
        const StemMix& m = stems[k];
        const bool audible = anySolo ? m.solo && !m.muted : !m.muted;
        if (!audible || m.gainDb == kMinusInf) continue;
        const double gain = std::pow(10.0, m.gainDb / 20.0);
        const double theta = (m.pan + 1.0) * std::numbers::pi / 4.0;
        const double gl = gain * std::numbers::sqrt2 * std::cos(theta);
        const double gr = gain * std::numbers::sqrt2 * std::sin(theta);
        const auto& stem = song.stems[k];
        for (std::int64_t i = 0; i < stem.frames(); ++i) {
            out[2 * i] += gl * stem.left()[i];
            out[2 * i + 1] += gr * stem.right()[i];
        }
    }
    const double master = std::pow(10.0, masterDb / 20.0);
    std::vector<float> result(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) result[i] = static_cast<float>(out[i] * master);
    return result;
}

void applyMix(MixControls& mix, const std::vector<StemMix>& stems, float masterDb) {
    for (std::size_t k = 0; k < stems.size(); ++k) {
        mix.setGainDb(k, stems[k].gainDb);
        mix.setPan(k, stems[k].pan);
        mix.setMuted(k, stems[k].muted);
        mix.setSolo(k, stems[k].solo);
    }
    mix.setMasterGainDb(masterDb);
}

void expectClose(const std::vector<float>& actual, const std::vector<float>& expected,
                 float tolerance) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i)
        ASSERT_NEAR(actual[i], expected[i], tolerance)
            << "frame " << i / 2 << (i % 2 ? " right" : " left");
}

bool isEmptyDirectory(const std::filesystem::path& dir) {
    return std::filesystem::directory_iterator(dir) == std::filesystem::directory_iterator();
}

int subtypeOf(const std::filesystem::path& file) {
    SF_INFO info{};
    SNDFILE* sf = sf_open(file.c_str(), SFM_READ, &info);
    if (!sf) return -1;
    sf_close(sf);
    return info.format & SF_FORMAT_SUBMASK;
}

// Float rounding of a sum of three products; far below any audible or 24-bit difference.
constexpr float kSumTolerance = 2e-6f;

}  // namespace

class OfflineRendererBlocks : public ::testing::TestWithParam<int> {};

TEST_P(OfflineRendererBlocks, DefaultMixEqualsTheSumOfTheStems) {
    const audio::Song song = threeStems();
    const std::vector<StemMix> stems(3);
    MixControls mix(song.stems.size());
    applyMix(mix, stems, 0.0f);
    expectClose(OfflineRenderer::renderToBuffer(song, mix, GetParam()),
                expectedMix(song, stems, 0.0f), kSumTolerance);
}

TEST_P(OfflineRendererBlocks, AppliesGainPanMuteAndMaster) {
    const audio::Song song = threeStems();
    const std::vector<StemMix> stems{
        {-6.0f, 0.7f, false, false}, {3.0f, -0.5f, false, false}, {0.0f, 0.0f, true, false}};
    MixControls mix(song.stems.size());
    applyMix(mix, stems, -4.5f);
    expectClose(OfflineRenderer::renderToBuffer(song, mix, GetParam()),
                expectedMix(song, stems, -4.5f), kSumTolerance);
}

TEST_P(OfflineRendererBlocks, SoloKeepsOnlySoloedStemsThatAreNotMuted) {
    const audio::Song song = threeStems();
    // "c" is soloed but also muted: mute wins, so only "a" is heard.
    const std::vector<StemMix> stems{
        {-2.0f, -1.0f, false, true}, {0.0f, 0.0f, false, false}, {0.0f, 0.0f, true, true}};
    MixControls mix(song.stems.size());
    applyMix(mix, stems, 0.0f);
    const auto rendered = OfflineRenderer::renderToBuffer(song, mix, GetParam());
    expectClose(rendered, expectedMix(song, stems, 0.0f), kSumTolerance);
    // Hard left: nothing at all on the right.
    for (std::size_t i = 1; i < rendered.size(); i += 2) ASSERT_EQ(rendered[i], 0.0f) << i;
}

INSTANTIATE_TEST_SUITE_P(OfflineRenderer, OfflineRendererBlocks,
                         ::testing::Values(1, 64, 256, 333, 1024, 4096));

TEST(OfflineRenderer, MinusInfinityGainSilencesAStem) {
    const audio::Song song = threeStems();
    const std::vector<StemMix> stems{{kMinusInf}, {kMinusInf}, {}};
    MixControls mix(song.stems.size());
    applyMix(mix, stems, 0.0f);
    const auto rendered = OfflineRenderer::renderToBuffer(song, mix, 256);
    expectClose(rendered, expectedMix(song, stems, 0.0f), kSumTolerance);
    // Only "c" (7000 frames) is left; everything after it is digital silence.
    for (std::size_t i = 7000 * 2; i < rendered.size(); ++i) ASSERT_EQ(rendered[i], 0.0f) << i;
}

TEST(OfflineRenderer, FloatWavIsBitExactWithTheBuffer) {
    test::TempDir dir;
    const audio::Song song = threeStems();
    MixControls mix(song.stems.size());
    applyMix(mix, {{-1.0f, 0.3f}, {}, {2.0f, -0.2f}}, -1.0f);
    RenderOptions options;
    options.format = RenderSampleFormat::Float32;
    options.blockSize = 128;
    OfflineRenderer::renderToFile(song, mix, dir / "mix.wav", options);

    const auto file = test::readAudioFile(dir / "mix.wav");
    EXPECT_EQ(file.sampleRate, kRate);
    EXPECT_EQ(file.channels, 2);
    EXPECT_EQ(file.frames(), song.frames);
    EXPECT_EQ(subtypeOf(dir / "mix.wav"), SF_FORMAT_FLOAT);
    const auto buffer = OfflineRenderer::renderToBuffer(song, mix, 128);
    ASSERT_EQ(file.interleaved.size(), buffer.size());
    for (std::size_t i = 0; i < buffer.size(); ++i) ASSERT_EQ(file.interleaved[i], buffer[i]) << i;
}

TEST(OfflineRenderer, Flac24IsWithinOneLsbEvenWhenFloatIsRequested) {
    test::TempDir dir;
    const audio::Song song = threeStems();
    const MixControls mix(song.stems.size());
    RenderOptions options;
    options.format = RenderSampleFormat::Float32;  // FLAC cannot: expect 24-bit
    OfflineRenderer::renderToFile(song, mix, dir / "mix.FLAC", options);

    EXPECT_EQ(subtypeOf(dir / "mix.FLAC"), SF_FORMAT_PCM_24);
    const auto file = test::readAudioFile(dir / "mix.FLAC");
    expectClose(file.interleaved, OfflineRenderer::renderToBuffer(song, mix, 256),
                1.0f / (1 << 23));
}

TEST(OfflineRenderer, Wav16IsWithinOneLsb) {
    test::TempDir dir;
    const audio::Song song = threeStems();
    const MixControls mix(song.stems.size());
    RenderOptions options;
    options.format = RenderSampleFormat::Pcm16;
    OfflineRenderer::renderToFile(song, mix, dir / "mix.wav", options);

    EXPECT_EQ(subtypeOf(dir / "mix.wav"), SF_FORMAT_PCM_16);
    const auto file = test::readAudioFile(dir / "mix.wav");
    expectClose(file.interleaved, OfflineRenderer::renderToBuffer(song, mix, 256),
                1.0f / (1 << 15));
}

TEST(OfflineRenderer, UnsupportedExtensionIsAClearErrorAndWritesNothing) {
    test::TempDir dir;
    const audio::Song song = threeStems();
    const MixControls mix(song.stems.size());
    try {
        OfflineRenderer::renderToFile(song, mix, dir / "mix.xyz");
        FAIL() << "expected RenderError";
    } catch (const RenderError& e) {
        EXPECT_STREQ(e.what(), "unsupported output format '.xyz' (use .wav or .flac)");
    }
    EXPECT_TRUE(isEmptyDirectory(dir.path()));
}

TEST(OfflineRenderer, ProgressRisesToOne) {
    test::TempDir dir;
    const audio::Song song = threeStems();
    const MixControls mix(song.stems.size());
    std::vector<double> seen;
    RenderOptions options;
    options.blockSize = 64;
    options.progress = [&](double p) {
        seen.push_back(p);
        return true;
    };
    OfflineRenderer::renderToFile(song, mix, dir / "mix.wav", options);
    ASSERT_GE(seen.size(), 3u);
    EXPECT_EQ(seen.front(), 0.0);
    EXPECT_EQ(seen.back(), 1.0);
    for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GT(seen[i], seen[i - 1]);
    // Throttled: ~1 % steps, not one call per block (12345 / 64 blocks).
    EXPECT_LE(seen.size(), 110u);
}

TEST(OfflineRenderer, CancelLeavesNoFileAndKeepsAnOldOne) {
    test::TempDir dir;
    const audio::Song song = threeStems();
    const MixControls mix(song.stems.size());
    test::writeTextFile(dir / "mix.wav", "previous render");
    RenderOptions options;
    options.blockSize = 64;
    options.progress = [](double p) { return p < 0.5; };
    EXPECT_THROW(OfflineRenderer::renderToFile(song, mix, dir / "mix.wav", options), RenderError);

    std::vector<std::filesystem::path> left;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        left.push_back(entry.path().filename());
    ASSERT_EQ(left.size(), 1u) << "a temporary file was left behind";
    EXPECT_EQ(left.front(), "mix.wav");
    EXPECT_EQ(std::filesystem::file_size(dir / "mix.wav"), std::string("previous render").size());
}

TEST(OfflineRenderer, ReplacesAnExistingFileWhenDone) {
    test::TempDir dir;
    const audio::Song song = threeStems();
    const MixControls mix(song.stems.size());
    test::writeTextFile(dir / "mix.flac", "previous render");
    OfflineRenderer::renderToFile(song, mix, dir / "mix.flac");
    EXPECT_EQ(test::readAudioFile(dir / "mix.flac").frames(), song.frames);
}

TEST(OfflineRenderer, MissingFolderIsAnErrorNamingTheRequestedFile) {
    test::TempDir dir;
    const audio::Song song = threeStems();
    const MixControls mix(song.stems.size());
    const auto target = dir / "no" / "such" / "mix.wav";
    try {
        OfflineRenderer::renderToFile(song, mix, target);
        FAIL() << "expected RenderError";
    } catch (const RenderError& e) {
        // The user's file name, not the temporary one.
        EXPECT_EQ(std::string(e.what()),
                  "cannot create " + target.string() + ": No such file or directory");
    }
}

TEST(OfflineRenderer, RejectsAMixForAnotherSong) {
    const audio::Song song = threeStems();
    const MixControls mix(2);
    EXPECT_THROW(OfflineRenderer::renderToBuffer(song, mix), RenderError);
    EXPECT_THROW(OfflineRenderer::renderToBuffer(song, MixControls(3), 0), RenderError);
}
