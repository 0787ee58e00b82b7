#include "CliOptions.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include "Printable.h"
#include "stemdeck/audio/MixControls.h"
#include "stemdeck/audio/rehearsal/BeatGrid.h"

namespace stemdeck::cli {

namespace {

using audio::MixControls;

struct CommandSpec {
    Command command;
    std::string_view name;
    std::vector<std::string_view> positionals;
    std::vector<std::string_view> options;  // long options this command accepts
};

const std::vector<CommandSpec>& commandSpecs() {
    static const std::vector<CommandSpec> specs{
        {Command::Info, "info", {"SONG"}, {}},
        {Command::Render,
         "render",
         {"SONG", "OUT"},
         {"--mix", "--gain", "--mute", "--solo", "--pan", "--master", "--format", "--rate",
          "--block", "--loop", "--loops", "--tempo", "--pitch", "--cents", "--click", "--count-in",
          "--bpm", "--meter", "--click-level"}},
        {Command::Play,
         "play",
         {"SONG"},
         {"--seconds", "--from", "--block", "--rate", "--device", "--monitor", "--loop", "--tempo",
          "--pitch", "--cents", "--click", "--count-in", "--bpm", "--meter", "--click-level"}},
        {Command::Bench, "bench", {"SONG"}, {"--block", "--seconds", "--rate"}},
    };
    return specs;
}

bool isFlag(std::string_view option) {
    return option == "--monitor" || option == "--click";
}

std::string inQuotes(std::string_view text) {
    return "'" + printable(text) + "'";
}

// Whole-string number parse; a leading '+' is allowed ("+3" dB).
template <typename T>
bool parseNumber(std::string_view text, T& out) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty() || text.front() == '+') return false;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
    if (result.ec != std::errc{} || result.ptr != text.data() + text.size()) return false;
    if constexpr (std::is_floating_point_v<T>) return std::isfinite(out);
    return true;
}

int parseBlock(std::string_view text) {
    int block = 0;
    if (!parseNumber(text, block) || block < CliOptions::kMinBlock || block > CliOptions::kMaxBlock)
        throw CliError("--block must be an integer from " + std::to_string(CliOptions::kMinBlock) +
                       " to " + std::to_string(CliOptions::kMaxBlock) + ", got " + inQuotes(text));
    return block;
}

int parseRate(std::string_view text) {
    int rate = 0;
    if (!parseNumber(text, rate) || rate < 8000 || rate > 384000)
        throw CliError("--rate must be a sample rate in Hz from 8000 to 384000, got " +
                       inQuotes(text));
    return rate;
}

double parseSeconds(std::string_view option, std::string_view text, bool allowZero) {
    double seconds = 0.0;
    if (!parseNumber(text, seconds) || seconds < 0.0 || (!allowZero && seconds == 0.0))
        throw CliError(std::string(option) + " must be a " +
                       (allowZero ? "number of seconds >= 0" : "positive number of seconds") +
                       ", got " + inQuotes(text));
    return seconds;
}

bool isMinusInfinity(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == "-inf";
}

float parseGainDb(std::string_view option, std::string_view text) {
    if (isMinusInfinity(text)) return MixControls::kMinGainDb;
    float db = 0.0f;
    if (!parseNumber(text, db))
        throw CliError(std::string(option) + ": " + inQuotes(text) +
                       " is not a gain in dB (a number or -inf)");
    if (db > MixControls::kMaxGainDb)
        throw CliError(std::string(option) + ": " + inQuotes(text) +
                       " dB is above the +6 dB maximum");
    return db;
}

audio::RenderSampleFormat parseFormat(std::string_view text) {
    if (text == "16") return audio::RenderSampleFormat::Pcm16;
    if (text == "24") return audio::RenderSampleFormat::Pcm24;
    if (text == "float") return audio::RenderSampleFormat::Float32;
    throw CliError("--format must be 16, 24 or float, got " + inQuotes(text));
}

float parsePan(std::string_view text) {
    float pan = 0.0f;
    if (!parseNumber(text, pan) || pan < -1.0f || pan > 1.0f)
        throw CliError("--pan: " + inQuotes(text) + " is not a pan from -1 (left) to 1 (right)");
    return pan;
}

// NAME=VALUE; the last '=' splits, so a stem name may itself contain '='.
std::pair<std::string, std::string> splitAssignment(std::string_view option, std::string_view text,
                                                    std::string_view valueName) {
    const auto eq = text.rfind('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == text.size())
        throw CliError(std::string(option) + " expects NAME=" + std::string(valueName) + ", got " +
                       inQuotes(text));
    return {std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

// A-B in seconds, e.g. "12.5-20".
std::pair<double, double> parseLoop(std::string_view text) {
    const auto dash = text.find('-', 1);
    double a = 0.0, b = 0.0;
    if (dash == std::string_view::npos || !parseNumber(text.substr(0, dash), a) ||
        !parseNumber(text.substr(dash + 1), b) || a < 0.0)
        throw CliError("--loop expects A-B in seconds (e.g. 12.5-20), got " + inQuotes(text));
    if (b <= a) throw CliError("--loop: the end must be after the start, got " + inQuotes(text));
    return {a, b};
}

double parseRange(std::string_view option, std::string_view text, double low, double high,
                  std::string_view what) {
    double value = 0.0;
    if (!parseNumber(text, value) || value < low || value > high)
        throw CliError(std::string(option) + " must be " + std::string(what) + ", got " +
                       inQuotes(text));
    return value;
}

int parseInteger(std::string_view option, std::string_view text, int low, int high) {
    int value = 0;
    if (!parseNumber(text, value) || value < low || value > high)
        throw CliError(std::string(option) + " must be an integer from " + std::to_string(low) +
                       " to " + std::to_string(high) + ", got " + inQuotes(text));
    return value;
}

std::pair<int, int> parseMeter(std::string_view text) {
    const auto slash = text.find('/');
    int beats = 0, unit = 0;
    if (slash == std::string_view::npos || !parseNumber(text.substr(0, slash), beats) ||
        !parseNumber(text.substr(slash + 1), unit) || !audio::TimeSignature{beats, unit}.valid())
        throw CliError("--meter expects a time signature like 4/4 or 6/8, got " + inQuotes(text));
    return {beats, unit};
}

void applyOption(CliOptions& options, std::string_view option, std::string_view value) {
    if (option == "--loop") {
        options.loop = parseLoop(value);
    } else if (option == "--loops") {
        options.loops = parseInteger(option, value, 1, 1000);
    } else if (option == "--tempo") {
        options.tempo = parseRange(option, value, 0.5, 1.5, "a tempo ratio from 0.5 to 1.5");
    } else if (option == "--pitch") {
        // Whole and fractional semitones both count: --pitch -2.5 is -250 cents.
        const double semitones =
            parseRange(option, value, -12.0, 12.0, "semitones from -12 to +12");
        options.pitchCents += 100.0 * semitones;
    } else if (option == "--cents") {
        options.pitchCents += parseRange(option, value, -100.0, 100.0, "cents from -100 to +100");
    } else if (option == "--click") {
        options.click = true;
    } else if (option == "--count-in") {
        options.countInBars = parseInteger(option, value, 0, 16);
    } else if (option == "--bpm") {
        options.bpm = parseRange(option, value, 20.0, 300.0, "a tempo from 20 to 300 BPM");
    } else if (option == "--meter") {
        options.meter = parseMeter(value);
    } else if (option == "--click-level") {
        options.clickLevelDb = parseGainDb(option, value);
    } else if (option == "--gain") {
        auto [stem, db] = splitAssignment(option, value, "DB");
        options.mix.gainsDb.push_back({stem, parseGainDb("--gain " + printable(stem), db)});
    } else if (option == "--pan") {
        auto [stem, pan] = splitAssignment(option, value, "PAN");
        options.mix.pans.push_back({stem, parsePan(pan)});
    } else if (option == "--mix") {
        if (value.empty()) throw CliError("--mix needs 'saved' or a mix file");
        options.mix.source = value;
    } else if (option == "--mute") {
        options.mix.mutes.emplace_back(value);
    } else if (option == "--solo") {
        options.mix.solos.emplace_back(value);
    } else if (option == "--master") {
        options.mix.masterDb = parseGainDb(option, value);
    } else if (option == "--format") {
        options.format = parseFormat(value);
    } else if (option == "--rate") {
        options.rate = parseRate(value);
    } else if (option == "--block") {
        options.block = parseBlock(value);
    } else if (option == "--seconds") {
        options.seconds = parseSeconds(option, value, false);
    } else if (option == "--from") {
        options.from = parseSeconds(option, value, true);
    } else if (option == "--device") {
        if (value.empty()) throw CliError("--device needs a device name");
        options.device = value;
    } else if (option == "--monitor") {
        options.monitor = true;
    }
}

const CommandSpec& findCommand(std::string_view name) {
    for (const auto& spec : commandSpecs())
        if (spec.name == name) return spec;
    throw CliError("unknown command " + inQuotes(name) + " (commands: info, render, play, bench)");
}

}  // namespace

CliOptions parseCommandLine(const std::vector<std::string>& args) {
    CliOptions options;
    // Help and version win wherever they appear, as users expect from "cmd render --help".
    for (const auto& arg : args) {
        if (arg == "--") break;
        if (arg == "--help" || arg == "-h") return options;
        if (arg == "--version" || arg == "-V") {
            options.command = Command::Version;
            return options;
        }
    }
    if (args.empty()) throw CliError("no command given (try 'stemdeck-cli --help')");
    if (args.front().starts_with("-")) throw CliError("unknown option " + inQuotes(args.front()));

    const CommandSpec& spec = findCommand(args.front());
    options.command = spec.command;
    std::vector<std::string_view> positionals;
    bool optionsEnded = false;
    bool loopsGiven = false;
    const std::span<const std::string> rest(args.begin() + 1, args.end());
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const std::string_view arg = rest[i];
        if (optionsEnded || !arg.starts_with("-") || arg == "-") {
            positionals.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        // --name=value or --name value.
        const auto eq = arg.find('=');
        const std::string_view name = arg.substr(0, eq);
        if (std::find(spec.options.begin(), spec.options.end(), name) == spec.options.end())
            throw CliError("unknown option " + inQuotes(name) + " for '" + std::string(spec.name) +
                           "'");
        loopsGiven = loopsGiven || name == "--loops";
        if (isFlag(name)) {
            if (eq != std::string_view::npos) throw CliError(inQuotes(name) + " takes no value");
            applyOption(options, name, {});
            continue;
        }
        std::string_view value;
        if (eq != std::string_view::npos) {
            value = arg.substr(eq + 1);
        } else if (i + 1 < rest.size()) {
            value = rest[++i];
        } else {
            throw CliError(inQuotes(name) + " needs a value");
        }
        applyOption(options, name, value);
    }

    if (positionals.size() < spec.positionals.size()) {
        std::string needed;
        for (const auto& p : spec.positionals) needed += " " + std::string(p);
        throw CliError("'" + std::string(spec.name) + "' needs" + needed +
                       " (try 'stemdeck-cli --help')");
    }
    if (positionals.size() > spec.positionals.size())
        throw CliError("unexpected argument " + inQuotes(positionals[spec.positionals.size()]));
    options.song = positionals[0];
    if (spec.command == Command::Render) options.output = positionals[1];
    // Passes of nothing would be silently ignored: say what --loops needs.
    if (loopsGiven && !options.loop)
        throw CliError("--loops needs --loop A-B (the range it repeats)");
    if (std::abs(options.pitchCents) > 1200.0)
        throw CliError("--pitch and --cents together must stay within +-12 semitones");
    return options;
}

std::string usageText() {
    return R"(usage: stemdeck-cli COMMAND [ARGS]

Commands:
  info SONG                 describe a song folder's stems as JSON
  render SONG OUT           mix a song to a file (.wav or .flac; .aiff and .ogg too); OUT
                            may not be a file of the song, and is marked as a render so it
                            is never loaded as a stem
      --mix saved|FILE        start from the mix the app saved for this song, or from a mix
                              file; the options below apply on top of it
      --gain NAME=DB          stem gain in dB, up to +6, or -inf (repeatable)
      --mute NAME             mute a stem (repeatable)
      --solo NAME             solo a stem (repeatable)
      --pan NAME=PAN          pan from -1 (left) to 1 (right) (repeatable)
      --master DB             master gain in dB
      --format 16|24|float    sample format (default 24; FLAC is 24-bit at most)
      --rate HZ               render at this sample rate (default: the song's)
      --block N               frames per processing block (default 256)
      --loop A-B              render the loop A-B (seconds) only, --loops times back to back
      --loops N               passes of the loop (default 1; needs --loop)
      --tempo R               tempo ratio 0.5..1.5 without pitch change (default 1)
      --pitch ST              transpose by -12..+12 semitones without tempo change
      --cents C               fine pitch, -100..+100 cents (adds to --pitch)
      --click                 add the metronome click (accented downbeat)
      --count-in BARS         bars of click before the music (0..16)
      --bpm BPM, --meter N/D  song tempo and time signature for the click (default: the song
                              folder's meta.json, else 120 and 4/4)
      --click-level DB        click level (default -6)
  play SONG                 play a song on the audio device
      --seconds S             stop after S seconds (default: the whole song)
      --from S                start S seconds into the song
      --block N               frames per device buffer (default 256)
      --rate HZ               device sample rate (default: the device's)
      --device NAME           output device (default: the system's)
      --monitor               print callback timing statistics as JSON at the end
      --loop A-B, --tempo R, --pitch ST, --cents C, --click, --count-in BARS, --bpm BPM,
      --meter N/D, --click-level DB   as for render (the loop plays until stopped)
  bench SONG                time loading and mixing a song, as JSON
      --block N               frames per block (default 256)
      --seconds S             seconds of audio per timed pass (default 10)
      --rate HZ               load at this sample rate (default: the song's)

Options:
  -h, --help                show this help
  -V, --version             show the version

A WAV render that may pass 4 GB is written as RF64; a render the disk has no room for is
refused before it starts. Ctrl-C (or SIGTERM) stops loading or rendering and leaves no file.

Exit status: 0 on success, 1 on a runtime error (bad song, no audio device, a full disk), 2
on a usage error, 130 / 143 when stopped by SIGINT / SIGTERM (play: Ctrl-C is its normal
stop, 0).
)";
}

}  // namespace stemdeck::cli
