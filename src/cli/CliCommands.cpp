#include "CliCommands.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <ostream>
#include <string>
#include <thread>
#include <tuple>

#include "AnalyzeCommand.h"
#include "Interruption.h"
#include "JsonText.h"
#include "MixBenchmark.h"
#include "Printable.h"
#include "SavedMix.h"
#include "ServeCommand.h"
#include "SetCommands.h"
#include "SetPlay.h"
#include "SetRender.h"
#include "WordsInfo.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/core/ByteSize.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/SongDecode.h"
#include "stemdeck/audio/loader/SongMemory.h"
#include "stemdeck/audio/loader/SongMetaFile.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/audio/loader/StemNames.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/render/OfflineRenderer.h"
#include "stemdeck/audio/render/RenderFile.h"
#include "stemdeck/audio/timeline/LoopRegion.h"

namespace stemdeck::cli {

namespace {

using namespace stemdeck::audio;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string formatSeconds(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f s", seconds);
    return text;
}

void warn(std::ostream& err, std::string_view message) {
    printLine(err, "stemdeck-cli: warning: " + std::string(message));
}

// The loader's messages already start with the file's name within the song folder. Skipped
// files first, then stems that loaded with a problem.
void warnAboutSkippedFiles(const Song& song, std::ostream& err) {
    for (const auto& issue : song.errors) warn(err, issue.message);
    for (const auto& issue : song.warnings) warn(err, issue.message);
}

[[noreturn]] void throwInterrupted(const std::string& what) {
    throw InterruptedError("interrupted by " + Interruption::signalName() + "; " + what);
}

// Loads on this thread while an InterruptWatch turns Ctrl-C into the loader's cancel.
Song loadSong(const CliOptions& options, const CommandContext& context) {
    LoadOptions load;
    load.targetRate = options.rate;
    LoadProgress progress;
    Song song;
    try {
        const InterruptWatch watch([&progress] { progress.requestCancel(); });
        song = StemLoader::load(options.song, load, &progress);
    } catch (const LoadError& e) {
        if (e.kind() != LoadError::Kind::Cancelled || !context.interrupted.load()) throw;
    }
    if (context.interrupted.load()) throwInterrupted("stopped loading " + options.song.string());
    warnAboutSkippedFiles(song, context.err);
    return song;
}

// Starts decoding the song on worker threads and waits for its first audio, while an InterruptWatch
// turns Ctrl-C into the decode's cancel. Skipped files are warned about once the song is handed
// over.
std::shared_ptr<SongDecode> decodeSong(const std::filesystem::path& folder, int rate,
                                       const CommandContext& context) {
    LoadOptions load;
    load.targetRate = rate;
    auto progress = std::make_shared<LoadProgress>();
    std::shared_ptr<SongDecode> decode;
    try {
        const InterruptWatch watch([progress] { progress->requestCancel(); });
        decode = SongDecode::start(StemLoader::scan(folder), load, progress);
        decode->waitFirstAudio();
    } catch (const LoadError& e) {
        if (e.kind() != LoadError::Kind::Cancelled || !context.interrupted.load()) throw;
    }
    if (context.interrupted.load()) throwInterrupted("stopped loading " + folder.string());
    return decode;
}

// What went wrong after the song started playing (a stem damaged halfway), said once.
void warnAboutLateIssues(const SongDecode& decode, std::ostream& err) {
    const auto report = decode.report();
    for (const auto& issue : report.errors) warn(err, issue.message);
    for (const auto& issue : report.warnings) warn(err, issue.message);
}

Json issuesJson(const std::vector<FileIssue>& issues) {
    Json list = Json::array();
    for (const auto& issue : issues)
        list.push_back({{"file", issue.file.string()}, {"message", issue.message}});
    return list;
}

int runInfo(const CliOptions& options, const CommandContext& context) {
    const Song song = loadSong(options, context);
    Json stems = Json::array();
    for (const auto& stem : song.stems)
        stems.push_back({{"name", stem.name},
                         {"file", stem.file.string()},
                         {"channels", stem.sourceChannels},
                         {"source_rate", stem.sourceRate},
                         {"source_frames", stem.sourceFrames},
                         {"frames", stem.frames()},
                         {"resampled", stem.resampled}});
    Json info = {{"folder", song.folder.string()},
                 {"rate", song.sampleRate},
                 {"frames", song.frames},
                 {"duration", song.durationSeconds()},
                 {"stems", stems},
                 {"errors", issuesJson(song.errors)},
                 {"ignored", issuesJson(song.ignored)},
                 {"warnings", issuesJson(song.warnings)}};
    info.update(wordsInfo(song.folder, context.err));
    context.out << jsonText(info);
    return 0;
}

std::size_t stemByName(const Song& song, const std::string& name) {
    const int index = song.stemIndex(name);
    if (index >= 0) return static_cast<std::size_t>(index);
    std::string names;
    for (const auto& stem : song.stems) names += (names.empty() ? "" : ", ") + stem.name;
    throw CliError("unknown stem '" + name + "' (stems: " + names + ")");
}

// The mix of the render: the --mix source's (the app's saved mix, or a mix file), then the
// command line's values on top of it.
void applyMix(const MixOptions& options, const Song& song, MixControls& mix, std::ostream& err) {
    if (!options.source.empty()) {
        const MixFromFile from = readMix(options.source, song.folder, stemNames(song));
        for (const auto& warning : from.warnings) warn(err, warning);
        mix.apply(from.mix);
    }
    for (const auto& gain : options.gainsDb) mix.setGainDb(stemByName(song, gain.stem), gain.value);
    for (const auto& pan : options.pans) mix.setPan(stemByName(song, pan.stem), pan.value);
    for (const auto& name : options.mutes) mix.setMuted(stemByName(song, name), true);
    for (const auto& name : options.solos) mix.setSolo(stemByName(song, name), true);
    if (options.masterDb) mix.setMasterGainDb(*options.masterDb);
}

// The click's settings: tempo and time signature from the command line, else the song's
// meta.json (SongMetaFile), else 120 and 4/4.
ClickSettings clickSettings(const CliOptions& options, const std::filesystem::path& folder,
                            std::ostream& err) {
    ClickSettings click;
    click.enabled = options.click;
    click.countInBars = options.countInBars;
    click.levelDb = options.clickLevelDb;
    const SongMetaFile meta = SongMetaFile::read(folder);
    if (meta.bpm) click.bpm = *meta.bpm;
    if (meta.signature) {
        click.beatsPerBar = meta.signature->beatsPerBar;
        click.beatUnit = meta.signature->beatUnit;
    }
    click.firstBeatSeconds = meta.firstDownbeat.value_or(0.0);
    // Only worth a warning when something plays by the song's beat.
    const bool beatMatters = options.click || options.countInBars > 0;
    if (beatMatters && !(options.bpm && options.meter))
        for (const std::string& problem : meta.problems) warn(err, problem);
    if (options.bpm) click.bpm = *options.bpm;
    if (options.meter) {
        click.beatsPerBar = options.meter->first;
        click.beatUnit = options.meter->second;
    }
    return click;
}

// --loop A-B in song frames, checked against the song.
std::pair<std::int64_t, std::int64_t> loopFrames(const CliOptions& options, const Song& song) {
    const auto [a, b] = *options.loop;
    if (b > song.durationSeconds() + 1e-9)
        throw CliError("--loop ends at " + formatSeconds(b) + ", after the end of the song (" +
                       formatSeconds(song.durationSeconds()) + ")");
    const auto start = static_cast<std::int64_t>(std::llround(a * song.sampleRate));
    const auto end = std::min<std::int64_t>(std::llround(b * song.sampleRate), song.frames);
    if (static_cast<double>(end - start) < LoopRegion::kMinLengthMs * song.sampleRate / 1000.0)
        throw CliError("--loop is shorter than " +
                       std::to_string(static_cast<int>(LoopRegion::kMinLengthMs)) + " ms");
    return {start, end};
}

// "12.00 s (2.00 s count-in + 10.00 s song)": what the file holds, from what was written.
std::string lengthSummary(const RenderedFile& file, const CliOptions& options) {
    const auto seconds = [&](std::int64_t frames) {
        return formatSeconds(static_cast<double>(frames) / file.sampleRate);
    };
    const std::string music = options.loop
                                  ? std::to_string(options.loops) +
                                        (options.loops == 1 ? " pass" : " passes") + " of the loop"
                                  : "song";
    if (file.countInFrames <= 0)
        return seconds(file.frames) + (options.loop ? " (" + music + ")" : "");
    return seconds(file.frames) + " (" + seconds(file.countInFrames) + " count-in + " +
           seconds(file.frames - file.countInFrames) + " " + music + ")";
}

int runRender(const CliOptions& options, const CommandContext& context) {
    const Song song = loadSong(options, context);
    // Said before the mix is even read; the renderer checks again before it writes.
    OfflineRenderer::refuseSongFileAsOutput(song, options.output);
    MixControls mix(song.stems.size());
    applyMix(options.mix, song, mix, context.err);

    RenderOptions render;
    render.blockSize = options.block;
    render.format = options.format;
    render.tempo = options.tempo;
    render.pitchCents = options.pitchCents;
    render.click = clickSettings(options, song.folder, context.err);
    if (options.loop) {
        std::tie(render.loopStart, render.loopEnd) = loopFrames(options, song);
        render.loops = options.loops;
    }
    const RenderFilePlan plan = planRenderFile(song, options.output, render);
    if (plan.estimatedBytes > render_limits::kLargeRenderBytes)
        warn(context.err, options.output.string() + " will be about " +
                              byteSizeText(plan.estimatedBytes) +
                              (plan.container == RenderContainer::Rf64
                                   ? " (written as RF64, the WAV for files over 4 GB)"
                                   : ""));
    // Ctrl-C cancels within a block (and leaves no file); a terminal also sees the percentage.
    render.cancel = &context.interrupted;
    const bool showProgress = ::isatty(STDERR_FILENO) == 1;
    if (showProgress)
        render.progress = [&](double fraction) {
            context.err << "\rrendering " << std::lround(fraction * 100) << " %" << std::flush;
            return true;
        };
    RenderedFile written;
    try {
        written = OfflineRenderer::renderToFile(song, mix, options.output, render);
    } catch (const RenderError&) {
        if (showProgress) context.err << '\n';
        if (context.interrupted.load())
            throwInterrupted(options.output.string() + " was not written");
        throw;
    }
    if (showProgress) context.err << '\n';
    printLine(context.out, "wrote " + options.output.string() + ": " +
                               lengthSummary(written, options) + " at " +
                               std::to_string(written.sampleRate) + " Hz");
    return 0;
}

// Inside the play --monitor object, after "device" and "played_s".
void addLatencyStats(Json& json, const LatencyStats& stats) {
    json["enabled"] = stats.enabled;
    json["callbacks"] = stats.callbacks;
    json["window"] = stats.window;
    json["mean_ms"] = stats.meanMs;
    json["min_ms"] = stats.minMs;
    json["max_ms"] = stats.maxMs;
    json["p50_ms"] = stats.p50Ms;
    json["p95_ms"] = stats.p95Ms;
    json["p99_ms"] = stats.p99Ms;
    json["budget_ms"] = stats.budgetMs;
    json["load_pct"] = stats.loadPct;
    json["peak_load_pct"] = stats.peakLoadPct;
    json["dsp_load_pct"] = stats.dspLoadPct;
    json["underflows"] = stats.underflows;
    json["late_callbacks"] = stats.lateCallbacks;
    json["output_latency_ms"] = stats.outputLatencyMs;
    json["sample_rate"] = stats.sampleRate;
    json["frames_per_buffer"] = stats.framesPerBuffer;
}

// Fades out, lets the engine stop the stream once silent, and closes the device.
void stopPlayback(Engine& engine) {
    engine.fadeOut();
    engine.service();
    engine.closeOutput();
}

// Without --rate, a device that can run at the song's own rate is opened there (as the app's
// "follow the song's sample rate"): the song then loads without resampling. Before anything
// plays, so nothing is cut. A song that cannot be scanned is left to the load to report.
void followSongRate(Engine& engine, const CliOptions& options) {
    if (options.rate != 0) return;
    int rate = 0;
    try {
        rate = StemLoader::chooseSampleRate(StemLoader::scan(options.song).probes);
    } catch (const LoadError&) {
        return;
    }
    if (rate == 0 || rate == engine.sampleRate() || !engine.output().supportsRate(rate)) return;
    engine.openOutput(OutputConfig{options.device, rate, options.block});
}

int runPlay(const CliOptions& options, const CommandContext& context) {
    if (options.noWait) throw CliError("--no-wait is for a set (.stemset), whose stops wait");
    Engine engine;
    engine.openOutput(OutputConfig{options.device, options.rate, options.block});
    followSongRate(engine, options);
    // Playing starts at the song's first audio; the rest decodes meanwhile.
    auto decode = decodeSong(options.song, engine.sampleRate(), context);
    engine.setSong(decode);
    warnAboutSkippedFiles(*engine.song(), context.err);
    if (options.from >= engine.durationSeconds())
        throw CliError("--from " + formatSeconds(options.from) + " is past the end of the song (" +
                       formatSeconds(engine.durationSeconds()) + ")");
    engine.setLatencyMonitorEnabled(options.monitor);
    engine.setTempo(options.tempo);
    engine.setPitch(0, options.pitchCents);
    engine.setClick(clickSettings(options, engine.song()->folder, context.err));
    if (options.loop) {
        const auto [start, end] = loopFrames(options, *engine.song());
        engine.setLoop(start, end);
        engine.setLoopEnabled(true);
        if (options.from == 0.0) engine.seekFrames(start);
    }
    if (options.from > 0.0) engine.seekSeconds(options.from);
    engine.play();
    if (!engine.deviceError().empty()) throw AudioDeviceError(engine.deviceError());

    const auto& out = engine.output();
    printLine(context.err, "playing " + options.song.string() + " on " + out.deviceName() + " at " +
                               std::to_string(out.sampleRate()) + " Hz, " +
                               std::to_string(out.framesPerBuffer()) +
                               " frames per buffer (Ctrl-C stops)");
    const auto start = Clock::now();
    bool decoded = false;
    for (;;) {
        std::this_thread::sleep_for(kPlayPollInterval);
        if (!engine.service()) throw AudioDeviceError(engine.deviceError());
        if (!decoded && decode->finished()) {
            decoded = true;
            warnAboutLateIssues(*decode, context.err);
        }
        if (engine.consumeEndOfSong() || context.interrupted.load()) break;
        if (options.seconds && secondsSince(start) >= *options.seconds) break;
    }
    const double played = secondsSince(start);
    stopPlayback(engine);

    if (options.monitor) {
        Json json = {{"device", out.deviceName()}, {"played_s", played}};
        addLatencyStats(json, engine.latencyStats());
        context.out << jsonText(json);
    }
    // Ctrl-C is how playing is meant to stop; SIGTERM and SIGHUP say the process was ended.
    const int signal = Interruption::signalNumber();
    return signal != 0 && signal != SIGINT ? Interruption::exitStatus() : 0;
}

// Stems of `song` stored as 16-bit integers.
int int16StemCount(const Song& song) {
    int count = 0;
    for (const auto& stem : song.stems)
        count += stem.audio.format() == audio::SampleFormat::Int16 ? 1 : 0;
    return count;
}

// The timings of one mix (the whole song at --block, or a --case) as JSON fields.
Json timingFields(const MixTimings& t, int block, int rate) {
    const double budgetUs = 1e6 * block / rate;
    return {{"mix_us_per_block", t.mixMedianUs},
            {"mix_us_per_block_mean", t.mixMeanUs},
            {"read_bound_us_per_block", t.readMedianUs},
            {"read_bound_us_per_block_mean", t.readMeanUs},
            {"ratio", t.readMedianUs > 0 ? t.mixMedianUs / t.readMedianUs : 0.0},
            {"budget_us_per_block", budgetUs},
            {"mix_load_pct", 100.0 * t.mixMedianUs / budgetUs}};
}

// Times the song's first `stems` stems alone at `block` frames: they move into a song of
// their own for the timing and back afterwards (no copy of the samples); stems <= the song's.
Json benchCase(Song& song, int stems, int block, double seconds) {
    Song part;
    part.folder = song.folder;
    part.sampleRate = song.sampleRate;
    const auto count = static_cast<std::ptrdiff_t>(stems);
    for (auto it = song.stems.begin(); it != song.stems.begin() + count; ++it) {
        part.frames = std::max(part.frames, it->frames());
        part.stems.push_back(std::move(*it));
    }
    const MixTimings t = benchmarkMix(part, block, seconds);
    for (std::ptrdiff_t i = 0; i < count; ++i)
        song.stems[static_cast<std::size_t>(i)] =
            std::move(part.stems[static_cast<std::size_t>(i)]);
    Json fields = {{"stems", stems},
                   {"block", block},
                   {"passes", t.passes},
                   {"blocks", t.blocksPerPass * t.passes},
                   {"int16_stems", int16StemCount(part)}};
    fields.update(timingFields(t, block, song.sampleRate));
    return fields;
}

int runBench(const CliOptions& options, const CommandContext& context) {
    const auto loadStart = Clock::now();
    const auto decode = decodeSong(options.song, options.rate, context);
    const double firstAudioSeconds = secondsSince(loadStart);  // playback could start here
    Song song;
    try {
        const InterruptWatch watch([&decode] { decode->cancel(); });
        song = decode->takeWholeSong();  // waits for the rest
    } catch (const LoadError& e) {
        if (e.kind() != LoadError::Kind::Cancelled || !context.interrupted.load()) throw;
        throwInterrupted("stopped loading " + options.song.string());
    }
    const double loadSeconds = secondsSince(loadStart);
    warnAboutSkippedFiles(song, context.err);
    const double residentMb = static_cast<double>(residentBytes()) / 1e6;  // before any mixing
    for (const auto& [stems, block] : options.benchCases)  // refused before any timing
        if (static_cast<std::size_t>(stems) > song.stems.size())
            throw CliError("--case " + std::to_string(stems) + "x" + std::to_string(block) +
                           ": the song has only " + std::to_string(song.stems.size()) + " stems");
    // The timing loop does not poll: from here a signal may end the process as usual.
    Interruption::uninstall();

    const double seconds = options.seconds.value_or(CliOptions::kDefaultBenchSeconds);
    const MixTimings t = benchmarkMix(song, options.block, seconds);

    Json bench = {{"folder", song.folder.string()},
                  {"stems", song.stems.size()},
                  {"rate", song.sampleRate},
                  {"block", options.block},
                  {"seconds", seconds},
                  {"passes", t.passes},
                  {"blocks", t.blocksPerPass * t.passes},
                  {"load_s", loadSeconds},
                  {"first_audio_s", firstAudioSeconds},
                  {"resident_mb", residentMb},
                  {"stored_mb", static_cast<double>(loader::songBytes(song)) / 1e6},
                  {"int16_stems", int16StemCount(song)}};
    bench.update(timingFields(t, options.block, song.sampleRate));
    // What each figure times, for whoever reads the JSON without the README (issue 11).
    bench["timed"] = {
        {"mix",
         "the whole render path: Transport::process per block as the device callback runs it "
         "(stems read as stored, gains/pan/master, loop, stretch and click stages as set, "
         "safety limiter, fade, meters, interleaved into a stereo float buffer)"},
        {"read_bound",
         "reading as many stored samples (int16 or float) block by block, half a song away "
         "from the mix (both from memory), the next block asked for ahead, summed and "
         "nothing written"},
        {"ratio", "mix_us_per_block / read_bound_us_per_block (medians over passes)"}};
    if (!options.benchCases.empty()) {
        Json cases = Json::array();
        for (const auto& [stems, block] : options.benchCases)
            cases.push_back(benchCase(song, stems, block, seconds));
        bench["cases"] = cases;
    }
    context.out << jsonText(bench);
    return 0;
}

}  // namespace

int runCommand(const CliOptions& options, const CommandContext& context) {
    switch (options.command) {
        case Command::Help:
            context.out << usageText();
            return 0;
        case Command::Version:
            context.out << "stemdeck-cli " << STEMDECK_VERSION << '\n';
            return 0;
        case Command::Info:
            return isSet(options.song) ? runSetInfo(options.song, context)
                                       : runInfo(options, context);
        case Command::Check:
            return isSet(options.song) ? runSetCheck(options.song, context)
                                       : runSongCheck(options.song, context);
        case Command::Render:
            return isSet(options.song) ? runSetRender(options, context)
                                       : runRender(options, context);
        case Command::Play:
            return isSet(options.song) ? runSetPlay(options, context) : runPlay(options, context);
        case Command::Bench:
            return runBench(options, context);
        case Command::Serve:
            return runServe(options, context);
        case Command::Analyze:
            return runAnalyze(options, context, loadSong(options, context));
    }
    return 2;
}

}  // namespace stemdeck::cli
