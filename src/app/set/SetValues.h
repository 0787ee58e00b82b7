#pragma once

#include <cstddef>
#include <vector>

#include "stemdeck/app/set/SetList.h"

// One entry of a set file to and from JSON: the checks on each value and the order the known
// keys are written in. Any thread.
namespace stemdeck::app::set {

// The entry at `index` (0-based) of the "songs" list. Each value that cannot be used is said
// in `problems` (naming the entry), left at its default and kept as read in SetEntry::extra.
SetEntry readEntry(const Json& value, std::size_t index, std::vector<SetProblem>& problems);
// The entry's object: known keys in a fixed order (defaults left out), then SetEntry::extra.
Json writeEntry(const SetEntry& entry);

// The set's own keys (guide_cues, guide_cue_level_db) from the top-level object: a value that
// cannot be used is said in `problems` (as the set's), left at its default and kept in
// SetList::extra. `set.extra` must hold the top level's other keys already.
void readSetKeys(const Json& root, SetList& set, std::vector<SetProblem>& problems);
// Adds the set's own keys (defaults left out) to `root`.
void writeSetKeys(const SetList& set, Json& root);

}  // namespace stemdeck::app::set
