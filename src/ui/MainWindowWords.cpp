// View › Lyrics and Chords of the main window (issue 14): the LyricsPanel in a dock, fed the
// song's words when a song loads, its position as it plays and the pitch setting. Kept apart
// from MainWindow.cpp, which has the rest of the window.
#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QStatusBar>
#include <cmath>
#include <memory>

#include "stemdeck/ui/LyricsPanel.h"
#include "stemdeck/ui/MainWindow.h"
#include "stemdeck/words/SongWords.h"
#include "ui_MainWindow.h"

namespace stemdeck::ui {

void MainWindow::setUpWords() {
    using app::PlaybackManager;
    auto* dock = new QDockWidget(tr("Lyrics and Chords"), this);
    dock->setObjectName(QStringLiteral("lyricsDock"));
    dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea |
                          Qt::BottomDockWidgetArea);
    auto* panel = new LyricsPanel(dock);
    dock->setWidget(panel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    QAction* toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionLyrics"));
    toggle->setText(tr("&Lyrics and Chords"));
    toggle->setToolTip(tr("The song's lyrics and chords as it plays, chords in the played key"));
    ui_->menuView->addAction(toggle);

    // The files are small (capped at a few MB) and read once per song, as meta.json is.
    connect(&playback_, &PlaybackManager::songLoaded, panel, [this, panel](const QString& folder) {
        auto words =
            std::make_shared<words::SongWords>(words::SongWords::load(folder.toStdString()));
        if (!words->problems.empty())
            statusBar()->showMessage(QString::fromStdString(words->problems.front()), 8000);
        panel->setWords(std::move(words));
        panel->setPosition(playback_.position());
    });
    connect(&playback_, &PlaybackManager::positionChanged, panel, &LyricsPanel::setPosition);
    // Chords follow the pitch to the nearest semitone (cents alone do not rename a chord).
    connect(&playback_, &PlaybackManager::tempoPitchChanged, panel, [this, panel] {
        panel->setPitch(static_cast<int>(std::lround(playback_.pitchCents() / 100.0)));
    });
}

}  // namespace stemdeck::ui
