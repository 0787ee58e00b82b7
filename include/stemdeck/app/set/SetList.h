#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A setlist: the songs of a rehearsal or a show in order, each with how it leads into the
// next and the rehearsal settings it is played with. A plain value (docs/SETS.md describes
// the file); SetFile reads and writes it, SetCheck verifies its songs. Any thread, one at a
// time per value.
namespace stemdeck::app::set {

// Unknown keys are kept in their order as read, so a newer stemdeck's fields survive a save.
using Json = nlohmann::ordered_json;

// How a song leads into the next one. The last song's has no effect.
enum class Transition {
    Stop,       // stop at the end; the next song is cued and starts on the next play
    Gap,        // the next song starts after gap_s of silence
    Segue,      // gapless: the next song's first sample follows this one's last
    Crossfade,  // the next song starts crossfade_s before this one ends (equal power)
};

// "stop", "gap", "segue", "crossfade".
std::string_view transitionName(Transition transition);
// The transition a file names; none for anything else (names are lower case).
std::optional<Transition> transitionFromName(std::string_view name);

// Bounds of the per-song values a set file may give (the rehearsal ones are the engine's:
// audio/core/Limits.h).
inline constexpr double kMaxGapSeconds = 600.0;
inline constexpr double kMaxCrossfadeSeconds = 30.0;
inline constexpr double kDefaultGapSeconds = 2.0;
inline constexpr double kDefaultCrossfadeSeconds = 3.0;
// Spoken guide cues (the set's guide_cue_level_db), as audio::GuideCues takes them.
inline constexpr double kMinGuideCueLevelDb = -40.0;
inline constexpr double kDefaultGuideCueLevelDb = -6.0;
// A set file holds a few kB per hundred songs: a bigger file is not a set.
inline constexpr std::uintmax_t kMaxSetFileBytes = 16u << 20;

struct SetEntry {
    std::string path;  // as written: relative to the set file's folder, or absolute (UTF-8)
    Transition transition = Transition::Stop;
    double gapSeconds = kDefaultGapSeconds;              // Gap only
    double crossfadeSeconds = kDefaultCrossfadeSeconds;  // Crossfade only
    double tempo = 1.0;                                  // ratio, limits::k*TempoRatio
    double pitchSemitones = 0.0;
    double cents = 0.0;
    bool click = false;
    int countInBars = 0;
    std::string startMarker;  // empty: the song's start
    // Keys stemdeck does not know, and known keys whose value could not be used, as read:
    // written back unchanged after the known ones.
    Json extra = Json::object();
    // An entry that is not a JSON object at all, kept verbatim so a save does not lose it;
    // null for a normal entry.
    Json unreadable;

    // The song folder: `path` against `setFolder` unless it is absolute.
    std::filesystem::path resolve(const std::filesystem::path& setFolder) const;
    double pitchCents() const { return 100.0 * pitchSemitones + cents; }
    // Whether the song plays alike from both: the same transition, start and rehearsal
    // settings (the path and the keys kept for a save aside). Next to the fields, so a new
    // setting is not forgotten where a cued song is kept or cued again.
    bool playsLike(const SetEntry& other) const;
};

struct SetList {
    std::string name;
    std::vector<SetEntry> songs;
    // Spoken cues before each marked section, on the click's outputs (GuideCues).
    bool guideCues = false;
    double guideCueLevelDb = kDefaultGuideCueLevelDb;
    Json extra = Json::object();  // unknown top-level keys, as read
};

// One thing wrong with a set, said on one line. `entry` is 1-based (0: the set as a whole);
// the message already names the entry ("entry 3 (Reunion): ...").
struct SetProblem {
    enum class Kind { Error, Warning };
    // What went wrong, for the windows to say in the user's language (ProblemText); `message`
    // stays the English line the CLI prints. Other: only `message` says it.
    enum class Code { Other, NoSongFolder, NotASongFolder, NoStems };
    Kind kind = Kind::Error;
    std::size_t entry = 0;
    std::string message;
    Code code = Code::Other;
    // The code's arguments: the entry's path as written, the song folder it resolves to.
    std::string entryPath{};
    std::string folder{};

    bool isError() const { return kind == Kind::Error; }
    // "error: entry 3 (Reunion): ..." / "warning: ...": how the CLI prints it.
    std::string line() const;
};

// "entry 3 (Reunion)": how every message names an entry (`index` 0-based, the path as written,
// made one printable line by the caller that shows it).
std::string entryLabel(std::size_t index, const SetEntry& entry);

bool hasErrors(const std::vector<SetProblem>& problems);
// Problems in entry order (the set's own first), an entry's errors before its warnings, each
// group as it came.
void sortProblems(std::vector<SetProblem>& problems);

}  // namespace stemdeck::app::set
