#include "stemdeck/app/set/SetCheck.h"

#include <QString>
#include <algorithm>
#include <cstdio>
#include <map>

#include "SecondsText.h"
#include "StemEnds.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/set/EntryTransition.h"
#include "stemdeck/audio/core/ByteSize.h"
#include "stemdeck/audio/loader/MemoryBudget.h"
#include "stemdeck/audio/loader/SongMemory.h"
#include "stemdeck/audio/loader/SongMetaFile.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/audio/transport/CrossfadeRule.h"

namespace stemdeck::app::set {

namespace {

namespace fs = std::filesystem;
using audio::StemLoader;

// Checks one entry's song: its folder, its stems, their rates and ends, its start marker.
class SongChecker {
  public:
    SongChecker(const CheckOptions& options, const MarkerStore& markers,
                std::vector<SetProblem>& problems)
        : options_(options), markers_(markers), problems_(problems) {}

    SongSummary check(std::size_t index, const SetEntry& entry, const fs::path& setFolder) {
        SongSummary song;
        if (entry.path.empty()) return song;  // SetFile::parse said so
        index_ = index;
        label_ = entryLabel(index, entry);
        song.folder = entry.resolve(setFolder);
        currentFolder_ = song.folder;
        entryPath_ = entry.path;
        song.title = song.folder.filename().string();
        if (song.title.empty()) song.title = song.folder.parent_path().filename().string();
        std::error_code ec;
        const auto status = fs::status(song.folder, ec);
        if (!fs::exists(status))
            return coded(Code::NoSongFolder, "no song folder at " + song.folder.string()), song;
        if (!fs::is_directory(status))
            return coded(Code::NotASongFolder,
                         song.folder.string() + " is a file, not a song folder"),
                   song;
        audio::ScannedSong scanned;
        try {
            scanned = StemLoader::scan(song.folder);
        } catch (const audio::LoadError& e) {
            return error(e.what()), song;
        }
        for (const auto& issue : scanned.errors) error(issue.message);
        if (scanned.probes.empty())
            return coded(Code::NoStems, "no stems the loader can take"), song;

        const audio::SongMetaFile meta = audio::SongMetaFile::read(song.folder);
        if (!meta.title.empty()) song.title = meta.title;
        song.found = true;
        song.stems = static_cast<int>(scanned.probes.size());
        song.sampleRate = StemLoader::chooseSampleRate(scanned.probes);
        song.bytes = StemLoader::bytesNeeded(scanned.probes, song.sampleRate);
        for (const auto& probe : scanned.probes)
            song.seconds =
                std::max(song.seconds, static_cast<double>(audio::loader::expectedFrames(probe)) /
                                           probe.sampleRate);
        checkRates(scanned.probes, song.sampleRate);
        if (options_.decodeEnds)
            for (const auto& probe : scanned.probes)
                if (const auto problem = stemEndsProblem(probe)) error(*problem);
        if (!entry.startMarker.empty()) checkMarker(entry.startMarker, song);
        return song;
    }

  private:
    using Code = SetProblem::Code;
    void error(const std::string& what) { add(SetProblem::Kind::Error, what); }
    // An error the windows translate (ProblemText): its code, and the folder it names.
    void coded(Code code, const std::string& what) {
        error(what);
        problems_.back().code = code;
        problems_.back().entryPath = entryPath_;
        problems_.back().folder = currentFolder_.string();
    }
    void add(SetProblem::Kind kind, const std::string& what) {
        problems_.push_back({kind, index_ + 1, label_ + ": " + what});
    }

    // Stems at other rates than the song's are resampled on load: fine, but slower to load.
    void checkRates(const std::vector<audio::StemProbe>& probes, int songRate) {
        std::map<int, int> rates;
        for (const auto& probe : probes) ++rates[probe.sampleRate];
        if (rates.size() < 2) return;
        std::string list;
        for (const auto& [rate, count] : rates)
            list += (list.empty() ? "" : ", ") + std::to_string(count) + " at " +
                    std::to_string(rate) + " Hz";
        add(SetProblem::Kind::Warning, "stems at different rates (" + list +
                                           "): the loader resamples them to " +
                                           std::to_string(songRate) + " Hz, which loads slower");
    }

    void checkMarker(const std::string& name, SongSummary& song) {
        const MarkerStore::Loaded loaded =
            markers_.load(QString::fromStdString(song.folder.string()));
        const QString wanted = QString::fromStdString(name);
        std::string names;
        for (const SongMarker& marker : loaded.markers) {
            if (marker.name == wanted) {
                song.startSeconds = marker.seconds;
                return;
            }
            names += (names.empty() ? "" : ", ") + marker.name.toStdString();
        }
        error("start marker '" + name + "' is not one of the song's markers (" +
              (names.empty() ? std::string("it has none") : names) + ")");
    }

    const CheckOptions& options_;
    const MarkerStore& markers_;
    std::vector<SetProblem>& problems_;
    std::size_t index_ = 0;
    std::string label_;
    fs::path currentFolder_;
    std::string entryPath_;
};

// The largest pair of adjacent songs must fit together: while one plays, the next preloads.
void checkMemory(const SetList& set, const std::vector<SongSummary>& songs,
                 const CheckOptions& options, std::vector<SetProblem>& problems) {
    const audio::loader::MemoryLimit limit = audio::loader::memoryLimit(options.memoryLimitBytes);
    std::size_t largest = 0;
    std::uint64_t largestBytes = 0;
    for (std::size_t i = 0; i < songs.size(); ++i) {
        const std::uint64_t next = i + 1 < songs.size() ? songs[i + 1].bytes : 0;
        if (songs[i].bytes + next > largestBytes) {
            largestBytes = songs[i].bytes + next;
            largest = i;
        }
    }
    if (largestBytes <= limit.bytes) return;
    const bool pair = largest + 1 < songs.size();
    const std::string who = pair ? entryLabel(largest, set.songs[largest]) + " and " +
                                       entryLabel(largest + 1, set.songs[largest + 1]) + " need " +
                                       audio::byteSizeText(largestBytes) +
                                       " together (one plays while the next loads)"
                                 : entryLabel(largest, set.songs[largest]) + " needs " +
                                       audio::byteSizeText(largestBytes);
    problems.push_back({SetProblem::Kind::Error, largest + 1, who + "; " + limit.text});
}

// Entry i's crossfade as it plays (CrossfadeRule.h): shortened to the outgoing song's length
// from its start marker and to the incoming one's, each at its entry's tempo. Seconds.
double appliedCrossfadeSeconds(const SetList& set, const std::vector<SongSummary>& songs,
                               std::size_t i) {
    const auto heard = [&](std::size_t k) {
        return std::max(0.0, songs[k].seconds - songs[k].startSeconds) / set.songs[k].tempo;
    };
    return audio::appliedCrossfade(set.songs[i].crossfadeSeconds, heard(i), heard(i + 1));
}

// A crossfade longer than its songs allow plays shortened: said, as a warning.
void checkCrossfades(const SetList& set, const std::vector<SongSummary>& songs,
                     std::vector<SetProblem>& problems) {
    for (std::size_t i = 0; i + 1 < set.songs.size(); ++i) {
        if (!songs[i].found || !songs[i + 1].found) continue;
        if (auto problem =
                shortenedCrossfade(i, set.songs[i], appliedCrossfadeSeconds(set, songs, i)))
            problems.push_back(std::move(*problem));
    }
}

}  // namespace

SetReport SetCheck::run(const SetList& set, const fs::path& setFolder,
                        const CheckOptions& options) {
    SetReport report;
    const MarkerStore fallback;
    SongChecker checker(options, options.markers ? *options.markers : fallback, report.problems);
    report.songs.reserve(set.songs.size());
    for (std::size_t i = 0; i < set.songs.size(); ++i)
        report.songs.push_back(checker.check(i, set.songs[i], setFolder));
    checkCrossfades(set, report.songs, report.problems);
    checkMemory(set, report.songs, options, report.problems);
    sortProblems(report.problems);
    report.totalSeconds = totalSeconds(set, report.songs);
    return report;
}

SongSummary SetCheck::checkSong(std::size_t index, const SetEntry& entry, const fs::path& setFolder,
                                const CheckOptions& options, std::vector<SetProblem>& problems) {
    const MarkerStore fallback;
    SongChecker checker(options, options.markers ? *options.markers : fallback, problems);
    return checker.check(index, entry, setFolder);
}

namespace {
// What entry i adds to the set as heard: its song at its tempo and its transition into the
// next one (the last song's transition has no effect). Each term depends on i and i + 1 only.
double entrySeconds(const SetList& set, const std::vector<SongSummary>& songs, std::size_t i,
                    std::size_t n) {
    const SetEntry& entry = set.songs[i];
    double seconds = songs[i].seconds / entry.tempo;
    if (i + 1 == n) return seconds;
    if (entry.transition == Transition::Gap) seconds += entry.gapSeconds;
    if (entry.transition == Transition::Crossfade)
        seconds -= appliedCrossfadeSeconds(set, songs, i);
    return seconds;
}
}  // namespace

double SetCheck::totalSeconds(const SetList& set, const std::vector<SongSummary>& songs) {
    double total = 0.0;
    const std::size_t n = std::min(set.songs.size(), songs.size());
    for (std::size_t i = 0; i < n; ++i) total += entrySeconds(set, songs, i, n);
    return total;
}

std::vector<double> SetCheck::secondsFrom(const SetList& set,
                                          const std::vector<SongSummary>& songs) {
    const std::size_t n = std::min(set.songs.size(), songs.size());
    std::vector<double> from(n + 1, 0.0);
    for (std::size_t i = n; i-- > 0;) from[i] = from[i + 1] + entrySeconds(set, songs, i, n);
    return from;
}

}  // namespace stemdeck::app::set
