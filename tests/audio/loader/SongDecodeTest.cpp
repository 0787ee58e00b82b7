// Progressive loading: a song handed over at its first audio, decoded on in play order.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <thread>

#include "AudioFiles.h"
#include "SongDecodeSupport.h"
#include "TempDir.h"
#include "stemdeck/audio/loader/SongDecode.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/audio/loader/StemPeaks.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SongDecodeTest {

namespace sd = stemdeck::audio;
namespace fs = std::filesystem;
using stemdeck::test::startDecode;
using stemdeck::test::TempDir;
using stemdeck::test::waitFor;
using stemdeck::test::writeAudioFile;

namespace {

constexpr int kRate = 48000;

// A folder of `stems` mono 16-bit FLAC stems of `seconds` each (noise: FLAC cannot shrink it
// to nothing, so decoding takes real work).
fs::path writeNoiseSong(const fs::path& dir, int stems, double seconds) {
    const auto frames = static_cast<std::int64_t>(seconds * kRate);
    for (int i = 0; i < stems; ++i)
        EXPECT_TRUE(writeAudioFile(dir / ("stem" + std::to_string(i) + ".flac"),
                                   {stemdeck::test::noise(0.5, frames, 7u + unsigned(i))}, kRate,
                                   SF_FORMAT_FLAC | SF_FORMAT_PCM_16));
    return dir;
}

}  // namespace

// One worker decodes in play order: when the song is handed over, every stem holds its first
// two seconds and none is further than a slice beyond them, so the song is far from whole.
TEST(SongDecode, TheSongIsHandedOverAtItsFirstAudioInPlayOrder) {
    TempDir dir;
    writeNoiseSong(dir.path(), 3, 30.0);
    auto decode = startDecode(dir.path(), 1);
    decode->waitFirstAudio();
    ASSERT_TRUE(decode->firstAudioReady());
    const auto song = decode->song();
    ASSERT_NE(song, nullptr);
    ASSERT_EQ(song->stems.size(), 3u);
    EXPECT_EQ(song->frames, 30 * kRate) << "the length is the header's, fixed at hand-over";
    const auto first = static_cast<std::int64_t>(sd::SongDecode::kFirstAudioSeconds * kRate);
    const auto slice = static_cast<std::int64_t>(sd::SongDecode::kSliceSeconds * kRate);
    EXPECT_GE(decode->handOverFrames().lowest, first);
    EXPECT_LE(decode->handOverFrames().highest, first + slice + 8192)
        << "one worker decodes the stem furthest behind first";
    decode->wait();
    for (const auto& stem : song->stems) {
        EXPECT_EQ(stem.frames(), 30 * kRate) << stem.name;
        EXPECT_FALSE(stem.audio.decoding()) << stem.name;
    }
    EXPECT_EQ(decode->decodedFrames(), 30 * kRate);
    EXPECT_TRUE(decode->report().errors.empty());
    EXPECT_TRUE(decode->report().warnings.empty());
}

// What plays while decoding is exactly what a blocking load gives, resampled or not, and the
// peak table written as frames arrive is the one computed afterwards.
TEST(SongDecode, ProgressiveAudioAndPeaksEqualTheBlockingLoad) {
    TempDir dir;
    writeNoiseSong(dir.path(), 2, 6.0);
    for (const int rate : {0, 44100}) {
        auto decode = startDecode(dir.path(), 2, rate);
        decode->waitFirstAudio();
        const auto song = decode->song();
        ASSERT_NE(song, nullptr);
        decode->wait();
        sd::LoadOptions options;
        options.targetRate = rate;
        const sd::Song whole = sd::StemLoader::load(dir.path(), options);
        ASSERT_EQ(whole.stems.size(), song->stems.size());
        for (std::size_t s = 0; s < whole.stems.size(); ++s) {
            const auto& a = song->stems[s];
            const auto& b = whole.stems[s];
            ASSERT_EQ(a.frames(), b.frames()) << rate;
            EXPECT_EQ(a.audio.samples(0), b.audio.samples(0)) << rate << " " << a.name;
            sd::Stem recomputed = a;
            sd::computePeaks(recomputed);
            ASSERT_EQ(a.peaks.size(), recomputed.peaks.size());
            for (std::size_t i = 0; i < a.peaks.size(); ++i)
                ASSERT_NEAR(a.peaks[i], recomputed.peaks[i], 1.0f / 32768) << rate << " " << i;
        }
    }
}

// The frames a reader sees below the watermark never change afterwards: a reader polling
// while the stems decode sees each sample once, as it finally is.
TEST(SongDecode, FramesBelowTheWatermarkAreFinal) {
    TempDir dir;
    writeNoiseSong(dir.path(), 2, 20.0);
    const sd::Song whole = sd::StemLoader::load(dir.path());
    auto decode = startDecode(dir.path(), 1);
    decode->waitFirstAudio();
    const auto song = decode->song();
    ASSERT_NE(song, nullptr);
    std::vector<std::int64_t> checked(song->stems.size(), 0);
    bool done = false;
    while (!done) {
        done = decode->finished();
        for (std::size_t s = 0; s < song->stems.size(); ++s) {
            const auto& audio = song->stems[s].audio;
            const std::int64_t ready = audio.readyFrames();
            for (std::int64_t f = checked[s]; f < ready; f += 97)
                ASSERT_EQ(audio.sample(0, f), whole.stems[s].audio.sample(0, f)) << s << " " << f;
            checked[s] = ready;
        }
    }
    for (const auto c : checked) EXPECT_EQ(c, 20 * kRate);
}

// Opening another song cancels the decode: its workers stop within a slice and the stems stop
// saying they decode (a transport waiting on them would otherwise wait for ever).
TEST(SongDecode, ACancelStopsTheWorkersPromptly) {
    TempDir dir;
    writeNoiseSong(dir.path(), 4, 60.0);
    auto decode = startDecode(dir.path(), 1);
    decode->waitFirstAudio();
    const auto song = decode->song();
    ASSERT_NE(song, nullptr);
    const auto asked = std::chrono::steady_clock::now();
    decode->cancel();
    ASSERT_TRUE(waitFor([&] { return decode->finished(); }, std::chrono::seconds(10)));
    const auto took = std::chrono::steady_clock::now() - asked;
    EXPECT_LT(took, std::chrono::seconds(5));  // one 8192-frame chunk, even on a busy machine
    std::int64_t decoded = 0;
    for (const auto& stem : song->stems) {
        EXPECT_FALSE(stem.audio.decoding()) << stem.name;
        decoded += stem.frames();
    }
    EXPECT_LT(decoded, 4 * 60 * kRate) << "the decode went on to the end";
    EXPECT_TRUE(decode->report().errors.empty()) << "a cancel is not the stem's fault";
}

// Cancelled before its first audio, a decode says so when waited on.
TEST(SongDecode, CancelledBeforeItsFirstAudioItThrowsCancelled) {
    TempDir dir;
    writeNoiseSong(dir.path(), 2, 10.0);
    auto progress = std::make_shared<sd::LoadProgress>();
    progress->requestCancel();
    try {
        auto decode = sd::SongDecode::start(sd::StemLoader::scan(dir.path()), {}, progress);
        decode->waitFirstAudio();
        FAIL() << "no LoadError";
    } catch (const sd::LoadError& e) {
        EXPECT_EQ(e.kind(), sd::LoadError::Kind::Cancelled);
    }
}

// A stem damaged halfway, found after hand-over: what was decoded plays, the rest is silence,
// the stem is named in the report; the other stems are whole.
TEST(SongDecode, AStemDamagedAfterHandOverKeepsWhatWasDecodedAndIsReported) {
    TempDir dir;
    writeNoiseSong(dir.path(), 1, 10.0);  // stem0.flac
    const auto signal = stemdeck::test::noise(0.3, 10 * kRate, 11);
    ASSERT_TRUE(writeAudioFile(dir / "cut.flac", {signal}, kRate));
    fs::resize_file(dir / "cut.flac", fs::file_size(dir / "cut.flac") / 2);

    auto decode = startDecode(dir.path(), 1);
    decode->waitFirstAudio();
    const auto song = decode->song();
    ASSERT_NE(song, nullptr);
    ASSERT_EQ(song->stems.size(), 2u);
    decode->wait();
    const int cut = song->stemIndex("cut");
    ASSERT_GE(cut, 0);
    const auto& stem = song->stems[static_cast<std::size_t>(cut)];
    EXPECT_FALSE(stem.audio.decoding());
    EXPECT_GT(stem.frames(), 2 * kRate);
    EXPECT_LT(stem.frames(), 8 * kRate);
    EXPECT_EQ(stem.audio.sample(0, stem.frames() + 10), 0.0f) << "silence after what decoded";
    EXPECT_EQ(song->stems[static_cast<std::size_t>(1 - cut)].frames(), 10 * kRate);
    const auto report = decode->report();
    ASSERT_EQ(report.errors.size(), 1u);
    EXPECT_TRUE(report.errors[0].message.starts_with("cut.flac: cannot decode: failed at "))
        << report.errors[0].message;
    EXPECT_NE(report.errors[0].message.find("it plays what was decoded"), std::string::npos)
        << report.errors[0].message;
}

// A stem that cannot even start is left out at hand-over, named in the song's errors.
TEST(SongDecode, AStemFailingBeforeHandOverIsLeftOut) {
    TempDir dir;
    writeNoiseSong(dir.path(), 1, 4.0);
    const auto signal = stemdeck::test::noise(0.3, kRate, 3);
    ASSERT_TRUE(writeAudioFile(dir / "short.flac", {signal}, kRate));
    fs::resize_file(dir / "short.flac", fs::file_size(dir / "short.flac") / 3);
    auto decode = startDecode(dir.path(), 2);
    decode->waitFirstAudio();
    const auto song = decode->song();
    ASSERT_NE(song, nullptr);
    ASSERT_EQ(song->stems.size(), 1u);
    EXPECT_EQ(song->stems[0].name, "stem0");
    ASSERT_EQ(song->errors.size(), 1u);
    EXPECT_TRUE(song->errors[0].message.starts_with("short.flac: cannot decode"))
        << song->errors[0].message;
}

// The loader cancels through the LoadProgress alone, which wakes nobody. A worker parked with
// nothing to pick (its stem done, the other one busy) must still stop, or the decode never
// finishes and whoever waits for it (the app closing, the next load) waits forever.
TEST(SongDecode, ACancelThroughTheProgressAloneStopsAParkedWorker) {
    TempDir dir;
    ASSERT_TRUE(writeAudioFile(dir / "short.flac", {stemdeck::test::noise(0.5, kRate / 2, 3u)},
                               kRate, SF_FORMAT_FLAC | SF_FORMAT_PCM_16));
    ASSERT_TRUE(writeAudioFile(dir / "long.flac", {stemdeck::test::noise(0.5, 120 * kRate, 4u)},
                               kRate, SF_FORMAT_FLAC | SF_FORMAT_PCM_16));
    auto progress = std::make_shared<sd::LoadProgress>();
    sd::LoadOptions options;
    options.workers = 2;
    auto decode = sd::SongDecode::start(sd::StemLoader::scan(dir.path()), options, progress);
    decode->waitFirstAudio();
    const auto song = decode->song();
    ASSERT_NE(song, nullptr);
    // The short stem's worker has nothing left to pick: it parks while the long one decodes.
    ASSERT_TRUE(waitFor([&] {
        for (const auto& stem : song->stems)
            if (stem.name == "short") return !stem.audio.decoding();
        return false;
    }));
    ASSERT_FALSE(decode->finished()) << "the long stem is not decoding any more";
    progress->requestCancel();
    auto waiting = std::async(std::launch::async, [&] { decode->wait(); });
    EXPECT_EQ(waiting.wait_for(std::chrono::seconds(10)), std::future_status::ready)
        << "the decode never finished after its cancel";
    decode->cancel();  // lets wait() return if it did not, so the test ends either way
    waiting.wait();
    EXPECT_TRUE(decode->finished());
}

// Cancelled through the LoadProgress while the song is being waited for, the wait ends.
TEST(SongDecode, WaitingForFirstAudioEndsAtACancelThroughTheProgress) {
    TempDir dir;
    writeNoiseSong(dir.path(), 2, 30.0);
    auto progress = std::make_shared<sd::LoadProgress>();
    sd::LoadOptions options;
    options.workers = 1;
    options.targetRate = 44100;  // resampled: the first audio takes real work
    auto decode = sd::SongDecode::start(sd::StemLoader::scan(dir.path()), options, progress);
    progress->requestCancel();
    auto waiting = std::async(std::launch::async, [&] {
        try {
            decode->waitFirstAudio();
        } catch (const sd::LoadError&) {
        }
    });
    EXPECT_EQ(waiting.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    decode->cancel();
    waiting.wait();
}

}  // namespace unity_SongDecodeTest
