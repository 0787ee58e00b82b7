// libFuzzer target: a set file's bytes (SetFile::parse is read() without the file). Whatever
// the bytes, parsing never throws; a file that is not a set is one problem and no songs; in a
// set every value is within its range, every problem names an entry the set has, and writing
// the set then reading it back gives the same songs and the same text.
#include <cmath>
#include <string_view>

#include "FuzzSupport.h"
#include "stemdeck/app/set/SetFile.h"
#include "stemdeck/audio/core/Limits.h"

using namespace stemdeck;
using namespace stemdeck::app::set;
using fuzz::check;

namespace {

bool within(double value, double low, double high) {
    return std::isfinite(value) && value >= low && value <= high;
}

void checkEntry(const SetEntry& entry) {
    namespace limits = audio::limits;
    check(within(entry.tempo, limits::kMinTempoRatio, limits::kMaxTempoRatio));
    check(within(entry.pitchCents(), -limits::kMaxPitchCents, limits::kMaxPitchCents));
    check(within(entry.gapSeconds, 0.0, kMaxGapSeconds));
    check(within(entry.crossfadeSeconds, 0.0, kMaxCrossfadeSeconds) && entry.crossfadeSeconds > 0);
    check(entry.countInBars >= 0 && entry.countInBars <= limits::kMaxCountInBars);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // A folder that does not exist: paths resolve against it without touching a real song.
    const std::filesystem::path folder = "/nonexistent/stemdeck-fuzz";
    const ParsedSet parsed = SetFile::parse(bytes, folder);
    if (!parsed.readable) {
        check(parsed.set.songs.empty() && parsed.problems.size() == 1);
        check(parsed.problems.front().isError() && parsed.problems.front().entry == 0);
        check(!parsed.problems.front().message.empty());
        return 0;
    }
    for (const SetProblem& problem : parsed.problems) {
        check(problem.entry <= parsed.set.songs.size() && !problem.message.empty());
        if (problem.entry > 0) {
            const std::string label =
                entryLabel(problem.entry - 1, parsed.set.songs[problem.entry - 1]);
            check(problem.message.rfind(label + ": ", 0) == 0);
        }
    }
    for (const SetEntry& entry : parsed.set.songs) checkEntry(entry);

    // What a save writes reads back as the same set, and writes the same bytes again.
    const std::string text = SetFile::serialize(parsed.set);
    const ParsedSet again = SetFile::parse(text, folder);
    check(again.readable && again.set.songs.size() == parsed.set.songs.size());
    check(again.set.name == parsed.set.name);
    for (std::size_t i = 0; i < again.set.songs.size(); ++i) {
        const SetEntry& a = parsed.set.songs[i];
        const SetEntry& b = again.set.songs[i];
        check(a.path == b.path && a.transition == b.transition && a.click == b.click &&
              a.countInBars == b.countInBars && a.startMarker == b.startMarker);
        check(a.tempo == b.tempo && a.pitchCents() == b.pitchCents());
    }
    check(SetFile::serialize(again.set) == text);
    return 0;
}
