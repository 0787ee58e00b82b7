#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>
#include <string>
#include <vector>

#include "stemdeck/audio/mix/MixControls.h"

namespace stemdeck::app {

// Remembers the mix of each song: one small JSON file per song in the app's data directory,
// named after a hash of the song folder's canonical path (so read-only song folders, and
// the same song reached through a symlink, work). Stems are stored by name, so the mix
// survives stems being added, removed or reordered. Files are written atomically.
class MixStore {
  public:
    struct Loaded {
        // Empty: nothing stored, or the file is not a mix file at all.
        std::optional<audio::MixSnapshot> mix;
        // What was ignored and why: the whole file, or (with a mix) the values of the wrong
        // type, which are at their defaults instead. Empty when everything was used.
        QString warning;
        // Stems the file has a mix for but the song does not (renamed or removed since);
        // their values are not used. The GUI says nothing; the CLI warns.
        QStringList unknownStems;
    };

    // A mix file is a few kB; anything bigger is not one, and is not read into memory.
    static constexpr qint64 kMaxFileBytes = 1 << 20;

    // `directory` is created on the first save. Empty: <AppDataLocation>/mixes.
    explicit MixStore(const QString& directory = {});

    const QString& directory() const { return directory_; }
    // The file that holds the mix of the song in `songFolder`.
    QString fileFor(const QString& songFolder) const;

    // The mix for a song with these stems, in this order: stored stems by name, defaults for
    // stems the file does not know. A value of the wrong type is ignored on its own (the rest
    // of the file is used); a file that is not a mix file is ignored as a whole.
    Loaded load(const QString& songFolder, const std::vector<std::string>& stemNames) const;
    // Returns false with `error` set when the file cannot be written.
    bool save(const QString& songFolder, const std::vector<std::string>& stemNames,
              const audio::MixSnapshot& mix, QString* error = nullptr) const;

    // What load() and save() do with the file's text, without the file. The warning names
    // what was ignored but not the file.
    static Loaded parse(const QByteArray& json, const std::vector<std::string>& stemNames);
    static QByteArray serialize(const QString& songFolder,
                                const std::vector<std::string>& stemNames,
                                const audio::MixSnapshot& mix);

  private:
    QString directory_;
};

}  // namespace stemdeck::app
