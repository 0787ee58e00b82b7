// The loader's side of docs/robustness.md: the input matrix (sample rates, channel counts,
// sample formats, lengths, sizes, names, permissions) that StemLoaderTest.cpp does not already
// cover. Each row either loads exactly or fails with one clear line, and nothing crashes.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "AsNobody.h"
#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/audio/loader/Resampler.h"
#include "stemdeck/audio/loader/StemLoader.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_BadInputMatrixTest {

namespace sd = stemdeck::audio;
namespace fs = std::filesystem;
using stemdeck::test::TempDir;
using stemdeck::test::writeAudioFile;

namespace {

constexpr int kSongRate = 48000;

double toneOf(const std::vector<float>& signal, int rate) {
    return stemdeck::test::dominantFrequency(signal, rate, 500.0, 1500.0, 5.0);
}

std::string errorsOf(const sd::Song& song) {
    std::string all;
    for (const auto& e : song.errors) all += e.message + "\n";
    return all;
}

}  // namespace

// --- sample rates: resampled to the song's rate, pitch and level kept -------------------------

class RateMatrix : public testing::TestWithParam<int> {};

TEST_P(RateMatrix, StemIsResampledToTheSongRateKeepingPitchLengthAndLevel) {
    const int rate = GetParam();
    const std::int64_t frames = rate / 2 + 7;  // not a whole number of blocks
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "tone.wav", {stemdeck::test::sine(1000.0, 0.5, rate, frames)},
                               rate, SF_FORMAT_WAV | SF_FORMAT_PCM_24));
    sd::LoadOptions options;
    options.targetRate = kSongRate;  // what the engine asks for with an output open
    const auto song = sd::StemLoader::load(dir.path(), options);
    ASSERT_EQ(song.stems.size(), 1u) << errorsOf(song);
    const auto& stem = song.stems[0];
    EXPECT_EQ(stem.sourceRate, rate);
    EXPECT_EQ(stem.resampled, rate != kSongRate);
    EXPECT_EQ(static_cast<std::size_t>(stem.frames()),
              sd::Resampler::outputFrames(static_cast<std::size_t>(frames), rate, kSongRate));
    EXPECT_NEAR(toneOf(stem.audio.samples(0), kSongRate), 1000.0, 2.0);
    const auto n = stem.audio.samples(0).size();
    EXPECT_NEAR(stemdeck::test::rms(stem.audio.samples(0), n / 4, 3 * n / 4), 0.5 / std::sqrt(2.0),
                0.01);
}

TEST_P(RateMatrix, SongOfThatRateAlonePlaysAtItsOwnRate) {
    const int rate = GetParam();
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "a.wav", {std::vector<float>(1000, 0.25f)}, rate));
    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_EQ(song.sampleRate, rate);
    ASSERT_EQ(song.stems.size(), 1u);
    EXPECT_FALSE(song.stems[0].resampled);
    EXPECT_EQ(song.stems[0].audio.samples(0), std::vector<float>(1000, 0.25f));
}

INSTANTIATE_TEST_SUITE_P(Rates, RateMatrix, testing::Values(8000, 11025, 96000, 192000),
                         [](const auto& info) { return std::to_string(info.param) + "Hz"; });

// --- channel counts: mono stays mono, everything else becomes stereo -------------------------

class ChannelMatrix : public testing::TestWithParam<int> {};

TEST_P(ChannelMatrix, FrontLeftLandsOnTheLeft) {
    const int channels = GetParam();
    const std::size_t n = 4800;
    const auto tone = stemdeck::test::sine(1000.0, 0.5, kSongRate, n);
    stemdeck::test::Planar planar(static_cast<std::size_t>(channels), std::vector<float>(n, 0.0f));
    planar[0] = tone;
    TempDir dir;
    ASSERT_TRUE(
        writeAudioFile(dir / "stem.wav", planar, kSongRate, SF_FORMAT_WAV | SF_FORMAT_PCM_16));
    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(song.stems.size(), 1u) << errorsOf(song);
    const auto& stem = song.stems[0];
    EXPECT_EQ(stem.sourceChannels, channels);
    ASSERT_EQ(stem.audio.channels(), channels == 1 ? 1 : 2);
    // Mono and stereo are taken as they are; the 5.1 and 7.1 downmixes (ITU-R BS.775) put
    // front left on the left only, at unity.
    EXPECT_NEAR(stemdeck::test::rms(stem.audio.samples(0), 0, n), 0.5 / std::sqrt(2.0), 0.01);
    if (channels > 1) {
        EXPECT_LT(stemdeck::test::rms(stem.audio.samples(1), 0, n), 1e-4);
    }
}

INSTANTIATE_TEST_SUITE_P(Channels, ChannelMatrix, testing::Values(1, 2, 6, 8),
                         [](const auto& info) { return std::to_string(info.param) + "ch"; });

// --- sample formats: decoded to within the format's own resolution ---------------------------

struct FormatCase {
    const char* name;
    const char* extension;
    int format;
    float tolerance;  // one quantisation step of the format (float32: exact)
};

class FormatMatrix : public testing::TestWithParam<FormatCase> {};

TEST_P(FormatMatrix, DecodesWithinOneQuantisationStep) {
    const FormatCase& c = GetParam();
    const auto signal = stemdeck::test::sine(440.0, 0.5, kSongRate, 4800);
    TempDir dir;
    const fs::path file = dir / (std::string("stem") + c.extension);
    ASSERT_TRUE(writeAudioFile(file, {signal}, kSongRate, c.format));
    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(song.stems.size(), 1u) << errorsOf(song);
    EXPECT_TRUE(song.warnings.empty()) << song.warnings.front().message;
    const auto& decoded = song.stems[0].audio.samples(0);
    ASSERT_EQ(decoded.size(), signal.size());
    float worst = 0;
    for (std::size_t i = 0; i < signal.size(); ++i)
        worst = std::max(worst, std::abs(decoded[i] - signal[i]));
    EXPECT_LE(worst, c.tolerance) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Formats, FormatMatrix,
    testing::Values(FormatCase{"wav_u8", ".wav", SF_FORMAT_WAV | SF_FORMAT_PCM_U8, 1.0f / 128},
                    FormatCase{"wav_s16", ".wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 1.0f / 32768},
                    FormatCase{"wav_s24", ".wav", SF_FORMAT_WAV | SF_FORMAT_PCM_24, 1.0f / 8388608},
                    FormatCase{"wav_s32", ".wav", SF_FORMAT_WAV | SF_FORMAT_PCM_32, 1e-7f},
                    FormatCase{"wav_f32", ".wav", SF_FORMAT_WAV | SF_FORMAT_FLOAT, 0.0f},
                    FormatCase{"wav_f64", ".wav", SF_FORMAT_WAV | SF_FORMAT_DOUBLE, 1e-7f},
                    FormatCase{"flac_s8", ".flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_S8, 1.0f / 128},
                    FormatCase{"flac_s16", ".flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16,
                               1.0f / 32768},
                    FormatCase{"aiff_s32", ".aiff", SF_FORMAT_AIFF | SF_FORMAT_PCM_32, 1e-7f}),
    [](const auto& info) { return std::string(info.param.name); });

// --- lengths and sizes ------------------------------------------------------------------------

TEST(BadInputMatrix, StemAThousandTimesLongerTakesMemoryInProportionWithoutPadding) {
    TempDir dir;
    const std::size_t shortFrames = 480;
    const std::size_t longFrames = 1000 * shortFrames;
    ASSERT_TRUE(
        writeAudioFile(dir / "a_short.wav", {std::vector<float>(shortFrames, 0.1f)}, kSongRate));
    ASSERT_TRUE(writeAudioFile(
        dir / "b_short.wav",
        {std::vector<float>(shortFrames, 0.1f), std::vector<float>(shortFrames, 0.2f)}, kSongRate));
    ASSERT_TRUE(
        writeAudioFile(dir / "c_long.wav", {stemdeck::test::noise(0.3, longFrames, 3)}, kSongRate));
    std::vector<sd::FileIssue> errors, ignored;
    const auto probes = sd::StemLoader::scan(dir.path(), errors, ignored);
    EXPECT_EQ(sd::StemLoader::bytesNeeded(probes, kSongRate),
              (shortFrames + 2 * shortFrames + longFrames) * sizeof(float));

    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(song.stems.size(), 3u);
    EXPECT_EQ(song.frames, static_cast<std::int64_t>(longFrames));
    // Every stem keeps its own length: the short ones are not padded to the song's.
    for (const auto& stem : song.stems)
        EXPECT_EQ(stem.audio.capacityFrames(), stem.frames()) << stem.name;
    EXPECT_EQ(song.stems[0].frames(), static_cast<std::int64_t>(shortFrames));
    EXPECT_EQ(song.stems[1].frames(), static_cast<std::int64_t>(shortFrames));
    EXPECT_EQ(song.stems[2].frames(), static_cast<std::int64_t>(longFrames));
}

// Real files, bigger together than this machine's free memory (sparse: no disk used). The
// loader must refuse before decoding anything, with what it needs and what there is.
TEST(BadInputMatrix, SongBiggerThanAvailableMemoryIsRefusedBeforeDecoding) {
    const std::uint64_t available = sd::StemLoader::availableMemoryBytes();
    const std::uint64_t fileBytes = (std::uint64_t{4} << 30) - 65536;
    const std::uint64_t files = available / fileBytes + 2;
    if (files > 64) GTEST_SKIP() << "this machine has too much free memory for the test";
    TempDir dir;
    for (std::uint64_t i = 0; i < files; ++i)
        ASSERT_TRUE(stemdeck::test::writeSparseWav(dir / ("big" + std::to_string(i) + ".wav"),
                                                   fileBytes, kSongRate));
    sd::LoadProgress progress;
    try {
        sd::StemLoader::load(dir.path(), {}, &progress);
        FAIL() << "expected LoadError";
    } catch (const sd::LoadError& e) {
        EXPECT_EQ(e.kind(), sd::LoadError::Kind::OutOfMemory);
        const std::string message = e.what();
        EXPECT_NE(message.find("song needs "), std::string::npos) << message;
        EXPECT_NE(message.find(" GB of memory but only "), std::string::npos) << message;
        EXPECT_NE(message.find(dir.path().string()), std::string::npos) << message;
    }
    EXPECT_EQ(progress.stemsTotal(), 0) << "decoding must not have begun";
}

// The machine's other work needs memory too: a song that would take more than
// loader::kUsableMemoryShare (80 %) of what is available is refused, though it would fit.
// Should decoding ever begin, the load is cancelled at once (nothing big is allocated).
TEST(BadInputMatrix, SongNeedingMostOfTheAvailableMemoryIsRefusedKeepingAMargin) {
    const std::uint64_t available = sd::StemLoader::availableMemoryBytes();
    const std::uint64_t wanted = available / 10 * 9;  // 90 %
    const std::uint64_t maxFile = (std::uint64_t{4} << 30) - 65536;
    const std::uint64_t files = wanted / maxFile + 1;
    if (files > 64) GTEST_SKIP() << "this machine has too much free memory for the test";
    TempDir dir;
    for (std::uint64_t i = 0; i < files; ++i)
        ASSERT_TRUE(stemdeck::test::writeSparseWav(dir / ("big" + std::to_string(i) + ".wav"),
                                                   wanted / files, kSongRate));
    sd::LoadProgress progress;
    std::atomic<bool> done{false};
    std::thread guard([&] {
        while (!done && progress.stemsTotal() == 0) std::this_thread::yield();
        progress.requestCancel();
    });
    std::string message;
    try {
        sd::StemLoader::load(dir.path(), {}, &progress);
    } catch (const sd::LoadError& e) {
        EXPECT_EQ(e.kind(), sd::LoadError::Kind::OutOfMemory) << e.what();
        message = e.what();
    }
    done = true;
    guard.join();
    EXPECT_NE(message.find("song needs "), std::string::npos) << message;
    EXPECT_NE(message.find(" can be used (80 % of the "), std::string::npos) << message;
    EXPECT_EQ(progress.stemsTotal(), 0) << "decoding must not have begun";
}

// --- names ------------------------------------------------------------------------------------

TEST(BadInputMatrix, SpacesAndNonAsciiInFolderAndFileNamesAreKept) {
    TempDir dir;
    const fs::path folder = dir / "Sóng – 曲 (live take)";
    fs::create_directories(folder / "tracks");
    const std::vector<std::string> names{"lead vocal ü", "drums (take 2) 音", " bass  spaced "};
    ASSERT_TRUE(writeAudioFile(folder / (names[0] + ".wav"), {{0.1f, 0.2f}}, kSongRate));
    ASSERT_TRUE(
        writeAudioFile(folder / "tracks" / (names[1] + ".flac"), {{0.1f, 0.2f}}, kSongRate));
    ASSERT_TRUE(writeAudioFile(folder / (names[2] + ".wav"), {{0.1f, 0.2f}}, kSongRate));
    const auto song = sd::StemLoader::load(folder);
    EXPECT_TRUE(song.errors.empty()) << errorsOf(song);
    ASSERT_EQ(song.stems.size(), 3u);
    for (const auto& name : names) {
        const int index = song.stemIndex(name);
        ASSERT_GE(index, 0) << "'" << name << "' missing";
        EXPECT_TRUE(fs::exists(song.stems[static_cast<std::size_t>(index)].file)) << name;
    }
}

// --- unsupported and unreadable files -----------------------------------------------------

TEST(BadInputMatrix, UnsupportedFormatIsReportedByName) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "good.wav", {{0.1f, 0.2f}}, kSongRate));
    // The start of an MPEG-4 audio file (AAC): a format libsndfile does not read.
    stemdeck::test::writeTextFile(dir / "keys.m4a", std::string("\0\0\0\x20"
                                                                "ftypM4A \0\0\0\0M4A mp42isom",
                                                                28) +
                                                        std::string(64, '\0'));
    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(song.stems.size(), 1u);
    ASSERT_EQ(song.errors.size(), 1u);
    EXPECT_EQ(song.errors[0].message.rfind("keys.m4a: cannot read: ", 0), 0u)
        << song.errors[0].message;
    EXPECT_NE(song.errors[0].message.find("Format not recognised"), std::string::npos)
        << song.errors[0].message;
}

// Root reads any file, so the load runs in a child process that has dropped to `nobody`.
TEST(BadInputMatrix, UnreadableFileIsReportedWhenNotRoot) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "good.wav", {{0.1f, 0.2f}}, kSongRate));
    ASSERT_TRUE(writeAudioFile(dir / "locked.wav", {{0.1f, 0.2f}}, kSongRate));
    fs::permissions(dir / "locked.wav", fs::perms::none);
    const int failed = stemdeck::test::runAsNobody([&] {
        const auto song = sd::StemLoader::load(dir.path());
        if (song.stems.size() != 1 || song.stems[0].name != "good") return 1;
        if (song.errors.size() != 1) return 2;
        const std::string& message = song.errors[0].message;
        if (message.rfind("locked.wav: cannot read: ", 0) != 0) return 3;
        if (message.find("Permission denied") == std::string::npos) return 4;
        if (song.errors[0].problem != sd::FileProblem::Unreadable) return 5;
        return 0;
    });
    fs::permissions(dir / "locked.wav", fs::perms::owner_all);
    // 1: wrong stems; 2: wrong error count; 3/4: message; 5: wrong kind; see AsNobody.h.
    EXPECT_EQ(failed, 0);
}

}  // namespace unity_BadInputMatrixTest
