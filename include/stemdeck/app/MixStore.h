#pragma once

#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "stemdeck/audio/MixControls.h"

namespace stemdeck::app {

// Remembers the mix of each song: one small JSON file per song in the app's data directory,
// named after a hash of the song folder's canonical path (so read-only song folders, and
// the same song reached through a symlink, work). Stems are stored by name, so the mix
// survives stems being added, removed or reordered. Files are written atomically.
class MixStore {
  public:
    struct Loaded {
        std::optional<audio::MixSnapshot> mix;  // empty: nothing stored, or the file was unusable
        QString warning;                        // why a stored file was ignored
    };

    // `directory` is created on the first save. Empty: <AppDataLocation>/mixes.
    explicit MixStore(QString directory = {});

    const QString& directory() const { return directory_; }
    // The file that holds the mix of the song in `songFolder`.
    QString fileFor(const QString& songFolder) const;

    // The mix for a song with these stems, in this order: stored stems by name, defaults for
    // stems the file does not know. A file with garbage or wrong types is ignored as a whole.
    Loaded load(const QString& songFolder, const std::vector<std::string>& stemNames) const;
    // Returns false with `error` set when the file cannot be written.
    bool save(const QString& songFolder, const std::vector<std::string>& stemNames,
              const audio::MixSnapshot& mix, QString* error = nullptr) const;

  private:
    QString directory_;
};

}  // namespace stemdeck::app
