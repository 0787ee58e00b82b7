#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <thread>

#include "AudioFiles.h"
#include "FileBytes.h"
#include "TempDir.h"
#include "stemdeck/audio/loader/MemoryBudget.h"
#include "stemdeck/audio/loader/SongMemory.h"
#include "stemdeck/audio/loader/StemLoader.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_StemLoaderTest {

namespace sd = stemdeck::audio;
namespace fs = std::filesystem;
using stemdeck::test::Planar;
using stemdeck::test::readBytes;
using stemdeck::test::TempDir;
using stemdeck::test::writeAudioFile;
using stemdeck::test::writeBytes;

namespace {

// The strongest partial, searched coarsely where the test tones are (the full-range default
// search takes seconds per call).
double toneOf(const std::vector<float>& signal, int rate) {
    return stemdeck::test::dominantFrequency(signal, rate, 200.0, 2000.0, 10.0);
}

constexpr float kMinus3dB = 0.70710678f;

std::vector<float> constant(float value, std::size_t frames) {
    return std::vector<float>(frames, value);
}

// A WAVEFORMATEXTENSIBLE file that says where each channel belongs.
void writeWithChannelMap(const fs::path& file, const Planar& channels,
                         const std::vector<int>& map) {
    SF_INFO info{};
    info.samplerate = 48000;
    info.channels = static_cast<int>(channels.size());
    info.format = SF_FORMAT_WAVEX | SF_FORMAT_FLOAT;
    SNDFILE* sf = sf_open(file.c_str(), SFM_WRITE, &info);
    ASSERT_NE(sf, nullptr) << sf_strerror(nullptr);
    std::vector<int> mapCopy = map;
    ASSERT_EQ(sf_command(sf, SFC_SET_CHANNEL_MAP_INFO, mapCopy.data(),
                         static_cast<int>(map.size() * sizeof(int))),
              SF_TRUE);
    const std::size_t frames = channels.front().size();
    std::vector<float> interleaved;
    for (std::size_t f = 0; f < frames; ++f)
        for (const auto& c : channels) interleaved.push_back(c[f]);
    sf_writef_float(sf, interleaved.data(), static_cast<sf_count_t>(frames));
    sf_close(sf);
}

std::optional<sd::LoadError> loadError(const fs::path& folder, const sd::LoadOptions& options = {},
                                       sd::LoadProgress* progress = nullptr) {
    try {
        sd::StemLoader::load(folder, options, progress);
    } catch (const sd::LoadError& e) {
        return e;
    }
    return std::nullopt;
}

std::vector<std::string> stemNames(const sd::Song& song) {
    std::vector<std::string> names;
    for (const auto& s : song.stems) names.push_back(s.name);
    return names;
}

bool anyMessageContains(const std::vector<sd::FileIssue>& issues, const std::string& text) {
    return std::ranges::any_of(
        issues, [&](const sd::FileIssue& i) { return i.message.find(text) != std::string::npos; });
}

void expectNear(const std::vector<float>& actual, const std::vector<float>& expected, float tol) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i)
        ASSERT_NEAR(actual[i], expected[i], tol) << "sample " << i;
}

}  // namespace

// --- formats and channels -------------------------------------------------------------------

TEST(StemLoader, LoadsWavFlacAndOggStems) {
    TempDir dir;
    const auto tone = stemdeck::test::sine(440.0, 0.5, 48000, 48000);
    const auto other = stemdeck::test::sine(660.0, 0.25, 48000, 48000);
    ASSERT_TRUE(writeAudioFile(dir / "bass.wav", {tone}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "drums.flac", {tone, other}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "vox.ogg", {tone}, 48000));

    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_TRUE(song.errors.empty());
    EXPECT_TRUE(song.warnings.empty()) << song.warnings.front().message;
    ASSERT_EQ(stemNames(song), (std::vector<std::string>{"bass", "drums", "vox"}));
    EXPECT_EQ(song.sampleRate, 48000);
    EXPECT_EQ(song.frames, 48000);
    expectNear(song.stems[0].audio.samples(0), tone, 0.0f);  // float WAV: exact
    ASSERT_EQ(song.stems[1].audio.channels(), 2);
    expectNear(song.stems[1].audio.samples(0), tone, 1e-6f);  // 24-bit FLAC
    expectNear(song.stems[1].audio.samples(1), other, 1e-6f);
    EXPECT_EQ(song.stems[2].frames(), 48000);
    EXPECT_NEAR(toneOf(song.stems[2].audio.samples(0), 48000), 440.0, 1.0);
    EXPECT_FALSE(song.stems[0].resampled);
    EXPECT_EQ(song.stems[1].sourceChannels, 2);
}

TEST(StemLoader, LoadsAiffOpusAndMp3Stems) {
    TempDir dir;
    const auto tone = stemdeck::test::sine(1000.0, 0.5, 48000, 48000);
    ASSERT_TRUE(writeAudioFile(dir / "a.aiff", {tone}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "b.opus", {tone}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "c.mp3", {tone, tone}, 48000,
                               SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III));
    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(song.stems.size(), 3u) << (song.errors.empty() ? "" : song.errors[0].message);
    EXPECT_TRUE(song.warnings.empty()) << song.warnings.front().message;
    for (const auto& stem : song.stems) {
        EXPECT_EQ(stem.frames(), 48000) << stem.name;
        EXPECT_NEAR(toneOf(stem.audio.samples(0), 48000), 1000.0, 1.0) << stem.name;
    }
}

TEST(StemLoader, MonoStaysMonoAndStereoStaysStereo) {
    TempDir dir;
    const auto left = stemdeck::test::noise(0.5, 1000, 1);
    const auto right = stemdeck::test::noise(0.5, 1000, 2);
    ASSERT_TRUE(writeAudioFile(dir / "mono.wav", {left}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "stereo.wav", {left, right}, 48000));
    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(song.stems.size(), 2u);
    ASSERT_EQ(song.stems[0].audio.channels(), 1);
    expectNear(song.stems[0].audio.samples(0), left, 0.0f);
    ASSERT_EQ(song.stems[1].audio.channels(), 2);
    expectNear(song.stems[1].audio.samples(0), left, 0.0f);
    expectNear(song.stems[1].audio.samples(1), right, 0.0f);
}

TEST(StemLoader, SixChannelStemIsDownmixedToStereo) {
    TempDir dir;
    const std::size_t n = 4800;
    const auto tone = stemdeck::test::sine(440.0, 0.5, 48000, n);
    const auto silence = constant(0.0f, n);
    // L R C LFE Ls Rs: tone only on one channel per file.
    ASSERT_TRUE(writeAudioFile(dir / "a_centre.wav",
                               {silence, silence, tone, silence, silence, silence}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "b_lfe.wav",
                               {silence, silence, silence, tone, silence, silence}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "c_left_surround.wav",
                               {silence, silence, silence, silence, tone, silence}, 48000));
    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(song.stems.size(), 3u);
    std::vector<float> scaled(tone);
    for (float& s : scaled) s *= kMinus3dB;

    const auto& centre = song.stems[0];
    EXPECT_EQ(centre.sourceChannels, 6);
    ASSERT_EQ(centre.audio.channels(), 2);
    expectNear(centre.audio.samples(0), scaled, 1e-6f);
    expectNear(centre.audio.samples(1), scaled, 1e-6f);
    expectNear(song.stems[1].audio.samples(0), silence, 0.0f);  // LFE dropped
    expectNear(song.stems[1].audio.samples(1), silence, 0.0f);
    expectNear(song.stems[2].audio.samples(0), scaled, 1e-6f);  // surround: own side only
    expectNear(song.stems[2].audio.samples(1), silence, 0.0f);
}

TEST(StemLoader, ChannelMapInTheFileDecidesTheDownmix) {
    TempDir dir;
    const std::size_t n = 1000;
    const auto tone = stemdeck::test::sine(440.0, 0.5, 48000, n);
    const auto silence = constant(0.0f, n);
    // Four channels would be quad (L R Ls Rs) by default; this file says L R C LFE.
    writeWithChannelMap(
        dir / "lrc_lfe.wav", {silence, silence, tone, tone},
        {SF_CHANNEL_MAP_LEFT, SF_CHANNEL_MAP_RIGHT, SF_CHANNEL_MAP_CENTER, SF_CHANNEL_MAP_LFE});
    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(song.stems.size(), 1u);
    std::vector<float> scaled(tone);
    for (float& s : scaled) s *= kMinus3dB;
    expectNear(song.stems[0].audio.samples(0), scaled, 1e-6f);
    expectNear(song.stems[0].audio.samples(1), scaled, 1e-6f);
}

TEST(StemLoader, StemsKeepTheirOwnLengthAndSongIsTheLongest) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "short.wav", {constant(0.1f, 1000)}, 48000));
    ASSERT_TRUE(
        writeAudioFile(dir / "long.wav", {constant(0.2f, 3000), constant(0.3f, 3000)}, 48000));
    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(song.stems.size(), 2u);
    EXPECT_EQ(song.frames, 3000);
    EXPECT_EQ(song.stems[song.stemIndex("short")].frames(), 1000);
    EXPECT_EQ(song.stems[song.stemIndex("long")].frames(), 3000);
}

TEST(StemLoader, NonFiniteSamplesBecomeSilence) {
    TempDir dir;
    auto samples = constant(0.25f, 100);
    samples[10] = std::numeric_limits<float>::quiet_NaN();
    samples[20] = std::numeric_limits<float>::infinity();
    samples[30] = -std::numeric_limits<float>::infinity();
    ASSERT_TRUE(writeAudioFile(dir / "bad.wav", {samples}, 48000));
    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(song.stems.size(), 1u);
    const auto& out = song.stems[0].audio.samples(0);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const bool replaced = i == 10 || i == 20 || i == 30;
        EXPECT_EQ(out[i], replaced ? 0.0f : 0.25f) << i;
    }
}

// --- sample rates -----------------------------------------------------------------------------

TEST(StemLoader, StemAtAnotherRateIsResampledKeepingPitchAndChannels) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "a.wav", {constant(0.1f, 48000)}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "b.wav", {constant(0.1f, 24000)}, 48000));
    const std::int64_t frames = 44100 + 37;  // not a whole second: checks the rounding
    ASSERT_TRUE(writeAudioFile(dir / "c.wav",
                               {stemdeck::test::sine(1000.0, 0.5, 44100, frames),
                                stemdeck::test::sine(1500.0, 0.5, 44100, frames)},
                               44100));
    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(song.stems.size(), 3u);
    EXPECT_EQ(song.sampleRate, 48000);
    EXPECT_FALSE(song.stems[0].resampled);
    const auto& c = song.stems[2];
    EXPECT_TRUE(c.resampled);
    EXPECT_EQ(c.sourceRate, 44100);
    EXPECT_EQ(c.sourceFrames, frames);
    EXPECT_EQ(c.frames(), std::llround(frames * 48000.0 / 44100.0));
    EXPECT_EQ(song.frames, c.frames());
    EXPECT_NEAR(toneOf(c.audio.samples(0), 48000), 1000.0, 1.0);
    EXPECT_NEAR(toneOf(c.audio.samples(1), 48000), 1500.0, 1.0);
}

TEST(StemLoader, TargetRateZeroPicksTheMostCommonRate) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "a.wav", {constant(0.1f, 4410)}, 44100));
    ASSERT_TRUE(writeAudioFile(dir / "b.wav", {constant(0.1f, 4410)}, 44100));
    ASSERT_TRUE(writeAudioFile(dir / "c.wav", {constant(0.1f, 4800)}, 48000));
    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_EQ(song.sampleRate, 44100);
    EXPECT_TRUE(song.stems[2].resampled);
    EXPECT_EQ(song.stems[2].frames(), 4410);
}

TEST(StemLoader, ChooseSampleRatePrefersTheHighestOnATie) {
    auto probe = [](int rate) {
        sd::StemProbe p;
        p.sampleRate = rate;
        return p;
    };
    EXPECT_EQ(sd::StemLoader::chooseSampleRate({probe(44100), probe(48000)}), 48000);
    EXPECT_EQ(sd::StemLoader::chooseSampleRate({probe(48000), probe(44100)}), 48000);
    EXPECT_EQ(
        sd::StemLoader::chooseSampleRate({probe(96000), probe(44100), probe(44100), probe(48000)}),
        44100);
    EXPECT_EQ(sd::StemLoader::chooseSampleRate({}), 0);
}

TEST(StemLoader, ExplicitTargetRateResamplesEveryOtherStem) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "a.wav", {constant(0.1f, 44100)}, 44100));
    ASSERT_TRUE(writeAudioFile(dir / "b.flac", {constant(0.1f, 96000)}, 96000));
    sd::LoadOptions options;
    options.targetRate = 48000;
    const auto song = sd::StemLoader::load(dir.path(), options);
    EXPECT_EQ(song.sampleRate, 48000);
    ASSERT_EQ(song.stems.size(), 2u);
    EXPECT_TRUE(song.stems[0].resampled);
    EXPECT_TRUE(song.stems[1].resampled);
    EXPECT_EQ(song.stems[0].frames(), 48000);
    EXPECT_EQ(song.stems[1].frames(), 48000);
    // A constant level survives the conversion away from the edges.
    EXPECT_NEAR(song.stems[1].audio.sample(0, 24000), 0.1f, 1e-3f);
}

// --- bad files --------------------------------------------------------------------------------

TEST(StemLoader, CorruptFilesAreReportedAndGoodStemsStillLoad) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "bass.wav", {constant(0.1f, 480)}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "good.wav", {constant(0.1f, 480)}, 48000));
    std::vector<unsigned char> random(4096);
    for (std::size_t i = 0; i < random.size(); ++i)
        random[i] = static_cast<unsigned char>((i * 2654435761u) >> 13);
    writeBytes(dir / "random.wav", random);
    stemdeck::test::writeTextFile(dir / "text.wav", "this is not audio\n");
    writeBytes(dir / "truncated.wav", [&] {
        auto bytes = readBytes(dir / "good.wav");
        bytes.resize(30);  // RIFF header cut before the data chunk
        return bytes;
    }());
    writeBytes(dir / "empty.wav", {});

    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"bass", "good"}));
    ASSERT_EQ(song.errors.size(), 4u);
    for (const char* name : {"random.wav", "text.wav", "truncated.wav", "empty.wav"}) {
        EXPECT_TRUE(anyMessageContains(song.errors, name)) << name;
    }
    for (const auto& error : song.errors) {
        EXPECT_NE(error.message.find("skipped"), std::string::npos) << error.message;
        EXPECT_EQ(error.message.find('\n'), std::string::npos) << error.message;
    }
    EXPECT_TRUE(anyMessageContains(song.errors, "text.wav: cannot read: "));
}

// Every skipped file says what kind of problem it had, so a front end can word it without
// reading the message (the GUI's banner counts files by kind).
TEST(StemLoader, EachSkippedFileSaysWhatKindOfProblemItHad) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "good.wav", {constant(0.1f, 480)}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "big.wav", {constant(0.1f, 48000)}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "low.wav", {constant(0.1f, 480)}, 100));
    stemdeck::test::writeTextFile(dir / "text.wav", "this is not audio\n");
    ASSERT_TRUE(writeAudioFile(dir / "pcm16.wav", {constant(0.1f, 480)}, 48000,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_16));
    writeBytes(dir / "truncated.wav", [&] {
        auto bytes = readBytes(dir / "pcm16.wav");
        fs::remove(dir / "pcm16.wav");
        bytes.resize(44);  // a 16-bit WAV's whole header, not one frame
        return bytes;
    }());
    const bool root = geteuid() == 0;  // root reads files whatever their permissions
    if (!root) {
        ASSERT_TRUE(writeAudioFile(dir / "locked.wav", {constant(0.1f, 480)}, 48000));
        fs::permissions(dir / "locked.wav", fs::perms::none);
    }
    sd::LoadOptions options;
    options.memoryLimitBytes = 10000;  // big.wav alone needs 192 kB
    const auto song = sd::StemLoader::load(dir.path(), options);
    if (!root) fs::permissions(dir / "locked.wav", fs::perms::owner_all);
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"good"}));
    std::map<std::string, sd::FileProblem> kinds;
    for (const auto& error : song.errors) kinds[error.file.filename().string()] = error.problem;
    std::map<std::string, sd::FileProblem> expected{{"big.wav", sd::FileProblem::TooBig},
                                                    {"low.wav", sd::FileProblem::UnsupportedRate},
                                                    {"text.wav", sd::FileProblem::NotAudio},
                                                    {"truncated.wav", sd::FileProblem::Empty}};
    if (!root) expected["locked.wav"] = sd::FileProblem::Unreadable;
    EXPECT_EQ(kinds, expected);
}

// Issue 9 item 6: the header's length no longer sizes anything. Before, a header within 4096
// samples per byte was trusted (and zero-filled), one beyond it rejected; now every file is
// decoded to its real end into buffers that grow with the audio.
TEST(StemLoader, AbsurdFrameCountInAHeaderLoadsTheRealAudioWithAWarning) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "good.wav", {constant(0.1f, 480)}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "huge.flac", {stemdeck::test::noise(0.3, 4800, 5)}, 48000));
    // FLAC STREAMINFO: the 36-bit total sample count ends the 18th byte of the block.
    auto bytes = readBytes(dir / "huge.flac");
    bytes[8 + 13] |= 0x0F;
    std::fill(bytes.begin() + 8 + 14, bytes.begin() + 8 + 18, 0xFF);
    writeBytes(dir / "huge.flac", bytes);

    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"good", "huge"}));
    EXPECT_TRUE(song.errors.empty());
    const auto& huge = song.stems[1];
    EXPECT_EQ(huge.frames(), 4800);
    EXPECT_EQ(huge.audio.capacityFrames(), 4800);
    ASSERT_EQ(song.warnings.size(), 1u);
    EXPECT_EQ(song.warnings[0].message,
              "huge.flac: length 0.10 s, not the 1431655.77 s its header says; loaded in full");
}

TEST(StemLoader, GarbageWavDataSizeIsBoundedByTheFile) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "a.wav", {constant(0.25f, 4800)}, 48000));
    auto bytes = readBytes(dir / "a.wav");
    const auto data =
        std::search(bytes.begin(), bytes.end(), std::begin("data"), std::begin("data") + 4);
    ASSERT_NE(data, bytes.end());
    std::fill(data + 4, data + 8, 0xFF);  // claims a 4 GB data chunk
    writeBytes(dir / "a.wav", bytes);
    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(song.stems.size(), 1u);
    EXPECT_EQ(song.stems[0].frames(), 4800);
    EXPECT_EQ(song.stems[0].audio.capacityFrames(), 4800);
}

TEST(StemLoader, CompressedFilesCutShortAreReported) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "good.wav", {constant(0.1f, 480)}, 48000));
    const auto signal = stemdeck::test::noise(0.3, 480000, 11);
    ASSERT_TRUE(writeAudioFile(dir / "cut.flac", {signal}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "cut.ogg", {signal}, 48000));
    for (const char* name : {"cut.flac", "cut.ogg"})
        fs::resize_file(dir / name, fs::file_size(dir / name) / 2);

    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"good"}));
    ASSERT_EQ(song.errors.size(), 2u);
    // The FLAC header still promises every frame: decoding finds the file cut short.
    EXPECT_TRUE(anyMessageContains(song.errors, "cut.flac: cannot decode: failed at "));
    // Ogg finds its length at the end of the file, which is gone.
    EXPECT_TRUE(anyMessageContains(song.errors, "cut.ogg: length unknown"));
}

// --- folder-level failures --------------------------------------------------------------------

TEST(StemLoader, MissingFolderThrowsFolderMissing) {
    TempDir dir;
    const auto missing = dir / "no such song";
    const auto error = loadError(missing);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), sd::LoadError::Kind::FolderMissing);
    EXPECT_NE(std::string(error->what()).find(missing.string()), std::string::npos);
}

TEST(StemLoader, FileInsteadOfFolderThrowsNotAFolder) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "song.wav", {constant(0.1f, 480)}, 48000));
    const auto error = loadError(dir / "song.wav");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), sd::LoadError::Kind::NotAFolder);
    EXPECT_NE(std::string(error->what()).find("song.wav"), std::string::npos);
}

TEST(StemLoader, EmptyFolderThrowsNoStems) {
    TempDir dir;
    const auto error = loadError(dir.path());
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), sd::LoadError::Kind::NoStems);
    EXPECT_NE(std::string(error->what()).find(dir.path().string()), std::string::npos);
}

TEST(StemLoader, FolderOfNonAudioFilesThrowsNoStems) {
    TempDir dir;
    stemdeck::test::writeTextFile(dir / "meta.json", "{}");
    stemdeck::test::writeTextFile(dir / "lyrics.lrc", "[00:01.00] la");
    const auto error = loadError(dir.path());
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), sd::LoadError::Kind::NoStems);
    const std::string message = error->what();
    EXPECT_NE(message.find(dir.path().string()), std::string::npos);
    EXPECT_NE(message.find("2 other files ignored"), std::string::npos) << message;
}

TEST(StemLoader, AllStemsBrokenThrowsNoStemsWithTheFirstErrors) {
    TempDir dir;
    stemdeck::test::writeTextFile(dir / "drums.wav", "not audio");
    stemdeck::test::writeTextFile(dir / "keys.flac", "not audio either");
    const auto error = loadError(dir.path());
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), sd::LoadError::Kind::NoStems);
    const std::string message = error->what();
    EXPECT_NE(message.find(dir.path().string()), std::string::npos) << message;
    EXPECT_NE(message.find("all 2 audio files failed"), std::string::npos) << message;
    EXPECT_NE(message.find("drums.wav: cannot read"), std::string::npos) << message;
}

TEST(StemLoader, NotEnoughMemoryIsRefusedBeforeDecoding) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "a.wav", {constant(0.1f, 48000)}, 48000));
    sd::LoadOptions options;
    options.memoryLimitBytes = 500;
    sd::LoadProgress progress;
    const auto error = loadError(dir.path(), options, &progress);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), sd::LoadError::Kind::OutOfMemory);
    const std::string message = error->what();
    EXPECT_NE(message.find("needs 192.0 kB"), std::string::npos) << message;  // 48000 x 4 bytes
    EXPECT_NE(message.find("only 500 bytes"), std::string::npos) << message;
    EXPECT_EQ(progress.stemsTotal(), 0);  // decoding never began

    options.memoryLimitBytes = 192000;  // exactly enough
    EXPECT_NO_THROW(sd::StemLoader::load(dir.path(), options));
}

TEST(StemLoader, BytesNeededCountsOutputFramesAndChannels) {
    sd::StemProbe mono;
    mono.channels = 1;
    mono.sampleRate = 44100;
    mono.frames = 44100;
    sd::StemProbe surround;
    surround.channels = 6;  // stored downmixed: 2 channels
    surround.sampleRate = 48000;
    surround.frames = 48000;
    EXPECT_EQ(sd::StemLoader::bytesNeeded({mono, surround}, 48000), 48000u * 4 + 48000u * 2 * 4);
    EXPECT_EQ(sd::StemLoader::bytesNeeded({mono, surround}, 0), 44100u * 4 + 48000u * 2 * 4);
}

// Issue 11: 8- and 16-bit sources are stored as int16 (also resampled), the rest as float;
// the memory check counts what is stored.
TEST(StemLoader, BytesNeededCountsTwoBytesASampleFor16BitSources) {
    sd::StemProbe pcm16;
    pcm16.channels = 2;
    pcm16.sampleRate = 44100;
    pcm16.frames = 44100;
    pcm16.integerBits = 16;
    sd::StemProbe pcm8 = pcm16;
    pcm8.integerBits = 8;
    sd::StemProbe pcm24 = pcm16;
    pcm24.integerBits = 24;
    sd::StemProbe lossy = pcm16;
    lossy.integerBits = 0;
    EXPECT_EQ(sd::loader::storageFormat(pcm16), sd::SampleFormat::Int16);
    EXPECT_EQ(sd::loader::storageFormat(pcm8), sd::SampleFormat::Int16);
    EXPECT_EQ(sd::loader::storageFormat(pcm24), sd::SampleFormat::Float32);
    EXPECT_EQ(sd::loader::storageFormat(lossy), sd::SampleFormat::Float32);
    EXPECT_EQ(sd::StemLoader::bytesNeeded({pcm16}, 0), 44100u * 2 * 2);
    EXPECT_EQ(sd::StemLoader::bytesNeeded({pcm16}, 48000), 48000u * 2 * 2);  // resampled
    EXPECT_EQ(sd::StemLoader::bytesNeeded({pcm8, pcm24}, 0), 44100u * 2 * 2 + 44100u * 2 * 4);
}

TEST(StemLoader, SixteenBitStemsAreStoredAsInt16AndPlayTheirExactValues) {
    TempDir dir;
    const auto tone = stemdeck::test::sine(1000.0, 0.5, 48000, 4800);
    ASSERT_TRUE(
        writeAudioFile(dir / "a16.wav", {tone, tone}, 48000, SF_FORMAT_WAV | SF_FORMAT_PCM_16));
    ASSERT_TRUE(writeAudioFile(dir / "b16.flac", {tone}, 48000, SF_FORMAT_FLAC | SF_FORMAT_PCM_16));
    ASSERT_TRUE(writeAudioFile(dir / "c16.wav", {stemdeck::test::sine(1000.0, 0.5, 44100, 4410)},
                               44100, SF_FORMAT_WAV | SF_FORMAT_PCM_16));
    ASSERT_TRUE(writeAudioFile(dir / "d24.flac", {tone}, 48000, SF_FORMAT_FLAC | SF_FORMAT_PCM_24));
    ASSERT_TRUE(writeAudioFile(dir / "e8.wav", {tone}, 48000, SF_FORMAT_WAV | SF_FORMAT_PCM_U8));
    sd::LoadOptions options;
    options.targetRate = 48000;
    const auto song = sd::StemLoader::load(dir.path(), options);
    ASSERT_EQ(stemNames(song), (std::vector<std::string>{"a16", "b16", "c16", "d24", "e8"}));
    const auto format = [&](int i) { return song.stems[i].audio.format(); };
    EXPECT_EQ(format(0), sd::SampleFormat::Int16);
    EXPECT_EQ(format(1), sd::SampleFormat::Int16);
    EXPECT_EQ(format(2), sd::SampleFormat::Int16);  // resampled 44.1 -> 48 kHz
    EXPECT_EQ(format(3), sd::SampleFormat::Float32);
    EXPECT_EQ(format(4), sd::SampleFormat::Int16);
    EXPECT_EQ(song.stems[0].audio.capacityBytes(), 4800u * 2 * 2);
    // What libsndfile gives for the 16-bit files (sample / 32768) is what is stored.
    for (const char* name : {"a16.wav", "b16.flac", "e8.wav"}) {
        const auto file = stemdeck::test::readAudioFile(dir / name);
        const auto& stem =
            song.stems[static_cast<std::size_t>(song.stemIndex(fs::path(name).stem()))];
        const auto stored = stem.audio.samples(0);
        ASSERT_EQ(static_cast<std::int64_t>(stored.size()), file.frames()) << name;
        for (std::int64_t f = 0; f < file.frames(); ++f)
            ASSERT_EQ(stored[static_cast<std::size_t>(f)],
                      file.interleaved[static_cast<std::size_t>(f * file.channels)])
                << name << " frame " << f;
    }
    EXPECT_NEAR(toneOf(song.stems[2].audio.samples(0), 48000), 1000.0, 1.0);
}

TEST(StemLoader, ASongPreloadedBesideAnotherCountsTheResidentOne) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "a.wav", {constant(0.25f, 48000)}, 48000,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_16));
    sd::LoadOptions options;
    options.memoryLimitBytes = 200000;
    const auto first = sd::StemLoader::load(dir.path(), options);
    const std::uint64_t resident = sd::loader::songBytes(first);
    EXPECT_EQ(resident, 48000u * 2 + first.stems[0].peaks.capacity() * sizeof(float));
    // 96 kB needed; 200 kB in all with the first song's ~99 kB resident: fits.
    const auto probes = sd::StemLoader::scan(dir.path()).probes;
    const auto beside = sd::loader::memoryLimitBeside(resident, options.memoryLimitBytes);
    EXPECT_EQ(beside.bytes, 200000u - resident);
    EXPECT_TRUE(sd::loader::fitsInMemory(probes, 48000, beside));
    options.residentBytes = resident;
    EXPECT_NO_THROW(sd::StemLoader::load(dir.path(), options));
    // With two resident, it does not.
    options.residentBytes = 2 * resident;
    const auto two = sd::loader::memoryLimitBeside(2 * resident, options.memoryLimitBytes);
    EXPECT_FALSE(sd::loader::fitsInMemory(probes, 48000, two));
    const auto error = loadError(dir.path(), options);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), sd::LoadError::Kind::OutOfMemory);
    EXPECT_NE(std::string(error->what()).find("beside"), std::string::npos) << error->what();
    // The system's figure already leaves the resident song out: the same margin as alone.
    EXPECT_EQ(sd::loader::memoryLimitBeside(resident, 0).text.find("beside"), std::string::npos);
}

TEST(StemLoader, AvailableMemoryIsPlausible) {
    const auto bytes = sd::StemLoader::availableMemoryBytes();
    EXPECT_GT(bytes, 16u << 20);
    EXPECT_LT(bytes, std::numeric_limits<std::uint64_t>::max());
}

// --- progress and cancellation ----------------------------------------------------------------

TEST(StemLoader, ProgressReachesOneAndCountsEveryStem) {
    TempDir dir;
    for (const char* name : {"a.wav", "b.wav", "c.flac"})
        ASSERT_TRUE(writeAudioFile(dir / name, {stemdeck::test::noise(0.3, 30000, 1)}, 48000));
    sd::LoadProgress progress;
    const auto song = sd::StemLoader::load(dir.path(), {}, &progress);
    EXPECT_EQ(song.stems.size(), 3u);
    EXPECT_DOUBLE_EQ(progress.fraction(), 1.0);
    EXPECT_EQ(progress.stemsDone(), 3);
    EXPECT_EQ(progress.stemsTotal(), 3);
}

TEST(StemLoader, CancelBeforeStartThrowsCancelled) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "a.wav", {constant(0.1f, 4800)}, 48000));
    sd::LoadProgress progress;
    progress.requestCancel();
    const auto error = loadError(dir.path(), {}, &progress);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), sd::LoadError::Kind::Cancelled);
}

TEST(StemLoader, CancelDuringLoadingStopsIt) {
    TempDir dir;
    const std::int64_t frames = 48000 * 60;  // long enough that cancelling lands mid-load
    const auto signal = stemdeck::test::noise(0.3, frames, 9);
    for (const char* name : {"a.flac", "b.flac", "c.flac", "d.flac"})
        ASSERT_TRUE(writeAudioFile(dir / name, {signal}, 48000));
    sd::LoadProgress progress;
    std::atomic<bool> finished{false};
    double fractionAtCancel = -1.0;
    std::thread canceller([&] {
        while (!finished && progress.fraction() == 0.0) std::this_thread::yield();
        fractionAtCancel = progress.fraction();
        progress.requestCancel();
    });
    const auto error = loadError(dir.path(), {}, &progress);
    finished = true;
    canceller.join();
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind(), sd::LoadError::Kind::Cancelled);
    EXPECT_LT(fractionAtCancel, 1.0);
}

// --- folder layout and names ------------------------------------------------------------------

TEST(StemLoader, TracksSubfolderIsScanned) {
    TempDir dir;
    fs::create_directory(dir / "tracks");
    ASSERT_TRUE(writeAudioFile(dir / "tracks" / "drums.wav", {constant(0.1f, 480)}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "bass.wav", {constant(0.1f, 480)}, 48000));
    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"bass", "drums"}));
    EXPECT_EQ(song.stems[1].file, dir / "tracks" / "drums.wav");
}

TEST(StemLoader, MasterMixIsIgnoredWhenThereAreStems) {
    TempDir dir;
    fs::create_directory(dir / "tracks");
    ASSERT_TRUE(writeAudioFile(dir / "master.wav", {constant(0.1f, 480)}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "Mix.flac", {constant(0.1f, 480)}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "tracks" / "drums.wav", {constant(0.1f, 480)}, 48000));
    // Only the top level holds the reference mix; the folder is given with a trailing slash.
    ASSERT_TRUE(writeAudioFile(dir / "tracks" / "master.wav", {constant(0.1f, 480)}, 48000));
    const auto song = sd::StemLoader::load(dir.path().string() + "/");
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"drums", "master"}));
    EXPECT_TRUE(song.errors.empty());
    EXPECT_TRUE(anyMessageContains(song.ignored, "master.wav: reference master mix, not a stem"));
    EXPECT_TRUE(anyMessageContains(song.ignored, "Mix.flac: reference master mix"));
}

TEST(StemLoader, MasterAloneIsLoadedAsTheOnlyStem) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "master.wav", {constant(0.1f, 480)}, 48000));
    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"master"}));
    EXPECT_TRUE(song.ignored.empty());
}

TEST(StemLoader, NonAudioAndHiddenFilesAreIgnoredQuietly) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "bass.wav", {constant(0.1f, 480)}, 48000));
    for (const char* name : {"meta.json", "lyrics.lrc", "cover.JPG", "notes.txt", ".DS_Store",
                             "stemdeck.json", "song.mid", "bass.wav.asd"})
        stemdeck::test::writeTextFile(dir / name, "x");
    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"bass"}));
    EXPECT_TRUE(song.errors.empty()) << song.errors.front().message;
    EXPECT_EQ(song.ignored.size(), 8u);
    EXPECT_TRUE(anyMessageContains(song.ignored, ".DS_Store: hidden file"));
    EXPECT_TRUE(anyMessageContains(song.ignored, "meta.json: not an audio file"));
}

TEST(StemLoader, StemsAreSortedNaturallyIgnoringCase) {
    TempDir dir;
    for (const char* name : {"track10.wav", "Track2.wav", "track1.wav", "b.wav", "A.wav"})
        ASSERT_TRUE(writeAudioFile(dir / name, {constant(0.1f, 48)}, 48000));
    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"A", "b", "track1", "Track2", "track10"}));
}

TEST(StemLoader, NaturalLessComparesDigitRunsAsNumbers) {
    using sd::StemLoader;
    EXPECT_TRUE(StemLoader::naturalLess("track2", "track10"));
    EXPECT_FALSE(StemLoader::naturalLess("track10", "track2"));
    EXPECT_TRUE(StemLoader::naturalLess("Bass", "drums"));
    EXPECT_TRUE(StemLoader::naturalLess("take 9 b", "take 10 a"));
    EXPECT_TRUE(StemLoader::naturalLess("vox", "vox 2"));
    EXPECT_FALSE(StemLoader::naturalLess("track007", "track7"));
    EXPECT_FALSE(StemLoader::naturalLess("track7", "track007"));
}

TEST(StemLoader, NamesDropTheExtensionAndDuplicatesBecomeUnique) {
    TempDir dir;
    fs::create_directory(dir / "tracks");
    ASSERT_TRUE(writeAudioFile(dir / "lead vox.take2.wav", {constant(0.1f, 48)}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "drums.wav", {constant(0.1f, 48)}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "drums.flac", {constant(0.1f, 48)}, 48000));
    ASSERT_TRUE(writeAudioFile(dir / "tracks" / "drums.wav", {constant(0.1f, 48)}, 48000));
    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"drums (flac)", "drums (wav)",
                                                         "drums (wav) 2", "lead vox.take2"}));
}

TEST(StemLoader, ScanReadsHeadersWithoutDecoding) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "a.wav", {constant(0.1f, 4410), constant(0.1f, 4410)}, 44100));
    stemdeck::test::writeTextFile(dir / "b.wav", "junk");
    stemdeck::test::writeTextFile(dir / "meta.json", "{}");
    std::vector<sd::FileIssue> errors, ignored;
    const auto probes = sd::StemLoader::scan(dir.path(), errors, ignored);
    ASSERT_EQ(probes.size(), 1u);
    EXPECT_EQ(probes[0].name, "a");
    EXPECT_EQ(probes[0].channels, 2);
    EXPECT_EQ(probes[0].sampleRate, 44100);
    EXPECT_EQ(probes[0].frames, 4410);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].file, dir / "b.wav");
    ASSERT_EQ(ignored.size(), 1u);
    EXPECT_EQ(ignored[0].file, dir / "meta.json");
}

TEST(StemLoader, OneWorkerGivesTheSameSongAsMany) {
    TempDir dir;
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(writeAudioFile(dir / ("s" + std::to_string(i) + ".wav"),
                                   {stemdeck::test::noise(0.3, 5000 + i, static_cast<unsigned>(i))},
                                   44100));
    sd::LoadOptions one, many;
    one.workers = 1;
    many.workers = 4;
    one.targetRate = many.targetRate = 48000;
    const auto a = sd::StemLoader::load(dir.path(), one);
    const auto b = sd::StemLoader::load(dir.path(), many);
    ASSERT_EQ(a.stems.size(), 5u);
    ASSERT_EQ(stemNames(a), stemNames(b));
    for (std::size_t i = 0; i < a.stems.size(); ++i) {
        EXPECT_EQ(a.stems[i].audio.channels(), b.stems[i].audio.channels()) << a.stems[i].name;
        EXPECT_EQ(a.stems[i].audio.format(), b.stems[i].audio.format()) << a.stems[i].name;
        for (int c = 0; c < a.stems[i].audio.channels(); ++c)
            EXPECT_EQ(a.stems[i].audio.samples(c), b.stems[i].audio.samples(c)) << a.stems[i].name;
    }
}

}  // namespace unity_StemLoaderTest
