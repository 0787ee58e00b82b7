#include "SetRender.h"

#include <unistd.h>

#include <QByteArray>
#include <QFile>
#include <QString>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "EntryClick.h"
#include "Interruption.h"
#include "Printable.h"
#include "QtPath.h"
#include "SavedMix.h"
#include "stemdeck/app/AppIdentity.h"
#include "stemdeck/app/GuideCueClips.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/set/EntryTransition.h"
#include "stemdeck/app/set/SetCheck.h"
#include "stemdeck/app/set/SetFile.h"
#include "stemdeck/audio/core/ByteSize.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/SongMemory.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/audio/loader/StemNames.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/render/OfflineRenderer.h"
#include "stemdeck/audio/render/RenderFile.h"
#include "stemdeck/voice/CueVoice.h"

namespace stemdeck::cli {

namespace {

namespace fs = std::filesystem;
using namespace stemdeck::audio;
using app::set::leadOutOf;
using app::set::ParsedSet;
using app::set::SetEntry;
using app::set::SetFile;
using app::set::SetProblem;
using app::set::Transition;

std::string secondsText(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f s", seconds);
    return text;
}

[[noreturn]] void throwInterrupted(const fs::path& output) {
    throw InterruptedError("interrupted by " + Interruption::signalName() + "; " + output.string() +
                           " was not written");
}

// The first option given that means something for one song only; empty when none is. A set's
// entries carry their own tempo, pitch, click and count-in, and each song its own saved mix.
std::string renderSongOnlyOption(const CliOptions& o) {
    if (!o.mix.source.empty() && o.mix.source != "saved") return "--mix FILE";
    if (!o.mix.gainsDb.empty()) return "--gain";
    if (!o.mix.pans.empty()) return "--pan";
    if (!o.mix.mutes.empty()) return "--mute";
    if (!o.mix.solos.empty()) return "--solo";
    if (o.mix.masterDb) return "--master";
    if (o.loop) return "--loop";
    if (o.tempo != 1.0) return "--tempo";
    if (o.pitchCents != 0.0) return "--pitch/--cents";
    if (o.click) return "--click";
    if (o.countInBars != 0) return "--count-in";
    if (o.bpm) return "--bpm";
    if (o.meter) return "--meter";
    return {};
}

// Every problem of the render, each one line naming the entry (as `check SET` says them).
class Problems {
  public:
    void error(std::size_t i, const SetEntry& entry, const std::string& what) {
        list.push_back(
            {SetProblem::Kind::Error, i + 1, app::set::entryLabel(i, entry) + ": " + what});
    }
    void warning(std::size_t i, const SetEntry& entry, const std::string& what) {
        list.push_back(
            {SetProblem::Kind::Warning, i + 1, app::set::entryLabel(i, entry) + ": " + what});
    }
    std::vector<SetProblem> list;
};

// An entry whose song passed SetCheck's checks: what it takes to load it.
struct Prepared {
    std::size_t index = 0;  // in the set file, 0-based
    app::set::SongSummary song;
    std::string key;  // entries of the same song share one loaded song, whatever their start
};

// The entry's song checked as `check SET` checks it (SetCheck::checkSong: folder, stems, their
// ends, the start marker); none when that found an error, which names the entry.
std::optional<Prepared> prepare(std::size_t i, const SetEntry& entry, const fs::path& setFolder,
                                Problems& problems) {
    if (!entry.unreadable.is_null()) return std::nullopt;  // SetFile::parse said so
    const std::size_t before = problems.list.size();
    Prepared p;
    p.index = i;
    p.song = app::set::SetCheck::checkSong(i, entry, setFolder, {}, problems.list);
    const bool failed = std::any_of(problems.list.begin() + static_cast<std::ptrdiff_t>(before),
                                    problems.list.end(),
                                    [](const SetProblem& problem) { return problem.isError(); });
    if (failed || !p.song.found) return std::nullopt;
    std::error_code ec;
    p.key = fs::weakly_canonical(p.song.folder, ec).string();
    return p;
}

// OUT must not be the set file nor a file of any entry's song folder, found or not loadable:
// said before anything loads (the renderer checks the loaded songs again, links included).
void refuseSourceAsOutput(const fs::path& setFile, const ParsedSet& parsed,
                          const fs::path& output) {
    std::error_code ec;
    if (fs::equivalent(setFile, output, ec))
        throw RenderError(output.string() + " is the set file; choose another output file");
    if (!fs::exists(output, ec)) return;
    const fs::path parent = fs::weakly_canonical(fs::absolute(output), ec).parent_path();
    const fs::path setFolder = fs::absolute(setFile).parent_path();
    for (std::size_t i = 0; i < parsed.set.songs.size(); ++i) {
        const SetEntry& entry = parsed.set.songs[i];
        if (entry.path.empty()) continue;
        const fs::path folder = fs::weakly_canonical(entry.resolve(setFolder), ec);
        if (parent == folder || parent == folder / "tracks")
            throw RenderError(output.string() + " is a file of the song of " +
                              app::set::entryLabel(i, entry) +
                              "; a render never writes over a song's files");
    }
}

// The set render holds every song at once (OfflineRenderer::renderSetToFile takes them all):
// refused before any decoding when they do not fit together.
void checkMemory(const std::vector<Prepared>& songs, int rate) {
    std::map<std::string, std::uint64_t> unique;
    for (const Prepared& p : songs)  // decoded at the set's rate: about in proportion
        unique[p.key] = static_cast<std::uint64_t>(static_cast<double>(p.song.bytes) * rate /
                                                   std::max(1, p.song.sampleRate));
    std::uint64_t total = 0;
    for (const auto& [key, bytes] : unique) total += bytes;
    const loader::MemoryLimit limit = loader::memoryLimit(0);
    if (total <= limit.bytes) return;
    throw std::runtime_error("the set's " + std::to_string(unique.size()) + " songs need " +
                             byteSizeText(total) +
                             " together, and a set render holds them all at once; " + limit.text);
}

// One song of the render, loaded once however many entries play it.
struct LoadedSong {
    Song song;
    MixControls mix;
    explicit LoadedSong(Song loaded) : song(std::move(loaded)), mix(song.stems.size()) {}
};

// The song's mix as the app saved it, when it saved one; the default mix otherwise.
void applySavedMix(LoadedSong& loaded, std::size_t i, const SetEntry& entry, Problems& problems) {
    app::setApplicationIdentity();
    if (!QFile::exists(app::MixStore().fileFor(qtPath(loaded.song.folder)))) return;
    try {
        const MixFromFile from = readMix("saved", loaded.song.folder, stemNames(loaded.song));
        for (const std::string& warning : from.warnings) problems.warning(i, entry, warning);
        loaded.mix.apply(from.mix);
    } catch (const std::runtime_error& e) {
        problems.warning(i, entry, std::string(e.what()) + "; rendered with the default mix");
    }
}

std::unique_ptr<LoadedSong> loadSong(Prepared& p, const SetEntry& entry, int rate,
                                     Problems& problems, const CommandContext& context,
                                     const fs::path& output) {
    LoadOptions load;
    load.targetRate = rate;
    LoadProgress progress;
    Song song;
    try {
        const InterruptWatch watch([&progress] { progress.requestCancel(); });
        song = StemLoader::load(p.song.folder, load, &progress);
    } catch (const LoadError& e) {
        if (context.interrupted.load()) throwInterrupted(output);
        return problems.error(p.index, entry, e.what()), nullptr;
    }
    if (context.interrupted.load()) throwInterrupted(output);
    for (const FileIssue& issue : song.errors) problems.error(p.index, entry, issue.message);
    if (!song.errors.empty()) return nullptr;
    for (const FileIssue& issue : song.warnings) problems.warning(p.index, entry, issue.message);
    if (p.song.sampleRate != rate)
        problems.warning(p.index, entry,
                         "resampled from " + std::to_string(p.song.sampleRate) +
                             " Hz to the set's " + std::to_string(rate) + " Hz");
    OfflineRenderer::refuseSongFileAsOutput(song, output);
    if (song.frames <= 0) return problems.error(p.index, entry, "no audio"), nullptr;
    auto loaded = std::make_unique<LoadedSong>(std::move(song));
    applySavedMix(*loaded, p.index, entry, problems);
    return loaded;
}

// The entry's click (entryClick), its meta.json's problems said naming the entry.
ClickSettings clickOf(std::size_t i, const SetEntry& entry, const fs::path& folder, float levelDb,
                      Problems& problems) {
    std::vector<std::string> metaProblems;
    const ClickSettings click = entryClick(entry, folder, levelDb, metaProblems);
    for (const std::string& problem : metaProblems) problems.warning(i, entry, problem);
    return click;
}

// A crossfade longer than its songs allow (as rendered: after the songs left out, at tempo,
// from the start marker) plays shortened, as live (CrossfadeRule.h): said naming the entry.
void checkCrossfades(const std::vector<SetRenderEntry>& render,
                     const std::vector<std::size_t>& index, const std::vector<SetEntry>& entries,
                     Problems& problems) {
    for (std::size_t k = 0; k + 1 < render.size(); ++k) {
        const SongTransition& lead = render[k].leadOut;
        if (lead.kind != SongTransition::Kind::Crossfade) continue;
        const int rate = render[k].song->sampleRate;
        const std::int64_t fade = OfflineRenderer::crossfadeFrames(render[k], render[k + 1]);
        if (auto problem = app::set::shortenedCrossfade(index[k], entries[index[k]],
                                                        static_cast<double>(fade) / rate))
            problems.list.push_back(std::move(*problem));
    }
}

void printProblems(std::vector<SetProblem>& problems, std::ostream& err) {
    app::set::sortProblems(problems);
    for (const SetProblem& problem : problems) printLine(err, "stemdeck-cli: " + problem.line());
}

}  // namespace

int runSetRender(const CliOptions& options, const CommandContext& context) {
    if (const std::string option = renderSongOnlyOption(options); !option.empty())
        throw CliError(option +
                       " is for one song; in a set each entry has its own settings and each "
                       "song its saved mix (docs/SETS.md)");
    const fs::path& file = options.song;
    const ParsedSet parsed = SetFile::read(file);
    if (!parsed.readable) throw std::runtime_error(parsed.problems.front().message);
    const std::vector<SetEntry>& entries = parsed.set.songs;
    if (entries.empty()) throw std::runtime_error(file.string() + " lists no songs");
    refuseSourceAsOutput(file, parsed, options.output);
    planRenderFile(options.output, options.format, 0);  // a format it cannot write: said first

    Problems problems;
    problems.list = parsed.problems;
    const fs::path setFolder = fs::absolute(file).parent_path();
    std::vector<Prepared> prepared;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (auto p = prepare(i, entries[i], setFolder, problems)) prepared.push_back(std::move(*p));
    if (prepared.empty()) {
        printProblems(problems.list, context.err);
        throw std::runtime_error("no song of " + file.string() + " can be rendered");
    }
    // One rate for the file: --rate, else the first song's; the loader resamples the others,
    // as live playback plays every song at the device's rate.
    const int rate = options.rate != 0 ? options.rate : prepared.front().song.sampleRate;
    checkMemory(prepared, rate);

    // The set's spoken cues, made as the app makes them live (app::guideCueClips).
    std::optional<voice::CueVoice> voice;
    if (parsed.set.guideCues) {
        voice.emplace(rate);
        if (!voice->available())
            printLine(context.err, "stemdeck-cli: warning: " + voice->message());
    }
    const app::MarkerStore markerStore;

    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    std::map<std::string, std::unique_ptr<LoadedSong>> songs;
    std::vector<SetRenderEntry> render;
    std::vector<std::size_t> index;  // render[k] is entries[index[k]]
    for (std::size_t n = 0; n < prepared.size(); ++n) {
        Prepared& p = prepared[n];
        const SetEntry& entry = entries[p.index];
        if (terminal)
            context.err << "\rloading song " << n + 1 << " of " << prepared.size() << std::flush;
        auto& loaded = songs[p.key];
        if (!loaded) loaded = loadSong(p, entry, rate, problems, context, options.output);
        if (!loaded) continue;
        // The engine starts the song at its start marker (SetRenderEntry::startFrame), as
        // Engine::cueNext does live.
        const auto start = std::llround(p.song.startSeconds * loaded->song.sampleRate);
        if (start >= loaded->song.frames) {
            problems.error(p.index, entry, "nothing to play after its start marker");
            continue;
        }
        SetRenderEntry out;
        out.song = &loaded->song;
        out.startFrame = start;
        out.mix = &loaded->mix;
        out.tempo = entry.tempo;
        out.pitchCents = entry.pitchCents();
        out.click = clickOf(p.index, entry, p.song.folder, options.clickLevelDb, problems);
        out.leadOut = leadOutOf(entry);
        if (voice && voice->available()) {
            const auto markers = markerStore.load(qtPath(p.song.folder)).markers;
            out.cues = app::guideCueClips(markers, out.click, loaded->song.sampleRate, *voice);
            out.cueLevelDb = static_cast<float>(parsed.set.guideCueLevelDb);
        }
        render.push_back(std::move(out));
        index.push_back(p.index);
    }
    if (terminal) context.err << '\n';
    if (render.empty()) {
        printProblems(problems.list, context.err);
        throw std::runtime_error("no song of " + file.string() + " can be rendered");
    }
    checkCrossfades(render, index, entries, problems);
    printProblems(problems.list, context.err);

    RenderOptions settings;
    settings.blockSize = options.block;
    settings.format = options.format;
    settings.cancel = &context.interrupted;
    const std::int64_t frames = OfflineRenderer::setFrames(render);
    const RenderFilePlan plan = planRenderFile(options.output, options.format, frames);
    if (plan.estimatedBytes > render_limits::kLargeRenderBytes)
        printLine(context.err, "stemdeck-cli: warning: " + options.output.string() +
                                   " will be about " + byteSizeText(plan.estimatedBytes));
    if (terminal)
        settings.progress = [&](double fraction) {
            context.err << "\rrendering " << std::lround(fraction * 100) << " %" << std::flush;
            return true;
        };
    RenderedFile written;
    try {
        written = OfflineRenderer::renderSetToFile(render, options.output, settings);
    } catch (const RenderError&) {
        if (terminal) context.err << '\n';
        if (context.interrupted.load()) throwInterrupted(options.output);
        throw;
    }
    if (terminal) context.err << '\n';
    const std::size_t left = entries.size() - render.size();
    printLine(context.out,
              "wrote " + options.output.string() + ": " +
                  secondsText(static_cast<double>(written.frames) / written.sampleRate) + ", " +
                  std::to_string(render.size()) + (render.size() == 1 ? " song" : " songs") +
                  (left > 0 ? " (" + std::to_string(left) + " of the set's " +
                                  std::to_string(entries.size()) + " left out)"
                            : "") +
                  " at " + std::to_string(written.sampleRate) + " Hz");
    return app::set::hasErrors(problems.list) ? 1 : 0;
}

}  // namespace stemdeck::cli
