#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <vector>

#include "stemdeck/app/set/SetEdit.h"
#include "stemdeck/app/set/SetList.h"

// The set open in the app: the SetList, the file it came from, whether it changed since, and
// which entry is the current song. Every edit goes through here so the current entry follows
// moves and removals. GUI thread only.
namespace stemdeck::app::set {

class SetSession : public QObject {
    Q_OBJECT
  public:
    explicit SetSession(QObject* parent = nullptr);

    const SetList& set() const { return set_; }
    int size() const { return static_cast<int>(set_.songs.size()); }
    const SetEntry& entry(int row) const { return set_.songs.at(static_cast<std::size_t>(row)); }
    // The .stemset file; empty for a set never saved.
    const QString& filePath() const { return filePath_; }
    // Where the entries' relative paths start: the file's folder, else the working folder.
    QString baseFolder() const;
    // The song folder of an entry, absolute.
    QString songFolder(int row) const;
    // The set's name (the file's base name when it has none), for titles and menus.
    QString displayName() const;
    bool dirty() const { return dirty_; }
    // The problems the file itself had when it was opened (one line each, naming the entry).
    const std::vector<SetProblem>& fileProblems() const { return fileProblems_; }

    // -1: no current song.
    int currentIndex() const { return current_; }
    void setCurrentIndex(int row);
    // current + 1 while there is one, else -1.
    int nextIndex() const;

    // An empty set without a file.
    void newSet();
    // Reads `file` (SetFile::read): the usable entries load, fileProblems() names the others.
    // False (nothing changed, `error` one line) when the file is not a set at all.
    bool open(const QString& file, QString* error);
    // Writes to filePath() atomically; false with `error` when there is none or it fails.
    bool save(QString* error);
    // Writes to `file` and makes it the set's file. Relative paths are rewritten against the
    // new folder so the songs are still found from there.
    bool saveAs(const QString& file, QString* error);

    // Edits (each marks the set dirty, emits changed() and then edited() with how to take it
    // back).
    // `folders`: absolute song folders; stored relative to baseFolder() when the set has a file.
    void insertSongs(int row, const QStringList& folders);
    void insertEntries(int row, std::vector<SetEntry> entries);
    void remove(int row, int count);
    // Moves `count` rows at `from` to before row `to` (QAbstractItemModel::moveRows' meaning).
    void move(int from, int count, int to);
    void setEntry(int row, const SetEntry& entry);
    // The set's own name (empty: the file's base name is shown).
    void setName(const QString& name);

    // Edits between these are one step for the user (a drag of several rows, removing a
    // selection): `what` names it ("Move Songs"). They may nest; the outer pair counts.
    void beginEdits(const QString& what);
    void endEdits();
    // The set's spoken guide cues (the level clamped to -40..0 dB).
    void setGuideCues(bool on, double levelDb);

    // The path an entry stores for a song folder: relative to baseFolder() when the set has a
    // file, else absolute.
    std::string entryPathFor(const QString& folder) const;

  signals:
    // Before and after the whole set is replaced (New, Open).
    void aboutToReset();
    void reset();
    void changed();
    // After changed(), for each edit the user could take back (not New, Open or Save As).
    void edited(const stemdeck::app::set::SetEdit& edit);
    void editsBegun(const QString& what);
    void editsEnded();
    void currentChanged(int row);
    void dirtyChanged(bool dirty);
    void fileChanged(const QString& file);

  private:
    void setDirty(bool dirty);
    void markEdited(const SetEdit& edit);

    SetList set_;
    QString filePath_;
    bool dirty_ = false;
    int current_ = -1;
    int editDepth_ = 0;
    std::vector<SetProblem> fileProblems_;
};

}  // namespace stemdeck::app::set
