#include "stemdeck/ui/SetWindowPart.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLayout>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <utility>

#include "Feedback.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/app/SongGuideCues.h"
#include "stemdeck/app/set/ProblemText.h"
#include "stemdeck/app/set/SetFile.h"
#include "stemdeck/app/set/SetListModel.h"
#include "stemdeck/app/set/SetPlaybackPort.h"
#include "stemdeck/app/set/SetPlayer.h"
#include "stemdeck/app/set/SetSession.h"
#include "stemdeck/ui/RecentSongsMenu.h"
#include "stemdeck/ui/SetCuesBox.h"
#include "stemdeck/ui/SetUndo.h"
#include "stemdeck/ui/SetlistPanel.h"
#include "stemdeck/ui/ShortcutGuide.h"
#include "stemdeck/ui/StageView.h"

namespace stemdeck::ui {

using namespace app::set;

namespace {

QString setFilter() {
    return QObject::tr("Sets (*%1)").arg(QString::fromStdString(SetFile::kExtension));
}

}  // namespace

SetWindowPart::SetWindowPart(QMainWindow& window, app::PlaybackManager& playback,
                             app::Settings& settings, const app::MarkerStore& markers)
    : QObject(&window),
      window_(window),
      playback_(playback),
      settings_(settings),
      markers_(markers),
      session_(new SetSession(this)),
      model_(new SetListModel(*session_, &markers_, this)),
      port_(new PlaybackSetPort(playback_, &markers_, this)),
      player_(new SetPlayer(*session_, *port_, this)),
      undo_(new SetUndo(*model_, this)) {
    setUpActions();

    dock_ = new QDockWidget(tr("Setlist"), &window_);
    dock_->setObjectName(QStringLiteral("setlistDock"));
    dock_->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    panel_ = new SetlistPanel(*model_, previous_, next_, dock_);
    dock_->setWidget(panel_);
    // Apart from the mix's Undo (Ctrl+Z): in the song list Ctrl+Z takes these instead.
    const QList<QAction*> undoActions = undo_->createActions(&window_);
    panel_->setUndoActions(undoActions[0], undoActions[1]);
    if (auto* edit = window_.findChild<QMenu*>(QStringLiteral("menuEdit"))) {
        edit->addSeparator();
        edit->addActions(undoActions);
    }
    // The set's spoken cues: their switch and level under the set's songs (SetCuesBox).
    guideCues_ = new app::SongGuideCues(playback_, markers_, this);
    panel_->layout()->addWidget(new SetCuesBox(*session_, *guideCues_, panel_));
    connect(guideCues_, &app::SongGuideCues::message, this, &SetWindowPart::say);
    window_.addDockWidget(Qt::RightDockWidgetArea, dock_);
    // Out of the way until a set is made or opened (or the saved layout shows it).
    dock_->hide();
    if (auto* view = window_.findChild<QMenu*>(QStringLiteral("menuView"))) {
        view->addSeparator();
        view->addAction(dock_->toggleViewAction());
    }
    panel_->setMarkerNames([this](int row) {
        QStringList names;
        for (const app::SongMarker& marker : markers_.load(session_->songFolder(row)).markers)
            names << marker.name;
        return names;
    });

    connect(panel_, &SetlistPanel::jumpRequested, this, [this](int row) {
        player_->jumpTo(row, playback_.state() == audio::PlayState::Playing);
    });
    connect(panel_, &SetlistPanel::addRequested, this, &SetWindowPart::addSongs);
    connect(player_, &SetPlayer::problem, this, &SetWindowPart::say);
    connect(&playback_, &app::PlaybackManager::positionChanged, this, &SetWindowPart::showTimes);
    connect(model_, &SetListModel::reportChanged, this, &SetWindowPart::showTimes);
    connect(session_, &SetSession::currentChanged, this, [this] {
        showTimes();
        enableActions();
    });
    connect(session_, &SetSession::changed, this, &SetWindowPart::enableActions);
    connect(session_, &SetSession::reset, this, &SetWindowPart::enableActions);
    connect(session_, &SetSession::dirtyChanged, this, &SetWindowPart::showTitle);
    connect(session_, &SetSession::changed, this, &SetWindowPart::showTitle);  // a new name
    connect(session_, &SetSession::fileChanged, this, &SetWindowPart::showTitle);
    showTitle();
    enableActions();
}

SetWindowPart::~SetWindowPart() = default;

void SetWindowPart::setUpActions() {
    newSet_ = new QAction(tr("&New Set"), &window_);
    newSet_->setObjectName(QStringLiteral("actionNewSet"));
    openSet_ = new QAction(tr("Open &Set…"), &window_);
    openSet_->setObjectName(QStringLiteral("actionOpenSet"));
    openSet_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    saveSet_ = new QAction(tr("Sa&ve Set"), &window_);
    saveSet_->setObjectName(QStringLiteral("actionSaveSet"));
    saveSet_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    saveSetAs_ = new QAction(tr("Save Set &As…"), &window_);
    saveSetAs_->setObjectName(QStringLiteral("actionSaveSetAs"));
    saveSetAs_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    // Ctrl+arrows: the bare arrows seek, Page Up/Down change the field clicked last
    // (TransportKeys).
    previous_ = new QAction(tr("Pre&vious Song"), &window_);
    previous_->setObjectName(QStringLiteral("actionPreviousSong"));
    previous_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Left));
    previous_->setToolTip(tr("The set's previous song"));
    next_ = new QAction(tr("Ne&xt Song"), &window_);
    next_->setObjectName(QStringLiteral("actionNextSong"));
    next_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right));
    next_->setToolTip(tr("The set's next song"));

    if (auto* file = window_.findChild<QMenu*>(QStringLiteral("menuFile"))) {
        auto* recent = window_.findChild<QMenu*>(QStringLiteral("menuRecent"));
        const QList<QAction*> actions = file->actions();
        const qsizetype at = recent ? actions.indexOf(recent->menuAction()) : -1;
        QAction* before = at >= 0 && at + 1 < actions.size() ? actions[at + 1] : nullptr;
        file->insertSeparator(before);
        file->insertActions(before, {newSet_, openSet_, saveSet_, saveSetAs_});
    }
    if (auto* playbackMenu = window_.findChild<QMenu*>(QStringLiteral("menuPlayback"))) {
        playbackMenu->addSeparator();
        playbackMenu->addActions({previous_, next_});
    }
    if (auto* recent = window_.findChild<RecentSongsMenu*>())
        recent->setOpenSet([this](const QString& file) { openSet(file); });
    if (auto* guide = window_.findChild<ShortcutGuide*>())
        for (QAction* action : {newSet_, openSet_, saveSet_, saveSetAs_, previous_, next_})
            guide->watch(action);

    connect(newSet_, &QAction::triggered, this, &SetWindowPart::newSet);
    connect(openSet_, &QAction::triggered, this, [this] {
        const QString file =
            chooseOpen_
                ? chooseOpen_()
                : QFileDialog::getOpenFileName(
                      &window_, tr("Open Set"),
                      session_->filePath().isEmpty() ? QDir::homePath() : session_->baseFolder(),
                      setFilter());
        if (!file.isEmpty()) openSet(file);
    });
    connect(saveSet_, &QAction::triggered, this, &SetWindowPart::saveSet);
    connect(saveSetAs_, &QAction::triggered, this, &SetWindowPart::saveSetAs);
    connect(previous_, &QAction::triggered, player_, &SetPlayer::previous);
    connect(next_, &QAction::triggered, player_, &SetPlayer::next);
}

void SetWindowPart::enableActions() {
    previous_->setEnabled(player_->hasPrevious());
    next_->setEnabled(player_->hasNext());
    showTimes();
}

void SetWindowPart::attachStage(StageView& stage) {
    stage_ = &stage;
    // The song of an entry is in: the stage learns what follows it.
    connect(player_, &app::set::SetPlayer::entryStarted, this, &SetWindowPart::showTimes);
    connect(&stage, &StageView::previousSongRequested, previous_, &QAction::trigger);
    connect(&stage, &StageView::nextSongRequested, next_, &QAction::trigger);
    showTimes();
}

void SetWindowPart::showTitle() {
    const QString name = session_->displayName();
    dock_->setWindowTitle(session_->dirty() ? tr("Setlist — %1 *").arg(name)
                                            : tr("Setlist — %1").arg(name));
}

void SetWindowPart::showTimes() {
    // The position counts only while the current entry's song is the one loaded.
    const int current = session_->currentIndex();
    const bool inSet =
        current >= 0 && QDir::cleanPath(playback_.songFolder()) == session_->songFolder(current);
    panel_->showTimes(model_->totalSeconds(),
                      model_->secondsLeft(inSet ? playback_.position() : 0.0));
    if (!stage_) return;
    if (!inSet) {
        // Only a context this part gave is taken back (a song opened outside the set).
        if (std::exchange(stageInSet_, false)) stage_->clearSetContext();
        return;
    }
    stageInSet_ = true;
    const int next = session_->nextIndex();
    const QString nextName =
        next >= 0 ? QFileInfo(session_->songFolder(next)).fileName() : QString();
    // What plays after this song: the rest of the set from this song's end.
    stage_->setSetContext(nextName, model_->secondsLeft(playback_.duration()));
    stage_->setSongNavigation(player_->hasPrevious(), player_->hasNext());
}

void SetWindowPart::say(const QString& message) {
    window_.statusBar()->showMessage(message, kStatusMessageMs);
}

void SetWindowPart::rememberSet(const QString& file) {
    settings_.addRecentSong(QFileInfo(file).absoluteFilePath());
    settings_.sync();
}

bool SetWindowPart::confirmDiscard() {
    if (!session_->dirty()) return true;
    Unsaved answer = Unsaved::Cancel;
    if (askUnsaved_) {
        answer = askUnsaved_(session_->displayName());
    } else {
        const auto button = QMessageBox::question(
            &window_, tr("Unsaved set"),
            tr("The set “%1” has changes that are not saved.").arg(session_->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        answer = button == QMessageBox::Save      ? Unsaved::Save
                 : button == QMessageBox::Discard ? Unsaved::Discard
                                                  : Unsaved::Cancel;
    }
    switch (answer) {
        case Unsaved::Save:
            return saveSet();
        case Unsaved::Discard:
            return true;
        case Unsaved::Cancel:
            return false;
    }
    return false;
}

void SetWindowPart::newSet() {
    if (!confirmDiscard()) return;
    session_->newSet();
    dock_->show();
}

bool SetWindowPart::openSet(const QString& file) {
    if (!confirmDiscard()) return false;
    QString error;
    if (!session_->open(file, &error)) {
        say(tr("Could not open the set: %1").arg(error));
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Could not open set"), error,
                                    QMessageBox::Ok, &window_);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->show();
        return false;
    }
    rememberSet(file);
    dock_->show();
    QStringList problems;
    for (const SetProblem& problem : session_->fileProblems())
        problems << app::set::ProblemText::line(problem);
    for (const SetProblem& problem : model_->report().problems)
        if (problem.isError()) problems << app::set::ProblemText::line(problem);
    if (problems.isEmpty()) {
        say(tr("Opened set %1: %n song(s)", nullptr, session_->size())
                .arg(session_->displayName()));
    } else {
        // Each line names its entry; the rest of the set plays.
        say(tr("Opened set %1: %n problem(s), see the red rows", nullptr,
               static_cast<int>(problems.size()))
                .arg(session_->displayName()));
        panel_->setToolTip(problems.join(QLatin1Char('\n')));
    }
    return true;
}

bool SetWindowPart::saveSet() {
    if (session_->filePath().isEmpty()) return saveSetAs();
    QString error;
    if (!session_->save(&error)) {
        say(error);
        return false;
    }
    say(tr("Saved set %1").arg(QDir::toNativeSeparators(session_->filePath())));
    return true;
}

bool SetWindowPart::saveSetAs() {
    QString file = chooseSave_ ? chooseSave_()
                               : QFileDialog::getSaveFileName(&window_, tr("Save Set As"),
                                                              session_->baseFolder(), setFilter());
    if (file.isEmpty()) return false;
    const QString extension = QString::fromStdString(SetFile::kExtension);
    if (!file.endsWith(extension)) file += extension;
    QString error;
    if (!session_->saveAs(file, &error)) {
        say(error);
        return false;
    }
    rememberSet(file);
    say(tr("Saved set %1").arg(QDir::toNativeSeparators(file)));
    return true;
}

void SetWindowPart::addSongs() {
    // A folder dialog that takes several folders at once: Qt's own (the platform's takes one).
    QFileDialog dialog(&window_, tr("Add Songs to the Set"), session_->baseFolder());
    dialog.setFileMode(QFileDialog::Directory);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setOption(QFileDialog::ShowDirsOnly);
    for (auto* view : dialog.findChildren<QAbstractItemView*>())
        view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    if (dialog.exec() != QDialog::Accepted) return;
    const int row = panel_->selectedRow();
    QStringList refused;
    model_->addPaths(dialog.selectedFiles(), row >= 0 ? row + 1 : -1, &refused);
    if (!refused.isEmpty()) say(refused.join(QStringLiteral("; ")));
}

}  // namespace stemdeck::ui
