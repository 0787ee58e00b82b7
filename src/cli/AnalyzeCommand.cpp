#include "AnalyzeCommand.h"

#include <cmath>
#include <ostream>
#include <string>
#include <vector>

#include "Interruption.h"
#include "JsonText.h"
#include "Printable.h"
#include "stemdeck/analysis/AnalysisSource.h"
#include "stemdeck/analysis/SongAnalyzer.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/loader/SongMetaFile.h"

namespace stemdeck::cli {

namespace {

// Milliseconds are plenty for a beat and keep the output readable.
double rounded(double seconds) {
    return std::round(seconds * 1000.0) / 1000.0;
}

Json times(const std::vector<double>& seconds) {
    Json list = Json::array();
    for (const double t : seconds) list.push_back(rounded(t));
    return list;
}

Json names(const std::vector<std::string>& stems) {
    Json list = Json::array();
    for (const auto& stem : stems) list.push_back(stem);
    return list;
}

}  // namespace

int runAnalyze(const CliOptions& options, const CommandContext& context, const audio::Song& song) {
    if (song.stems.empty() || song.frames == 0)
        throw std::runtime_error("nothing to analyse in " + options.song.string());
    const audio::SongMetaFile meta = audio::SongMetaFile::read(song.folder);
    for (const auto& problem : meta.problems)
        printLine(context.err, "stemdeck-cli: warning: " + problem);
    analysis::AnalysisOptions analysisOptions;
    analysisOptions.beatsPerBar = 0;  // found (3 or 4) unless meta.json says it
    if (meta.signature && meta.signature->beatsPerBar >= 2 && meta.signature->beatsPerBar <= 16)
        analysisOptions.beatsPerBar = meta.signature->beatsPerBar;
    analysisOptions.sections = options.sections;

    std::vector<std::string> rhythmStems;
    std::vector<std::string> tonalStems;
    analysis::AnalysisResult result;
    try {
        const auto input = analysis::AnalysisSource::fromSong(song, &rhythmStems, &tonalStems);
        result = analysis::SongAnalyzer::analyze(input, analysisOptions, &context.interrupted);
    } catch (const analysis::AnalysisCancelled&) {
        throw InterruptedError("interrupted by " + Interruption::signalName() +
                               "; the analysis of " + options.song.string() + " was stopped");
    }
    Json out = {{"bpm", result.bpm > 0.0 ? Json(std::round(result.bpm * 100.0) / 100.0) : Json()},
                {"beats", times(result.beats)},
                {"downbeats", times(result.downbeats)},
                {"beats_per_bar", result.beatsPerBar},
                {"meter_confidence", std::round(result.meterConfidence * 1000.0) / 1000.0},
                {"key", result.key.empty() ? Json() : Json(result.key)},
                {"confidence", std::round(result.confidence * 1000.0) / 1000.0},
                {"key_confidence", std::round(result.keyConfidence * 1000.0) / 1000.0},
                {"rhythm_stems", names(rhythmStems)},
                {"tonal_stems", names(tonalStems)}};
    if (options.sections) out["sections"] = times(result.sections);
    context.out << jsonText(out);
    return 0;
}

}  // namespace stemdeck::cli
