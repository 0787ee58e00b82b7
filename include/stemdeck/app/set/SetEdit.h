#pragma once

#include <string>
#include <vector>

#include "stemdeck/app/set/SetList.h"

// One edit made to a SetSession, with what it takes to make it again or take it back: the
// undo history (ui/SetUndo) is built from these, so the app layer needs no QtGui. A plain
// value; any thread.
namespace stemdeck::app::set {

struct SetEdit {
    enum class Kind {
        Insert,  // `entries` went in before `row`
        Remove,  // `entries` (as they were) came out from `row`
        Move,    // `count` rows at `row` moved before `to` (QAbstractItemModel::moveRows)
        Entry,   // the entry at `row` went from entries[0] to entries[1]
        Name,    // the set's name went from `nameBefore` to `nameAfter`
    };
    Kind kind = Kind::Insert;
    int row = 0;
    int count = 0;
    int to = 0;
    std::vector<SetEntry> entries;
    std::string nameBefore;
    std::string nameAfter;
};

}  // namespace stemdeck::app::set
