// `stemdeck-cli render SET OUT`, run as a user would, on synthetic songs written to disk.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <numbers>
#include <string>
#include <thread>
#include <vector>

#include "AudioFiles.h"
#include "CliProcess.h"
#include "FileBytes.h"
#include "TempDir.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_CliSetRenderTest {

namespace fs = std::filesystem;
namespace test = stemdeck::test;
using test::runCli;

namespace {

constexpr int kRate = 8000;

class CliSetRender : public ::testing::Test {
  protected:
    // A song folder of one mono stem holding `samples`.
    void song(const std::string& name, const std::vector<float>& samples) {
        fs::create_directories(dir_ / name);
        test::writeAudioFile(dir_ / name / "stem.wav", {samples}, kRate);
    }
    std::string set(const std::string& text) {
        test::writeTextFile(dir_ / "set.stemset", text);
        return (dir_ / "set.stemset").string();
    }
    std::string out() const { return (dir_ / "out.wav").string(); }
    test::TempDir dir_;
};

// The rendered file's left channel (mono stems play centred: both channels are alike).
std::vector<float> left(const test::DecodedFile& file) {
    return test::channelOf(file.interleaved, file.channels, 0);
}

}  // namespace

// Every transition, a tempo and count-ins: the file is exactly the sum of the songs at their
// tempo, plus the gap, minus the crossfade, plus the count-ins (the first song's and the one
// after a stop), to the frame.
TEST_F(CliSetRender, TheFileIsExactlyAsLongAsTheSetWithItsTransitions) {
    test::writeSineSong(dir_.path(), "A", 1.0, 1, kRate);
    test::writeSineSong(dir_.path(), "B", 2.0, 2, kRate);
    test::writeSineSong(dir_.path(), "C", 1.0, 1, kRate);
    test::writeSineSong(dir_.path(), "D", 1.0, 1, kRate);
    const auto file = set(R"({"songs": [
        {"path": "A", "transition": "gap", "gap_s": 2, "count_in": 1},
        {"path": "B", "transition": "crossfade", "crossfade_s": 1, "tempo": 0.5},
        {"path": "C", "transition": "stop"},
        {"path": "D", "count_in": 1, "click": true}]})");
    const auto r = runCli({"render", file, out()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    // Count-in: one bar of 4/4 at 120 BPM (no meta.json) is 2 s.
    const double seconds = 2 + 1 + 2 + 2 / 0.5 - 1 + 1 + 2 + 1;
    const auto rendered = test::readAudioFile(out());
    EXPECT_EQ(rendered.sampleRate, kRate);
    EXPECT_EQ(rendered.frames(), std::llround(seconds * kRate));
    EXPECT_EQ(r.out, "wrote " + out() + ": 12.00 s, 4 songs at 8000 Hz\n");
}

// A segue: the next song's first sample follows the last one of the song before. A cosine
// split in two songs at its peak (where a dropped sample or a gap would show) plays on
// without a step bigger than the cosine's own.
TEST_F(CliSetRender, ASegueSeamHasNoStep) {
    constexpr double kHz = 200.0;  // whole cycles in each song: the second continues the first
    song("First", test::sine(kHz, 0.5, kRate, kRate, std::numbers::pi / 2));
    song("Second", test::sine(kHz, 0.5, kRate, kRate, std::numbers::pi / 2));
    const auto file = set(R"({"songs": [{"path": "First", "transition": "segue"},
        {"path": "Second"}]})");
    const auto r = runCli({"render", file, out()});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto audio = left(test::readAudioFile(out()));
    ASSERT_EQ(audio.size(), 2u * kRate);
    const float inside = test::maxStep({audio.begin() + kRate / 4, audio.begin() + kRate / 2});
    const float seam = test::maxStep({audio.begin() + kRate - 64, audio.begin() + kRate + 64});
    EXPECT_GT(inside, 0.01f);
    EXPECT_LE(seam, inside * 1.05f) << "a step at the seam";
    // The seam is at the cosine's peak: the music is there on both sides of it.
    EXPECT_GT(std::abs(audio[kRate - 1]), 0.8f * std::abs(audio[kRate / 2]));
    EXPECT_GT(std::abs(audio[kRate]), 0.8f * std::abs(audio[kRate / 2]));
}

// An equal-power crossfade between two unrelated sines of the same level keeps the level
// (a linear one dips by 3 dB in its middle), and lasts exactly crossfade_s.
TEST_F(CliSetRender, ACrossfadeKeepsConstantPower) {
    song("Low", test::sine(200.0, 0.4, kRate, 2 * kRate));
    song("High", test::sine(330.0, 0.4, kRate, 2 * kRate));
    const auto file = set(R"({"songs": [{"path": "Low", "transition": "crossfade",
        "crossfade_s": 1}, {"path": "High"}]})");
    const auto r = runCli({"render", file, out()});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto audio = left(test::readAudioFile(out()));
    ASSERT_EQ(audio.size(), 3u * kRate);
    constexpr std::size_t kWindow = kRate / 20;  // 50 ms: 10 and 16.5 cycles
    const double level = test::rms(audio, kRate / 2, kRate / 2 + kWindow);
    ASSERT_GT(level, 0.05);
    double lowest = level, highest = level;
    for (std::size_t at = kRate / 2; at + kWindow <= 5 * kRate / 2; at += kWindow / 2) {
        const double windowRms = test::rms(audio, at, at + kWindow);
        lowest = std::min(lowest, windowRms);
        highest = std::max(highest, windowRms);
    }
    EXPECT_GT(lowest, level * 0.93) << "the level dips during the crossfade";
    EXPECT_LT(highest, level * 1.07) << "the level bulges during the crossfade";
    // Both songs sound in the middle of the crossfade, only the second after it.
    const std::vector<float> middle(audio.begin() + 3 * kRate / 2 - 2000,
                                    audio.begin() + 3 * kRate / 2 + 2000);
    const std::vector<float> after(audio.end() - kRate / 2, audio.end());
    EXPECT_NEAR(test::dominantFrequency(after, kRate), 330.0, 2.0);
    const double mid = test::dominantFrequency(middle, kRate);
    EXPECT_TRUE(std::abs(mid - 200.0) < 2.0 || std::abs(mid - 330.0) < 2.0) << mid;
}

// A missing song, a path to a file and a start marker the song lacks: each is one line naming
// its entry, the rest of the set is rendered, and the exit status is 1 for scripts.
TEST_F(CliSetRender, BadEntriesAreNamedAndTheRestIsRendered) {
    test::writeSineSong(dir_.path(), "A", 1.0, 1, kRate);
    test::writeSineSong(dir_.path(), "C", 2.0, 1, kRate);
    const auto file = set(R"({"songs": [{"path": "A"}, {"path": "Gone"},
        {"path": "A/stem0.wav"}, {"path": "C", "start_marker": "Solo"}, {"path": "C"}]})");
    const auto r = runCli({"render", file, out()});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find("stemdeck-cli: error: entry 2 (Gone): no song folder at " +
                         (dir_ / "Gone").string() + "\n"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("stemdeck-cli: error: entry 3 (A/stem0.wav): " +
                         (dir_ / "A" / "stem0.wav").string() + " is a file, not a song folder\n"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("stemdeck-cli: error: entry 4 (C): start marker 'Solo' is not one of "
                         "the song's markers (it has none)\n"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(r.out,
              "wrote " + out() + ": 3.00 s, 2 songs (3 of the set's 5 left out) at 8000 Hz\n");
    EXPECT_EQ(test::readAudioFile(out()).frames(), 3 * kRate);  // A (1 s) and C (2 s)
}

// An entry's start marker: the song starts there (the marker is at 0.5 s of a 2 s song).
TEST_F(CliSetRender, AStartMarkerStartsTheSongThere) {
    test::writeSineSong(dir_.path(), "A", 2.0, 1, kRate);
    test::writeTextFile(dir_ / "A" / "markers.json",
                        R"({"version": 1, "markers": [{"name": "Verse", "seconds": 0.5}]})");
    const auto file = set(R"({"songs": [{"path": "A", "start_marker": "Verse"}]})");
    const auto r = runCli({"render", file, out()});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto fromMarker = left(test::readAudioFile(out()));
    EXPECT_EQ(fromMarker.size(), 3u * kRate / 2);
    // The song from its marker, frame for frame, as it plays from the top (past the start's
    // de-click fade): the engine starts it there (SetRenderEntry::startFrame).
    const auto whole = set(R"({"songs": [{"path": "A"}]})");
    ASSERT_EQ(runCli({"render", whole, (dir_ / "whole.wav").string()}).status, 0);
    const auto fromTop = left(test::readAudioFile(dir_ / "whole.wav"));
    ASSERT_EQ(fromTop.size(), 2u * kRate);
    float worst = 0.0f;
    for (std::size_t i = kRate / 8; i < fromMarker.size(); ++i)
        worst = std::max(worst, std::abs(fromMarker[i] - fromTop[i + kRate / 2]));
    EXPECT_LT(worst, 1e-6f);
}

// The set's spoken cues: "Chorus" one bar (2 s at 120 BPM) before its marker at 3 s of a
// silent song, and nothing anywhere else; without guide_cues the render stays silent.
TEST_F(CliSetRender, GuideCuesSpeakOneBarBeforeTheMarkerAndNowhereElse) {
    song("A", std::vector<float>(5 * kRate, 0.0f));
    test::writeTextFile(dir_ / "A" / "markers.json",
                        R"({"version": 1, "markers": [{"name": "Chorus", "seconds": 3}]})");
    const auto file = set(R"({"songs": [{"path": "A"}], "guide_cues": true,
        "guide_cue_level_db": -3})");
    const auto r = runCli({"render", file, out()});
    if (r.err.find("spoken cues off") != std::string::npos) GTEST_SKIP() << r.err;
    ASSERT_EQ(r.status, 0) << r.err;
    const auto cued = left(test::readAudioFile(out()));
    ASSERT_EQ(cued.size(), 5u * kRate);
    const auto energy = [&](std::size_t from, std::size_t to) {
        double sum = 0.0;
        for (std::size_t i = from; i < to; ++i) sum += double{cued[i]} * cued[i];
        return sum;
    };
    EXPECT_EQ(energy(0, kRate), 0.0) << "nothing before the cue's bar";
    EXPECT_NE(cued[kRate], 0.0f) << "the word starts on its frame (trimmed)";
    EXPECT_GT(energy(kRate, 2 * kRate) / kRate, 1e-4) << "speech in the bar before the marker";
    EXPECT_EQ(energy(5 * kRate / 2, 5 * kRate), 0.0) << "nothing after the word";

    const auto plain = set(R"({"songs": [{"path": "A"}]})");
    ASSERT_EQ(runCli({"render", plain, out()}).status, 0);
    const auto silent = left(test::readAudioFile(out()));
    EXPECT_TRUE(std::all_of(silent.begin(), silent.end(), [](float v) { return v == 0.0f; }));
}

// A crossfade longer than the next song is shortened to it, as live playback plays it: one
// warning line (the same in `check SET`), and the render is that much shorter.
TEST_F(CliSetRender, ACrossfadeLongerThanASongIsShortenedAndSaid) {
    test::writeSineSong(dir_.path(), "A", 2.0, 1, kRate);
    test::writeSineSong(dir_.path(), "B", 1.0, 1, kRate);
    const auto file = set(R"({"songs": [{"path": "A", "transition": "crossfade",
        "crossfade_s": 1.5}, {"path": "B"}]})");
    const std::string said =
        "warning: entry 1 (A): the crossfade of 1.50 s is longer than its songs allow; 1.00 s "
        "applied";
    const auto r = runCli({"render", file, out()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("stemdeck-cli: " + said + "\n"), std::string::npos) << r.err;
    EXPECT_EQ(test::readAudioFile(out()).frames(), 2 * kRate) << "2 s + 1 s - the 1 s applied";
    const auto checked = runCli({"check", file});
    EXPECT_EQ(checked.status, 0) << checked.out << checked.err;
    EXPECT_NE(checked.out.find(said + "\n"), std::string::npos) << checked.out;
}

// Writing over a song's stem, or over the set file, is refused before anything is rendered;
// the files are as they were.
TEST_F(CliSetRender, NoSourceFileIsOverwritten) {
    test::writeSineSong(dir_.path(), "A", 1.0, 1, kRate);
    test::writeSineSong(dir_.path(), "B", 1.0, 1, kRate);
    const auto file = set(R"({"songs": [{"path": "A"}, {"path": "B"}]})");
    const fs::path stem = dir_ / "B" / "stem0.wav";
    const auto stemBytes = test::readBytes(stem);
    const auto setBytes = test::readBytes(file);
    const auto onStem = runCli({"render", file, stem.string()});
    test::expectOneLineError(onStem, stem.string());
    const auto onSet = runCli({"render", file, file});
    test::expectOneLineError(onSet, "is the set file");
    EXPECT_EQ(test::readBytes(stem), stemBytes);
    EXPECT_EQ(test::readBytes(file), setBytes);
}

// An output format the renderer cannot write is refused before any song loads: one line.
TEST_F(CliSetRender, AnOutputFormatItCannotWriteIsRefusedFirst) {
    test::writeSineSong(dir_.path(), "A", 1.0, 1, kRate);
    const auto file = set(R"({"songs": [{"path": "A"}, {"path": "Gone"}]})");
    const fs::path mp3 = dir_ / "out.mp3";
    test::expectOneLineError(runCli({"render", file, mp3.string()}),
                             "unsupported output format '.mp3'");
    EXPECT_FALSE(fs::exists(mp3));
}

// A song listed twice is loaded once and rendered twice (a reprise).
TEST_F(CliSetRender, ASongListedTwiceIsRenderedTwice) {
    test::writeSineSong(dir_.path(), "A", 1.0, 1, kRate);
    const auto file = set(R"({"songs": [{"path": "A", "transition": "segue"}, {"path": "./A"}]})");
    const auto r = runCli({"render", file, out()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("warning: entry 2 (./A): the same song as entry 1 (A)"), std::string::npos)
        << r.err;
    EXPECT_EQ(test::readAudioFile(out()).frames(), 2 * kRate);
}

// Songs at other rates than the first are resampled to it, each said in a warning.
TEST_F(CliSetRender, SongsAtAnotherRateAreResampledToTheFirstOnes) {
    test::writeSineSong(dir_.path(), "A", 1.0, 1, kRate);
    test::writeSineSong(dir_.path(), "B", 1.0, 1, 2 * kRate);
    const auto file = set(R"({"songs": [{"path": "A", "transition": "segue"}, {"path": "B"}]})");
    const auto r = runCli({"render", file, out()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("warning: entry 2 (B): resampled from 16000 Hz to the set's 8000 Hz"),
              std::string::npos)
        << r.err;
    const auto rendered = test::readAudioFile(out());
    EXPECT_EQ(rendered.sampleRate, kRate);
    EXPECT_EQ(rendered.frames(), 2 * kRate);
}

// The options of one song's render have no meaning for a set: a usage error, nothing written.
TEST_F(CliSetRender, SongOptionsAreRefusedForASet) {
    test::writeSineSong(dir_.path(), "A", 1.0, 1, kRate);
    const auto file = set(R"({"songs": [{"path": "A"}]})");
    const auto r = runCli({"render", file, out(), "--tempo", "0.8"});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("--tempo is for one song"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out()));
}

// A set whose songs are all unusable writes nothing and says why, each entry named.
TEST_F(CliSetRender, ASetWithNoUsableSongWritesNothing) {
    const auto file = set(R"({"songs": [{"path": "Gone"}, {"path": "Lost"}]})");
    const auto r = runCli({"render", file, out()});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("entry 1 (Gone)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("entry 2 (Lost)"), std::string::npos) << r.err;
    EXPECT_EQ(test::lastLine(r.err),
              "stemdeck-cli: error: no song of " + file + " can be rendered");
    EXPECT_FALSE(fs::exists(out()));
}

// 500 entries (a few songs, each played many times): rendered, exactly as long.
TEST_F(CliSetRender, FiveHundredEntries) {
    song("Tick", std::vector<float>(kRate / 10, 0.1f));
    std::string songs;
    for (int i = 0; i < 500; ++i)
        songs += std::string(i ? "," : "") + R"({"path": "Tick", "transition": "segue"})";
    const auto file = set(R"({"songs": [)" + songs + "]}");
    const auto r = runCli({"render", file, out()});
    EXPECT_EQ(r.status, 0) << r.err.substr(0, 2000);
    EXPECT_EQ(test::readAudioFile(out()).frames(), 500 * (kRate / 10));
}

// Ctrl-C (or SIGTERM) while a set renders: it stops within a block, says so, and leaves no
// file, as a song's render.
TEST_F(CliSetRender, AnInterruptWhileRenderingStopsAtOnceAndLeavesNoFile) {
    fs::create_directories(dir_ / "Long");
    // 10 minutes of silence (a sparse file), stretched: minutes of work, far more than we wait.
    ASSERT_TRUE(test::writeSparseWav(dir_ / "Long" / "pad.wav", 600ull * kRate * 8, kRate));
    const auto file = set(R"({"songs": [{"path": "Long", "tempo": 0.8, "transition": "segue"},
        {"path": "Long", "tempo": 0.8}]})");
    const fs::path outDir = dir_ / "out";
    fs::create_directories(outDir);
    const auto partial = [&] {
        for (const auto& item : fs::directory_iterator(outDir))
            if (item.path().extension() == ".partial") return true;
        return false;
    };
    const fs::path output = outDir / "set.wav";
    test::CliProcess render({"render", file, output.string()});
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!partial() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_TRUE(partial()) << "the render did not start";
    const auto sent = std::chrono::steady_clock::now();
    render.interrupt();
    const auto r = render.wait();
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count(), 2.0);
    EXPECT_EQ(r.status, 130) << r.err;
    EXPECT_EQ(test::lastLine(r.err),
              "stemdeck-cli: interrupted by SIGINT; " + output.string() + " was not written");
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(fs::is_empty(outDir));
}

}  // namespace unity_CliSetRenderTest
