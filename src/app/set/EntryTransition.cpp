#include "stemdeck/app/set/EntryTransition.h"

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

}  // namespace stemdeck::app::set
