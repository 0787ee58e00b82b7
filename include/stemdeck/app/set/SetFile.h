#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "stemdeck/app/set/SetList.h"

// Reading and writing .stemset files (docs/SETS.md). Any thread; read() and save() touch the
// disk and block.
namespace stemdeck::app::set {

struct ParsedSet {
    SetList set;
    // Each one line naming the entry; the entries without an error are usable.
    std::vector<SetProblem> problems;
    // False when the bytes are not a set at all (damaged JSON, not UTF-8, no "songs" list,
    // too big, unreadable): `set` is then empty and `problems` says why.
    bool readable = false;
};

class SetFile {
  public:
    static inline const std::string kExtension = ".stemset";

    // A set from a file's bytes. Paths are resolved against `setFolder` only to find a song
    // listed twice (a warning: a reprise is legitimate). Never throws for bad input: one bad
    // entry is reported and the others load.
    static ParsedSet parse(std::string_view bytes, const std::filesystem::path& setFolder);
    // parse() of a file; a file over kMaxSetFileBytes is refused unread. Whole-set problems
    // start with the file's name.
    static ParsedSet read(const std::filesystem::path& file);

    // The file's text: known keys in a fixed order (defaults left out), then the unknown ones
    // as read, indented by two spaces, with a final newline. parse() then serialize() of such
    // a text gives the same bytes.
    static std::string serialize(const SetList& set);
    // Writes serialize(set) atomically: a failed save leaves the old file as it was. Refuses
    // (false, `error` one line) a name not ending in kExtension, so a song's files are never
    // written over.
    static bool save(const std::filesystem::path& file, const SetList& set, std::string* error);

    // Whether a command-line SONG argument means a set: not a folder, and it ends in
    // kExtension (found or not) or reads as a set.
    static bool isSetPath(const std::filesystem::path& path);
};

}  // namespace stemdeck::app::set
