#pragma once

#include <QObject>
#include <QStringList>
#include <functional>
#include <utility>

class QMenu;

namespace stemdeck::app {
class Settings;
}

namespace stemdeck::ui {

// File › Open Recent: the recent songs and sets (.stemset files, "Name (set)") by title
// (meta.json's, else the folder's name), made afresh each time the menu opens. Songs of the same
// title are told apart by the end of their paths; the whole path is in the tooltip and the status
// bar. GUI thread only.
class RecentSongsMenu : public QObject {
    Q_OBJECT
  public:
    // `open` opens the chosen folder.
    RecentSongsMenu(QMenu* menu, const app::Settings& settings,
                    std::function<void(const QString&)> open);

    // `open` for the recent sets (files ending in .stemset); without it they are not listed.
    void setOpenSet(std::function<void(const QString&)> open) { openSet_ = std::move(open); }

    // The menu labels of `folders`, in their order, fit to show ("&" not yet doubled).
    static QStringList labels(const QStringList& folders);

  private:
    void rebuild();

    QMenu* menu_;
    const app::Settings& settings_;
    std::function<void(const QString&)> open_;
    std::function<void(const QString&)> openSet_;
};

}  // namespace stemdeck::ui
