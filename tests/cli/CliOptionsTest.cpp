#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "CliOptions.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_CliOptionsTest {

using namespace stemdeck::cli;
using stemdeck::audio::RenderSampleFormat;

namespace {

CliOptions parse(std::vector<std::string> args) {
    return parseCommandLine(args);
}

// The CliError message for these arguments, or "" if they parse.
std::string errorFor(std::vector<std::string> args) {
    try {
        parseCommandLine(args);
    } catch (const CliError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(CliOptions, HelpAndVersionWinAnywhere) {
    EXPECT_EQ(parse({"--help"}).command, Command::Help);
    EXPECT_EQ(parse({"-h"}).command, Command::Help);
    EXPECT_EQ(parse({"render", "--help"}).command, Command::Help);
    EXPECT_EQ(parse({"--version"}).command, Command::Version);
    EXPECT_EQ(parse({"play", "x", "-V"}).command, Command::Version);
}

TEST(CliOptions, InfoTakesOneSong) {
    const auto o = parse({"info", "songs/My Song"});
    EXPECT_EQ(o.command, Command::Info);
    EXPECT_EQ(o.song, "songs/My Song");
    EXPECT_EQ(errorFor({"info"}), "'info' needs SONG (try 'stemdeck-cli --help')");
    EXPECT_EQ(errorFor({"info", "a", "b"}), "unexpected argument 'b'");
}

TEST(CliOptions, CheckTakesOneSongOrSet) {
    const auto o = parse({"check", "Friday.stemset"});
    EXPECT_EQ(o.command, Command::Check);
    EXPECT_EQ(o.song, "Friday.stemset");
    EXPECT_EQ(errorFor({"check"}), "'check' needs SONG (try 'stemdeck-cli --help')");
    EXPECT_EQ(errorFor({"check", "a", "--click"}), "unknown option '--click' for 'check'");
}

TEST(CliOptions, RenderCollectsTheMixInOrder) {
    const auto o = parse({"render",   "song",  "out.wav", "--gain", "bass=-6", "--gain=drums=+3.5",
                          "--mute",   "click", "--solo",  "keys",   "--pan",   "keys=-0.25",
                          "--master", "-1.5",  "--rate",  "44100",  "--block", "512",
                          "--format", "float"});
    EXPECT_EQ(o.command, Command::Render);
    EXPECT_EQ(o.song, "song");
    EXPECT_EQ(o.output, "out.wav");
    EXPECT_EQ(o.mix.gainsDb, (std::vector<StemValue>{{"bass", -6.0f}, {"drums", 3.5f}}));
    EXPECT_EQ(o.mix.mutes, std::vector<std::string>{"click"});
    EXPECT_EQ(o.mix.solos, std::vector<std::string>{"keys"});
    EXPECT_EQ(o.mix.pans, (std::vector<StemValue>{{"keys", -0.25f}}));
    EXPECT_EQ(o.mix.masterDb, -1.5f);
    EXPECT_EQ(o.rate, 44100);
    EXPECT_EQ(o.block, 512);
    EXPECT_EQ(o.format, RenderSampleFormat::Float32);
}

TEST(CliOptions, RenderDefaults) {
    const auto o = parse({"render", "song", "out.flac"});
    EXPECT_EQ(o.block, CliOptions::kDefaultBlock);
    EXPECT_EQ(o.rate, 0);
    EXPECT_EQ(o.format, RenderSampleFormat::Pcm24);
    EXPECT_EQ(o.mix.masterDb, std::nullopt);  // 0 dB, or the --mix source's master
    EXPECT_EQ(o.mix.source, "");
    EXPECT_TRUE(o.mix.gainsDb.empty());
}

TEST(CliOptions, GainAcceptsMinusInfinityAndNamesWithEquals) {
    const auto o = parse({"render", "s", "o.wav", "--gain", "a=b=-INF", "--master", "-inf"});
    ASSERT_EQ(o.mix.gainsDb.size(), 1u);
    EXPECT_EQ(o.mix.gainsDb[0].stem, "a=b");
    EXPECT_TRUE(std::isinf(o.mix.gainsDb[0].value) && o.mix.gainsDb[0].value < 0);
    ASSERT_TRUE(o.mix.masterDb);
    EXPECT_TRUE(std::isinf(*o.mix.masterDb));
}

TEST(CliOptions, BadMixValuesAreRejected) {
    EXPECT_EQ(errorFor({"render", "s", "o.wav", "--gain", "bass"}),
              "--gain expects NAME=DB, got 'bass'");
    EXPECT_EQ(errorFor({"render", "s", "o.wav", "--gain", "=3"}),
              "--gain expects NAME=DB, got '=3'");
    EXPECT_EQ(errorFor({"render", "s", "o.wav", "--gain", "bass="}),
              "--gain expects NAME=DB, got 'bass='");
    EXPECT_EQ(errorFor({"render", "s", "o.wav", "--gain", "bass=loud"}),
              "--gain bass: 'loud' is not a gain in dB (a number or -inf)");
    EXPECT_EQ(errorFor({"render", "s", "o.wav", "--gain", "bass=7"}),
              "--gain bass: '7' dB is above the +6 dB maximum");
    EXPECT_EQ(errorFor({"render", "s", "o.wav", "--gain", "bass=nan"}),
              "--gain bass: 'nan' is not a gain in dB (a number or -inf)");
    EXPECT_EQ(errorFor({"render", "s", "o.wav", "--pan", "bass=1.5"}),
              "--pan: '1.5' is not a pan from -1 (left) to 1 (right)");
    EXPECT_EQ(errorFor({"render", "s", "o.wav", "--master", "+inf"}),
              "--master: '+inf' is not a gain in dB (a number or -inf)");
    EXPECT_EQ(errorFor({"render", "s", "o.wav", "--format", "32"}),
              "--format must be 16, 24 or float, got '32'");
}

TEST(CliOptions, BlockAndRateRanges) {
    EXPECT_EQ(parse({"play", "s", "--block", "16"}).block, 16);
    EXPECT_EQ(parse({"play", "s", "--block", "8192"}).block, 8192);
    for (const char* bad : {"0", "15", "8193", "abc", "256x", "2.5", ""})
        EXPECT_EQ(errorFor({"play", "s", "--block", bad}),
                  std::string("--block must be an integer from 16 to 8192, got '") + bad + "'");
    EXPECT_EQ(errorFor({"play", "s", "--rate", "44.1k"}),
              "--rate must be a sample rate in Hz from 8000 to 384000, got '44.1k'");
}

TEST(CliOptions, PlayOptions) {
    const auto o = parse({"play", "s", "--seconds", "1.5", "--from", "0", "--device",
                          "JACK Audio Connection Kit: system", "--monitor"});
    EXPECT_EQ(o.command, Command::Play);
    EXPECT_EQ(o.seconds, 1.5);
    EXPECT_EQ(o.from, 0.0);
    EXPECT_TRUE(o.fromGiven);  // a set's --from 0 is refused, not taken as no --from
    EXPECT_EQ(o.device, "JACK Audio Connection Kit: system");
    EXPECT_TRUE(o.monitor);
    EXPECT_FALSE(o.noWait);
    EXPECT_FALSE(parse({"play", "s"}).seconds.has_value());
    EXPECT_FALSE(parse({"play", "s"}).fromGiven);
    EXPECT_TRUE(parse({"play", "s.stemset", "--no-wait"}).noWait);
    EXPECT_EQ(errorFor({"play", "s", "--no-wait=yes"}), "'--no-wait' takes no value");
    EXPECT_EQ(errorFor({"play", "s", "--seconds", "soon"}),
              "--seconds must be a positive number of seconds, got 'soon'");
    EXPECT_EQ(errorFor({"play", "s", "--seconds", "0"}),
              "--seconds must be a positive number of seconds, got '0'");
    EXPECT_EQ(errorFor({"play", "s", "--from", "-1"}),
              "--from must be a number of seconds >= 0, got '-1'");
    EXPECT_EQ(errorFor({"play", "s", "--monitor=yes"}), "'--monitor' takes no value");
    EXPECT_EQ(errorFor({"play", "s", "--seconds"}), "'--seconds' needs a value");
}

TEST(CliOptions, OptionsBelongToTheirCommand) {
    EXPECT_EQ(errorFor({"info", "s", "--gain", "a=1"}), "unknown option '--gain' for 'info'");
    EXPECT_EQ(errorFor({"bench", "s", "--monitor"}), "unknown option '--monitor' for 'bench'");
    EXPECT_EQ(errorFor({"render", "s", "o.wav", "--seconds", "3"}),
              "unknown option '--seconds' for 'render'");
    EXPECT_EQ(parse({"bench", "s", "--seconds", "2", "--block", "64"}).seconds, 2.0);
}

TEST(CliOptions, BenchCasesAreStemsByBlock) {
    const auto o = parse({"bench", "s", "--case", "4x256", "--case", "2x64"});
    ASSERT_EQ(o.benchCases.size(), 2u);
    EXPECT_EQ(o.benchCases[0], std::make_pair(4, 256));
    EXPECT_EQ(o.benchCases[1], std::make_pair(2, 64));
    EXPECT_EQ(errorFor({"bench", "s", "--case", "4"}),
              "--case must be STEMSxBLOCK (like 4x256), got '4'");
    EXPECT_NE(errorFor({"bench", "s", "--case", "0x64"}).find("--case stems"), std::string::npos);
    EXPECT_NE(errorFor({"bench", "s", "--case", "2x1"}).find("--case block"), std::string::npos);
}

TEST(CliOptions, DoubleDashEndsOptions) {
    const auto o = parse({"render", "--", "-weird song", "--out.wav"});
    EXPECT_EQ(o.song, "-weird song");
    EXPECT_EQ(o.output, "--out.wav");
}

TEST(CliOptions, UsageErrors) {
    EXPECT_EQ(errorFor({}), "no command given (try 'stemdeck-cli --help')");
    EXPECT_EQ(
        errorFor({"dance"}),
        "unknown command 'dance' (commands: info, check, render, play, bench, serve, analyze)");
    EXPECT_EQ(errorFor({"--verbose"}), "unknown option '--verbose'");
    EXPECT_EQ(errorFor({"render", "song"}), "'render' needs SONG OUT (try 'stemdeck-cli --help')");
}

TEST(CliOptions, UsageMentionsEveryCommandAndOption) {
    const std::string usage = usageText();
    for (const char* word : {"info", "render", "play", "bench", "--gain", "--mute", "--solo",
                             "--pan", "--master", "--format", "--rate", "--block", "--seconds",
                             "--from", "--device", "--monitor", "--help", "--version"})
        EXPECT_NE(usage.find(word), std::string::npos) << word;
}

// Found by fuzz/CliOptionsFuzz.cpp: an argument with a newline made a two-line error.
TEST(CliOptions, ControlCharactersInArgumentsKeepTheErrorOnOneLine) {
    EXPECT_EQ(errorFor({"dance\nparty"}),
              "unknown command 'dance\\nparty' (commands: info, check, render, play, bench, serve, "
              "analyze)");
    EXPECT_EQ(errorFor({"render", "s", "o.wav", "--gain", "ba\tss=loud"}),
              "--gain ba\\tss: 'loud' is not a gain in dB (a number or -inf)");
    EXPECT_EQ(errorFor({"dance\x1b[2J"}),
              "unknown command 'dance\\x1b[2J' (commands: info, check, render, play, bench, serve, "
              "analyze)");
}

// --loops alone repeated nothing, silently.
TEST(CliOptions, LoopsWithoutALoopIsAUsageError) {
    EXPECT_EQ(errorFor({"render", "s", "o.wav", "--loops", "4"}),
              "--loops needs --loop A-B (the range it repeats)");
    EXPECT_EQ(parse({"render", "s", "o.wav", "--loops", "4", "--loop", "1-2"}).loops, 4);
}

TEST(CliOptions, MixTakesSavedOrAFile) {
    EXPECT_EQ(parse({"render", "s", "o.wav", "--mix", "saved"}).mix.source, "saved");
    const auto o = parse({"render", "s", "o.wav", "--mix=my mix.json", "--gain", "a=-3"});
    EXPECT_EQ(o.mix.source, "my mix.json");
    EXPECT_EQ(o.mix.gainsDb, (std::vector<StemValue>{{"a", -3.0f}}));
    EXPECT_EQ(errorFor({"render", "s", "o.wav", "--mix", ""}), "--mix needs 'saved' or a mix file");
    EXPECT_EQ(errorFor({"play", "s", "--mix", "saved"}), "unknown option '--mix' for 'play'");
}

}  // namespace unity_CliOptionsTest
