// The loader against files and folders built to mislead it (issue 9): stemdeck's own renders
// inside the song, samples far beyond full scale, absurd sample rates, headers whose length
// lies (in both directions), files cut while they load, a lone ID3 tag, paths the system
// refuses. Each either loads what is really there, with a warning when it is not what the
// file says, or is named and skipped; the rest of the song always loads.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "AsNobody.h"
#include "AudioFiles.h"
#include "FileBytes.h"
#include "TempDir.h"
#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/loader/SongDecode.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/audio/render/RenderMark.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_StemLoaderHostileInputTest {

namespace sd = stemdeck::audio;
namespace fs = std::filesystem;
using stemdeck::test::Planar;
using stemdeck::test::readBytes;
using stemdeck::test::TempDir;
using stemdeck::test::writeAudioFile;
using stemdeck::test::writeBytes;

namespace {

constexpr int kRate = 48000;

// A mono file carrying `software` as its libsndfile software string, as a render does.
void writeWithSoftware(const fs::path& file, int format, const std::string& software) {
    SF_INFO info{};
    info.samplerate = kRate;
    info.channels = 1;
    info.format = format;
    SNDFILE* sf = sf_open(file.c_str(), SFM_WRITE, &info);
    ASSERT_NE(sf, nullptr) << sf_strerror(nullptr);
    ASSERT_EQ(sf_set_string(sf, SF_STR_SOFTWARE, software.c_str()), 0);
    const auto samples = stemdeck::test::sine(440.0, 0.5, kRate, 4800);
    sf_writef_float(sf, samples.data(), static_cast<sf_count_t>(samples.size()));
    sf_close(sf);
}

// The 36-bit total sample count of a FLAC file's STREAMINFO (it ends the block's 18th byte).
void setFlacTotalSamples(const fs::path& file, std::uint64_t total) {
    auto bytes = readBytes(file);
    ASSERT_GT(bytes.size(), 26u);
    ASSERT_EQ(std::string(bytes.begin(), bytes.begin() + 4), "fLaC");
    bytes[8 + 13] = static_cast<unsigned char>((bytes[8 + 13] & 0xF0) | ((total >> 32) & 0x0F));
    for (int i = 0; i < 4; ++i)
        bytes[8 + 14 + i] = static_cast<unsigned char>(total >> (24 - 8 * i));
    writeBytes(file, bytes);
}

std::int64_t framesLibsndfileReports(const fs::path& file) {
    SF_INFO info{};
    SNDFILE* sf = sf_open(file.c_str(), SFM_READ, &info);
    if (!sf) return -1;
    sf_close(sf);
    return info.frames;
}

std::vector<std::string> stemNames(const sd::Song& song) {
    std::vector<std::string> names;
    for (const auto& s : song.stems) names.push_back(s.name);
    return names;
}

std::string messages(const std::vector<sd::FileIssue>& issues) {
    std::string all;
    for (const auto& i : issues) all += i.message + "\n";
    return all;
}

bool anyMessageIs(const std::vector<sd::FileIssue>& issues, const std::string& text) {
    return std::ranges::any_of(issues, [&](const sd::FileIssue& i) { return i.message == text; });
}

bool anyMessageStartsWith(const std::vector<sd::FileIssue>& issues, const std::string& text) {
    return std::ranges::any_of(issues,
                               [&](const sd::FileIssue& i) { return i.message.starts_with(text); });
}

float peakOf(const sd::Stem& stem) {
    float peak = 0.0f;
    for (int c = 0; c < stem.audio.channels(); ++c)
        for (const float s : stem.audio.samples(c)) {
            if (!std::isfinite(s)) return std::numeric_limits<float>::infinity();
            peak = std::max(peak, std::abs(s));
        }
    return peak;
}

// The process's peak resident memory (VmHWM) in bytes, after resetPeakMemory() the peak since
// then; nullopt where /proc cannot tell.
std::optional<std::uint64_t> peakMemory() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with("VmHWM:")) return std::stoull(line.substr(6)) * 1024;
    return std::nullopt;
}
bool resetPeakMemory() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";  // Linux >= 4.0: the peak becomes the current resident size
    clear.flush();
    return static_cast<bool>(clear);
}

std::optional<sd::LoadError> loadError(const fs::path& folder) {
    try {
        sd::StemLoader::load(folder);
    } catch (const sd::LoadError& e) {
        return e;
    }
    return std::nullopt;
}

}  // namespace

// --- stemdeck's renders inside the song folder (item 1) ---------------------------------------

TEST(StemLoaderHostile, FilesMarkedAsStemdeckRendersAreIgnoredWhateverTheirName) {
    TempDir dir;
    const std::string mark(sd::kRenderSoftwareMark);
    ASSERT_TRUE(writeAudioFile(dir / "bass.wav", {std::vector<float>(4800, 0.1f)}, kRate));
    // Real stems, however they are named or whatever else wrote them.
    ASSERT_TRUE(
        writeAudioFile(dir / "StemDeck Demo - Drums.wav", {std::vector<float>(4800, 0.1f)}, kRate));
    writeWithSoftware(dir / "keys.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, "REAPER");
    // Renders (libsndfile adds its own version after the text), under any name.
    writeWithSoftware(dir / "my mix.wav", SF_FORMAT_WAV | SF_FORMAT_FLOAT, mark + " 0.1.0");
    writeWithSoftware(dir / "take 2.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, mark);
    writeWithSoftware(dir / "for the drummer.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, mark);

    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"bass", "keys", "StemDeck Demo - Drums"}));
    EXPECT_TRUE(song.errors.empty()) << messages(song.errors);
    for (const char* render : {"my mix.wav", "take 2.flac", "for the drummer.ogg"})
        EXPECT_TRUE(anyMessageIs(song.ignored, std::string(render) +
                                                   ": a mix rendered by stemdeck, not a stem; "
                                                   "ignored"))
            << render << "\n"
            << messages(song.ignored);
}

// --- samples far beyond full scale (item 2) ---------------------------------------------------

TEST(StemLoaderHostile, HugeFiniteSamplesAreBoundedOnLoadWithOneWarningPerFile) {
    TempDir dir;
    auto samples = std::vector<float>(4800, 0.25f);
    std::fill(samples.begin() + 1000, samples.begin() + 1096, 3e38f);  // 2 ms at 48 kHz
    std::fill(samples.begin() + 2000, samples.begin() + 2010, -3e38f);
    samples[3000] = 64.0f;  // exactly the bound: kept, not counted
    ASSERT_TRUE(writeAudioFile(dir / "hot.wav", {samples}, kRate));
    ASSERT_TRUE(writeAudioFile(dir / "calm.wav", {std::vector<float>(4800, 0.25f)}, kRate));

    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(stemNames(song), (std::vector<std::string>{"calm", "hot"}));
    const auto& hot = song.stems[1].audio.samples(0);
    for (std::size_t i = 0; i < hot.size(); ++i) {
        const float expected = i >= 1000 && i < 1096   ? 64.0f
                               : i >= 2000 && i < 2010 ? -64.0f
                               : i == 3000             ? 64.0f
                                                       : 0.25f;
        ASSERT_EQ(hot[i], expected) << "sample " << i;
    }
    ASSERT_EQ(song.warnings.size(), 1u) << messages(song.warnings);
    EXPECT_EQ(song.warnings[0].file, dir / "hot.wav");
    EXPECT_EQ(song.warnings[0].message,
              "hot.wav: 106 samples beyond \u00b164 (+36 dBFS) were limited to \u00b164");
}

// The bound holds for what reaches the mixer, after the downmix (which sums channels) and the
// resampler (which overshoots a step).
TEST(StemLoaderHostile, HugeSamplesStayBoundedThroughDownmixAndResampling) {
    TempDir dir;
    auto loud = std::vector<float>(4410, 0.0f);
    std::fill(loud.begin() + 2000, loud.begin() + 2100, 3e38f);
    ASSERT_TRUE(writeAudioFile(dir / "a_surround_resampled.wav", Planar(6, loud), 44100));
    ASSERT_TRUE(writeAudioFile(dir / "b_stereo_resampled.wav", {loud, loud}, 44100));
    ASSERT_TRUE(writeAudioFile(dir / "c_surround.wav", Planar(6, loud), kRate));
    sd::LoadOptions options;
    options.targetRate = kRate;
    const auto song = sd::StemLoader::load(dir.path(), options);
    ASSERT_EQ(song.stems.size(), 3u);
    for (const auto& stem : song.stems) {
        EXPECT_EQ(stem.resampled, stem.sourceRate != kRate);
        EXPECT_LE(peakOf(stem), sd::limits::kMaxSampleMagnitude) << stem.name;
        EXPECT_GT(peakOf(stem), 32.0f) << stem.name << ": the loud part is still loud";
    }
    EXPECT_EQ(song.warnings.size(), 3u) << messages(song.warnings);
}

// --- sample rates outside 8-384 kHz (item 3) --------------------------------------------------

TEST(StemLoaderHostile, FilesWithAnAbsurdSampleRateAreNamedAndSkipped) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "good.wav", {std::vector<float>(4800, 0.1f)}, kRate));
    for (const int rate : {1, 3, 100, 7999, 384001, 400000})
        ASSERT_TRUE(writeAudioFile(dir / ("r" + std::to_string(rate) + ".wav"),
                                   {std::vector<float>(100, 0.1f)}, rate));
    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"good"}));
    EXPECT_EQ(song.sampleRate, kRate);
    ASSERT_EQ(song.errors.size(), 6u) << messages(song.errors);
    for (const int rate : {1, 3, 100, 7999, 384001, 400000}) {
        const std::string r = std::to_string(rate);
        EXPECT_TRUE(anyMessageIs(song.errors, "r" + r + ".wav: sample rate " + r +
                                                  " Hz is outside 8000\u2013384000 Hz; skipped"))
            << messages(song.errors);
    }
}

TEST(StemLoaderHostile, TheEdgesOfTheSampleRateRangeLoad) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "low.wav", {std::vector<float>(800, 0.1f)}, 8000));
    ASSERT_TRUE(writeAudioFile(dir / "high.wav", {std::vector<float>(38400, 0.1f)}, 384000));
    sd::LoadOptions options;
    options.targetRate = kRate;
    const auto song = sd::StemLoader::load(dir.path(), options);
    EXPECT_TRUE(song.errors.empty()) << messages(song.errors);
    ASSERT_EQ(song.stems.size(), 2u);
    for (const auto& stem : song.stems) EXPECT_EQ(stem.frames(), 4800) << stem.name;
}

// --- headers that lie about the length (items 6, 7, 10) ---------------------------------------

// Before: a header within 4096 samples per byte was trusted and its length zero-filled
// (here ~150 MB for 9 kB of FLAC). Now memory follows the audio the file really holds.
TEST(StemLoaderHostile, AnInflatedFlacLengthCostsOnlyTheMemoryOfItsRealAudio) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "good.wav", {std::vector<float>(4800, 0.1f)}, kRate));
    const fs::path liar = dir / "liar.flac";
    ASSERT_TRUE(writeAudioFile(liar, {stemdeck::test::noise(0.3, 4800, 3)}, kRate,
                               SF_FORMAT_FLAC | SF_FORMAT_PCM_16));
    const std::uint64_t claimed = fs::file_size(liar) * 4000;  // ~36 million frames
    setFlacTotalSamples(liar, claimed);
    ASSERT_EQ(framesLibsndfileReports(liar), static_cast<std::int64_t>(claimed));
    if (!resetPeakMemory()) GTEST_SKIP() << "cannot reset the peak memory (/proc/self/clear_refs)";
    const auto before = peakMemory();
    ASSERT_TRUE(before);

    const auto song = sd::StemLoader::load(dir.path());
    const auto peak = peakMemory();
    ASSERT_TRUE(peak);
    const std::uint64_t claimedBytes = claimed * sizeof(float);
    EXPECT_LT(*peak - *before, claimedBytes / 8)
        << "the load took " << (*peak - *before) / 1000000 << " MB for 4800 frames of audio";
    ASSERT_EQ(stemNames(song), (std::vector<std::string>{"good", "liar"}));
    EXPECT_EQ(song.stems[1].frames(), 4800);
    EXPECT_EQ(song.stems[1].audio.capacityFrames(), 4800);
    ASSERT_EQ(song.warnings.size(), 1u) << messages(song.warnings);
    EXPECT_TRUE(song.warnings[0].message.starts_with("liar.flac: length 0.10 s, not the "))
        << song.warnings[0].message;
}

// The memory check counts a compressed file by what its bytes can realistically hold, not by
// what its header says; one file that alone does not fit is named and skipped, the rest loads.
TEST(StemLoaderHostile, AStemTooBigForTheMemoryAloneIsSkippedAndTheRestLoads) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "good.wav", {std::vector<float>(4800, 0.1f)}, kRate));
    ASSERT_TRUE(writeAudioFile(dir / "big.wav", {std::vector<float>(480000, 0.1f)}, kRate));
    const fs::path liar = dir / "liar.flac";
    ASSERT_TRUE(writeAudioFile(liar, {stemdeck::test::noise(0.3, 4800, 3)}, kRate,
                               SF_FORMAT_FLAC | SF_FORMAT_PCM_16));
    setFlacTotalSamples(liar, std::uint64_t{1} << 35);  // 2.9 TB decoded, says the header
    sd::LoadOptions options;
    options.memoryLimitBytes = 1000000;
    const auto song = sd::StemLoader::load(dir.path(), options);
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"good", "liar"}));
    ASSERT_EQ(song.errors.size(), 1u) << messages(song.errors);
    EXPECT_EQ(song.errors[0].message,
              "big.wav: needs 1.9 MB of memory but only 1.0 MB is available; skipped");
}

// A file compressed far better than the estimate (digital silence) whose header gives no
// length: the buffers grow with the audio, and when the song's memory runs out while it
// decodes, that file is skipped with a clear message instead of the process being killed.
TEST(StemLoaderHostile, AStemOutgrowingTheMemoryWhileDecodingIsSkipped) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "good.wav", {std::vector<float>(4800, 0.1f)}, kRate));
    const fs::path silence = dir / "silence.flac";
    ASSERT_TRUE(writeAudioFile(silence, {std::vector<float>(480000, 0.0f)}, kRate,
                               SF_FORMAT_FLAC | SF_FORMAT_PCM_16));
    setFlacTotalSamples(silence, 0);  // written as a stream: length unknown
    sd::LoadOptions options;
    options.memoryLimitBytes = 1000000;  // 250 000 frames: half of the silence
    const auto song = sd::StemLoader::load(dir.path(), options);
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"good"}));
    ASSERT_EQ(song.errors.size(), 1u) << messages(song.errors);
    EXPECT_TRUE(anyMessageStartsWith(
        song.errors, "silence.flac: needs more memory than is left for the song (stopped at "))
        << messages(song.errors);

    options.memoryLimitBytes = 0;  // the system's: plenty
    const auto whole = sd::StemLoader::load(dir.path(), options);
    ASSERT_EQ(stemNames(whole), (std::vector<std::string>{"good", "silence"}));
    EXPECT_EQ(whole.stems[1].frames(), 480000);
    EXPECT_EQ(whole.stems[1].audio.capacityFrames(), 480000);
}

// Streamed FLAC leaves total_samples at 0 (libsndfile then reports an unknown length): the
// file is decoded to its end, with nothing to warn about.
// The length a song has when it is handed over while it still decodes: what the transport
// plays to. A stem whose header cannot say its length is decoded whole before hand-over.
static std::int64_t framesAtHandOver(const fs::path& folder) {
    auto decode = sd::SongDecode::start(sd::StemLoader::scan(folder));
    decode->waitFirstAudio();
    const auto song = decode->song();
    return song ? song->frames : -1;
}

TEST(StemLoaderHostile, FlacWithoutATotalSampleCountLoadsInFull) {
    TempDir dir;
    const fs::path file = dir / "streamed.flac";
    const auto tone = stemdeck::test::sine(440.0, 0.5, kRate, 48000);
    ASSERT_TRUE(writeAudioFile(file, {tone}, kRate, SF_FORMAT_FLAC | SF_FORMAT_PCM_24));
    setFlacTotalSamples(file, 0);
    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_TRUE(song.errors.empty()) << messages(song.errors);
    EXPECT_TRUE(song.warnings.empty()) << messages(song.warnings);
    ASSERT_EQ(song.stems.size(), 1u);
    ASSERT_EQ(song.stems[0].frames(), 48000);
    EXPECT_EQ(framesAtHandOver(dir.path()), 48000) << "played while decoding: the same length";
    for (std::size_t i = 0; i < tone.size(); ++i)
        ASSERT_NEAR(song.stems[0].audio.sample(0, static_cast<std::int64_t>(i)), tone[i], 1e-6f)
            << i;
}

// mpg123 estimates the length of an MP3 without a Xing/Info header from its first frame's
// bitrate; libsndfile then stops there. A loud first 0.2 s (a high bitrate) and quiet rest
// make that 1.3 s of a 10 s file.
TEST(StemLoaderHostile, VbrMp3WithoutXingHeaderLoadsToItsRealEndWithAWarning) {
    TempDir dir;
    const fs::path written = dir / "written.mp3";
    {
        SF_INFO info{};
        info.samplerate = kRate;
        info.channels = 1;
        info.format = SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
        SNDFILE* sf = sf_open(written.c_str(), SFM_WRITE, &info);
        ASSERT_NE(sf, nullptr) << sf_strerror(nullptr);
        int mode = SF_BITRATE_MODE_VARIABLE;
        sf_command(sf, SFC_SET_BITRATE_MODE, &mode, sizeof mode);
        auto signal = stemdeck::test::sine(440.0, 0.3, kRate, 10 * kRate);
        const auto noise = stemdeck::test::noise(0.8, kRate / 5, 4);
        std::copy(noise.begin(), noise.end(), signal.begin());
        sf_writef_float(sf, signal.data(), static_cast<sf_count_t>(signal.size()));
        sf_close(sf);
    }
    // The first frame holds the Xing header: MPEG-1 layer III, so 144 x bitrate / rate bytes.
    auto bytes = readBytes(written);
    ASSERT_GT(bytes.size(), 4000u);
    ASSERT_EQ(bytes[0], 0xFF);
    ASSERT_EQ(bytes[1] & 0xFE, 0xFA) << "MPEG-1 layer III";
    ASSERT_NE(std::string(bytes.begin(), bytes.begin() + 64).find("Xing"), std::string::npos);
    constexpr int kKbps[] = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    const int kbps = kKbps[bytes[2] >> 4];
    const int padding = (bytes[2] >> 1) & 1;
    const std::size_t frameBytes = static_cast<std::size_t>(144 * kbps * 1000 / kRate + padding);
    fs::remove(written);
    const fs::path file = dir / "vbr.mp3";
    writeBytes(file, {bytes.begin() + static_cast<std::ptrdiff_t>(frameBytes), bytes.end()});
    const auto estimated = framesLibsndfileReports(file);
    ASSERT_GT(estimated, 0);
    ASSERT_LT(estimated, 2 * kRate) << "the test file no longer shows the problem";

    const auto song = sd::StemLoader::load(dir.path());
    ASSERT_EQ(song.stems.size(), 1u) << messages(song.errors);
    EXPECT_NEAR(static_cast<double>(song.stems[0].frames()) / kRate, 10.0, 0.1);
    EXPECT_EQ(framesAtHandOver(dir.path()), song.frames) << "played while decoding: the same";
    EXPECT_EQ(song.stems[0].sourceFrames, song.stems[0].frames());
    EXPECT_EQ(song.stems[0].audio.capacityFrames(), song.stems[0].frames());
    ASSERT_EQ(song.warnings.size(), 1u) << messages(song.warnings);
    char header[32];
    std::snprintf(header, sizeof header, "%.2f s", static_cast<double>(estimated) / kRate);
    EXPECT_TRUE(song.warnings[0].message.starts_with("vbr.mp3: length 10.0"))
        << song.warnings[0].message;
    EXPECT_NE(song.warnings[0].message.find(std::string("not the ") + header +
                                            " its header says; loaded in full"),
              std::string::npos)
        << song.warnings[0].message;
}

// --- files that change while the song loads (item 10) -----------------------------------------

// Deterministic: the file is cut between the scan (which read its header) and the decoding.
TEST(StemLoaderHostile, AStemCutWhileTheSongLoadsIsLoadedShortWithAWarning) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "good.wav", {std::vector<float>(4800, 0.1f)}, kRate));
    ASSERT_TRUE(writeAudioFile(dir / "cut.wav", {std::vector<float>(10 * kRate, 0.2f)}, kRate,
                               SF_FORMAT_WAV | SF_FORMAT_PCM_16));
    auto scanned = sd::StemLoader::scan(dir.path());
    ASSERT_EQ(scanned.probes.size(), 2u);
    const auto header = fs::file_size(dir / "cut.wav") - 10 * kRate * 2;
    fs::resize_file(dir / "cut.wav", header + 2 * (3 * kRate + kRate / 5));  // 3.20 s left

    const auto song = sd::StemLoader::loadScanned(std::move(scanned));
    ASSERT_EQ(stemNames(song), (std::vector<std::string>{"cut", "good"}));
    EXPECT_EQ(song.stems[0].frames(), 3 * kRate + kRate / 5);
    ASSERT_EQ(song.warnings.size(), 1u) << messages(song.warnings);
    EXPECT_EQ(song.warnings[0].message,
              "cut.wav: ended at 3.20 s of 10.00 s (the file changed while loading)");
}

// --- messages for what libsndfile cannot open (item 10) ---------------------------------------

TEST(StemLoaderHostile, AnMp3HoldingOnlyATagSaysSo) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "good.wav", {std::vector<float>(480, 0.1f)}, kRate));
    // An ID3v2.3 tag with one title frame, and nothing after it.
    std::vector<unsigned char> tag{'I', 'D', '3', 3, 0, 0, 0, 0, 0,   15,  'T', 'I', 'T',
                                   '2', 0,   0,   0, 5, 0, 0, 0, 'i', 'n', 't', 'r'};
    writeBytes(dir / "intro.mp3", tag);
    const auto song = sd::StemLoader::load(dir.path());
    EXPECT_EQ(stemNames(song), (std::vector<std::string>{"good"}));
    ASSERT_EQ(song.errors.size(), 1u);
    EXPECT_EQ(song.errors[0].message,
              "intro.mp3: cannot read: no audio found after its ID3 tag; skipped");
}

TEST(StemLoaderHostile, AFolderPathTooLongForTheSystemSaysSo) {
    TempDir dir;
    std::string deep = dir.path().string();
    while (deep.size() <= PATH_MAX) deep += "/" + std::string(200, 'd');
    for (const fs::path& folder : {fs::path(deep), dir / std::string(300, 'n')}) {
        const auto error = loadError(folder);
        ASSERT_TRUE(error);
        EXPECT_EQ(error->kind(), sd::LoadError::Kind::Io);
        const std::string message = error->what();
        EXPECT_TRUE(message.starts_with("song folder path too long (" +
                                        std::to_string(folder.string().size()) + " characters): "))
            << message;
        EXPECT_LT(message.size(), 200u) << "one readable line";
    }
}

// Root opens any folder, so the load runs in a child process that has dropped to `nobody`.
TEST(StemLoaderHostile, AFolderInsideALockedOneSaysPermissionDenied) {
    TempDir dir;
    const fs::path song = dir / "locked" / "song";
    fs::create_directories(song);
    ASSERT_TRUE(writeAudioFile(song / "a.wav", {{0.1f, 0.2f}}, kRate));
    fs::permissions(dir / "locked", fs::perms::none);
    const int failed = stemdeck::test::runAsNobody([&] {
        const auto error = loadError(song);
        if (!error) return 1;
        if (error->kind() != sd::LoadError::Kind::Io) return 2;
        if (std::string(error->what()) !=
            "song folder cannot be opened (permission denied): " + song.string())
            return 3;
        return 0;
    });
    fs::permissions(dir / "locked", fs::perms::owner_all);
    // 1: loaded; 2: wrong kind; 3: wrong message; see AsNobody.h for the others.
    EXPECT_EQ(failed, 0);
}

}  // namespace unity_StemLoaderHostileInputTest
