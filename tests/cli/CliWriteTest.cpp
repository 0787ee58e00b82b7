// What stemdeck-cli writes, and when it must not (issue 9): never a file of the song, never a
// cut file, a partial file never left behind on Ctrl-C, a full disk said in our words, names
// made printable. Run as a user would, through the real binary.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "AudioFiles.h"
#include "CliProcess.h"
#include "TempDir.h"
#include "stemdeck/audio/render/RenderFile.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_CliWriteTest {

namespace fs = std::filesystem;
using namespace stemdeck;
using test::CliProcess;
using test::CliResult;
using test::demoSong;
using test::expectOneLineError;
using test::runCli;

namespace {

constexpr int kRate = 48000;
using Clock = std::chrono::steady_clock;

// Half a second of two stems.
fs::path writeSong(const test::TempDir& dir) {
    const fs::path folder = dir / "song";
    fs::create_directories(folder);
    test::writeAudioFile(folder / "bass.wav", {test::sine(110.0, 0.3, kRate, 24000)}, kRate);
    test::writeAudioFile(folder / "keys.wav", {test::sine(440.0, 0.2, kRate, 24000)}, kRate);
    return folder;
}

std::vector<std::string> namesIn(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

// A mono 16-bit WAV of `frames` frames whose audio is a hole (sparse: no disk, no time to
// write), so a song minutes long costs nothing to make.
void writeSilentWav(const fs::path& file, std::int64_t frames, int rate) {
    const auto data = static_cast<std::uint32_t>(frames * 2);
    std::string header = "RIFF";
    const auto u32 = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i) header += static_cast<char>((v >> (8 * i)) & 0xFF);
    };
    const auto u16 = [&](std::uint16_t v) {
        header += static_cast<char>(v & 0xFF);
        header += static_cast<char>(v >> 8);
    };
    u32(36 + data);
    header += "WAVEfmt ";
    u32(16);
    u16(1);  // PCM
    u16(1);  // mono
    u32(static_cast<std::uint32_t>(rate));
    u32(static_cast<std::uint32_t>(rate * 2));
    u16(2);
    u16(16);
    header += "data";
    u32(data);
    {
        std::ofstream out(file, std::ios::binary);
        out << header;
    }
    fs::resize_file(file, header.size() + data);
}

// Waits (up to `limit`) until `ready` is true.
template <typename Ready>
bool waitFor(Ready&& ready, std::chrono::seconds limit) {
    const auto deadline = Clock::now() + limit;
    while (!ready()) {
        if (Clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

bool hasPartialFile(const fs::path& dir) {
    for (const auto& name : namesIn(dir))
        if (name.starts_with(".stemdeck-") && name.ends_with(".partial")) return true;
    return false;
}

// True once process `pid` holds `file` open (the loader decoding it).
bool holdsOpen(pid_t pid, const fs::path& file) {
    std::error_code ec;
    const fs::path fds = "/proc/" + std::to_string(pid) + "/fd";
    for (fs::directory_iterator it(fds, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code linkError;
        if (fs::read_symlink(it->path(), linkError) == file) return true;
    }
    return false;
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

// --- item 1: a render never replaces a file of its song ---

TEST(Cli, RenderRefusesToOverwriteAStemOfTheSong) {
    test::TempDir dir;
    const fs::path folder = writeSong(dir);
    const std::string bass = test::readFile(folder / "bass.wav");
    fs::create_symlink(folder / "bass.wav", dir / "link.wav");
    for (const fs::path& target :
         {folder / "bass.wav", dir / "link.wav", folder / ".." / "song" / "bass.wav"}) {
        const CliResult r = runCli({"render", folder.string(), target.string(), "--mute", "bass"});
        expectOneLineError(r, "refusing to write " + target.string() +
                                  ": it is the song's own bass.wav, which would be lost; choose "
                                  "another file name");
    }
    EXPECT_EQ(test::readFile(folder / "bass.wav"), bass);
    EXPECT_EQ(namesIn(folder), (std::vector<std::string>{"bass.wav", "keys.wav"}));
}

TEST(Cli, ARenderIsMarkedAsOne) {
    test::TempDir dir;
    const fs::path folder = writeSong(dir);
    for (const char* name : {"take.wav", "take.flac", "take.ogg"}) {
        const CliResult r = runCli({"render", folder.string(), (folder / name).string()});
        ASSERT_EQ(r.status, 0) << r.err;
        EXPECT_TRUE(audio::carriesRenderMark(folder / name)) << name;
    }
    // The loader leaves every render out of the song: still the same two stems.
    const CliResult info = runCli({"info", folder.string()});
    ASSERT_EQ(info.status, 0) << info.err;
    for (const char* name : {"take.wav", "take.flac", "take.ogg"})
        EXPECT_NE(info.out.find(std::string(name) + ": a mix rendered by stemdeck, not a stem"),
                  std::string::npos)
            << name << " in " << info.out;
    EXPECT_EQ(info.out.find("\"name\": \"take"), std::string::npos) << info.out;
}

// --- item 3: Ctrl-C and SIGTERM while loading and rendering ---

TEST(Cli, AnInterruptWhileRenderingStopsAtOnceAndLeavesNoFile) {
    test::TempDir dir;
    const fs::path folder = dir / "long";
    fs::create_directories(folder);
    writeSilentWav(folder / "pad.wav", std::int64_t{600} * kRate, kRate);  // 10 minutes
    const fs::path outDir = dir / "out";
    fs::create_directories(outDir);
    for (const int signal : {SIGINT, SIGTERM}) {
        const fs::path out = outDir / "mix.wav";
        // Stretched and transposed: minutes of work, far more than the test waits.
        CliProcess render(
            {"render", folder.string(), out.string(), "--tempo", "0.8", "--pitch", "2"});
        ASSERT_TRUE(waitFor([&] { return hasPartialFile(outDir); }, std::chrono::seconds(60)))
            << "the render did not start";
        const auto sent = Clock::now();
        render.signal(signal);
        const CliResult r = render.wait();
        EXPECT_LT(secondsSince(sent), 2.0);
        EXPECT_EQ(r.status, 128 + signal) << r.err;
        EXPECT_EQ(r.err, std::string("stemdeck-cli: interrupted by ") +
                             (signal == SIGINT ? "SIGINT" : "SIGTERM") + "; " + out.string() +
                             " was not written\n");
        EXPECT_EQ(r.out, "");
        EXPECT_TRUE(namesIn(outDir).empty()) << "left: " << namesIn(outDir).front();
    }
}

TEST(Cli, AnInterruptWhileLoadingStopsAtOnce) {
    test::TempDir dir;
    const fs::path folder = dir / "long";
    fs::create_directories(folder);
    // Resampled to 48 kHz on load: seconds of work for the loader.
    writeSilentWav(folder / "pad.wav", std::int64_t{600} * 44100, 44100);
    const fs::path out = dir / "mix.wav";
    CliProcess render({"render", folder.string(), out.string(), "--rate", "48000"});
    ASSERT_TRUE(waitFor([&] { return holdsOpen(render.pid(), folder / "pad.wav"); },
                        std::chrono::seconds(30)))
        << "the load did not start";
    const auto sent = Clock::now();
    render.interrupt();
    const CliResult r = render.wait();
    EXPECT_LT(secondsSince(sent), 2.0);
    EXPECT_EQ(r.status, 130) << r.err;
    EXPECT_EQ(r.err,
              "stemdeck-cli: interrupted by SIGINT; stopped loading " + folder.string() + "\n");
    EXPECT_EQ(namesIn(dir.path()), std::vector<std::string>{"long"});
}

// --- item 4: the disk's free space is checked before anything is written ---

// A file system of its own: tmpfs in a user and mount namespace (no root needed), 100 kB.
CliResult renderOnASmallDisk(const test::TempDir& dir, const fs::path& song, const fs::path& out,
                             const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"render", song.string(), out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return runCli(args, {"/usr/bin/unshare", "-rm", "/bin/sh", "-c",
                         "mount -t tmpfs -o size=100k stemdeck-test \"$0\" && exec \"$@\"",
                         (dir / "small").string()});
}

bool haveUserNamespaces() {
    return std::system("unshare -rm true >/dev/null 2>&1") == 0;
}

TEST(Cli, ARenderTheDiskHasNoRoomForIsRefusedBeforeItStarts) {
    if (!haveUserNamespaces()) GTEST_SKIP() << "needs user namespaces (unshare -rm)";
    test::TempDir dir;
    fs::create_directories(dir / "small");
    const fs::path out = dir / "small" / "demo.wav";
    expectOneLineError(renderOnASmallDisk(dir, demoSong(), out),
                       "not enough disk space for " + out.string() +
                           ": the render needs 5.8 MB but only 102.4 kB is free");
}

// Half a second of noise: its FLAC hardly compresses, so it outgrows the estimate (40 % of
// the PCM) and the disk fills while writing, a real ENOSPC.
TEST(Cli, ADiskThatFillsWhileWritingIsSaidInOurWords) {
    if (!haveUserNamespaces()) GTEST_SKIP() << "needs user namespaces (unshare -rm)";
    test::TempDir dir;
    fs::create_directories(dir / "small");
    const fs::path folder = dir / "noise";
    fs::create_directories(folder);
    test::writeAudioFile(folder / "noise.wav",
                         {test::noise(0.5, kRate / 2, 1), test::noise(0.5, kRate / 2, 2)}, kRate);
    const fs::path out = dir / "small" / "noise.flac";
    expectOneLineError(renderOnASmallDisk(dir, folder, out),
                       "cannot write " + out.string() + ": the disk is full (wrote 102.4 kB)");
}

// --- item 5: a failed write (here a file size limit, as a full disk) ---

TEST(Cli, AFailedWriteIsReportedInOurWordsForEveryFormat) {
    test::TempDir dir;
    for (const char* name : {"demo.wav", "demo.flac", "demo.ogg"}) {
        const fs::path out = dir / name;
        // write() fails with EFBIG past 20 kB, deterministically; the CLI ignores SIGXFSZ.
        const CliResult r = runCli({"render", demoSong(), out.string()},
                                   {"/usr/bin/prlimit", "--fsize=20000", "--"});
        expectOneLineError(r, "cannot write " + out.string() +
                                  ": the file is larger than this system allows (wrote 20.0 kB "
                                  "of ~");
        EXPECT_EQ(r.err.find("libsndfile"), std::string::npos) << r.err;
        EXPECT_TRUE(namesIn(dir.path()).empty()) << name << " left " << namesIn(dir.path()).front();
    }
}

// --- item 9: names from files never act on the terminal ---

TEST(Cli, ControlCharactersInNamesNeverReachTheTerminal) {
    test::TempDir dir;
    const fs::path folder = dir / "song";
    fs::create_directories(folder);
    const std::string evil = "evil\x1b[2J\nstemdeck-cli: error: forged";
    test::writeAudioFile(folder / (evil + ".wav"), {test::sine(110.0, 0.3, kRate, 4800)}, kRate);
    test::writeAudioFile(folder / "曲.wav", {test::sine(220.0, 0.3, kRate, 4800)}, kRate);
    test::writeTextFile(folder / "\x1b]0;title\x07.wav", "not audio");

    const CliResult r =
        runCli({"render", folder.string(), (dir / "out.wav").string(), "--mute", "none"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err,
              "stemdeck-cli: warning: \\x1b]0;title\\x07.wav: cannot read: Format not recognised; "
              "skipped\n"
              "stemdeck-cli: error: unknown stem 'none' (stems: "
              "evil\\x1b[2J\\nstemdeck-cli: error: forged, 曲)\n");

    const CliResult info = runCli({"info", folder.string()});
    ASSERT_EQ(info.status, 0) << info.err;
    EXPECT_EQ(info.out.find('\x1b'), std::string::npos);
    EXPECT_NE(info.out.find("\"name\": \"evil\\u001b[2J\\nstemdeck-cli: error: forged\""),
              std::string::npos)
        << info.out;

    const CliResult play =
        runCli({"play", folder.string(), "--device", "card\x1b[2J\nstemdeck-cli: error: x"});
    EXPECT_EQ(play.status, 1);
    EXPECT_EQ(play.err.find('\x1b'), std::string::npos) << play.err;
    EXPECT_EQ(play.err.find('\n'), play.err.size() - 1) << "one line: " << play.err;
    EXPECT_NE(play.err.find("card\\x1b[2J\\nstemdeck-cli: error: x"), std::string::npos)
        << play.err;
}

// --- item 10: the options and what the summary says ---

TEST(Cli, LoopsWithoutALoopIsAUsageError) {
    test::TempDir dir;
    const CliResult r = runCli({"render", demoSong(), (dir / "x.wav").string(), "--loops", "4"});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err, "stemdeck-cli: error: --loops needs --loop A-B (the range it repeats)\n");
    EXPECT_TRUE(namesIn(dir.path()).empty());
}

TEST(Cli, TheSummarySaysWhatTheFileHolds) {
    test::TempDir dir;
    const fs::path folder = writeSong(dir);
    const fs::path out = dir / "out.wav";
    CliResult r = runCli({"render", folder.string(), out.string(), "--count-in", "1"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out,
              "wrote " + out.string() + ": 2.50 s (2.00 s count-in + 0.50 s song) at 48000 Hz\n");
    EXPECT_EQ(test::readAudioFile(out).frames(), 2 * kRate + kRate / 2);
    r = runCli({"render", folder.string(), out.string(), "--tempo", "0.5"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "wrote " + out.string() + ": 1.00 s at 48000 Hz\n");
    r = runCli({"render", folder.string(), out.string(), "--loop", "0.1-0.2", "--loops", "3"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "wrote " + out.string() + ": 0.30 s (3 passes of the loop) at 48000 Hz\n");
}

TEST(Cli, AnOutputNameOf250CharactersIsWritten) {
    test::TempDir dir;
    const fs::path folder = writeSong(dir);
    const fs::path out = dir / (std::string(246, 'x') + ".wav");
    const CliResult r = runCli({"render", folder.string(), out.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(test::readAudioFile(out).frames(), kRate / 2);
}

}  // namespace unity_CliWriteTest
