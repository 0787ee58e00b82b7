#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

#include "stemdeck/app/set/SetCheck.h"
#include "stemdeck/app/set/SetSession.h"

namespace stemdeck::app {
class MarkerStore;
}

// The set open in a SetSession as a table for a view: one row per entry, columns for the
// song, its transition, its rehearsal settings and its duration. Durations and problems come
// from the stems' headers (SetCheck without decoding), redone when the set changes. Rows
// move by drag and drop (or moveRows); song folders and .stemset files dropped from a file
// manager are added. GUI thread only.
namespace stemdeck::app::set {

class SetListModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { SongColumn, TransitionColumn, SettingsColumn, DurationColumn, ColumnCount };
    enum Role {
        CurrentRole = Qt::UserRole + 1,  // bool: the song playing (or cued)
        NextRole,                        // bool: the song after it
        ProblemRole,                     // QString: the entry's errors, one a line; empty if none
        FolderRole,                      // QString: the song folder, absolute
        SecondsRole,                     // double: the song's length at tempo 1 (0: unknown)
    };
    // The drag of rows inside the view.
    static inline const QString kRowsMime = QStringLiteral("application/x-stemdeck-set-rows");

    // `markers` (may be null: a default store) is where start markers are looked up.
    explicit SetListModel(SetSession& session, const MarkerStore* markers = nullptr,
                          QObject* parent = nullptr);

    SetSession& session() { return session_; }
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;
    bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                  const QModelIndex& destinationParent, int destinationChild) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

    // Adds song folders before `row` (-1: at the end); .stemset files add their entries.
    // Returns how many entries were added; what could not be added is in `refused` (one line
    // each).
    int addPaths(const QStringList& paths, int row = -1, QStringList* refused = nullptr);
    // Entries as they are (paths already as the set stores them) before `row` (-1: the end).
    void insertEntries(int row, std::vector<SetEntry> entries);
    void setEntry(int row, const SetEntry& entry);

    // The set as heard (SetCheck::totalSeconds) and what is left of it from the current
    // song's `position` (song seconds); the whole set when there is no current song.
    double totalSeconds() const { return report_.totalSeconds; }
    double secondsLeft(double position) const;
    // Seconds of an entry's song at tempo 1 (0: unknown or missing).
    double songSeconds(int row) const;
    const SetReport& report() const { return report_; }
    // The entry's errors, one line each; empty when it can play.
    QStringList problems(int row) const;

  signals:
    // Durations or problems were worked out again.
    void reportChanged();

  private:
    void recheck();
    void onCurrentChanged(int row);
    QString settingsText(const SetEntry& entry) const;

    SetSession& session_;
    const MarkerStore* markers_;
    SetReport report_;
    std::vector<double> secondsFrom_;  // SetCheck::secondsFrom of the report
    int shownCurrent_ = -1;
};

}  // namespace stemdeck::app::set
