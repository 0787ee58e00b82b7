#include "stemdeck/ui/RecentSongsMenu.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <algorithm>
#include <utility>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/app/SongMeta.h"
#include "stemdeck/app/set/SetFile.h"

namespace stemdeck::ui {

namespace {

// The last `depth` parts of a folder's path ("Live/Intro" for depth 2).
QString pathTail(const QString& folder, qsizetype depth) {
    const QStringList parts = QDir::fromNativeSeparators(folder).split(QLatin1Char('/'));
    return parts.mid(std::max<qsizetype>(0, parts.size() - depth)).join(QLatin1Char('/'));
}

bool isSetFile(const QString& path) {
    return path.endsWith(QString::fromStdString(app::set::SetFile::kExtension));
}

}  // namespace

RecentSongsMenu::RecentSongsMenu(QMenu* menu, const app::Settings& settings,
                                 std::function<void(const QString&)> open)
    : QObject(menu), menu_(menu), settings_(settings), open_(std::move(open)) {
    menu_->setToolTipsVisible(true);
    connect(menu_, &QMenu::aboutToShow, this, &RecentSongsMenu::rebuild);
}

QStringList RecentSongsMenu::labels(const QStringList& folders) {
    QStringList titles;
    for (const QString& folder : folders)
        titles << (isSetFile(folder) ? tr("%1 (set)").arg(QFileInfo(folder).completeBaseName())
                                     : app::SongMeta::read(folder).title);
    QStringList out = titles;
    for (qsizetype i = 0; i < folders.size(); ++i) {
        if (titles.count(titles[i]) < 2) continue;
        // The shortest end of the path that tells this song from the others of its title.
        const qsizetype deepest =
            QDir::fromNativeSeparators(folders[i]).count(QLatin1Char('/')) + 1;
        for (qsizetype depth = 1; depth <= deepest; ++depth) {
            const QString tail = pathTail(folders[i], depth);
            bool unique = true;
            for (qsizetype j = 0; j < folders.size() && unique; ++j)
                unique = j == i || titles[j] != titles[i] || pathTail(folders[j], depth) != tail;
            if (unique || depth == deepest) {
                out[i] = tr("%1 (%2)").arg(titles[i], app::displayPath(tail));
                break;
            }
        }
    }
    return out;
}

void RecentSongsMenu::rebuild() {
    menu_->clear();
    QStringList recent = settings_.recentSongs();
    if (!openSet_) recent.removeIf(isSetFile);
    const QStringList names = labels(recent);
    for (qsizetype i = 0; i < recent.size(); ++i) {
        const QString folder = recent[i];
        // "&" would underline the next letter instead of showing.
        QAction* action =
            menu_->addAction(QString(names[i]).replace(QLatin1Char('&'), QStringLiteral("&&")));
        action->setToolTip(app::displayPath(folder));
        action->setStatusTip(app::displayPath(folder));
        const bool set = isSetFile(folder);
        action->setEnabled(set ? QFileInfo(folder).isFile() : QFileInfo(folder).isDir());
        connect(action, &QAction::triggered, this,
                [this, folder, set] { set ? openSet_(folder) : open_(folder); });
    }
    if (recent.isEmpty()) menu_->addAction(tr("No recent songs"))->setEnabled(false);
}

}  // namespace stemdeck::ui
