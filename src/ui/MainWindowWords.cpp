// View › Lyrics and Chords of the main window (issue 14): the LyricsPanel in a dock, fed the
// song's words when a song loads, its position as it plays and the pitch setting; the same
// words to the timeline's words lane; and Lyrics › Stamp Lyrics…, the StampWindow, whose saved
// lyrics the panel shows at once. Kept apart from MainWindow.cpp, which has the rest of the
// window.
#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <cmath>
#include <memory>
#include <string>

#include "stemdeck/app/LyricsStore.h"
#include "stemdeck/ui/LyricsPanel.h"
#include "stemdeck/ui/MainWindow.h"
#include "stemdeck/ui/StageView.h"
#include "stemdeck/ui/StageWords.h"
#include "stemdeck/ui/StampWindow.h"
#include "stemdeck/ui/TimelineView.h"
#include "stemdeck/words/SongWords.h"
#include "ui_MainWindow.h"

namespace stemdeck::ui {

namespace {

// The lines to stamp from the song's words: its synced lyrics with their stamps, its plain
// lyrics as text, or nothing.
words::LyricsStamper stamperFor(const words::SongWords* words) {
    if (!words || !words->lyrics) return {};
    if (words->lyrics->synced()) return words::LyricsStamper::fromLrc(*words->lyrics);
    std::string text;
    for (const auto& line : words->lyrics->lines()) text += line.text + '\n';
    return words::LyricsStamper::fromText(text);
}

}  // namespace

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

    // The loaded song's folder and words, shared by the panel's and the stamp window's slots.
    struct Song {
        QString folder;
        std::shared_ptr<const words::SongWords> words;
    };
    auto song = std::make_shared<Song>();
    // The timeline's words lane names the chords as the panel does (pitch and capo): a
    // guitarist reads the same shapes in both.
    const auto updateLane = [this, song, panel] {
        ui_->timeline->setWords(song->words, panel->transposer());
    };
    connect(panel, &LyricsPanel::transposerChanged, this, updateLane);
    // The files are small (capped at a few MB) and read once per song, as meta.json is.
    const auto loadWords = [this, panel, song](const QString& folder) {
        auto words =
            std::make_shared<words::SongWords>(words::SongWords::load(folder.toStdString()));
        // Lyrics stamped for a read-only song folder were saved in the app's folder.
        const QString saved = app::LyricsStore().fallbackLyrics(folder);
        if (!saved.isEmpty()) {
            words->lyrics = words::LrcFile::read(saved.toStdString());
            words->lyricsFile = saved.toStdString();
            words->timeSheet();
        }
        if (!words->problems.empty())
            statusBar()->showMessage(QString::fromStdString(words->problems.front()), 8000);
        song->folder = folder;
        song->words = words;
        stage_->words()->setWords(words);
        stage_->words()->setPosition(playback_.position());
        panel->setWords(std::move(words));  // and the lane, through transposerChanged
        panel->setPosition(playback_.position());
    };
    connect(&playback_, &PlaybackManager::songLoaded, panel, loadWords);
    connect(&playback_, &PlaybackManager::positionChanged, panel, &LyricsPanel::setPosition);
    // Chords follow the pitch to the nearest semitone (cents alone do not rename a chord).
    connect(&playback_, &PlaybackManager::tempoPitchChanged, panel, [this, panel] {
        panel->setPitch(static_cast<int>(std::lround(playback_.pitchCents() / 100.0)));
        stage_->words()->setPitch(static_cast<int>(std::lround(playback_.pitchCents() / 100.0)));
    });
    connect(&playback_, &PlaybackManager::positionChanged, stage_->words(),
            &StageWords::setPosition);

    // Lyrics › Stamp Lyrics…: before View, next to the other song menus.
    auto* menu = new QMenu(tr("L&yrics"), this);
    menu->setObjectName(QStringLiteral("menuLyrics"));
    menuBar()->insertMenu(ui_->menuView->menuAction(), menu);
    QAction* stamp = menu->addAction(tr("&Stamp Lyrics…"));
    stamp->setObjectName(QStringLiteral("actionStampLyrics"));
    stamp->setToolTip(tr("Time the song's lyrics line by line as it plays, and save them as LRC"));
    stamp->setEnabled(false);
    connect(&playback_, &PlaybackManager::songLoaded, stamp, [stamp] { stamp->setEnabled(true); });

    auto* window = new StampWindow(this);
    connect(&playback_, &PlaybackManager::positionChanged, window, &StampWindow::setPosition);
    connect(window, &StampWindow::playPauseRequested, this,
            [this] { playback_.togglePlayPause(); });
    connect(window, &StampWindow::playFromRequested, this, [this](double seconds) {
        playback_.seek(seconds);
        playback_.play();
    });
    // Saved while leaving a song for the next: the panel keeps the new song's words.
    connect(window, &StampWindow::saved, this, [window, loadWords, song] {
        if (window->folder() == song->folder) loadWords(window->folder());
    });
    // An open window follows the song that loads (after loadWords: `song` is the new one); a
    // closed one is set to the song when it opens again.
    connect(&playback_, &PlaybackManager::songLoaded, window, [window, song] {
        if (window->isVisible() && window->folder() != song->folder)
            window->followSong(song->folder, stamperFor(song->words.get()));
    });
    connect(stamp, &QAction::triggered, window, [this, window, song] {
        // Reopened on the same song with unsaved stamps, the work in the window is kept.
        if (window->folder() != song->folder || !window->modified())
            window->setSong(song->folder, stamperFor(song->words.get()));
        window->setPosition(playback_.position());
        window->show();
        window->raise();
        window->activateWindow();
    });
}

}  // namespace stemdeck::ui
