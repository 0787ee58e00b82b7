#include "CliOptions.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <utility>

#include "OptionValues.h"
#include "Printable.h"
#include "stemdeck/audio/core/Limits.h"

namespace stemdeck::cli {

namespace {

namespace limits = audio::limits;

// --- declarations ----------------------------------------------------------------------------
// Every command and option is declared once, here: parsing and the help text both come from
// these declarations. The values are checked by OptionValues.h.

using Apply = std::function<void(const std::string&)>;

// An option taking a value, applied once per occurrence in the order given (the last wins
// unless `apply` collects, as --gain does).
CLI::Option* valueOption(CLI::App& command, const std::string& name, const std::string& value,
                         const std::string& help, Apply apply) {
    const CLI::callback_t callback = [apply = std::move(apply)](const CLI::results_t& values) {
        for (const auto& v : values) apply(v);
        return true;
    };
    return command.add_option(name, callback, help)
        ->type_name(value)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

// A flag: no value (--click=yes is an error, not a way to say yes or no; CLI11 still takes
// --click=true as the flag itself).
void flagOption(CLI::App& command, const std::string& name, const std::string& help, bool& target) {
    command
        .add_flag_callback(
            name, [&target] { target = true; }, help)
        ->disable_flag_override();
}

void positional(CLI::App& command, const std::string& name, std::filesystem::path& target,
                const std::string& help) {
    command.add_option(name, target, help)->required()->type_name("");
}

struct Declared {
    CLI::App app{"", "stemdeck-cli"};
    bool loopsGiven = false;
};

// "4x256": the first 4 stems at 256 frames per block.
std::pair<int, int> parseBenchCase(const std::string& v) {
    const auto x = v.find('x');
    if (x == std::string::npos)
        throw CliError("--case must be STEMSxBLOCK (like 4x256), got '" + printable(v) + "'");
    return {parseInteger("--case stems", std::string_view(v).substr(0, x), 1, 4096),
            parseInteger("--case block", std::string_view(v).substr(x + 1), limits::kMinBlockFrames,
                         limits::kMaxBlockFrames)};
}

const std::string kBlockRange = "from " + std::to_string(limits::kMinBlockFrames) + " to " +
                                std::to_string(limits::kMaxBlockFrames);

void declareBlock(CLI::App& command, CliOptions& o, const std::string& what) {
    valueOption(
        command, "--block", "N",
        what + " (default " + std::to_string(CliOptions::kDefaultBlock) + ", " + kBlockRange + ")",
        [&o](const std::string& v) {
            o.block = parseInteger("--block", v, limits::kMinBlockFrames, limits::kMaxBlockFrames);
        });
}

void declareRate(CLI::App& command, CliOptions& o, const std::string& what) {
    valueOption(command, "--rate", "HZ", what,
                [&o](const std::string& v) { o.rate = parseRate(v); });
}

// The rehearsal options render and play share.
void declareRehearsal(CLI::App& command, CliOptions& o, const std::string& loopHelp) {
    valueOption(command, "--loop", "A-B", loopHelp,
                [&o](const std::string& v) { o.loop = parseLoop(v); });
    const std::string tempoRange =
        numberText(limits::kMinTempoRatio) + " to " + numberText(limits::kMaxTempoRatio);
    valueOption(
        command, "--tempo", "R", "tempo ratio " + tempoRange + " without pitch change (default 1)",
        [&o, what = "a tempo ratio from " + tempoRange](const std::string& v) {
            o.tempo =
                parseRange("--tempo", v, limits::kMinTempoRatio, limits::kMaxTempoRatio, what);
        });
    const std::string semitones = std::to_string(limits::kMaxPitchSemitones);
    valueOption(
        command, "--pitch", "ST",
        "transpose by -" + semitones + "..+" + semitones + " semitones without tempo change",
        [&o, what = "semitones from -" + semitones + " to +" + semitones](const std::string& v) {
            // Whole and fractional semitones both count: --pitch -2.5 is -250 cents.
            o.pitchCents += 100.0 * parseRange("--pitch", v, -limits::kMaxPitchSemitones,
                                               limits::kMaxPitchSemitones, what);
        });
    const std::string cents = numberText(limits::kMaxFineCents);
    valueOption(command, "--cents", "C",
                "fine pitch, -" + cents + "..+" + cents + " cents (adds to --pitch)",
                [&o, what = "cents from -" + cents + " to +" + cents](const std::string& v) {
                    o.pitchCents += parseRange("--cents", v, -limits::kMaxFineCents,
                                               limits::kMaxFineCents, what);
                });
    flagOption(command, "--click", "add the metronome click (accented downbeat)", o.click);
    valueOption(
        command, "--count-in", "BARS",
        "bars of click before the music (0.." + std::to_string(limits::kMaxCountInBars) + ")",
        [&o](const std::string& v) {
            o.countInBars = parseInteger("--count-in", v, 0, limits::kMaxCountInBars);
        });
    const std::string bpmRange =
        numberText(limits::kMinBpm) + " to " + numberText(limits::kMaxBpm) + " BPM";
    valueOption(command, "--bpm", "BPM",
                "song tempo for the click, " + bpmRange + " (default: meta.json's, else 120)",
                [&o, what = "a tempo from " + bpmRange](const std::string& v) {
                    o.bpm = parseRange("--bpm", v, limits::kMinBpm, limits::kMaxBpm, what);
                });
    valueOption(command, "--meter", "N/D",
                "time signature for the click (default: meta.json's, else 4/4)",
                [&o](const std::string& v) { o.meter = parseMeter(v); });
    valueOption(command, "--click-level", "DB", "click level (default -6)",
                [&o](const std::string& v) { o.clickLevelDb = parseGainDb("--click-level", v); });
}

void declareRender(Declared& d, CliOptions& o) {
    CLI::App& render = *d.app.add_subcommand(
        "render",
        "mix a song, or a whole set with its transitions, to a file (.wav, .flac, .aiff or\n"
        "  .ogg), marked as a render so it is never loaded as a stem");
    render.callback([&o] { o.command = Command::Render; });
    positional(render, "SONG", o.song,
               "the song folder, or a set file (.stemset: each song with its saved mix and its\n"
               "  entry's settings; the mix and rehearsal options are for a song only)");
    positional(render, "OUT", o.output, "the file to write (not a file of the song)");
    valueOption(render, "--mix", "saved|FILE",
                "the app's saved mix for this song, or a mix file, to start from",
                [&o](const std::string& v) {
                    if (v.empty()) throw CliError("--mix needs 'saved' or a mix file");
                    o.mix.source = v;
                });
    const std::string maxGain = numberText(limits::kMaxGainDb);
    valueOption(render, "--gain", "NAME=DB",
                "stem gain in dB, up to +" + maxGain + ", or -inf (repeatable)",
                [&o](const std::string& v) {
                    auto [stem, db] = splitAssignment("--gain", v, "DB");
                    o.mix.gainsDb.push_back({stem, parseGainDb("--gain " + printable(stem), db)});
                });
    valueOption(render, "--mute", "NAME", "mute a stem (repeatable)",
                [&o](const std::string& v) { o.mix.mutes.push_back(v); });
    valueOption(render, "--solo", "NAME", "solo a stem (repeatable)",
                [&o](const std::string& v) { o.mix.solos.push_back(v); });
    valueOption(render, "--pan", "NAME=PAN", "pan from -1 (left) to 1 (right) (repeatable)",
                [&o](const std::string& v) {
                    auto [stem, pan] = splitAssignment("--pan", v, "PAN");
                    o.mix.pans.push_back({stem, parsePan(pan)});
                });
    valueOption(render, "--master", "DB", "master gain in dB",
                [&o](const std::string& v) { o.mix.masterDb = parseGainDb("--master", v); });
    valueOption(render, "--format", "16|24|float",
                "sample format (default 24; FLAC is 24-bit at most)",
                [&o](const std::string& v) { o.format = parseFormat(v); });
    declareRate(render, o, "render at this sample rate (default: the song's)");
    declareBlock(render, o, "frames per processing block");
    declareRehearsal(render, o, "render the loop A-B (seconds) only, --loops times in a row");
    valueOption(render, "--loops", "N",
                "passes of the loop (default 1, at most " + std::to_string(limits::kMaxLoopPasses) +
                    "; needs --loop)",
                [&o, &d](const std::string& v) {
                    d.loopsGiven = true;
                    o.loops = parseInteger("--loops", v, 1, limits::kMaxLoopPasses);
                });
}

void declarePlay(Declared& d, CliOptions& o) {
    CLI::App& play = *d.app.add_subcommand(
        "play", "play a song, or a whole set with its transitions, on the audio device");
    play.callback([&o] { o.command = Command::Play; });
    positional(play, "SONG", o.song,
               "the song folder, or a set file (.stemset: its songs in order, each with its\n"
               "  entry's settings, the next one loaded while one plays; a 'stop' transition\n"
               "  waits for Enter; one line per song as it starts)");
    valueOption(play, "--seconds", "S", "stop after S seconds (default: the whole song or set)",
                [&o](const std::string& v) { o.seconds = parseSeconds("--seconds", v, false); });
    valueOption(play, "--from", "S|N", "start S seconds into the song; a set: start at entry N",
                [&o](const std::string& v) {
                    o.from = parseSeconds("--from", v, true);
                    o.fromGiven = true;
                });
    flagOption(play, "--no-wait",
               "a set's 'stop' transition goes straight on to the next song (with its\n"
               "  count-in) instead of waiting for Enter; so does a closed stdin",
               o.noWait);
    declareBlock(play, o, "frames per device buffer");
    declareRate(play, o,
                "device sample rate (default: the song's, or a set's first song's, when the\n"
                "  device supports it, else the device's)");
    valueOption(play, "--device", "NAME", "output device (default: the system's)",
                [&o](const std::string& v) {
                    if (v.empty()) throw CliError("--device needs a device name");
                    o.device = v;
                });
    flagOption(play, "--monitor", "print callback timing statistics as JSON at the end", o.monitor);
    declareRehearsal(play, o, "play the loop A-B (seconds) until stopped (a song only)");
}

// A token travels in a URL's query and an Authorization header: URL-safe characters only.
std::string checkedToken(const char* option, const std::string& v) {
    const bool safe = std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '_' || c == '~' || c == '-';
    });
    if (v.size() < 8 || v.size() > 256 || !safe)
        throw CliError(std::string(option) +
                       ": a token is 8 to 256 of the characters A-Z a-z 0-9 . _ ~ -");
    return v;
}

void declareServe(Declared& d, CliOptions& o) {
    CLI::App& serve = *d.app.add_subcommand(
        "serve",
        "play a song or a set with no window, driven remotely (OSC, web, MIDI); Ctrl-C or\n"
        "  SIGTERM stops");
    serve.callback([&o] { o.command = Command::Serve; });
    positional(serve, "SONG", o.song, "the song folder, or a set file (.stemset)");
    valueOption(serve, "--osc", "PORT",
                "take OSC commands on this UDP port (0: any free port, printed); see the\n"
                "  README's \"OSC control\" for the addresses",
                [&o](const std::string& v) { o.oscPort = parseInteger("--osc", v, 0, 65535); });
    valueOption(serve, "--http", "PORT",
                "open the web remote on this TCP port (0: any free port); its address and\n"
                "  tokens are printed; see the README's \"Web remote\"",
                [&o](const std::string& v) { o.httpPort = parseInteger("--http", v, 0, 65535); });
    valueOption(serve, "--token", "T",
                "the web remote's token (default: a random one); 8-256 of A-Z a-z 0-9 . _ ~ -",
                [&o](const std::string& v) { o.token = checkedToken("--token", v); });
    valueOption(serve, "--read-token", "T",
                "the web remote's read-only token, for a phone that only watches (default:\n"
                "  a random one)",
                [&o](const std::string& v) { o.readToken = checkedToken("--read-token", v); });
    flagOption(serve, "--qr", "also print the web remote's address as a QR code", o.qr);
    valueOption(serve, "--bind", "ADDR",
                "the address the doors listen on (default 127.0.0.1: this machine only)",
                [&o](const std::string& v) {
                    if (v.empty()) throw CliError("--bind needs an address");
                    o.bind = v;
                });
    valueOption(serve, "--midi", "NAME",
                "take MIDI from the controller whose port name contains NAME, or from a\n"
                "  virtual input stemdeck:control_in with \"virtual\"",
                [&o](const std::string& v) {
                    if (v.empty()) throw CliError("--midi needs a port name or \"virtual\"");
                    o.midi = v;
                });
    valueOption(serve, "--midi-map", "FILE",
                "the controller's MIDI mapping file (created by MIDI learn when missing)",
                [&o](const std::string& v) {
                    if (v.empty()) throw CliError("--midi-map needs a file");
                    o.midiMap = v;
                });
    valueOption(serve, "--clock-out", "NAME",
                "send MIDI clock (24 ppqn, Start/Stop/Continue, song position) from JACK port\n"
                "  stemdeck-clock:clock_out to the MIDI input whose name contains NAME, or\n"
                "  only open the port with \"virtual\"; alsa:NAME (or no JACK server): the ALSA\n"
                "  sequencer",
                [&o](const std::string& v) {
                    if (v.empty()) throw CliError("--clock-out needs a port name or \"virtual\"");
                    o.clockOut = v;
                });
    declareBlock(serve, o, "frames per device buffer");
    declareRate(serve, o, "device sample rate (default: the device's)");
    valueOption(serve, "--device", "NAME", "output device (default: the system's)",
                [&o](const std::string& v) {
                    if (v.empty()) throw CliError("--device needs a device name");
                    o.device = v;
                });
}

void declareBench(Declared& d, CliOptions& o) {
    CLI::App& bench = *d.app.add_subcommand("bench", "time loading and mixing a song, as JSON");
    bench.callback([&o] { o.command = Command::Bench; });
    positional(bench, "SONG", o.song, "the song folder");
    declareBlock(bench, o, "frames per block");
    valueOption(bench, "--seconds", "S",
                "seconds of audio per timed pass (default " +
                    numberText(CliOptions::kDefaultBenchSeconds) + ")",
                [&o](const std::string& v) { o.seconds = parseSeconds("--seconds", v, false); });
    declareRate(bench, o, "load at this sample rate (default: the song's)");
    valueOption(bench, "--case", "STEMSxBLOCK",
                "also time the song's first STEMS stems at BLOCK frames per block, in the same "
                "run (repeatable; JSON \"cases\")",
                [&o](const std::string& v) { o.benchCases.push_back(parseBenchCase(v)); });
}

constexpr const char* kFooter =
    R"(A WAV render that may pass 4 GB is written as RF64; a render the disk has no room for is
refused before it starts. Ctrl-C (or SIGTERM) stops loading or rendering and leaves no file.

Exit status: 0 on success, 1 on a runtime error (bad song, no audio device, a full disk), 2
on a usage error, 130 / 143 when stopped by SIGINT / SIGTERM (play: Ctrl-C is its normal
stop, 0; play SET: 1 when an entry was skipped).)";

// The whole interface, writing what it parses into `o`.
std::unique_ptr<Declared> declare(CliOptions& o) {
    auto d = std::make_unique<Declared>();
    CLI::App& app = d->app;
    auto formatter = std::make_shared<CLI::Formatter>();
    formatter->label("Usage", "usage");
    formatter->label("SUBCOMMAND", "COMMAND");
    formatter->column_width(28);
    app.formatter(formatter);
    app.footer(kFooter);
    // Help and version are handled before parsing (they win anywhere); declared here for the
    // help text.
    app.set_help_flag("-h,--help", "show this help");
    app.add_flag_callback(
        "-V,--version", [] {}, "show the version");
    app.require_subcommand(1);
    CLI::App& info =
        *app.add_subcommand("info", "describe a song folder's stems, or a set's songs, as JSON");
    info.callback([&o] { o.command = Command::Info; });
    positional(info, "SONG", o.song, "the song folder, or a set file (.stemset)");
    CLI::App& check = *app.add_subcommand(
        "check",
        "verify a set's songs (or one song) before a show without playing them: one line per\n"
        "  problem, exit 1 on any error");
    check.callback([&o] { o.command = Command::Check; });
    positional(check, "SONG", o.song, "a set file (.stemset), or a song folder");
    declareRender(*d, o);
    declarePlay(*d, o);
    declareBench(*d, o);
    declareServe(*d, o);
    CLI::App& analyze = *app.add_subcommand(
        "analyze", "tempo, beats, downbeats and key of a song (qm-dsp), as JSON");
    analyze.callback([&o] { o.command = Command::Analyze; });
    positional(analyze, "SONG", o.song, "the song folder");
    flagOption(analyze, "--sections", "also suggest section starts on bar lines (\"sections\")",
               o.sections);
    for (CLI::App* command : app.get_subcommands({})) {
        command->group("Commands");
        command->set_help_flag();  // the one help is the program's
    }
    return d;
}

// --- CLI11's errors, in the words this tool has always used ----------------------------------

std::string commandList(const CLI::App& app) {
    std::string names;
    for (const CLI::App* command : app.get_subcommands({}))
        names += (names.empty() ? "" : ", ") + command->get_name();
    return names;
}

const CLI::App* chosenCommand(const CLI::App& app) {
    const auto chosen = app.get_subcommands();
    return chosen.empty() ? nullptr : chosen.front();
}

// An argument nobody took: an option the command does not have, or one too many.
std::string leftOverMessage(const CLI::App& app, const std::string& arg) {
    const CLI::App* command = chosenCommand(app);
    const bool isOption = arg.size() > 1 && arg.front() == '-';
    if (!command) {
        if (isOption) return "unknown option " + inQuotes(arg);
        return "unknown command " + inQuotes(arg) + " (commands: " + commandList(app) + ")";
    }
    if (!isOption) return "unexpected argument " + inQuotes(arg);
    return "unknown option " + inQuotes(arg.substr(0, arg.find('='))) + " for '" +
           command->get_name() + "'";
}

std::string missingPositionals(const CLI::App& command) {
    std::string names;
    for (const CLI::Option* positional :
         command.get_options([](const CLI::Option* opt) { return opt->get_positional(); }))
        names += " " + positional->get_name();
    return "'" + command.get_name() + "' needs" + names + " (try 'stemdeck-cli --help')";
}

// "--seconds: 1 required N missing" / "monitor was given a disallowed flag override": CLI11
// names the option first.
std::string mismatchMessage(const std::string& what) {
    if (const auto end = what.find(" was given a disallowed flag override");
        end != std::string::npos)
        return inQuotes("--" + what.substr(0, end)) + " takes no value";
    if (const auto end = what.find(": "); end != std::string::npos && what.ends_with(" missing"))
        return inQuotes(what.substr(0, end)) + " needs a value";
    return printable(what);
}

CliError translate(const CLI::App& app, const CLI::ParseError& error) {
    std::vector<std::string> leftOver = app.remaining(true);
    if (!leftOver.empty()) return CliError(leftOverMessage(app, leftOver.front()));
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error))
        return CliError(mismatchMessage(error.what()));
    if (dynamic_cast<const CLI::RequiredError*>(&error)) {
        const CLI::App* command = chosenCommand(app);
        if (!command) return CliError("no command given (try 'stemdeck-cli --help')");
        return CliError(missingPositionals(*command));
    }
    return CliError(printable(error.what()));
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

    // CLI11 takes about 200 us to declare the interface (4 us an option): each thread does it
    // once and clears it between parses, which keeps the fuzzer fast. The declarations write
    // into `parsed`, which stays at one address.
    thread_local CliOptions parsed;
    thread_local const std::unique_ptr<Declared> declared = declare(parsed);
    parsed = CliOptions{};
    declared->loopsGiven = false;
    declared->app.clear();
    // CLI11 takes the arguments in reverse order, without the program name.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        declared->app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        throw translate(declared->app, e);
    }
    // Passes of nothing would be silently ignored: say what --loops needs.
    if (declared->loopsGiven && !parsed.loop)
        throw CliError("--loops needs --loop A-B (the range it repeats)");
    if (!parsed.midiMap.empty() && !parsed.midi)
        throw CliError("--midi-map needs --midi NAME|virtual (the controller it maps)");
    if (std::abs(parsed.pitchCents) > limits::kMaxPitchCents)
        throw CliError("--pitch and --cents together must stay within +-" +
                       std::to_string(limits::kMaxPitchSemitones) + " semitones");
    return parsed;
}

std::string usageText() {
    CliOptions unused;
    const auto declared = declare(unused);
    return declared->app.help("", CLI::AppFormatMode::All);
}

}  // namespace stemdeck::cli
