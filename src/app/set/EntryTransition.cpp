#include "stemdeck/app/set/EntryTransition.h"

#include <cstdio>
#include <string>

namespace stemdeck::app::set {

audio::SongTransition leadOutOf(const SetEntry& entry) {
    using Kind = audio::SongTransition::Kind;
    switch (entry.transition) {
        case Transition::Stop:
            return {};
        case Transition::Gap:
            return {Kind::Gap, entry.gapSeconds, 0.0};
        case Transition::Segue:
            return {Kind::Segue, 0.0, 0.0};
        case Transition::Crossfade:
            return {Kind::Crossfade, 0.0, entry.crossfadeSeconds};
    }
    return {};
}

std::optional<SetProblem> shortenedCrossfade(std::size_t index, const SetEntry& entry,
                                             double appliedSeconds) {
    if (entry.transition != Transition::Crossfade ||
        !(appliedSeconds < entry.crossfadeSeconds - 0.0005))
        return std::nullopt;
    char text[160];
    std::snprintf(text, sizeof text,
                  "the crossfade of %.2f s is longer than its songs allow; %.2f s applied",
                  entry.crossfadeSeconds, appliedSeconds);
    return SetProblem{SetProblem::Kind::Warning, index + 1, entryLabel(index, entry) + ": " + text};
}

}  // namespace stemdeck::app::set
