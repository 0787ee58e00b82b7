#include "SetCommands.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <stdexcept>
#include <string>

#include "JsonText.h"
#include "Printable.h"
#include "stemdeck/app/set/SetCheck.h"
#include "stemdeck/app/set/SetFile.h"

namespace stemdeck::cli {

namespace {

namespace fs = std::filesystem;
using app::set::ParsedSet;
using app::set::SetCheck;
using app::set::SetEntry;
using app::set::SetFile;
using app::set::SetList;
using app::set::SetProblem;
using app::set::SetReport;
using app::set::SongSummary;
using app::set::Transition;

// A number as the file would write it: 4 for 4.0.
Json number(double value) {
    if (std::trunc(value) == value && std::abs(value) < 1e15)
        return static_cast<std::int64_t>(value);
    return value;
}

Json problemsJson(const std::vector<SetProblem>& problems) {
    Json list = Json::array();
    for (const SetProblem& problem : problems)
        list.push_back({{"entry", problem.entry},
                        {"kind", problem.isError() ? "error" : "warning"},
                        {"message", problem.message}});
    return list;
}

Json transitionJson(const SetEntry& entry, bool last) {
    Json json = {{"type", std::string(app::set::transitionName(entry.transition))}};
    if (entry.transition == Transition::Gap) json["gap_s"] = number(entry.gapSeconds);
    if (entry.transition == Transition::Crossfade)
        json["crossfade_s"] = number(entry.crossfadeSeconds);
    if (last) json["effect"] = "none (the last song)";
    return json;
}

Json songJson(std::size_t index, const SetEntry& entry, const SongSummary& song, bool last) {
    Json json = {{"entry", index + 1},
                 {"path", entry.path},
                 {"folder", song.folder.string()},
                 {"title", song.title},
                 {"found", song.found},
                 {"stems", song.stems},
                 {"rate", song.sampleRate},
                 {"duration", song.seconds},
                 {"duration_at_tempo", song.seconds / entry.tempo},
                 {"tempo", number(entry.tempo)},
                 {"pitch", number(entry.pitchSemitones)},
                 {"cents", number(entry.cents)},
                 {"click", entry.click},
                 {"count_in", entry.countInBars},
                 {"start_marker", entry.startMarker},
                 {"transition", transitionJson(entry, last)}};
    return json;
}

// The file's problems and the check's, entry by entry (app::set::sortProblems).
std::vector<SetProblem> allProblems(const ParsedSet& parsed, const SetReport& report) {
    std::vector<SetProblem> all = parsed.problems;
    all.insert(all.end(), report.problems.begin(), report.problems.end());
    app::set::sortProblems(all);
    return all;
}

std::string durationText(double seconds) {
    const auto total = static_cast<long long>(std::llround(seconds));
    char text[32];
    std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
    return text;
}

int printProblems(const std::vector<SetProblem>& problems, std::size_t songs, double seconds,
                  const CommandContext& context) {
    std::size_t errors = 0;
    for (const SetProblem& problem : problems) {
        errors += problem.isError() ? 1 : 0;
        printLine(context.out, problem.line());
    }
    const std::size_t warnings = problems.size() - errors;
    const std::string counts = std::to_string(errors) + (errors == 1 ? " error, " : " errors, ") +
                               std::to_string(warnings) +
                               (warnings == 1 ? " warning" : " warnings");
    printLine(context.out, std::to_string(songs) + (songs == 1 ? " song" : " songs") + " (" +
                               durationText(seconds) + ") checked: " + counts);
    return errors > 0 ? 1 : 0;
}

}  // namespace

bool isSet(const fs::path& path) {
    return SetFile::isSetPath(path);
}

int runSetInfo(const fs::path& file, const CommandContext& context) {
    const ParsedSet parsed = SetFile::read(file);
    if (!parsed.readable) throw std::runtime_error(parsed.problems.front().message);
    const SetReport report = SetCheck::run(parsed.set, fs::absolute(file).parent_path());
    Json songs = Json::array();
    const auto& entries = parsed.set.songs;
    for (std::size_t i = 0; i < entries.size(); ++i)
        songs.push_back(songJson(i, entries[i], report.songs[i], i + 1 == entries.size()));
    const Json info = {{"set", file.string()},
                       {"name", parsed.set.name},
                       {"songs", songs},
                       {"duration", report.totalSeconds},
                       {"problems", problemsJson(allProblems(parsed, report))}};
    context.out << jsonText(info);
    return 0;
}

int runSetCheck(const fs::path& file, const CommandContext& context) {
    const ParsedSet parsed = SetFile::read(file);
    if (!parsed.readable) return printProblems(parsed.problems, 0, 0.0, context);
    const SetReport report = SetCheck::run(parsed.set, fs::absolute(file).parent_path());
    return printProblems(allProblems(parsed, report), parsed.set.songs.size(), report.totalSeconds,
                         context);
}

int runSongCheck(const fs::path& folder, const CommandContext& context) {
    SetList one;
    SetEntry entry;
    entry.path = folder.string();
    one.songs.push_back(entry);
    const SetReport report = SetCheck::run(one, fs::current_path());
    return printProblems(report.problems, 1, report.totalSeconds, context);
}

}  // namespace stemdeck::cli
