// View › Stage and View › Lock Mix of the main window (kept apart from MainWindow.cpp, which
// has the rest of the window).
#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QMenu>
#include <QStatusBar>
#include <QTableWidget>

#include "stemdeck/app/SongMeta.h"
#include "stemdeck/ui/FrameTick.h"
#include "stemdeck/ui/MainWindow.h"
#include "stemdeck/ui/MixLock.h"
#include "stemdeck/ui/MixerPanel.h"
#include "stemdeck/ui/SettingsDialog.h"
#include "stemdeck/ui/ShortcutGuide.h"
#include "stemdeck/ui/StageView.h"
#include "ui_MainWindow.h"

namespace stemdeck::ui {

namespace {

// Keeps the stage view over the whole window, and leaves it before the window closes (so the
// window's saved geometry is not the full-screen one).
class StageFrame : public QObject {
  public:
    StageFrame(QMainWindow* window, StageView* stage, QAction* toggle)
        : QObject(window), window_(window), stage_(stage), toggle_(toggle) {
        window->installEventFilter(this);
    }

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched != window_) return false;
        if (event->type() == QEvent::Resize && !stage_->isHidden())
            stage_->setGeometry(window_->rect());
        if (event->type() == QEvent::Close && toggle_->isChecked()) toggle_->setChecked(false);
        return false;
    }

  private:
    QMainWindow* window_;
    StageView* stage_;
    QAction* toggle_;
};

}  // namespace

void MainWindow::setUpStage() {
    using app::PlaybackManager;
    stage_ = new StageView(this);
    stage_->hide();

    auto* stageAction = new QAction(tr("&Stage View"), this);
    stageAction->setObjectName(QStringLiteral("actionStageView"));
    stageAction->setToolTip(tr("Full screen view for the stage: section, bar.beat, time left"));
    stageAction->setCheckable(true);
    stageAction->setShortcut(QKeySequence(Qt::Key_F11));
    auto* lockAction = new QAction(tr("Lock &Mix"), this);
    lockAction->setObjectName(QStringLiteral("actionLockMix"));
    lockAction->setToolTip(tr("Faders, pans, mutes, solos and routing ignore the mouse and keys"));
    lockAction->setCheckable(true);
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    ui_->menuView->addSeparator();
    ui_->menuView->addAction(stageAction);
    ui_->menuView->addAction(lockAction);
    shortcuts_->watch(stageAction);
    shortcuts_->watch(lockAction);

    // The lock: the mixer (strips and master) and the mix's actions.
    mixLock_ = new MixLock(this);
    mixLock_->guard(ui_->mixer);
    for (const char* name : {"actionUndo", "actionRedo", "actionResetMix"})
        mixLock_->guard(findChild<QAction*>(QString::fromLatin1(name)));
    auto* lockBadge = new QLabel(tr("Mix locked"), this);
    lockBadge->setObjectName(QStringLiteral("mixLockedLabel"));
    lockBadge->setToolTip(tr("View › Lock Mix (%1) unlocks")
                              .arg(lockAction->shortcut().toString(QKeySequence::NativeText)));
    lockBadge->setStyleSheet(
        QStringLiteral("color: #000; background: #ff9f1a; font-weight: 700; padding: 1px 8px; "
                       "border-radius: 3px;"));
    lockBadge->hide();
    statusBar()->insertPermanentWidget(0, lockBadge);
    connect(lockAction, &QAction::toggled, mixLock_, &MixLock::setLocked);
    connect(mixLock_, &MixLock::lockedChanged, this, [this, lockBadge](bool locked) {
        lockBadge->setVisible(locked);
        stage_->setLocked(locked);
        statusBar()->showMessage(locked ? tr("Mix locked") : tr("Mix unlocked"), 3000);
    });

    // The stage view shows the song as it plays.
    new StageFrame(this, stage_, stageAction);
    connect(stageAction, &QAction::toggled, this, &MainWindow::showStage);
    connect(stage_, &StageView::leaveRequested, stageAction,
            [stageAction] { stageAction->setChecked(false); });
    connect(stage_, &StageView::playPauseRequested, ui_->actionPlayPause, &QAction::trigger);
    connect(stage_, &StageView::stopRequested, ui_->actionStop, &QAction::trigger);
    connect(&playback_, &PlaybackManager::positionChanged, stage_, &StageView::setPosition);
    connect(&playback_, &PlaybackManager::durationChanged, stage_, &StageView::setDuration);
    connect(&playback_, &PlaybackManager::countInChanged, stage_, &StageView::setCountIn);
    connect(&playback_, &PlaybackManager::clickChanged, stage_,
            [this] { stage_->setClick(playback_.click()); });
    connect(&playback_, &PlaybackManager::songLoaded, stage_, [this](const QString& folder) {
        const app::SongMeta meta = app::SongMeta::read(folder);
        stage_->setSong(meta.title, playback_.duration(), meta.tempo > 0);
        stage_->setClick(playback_.click());
        stage_->setMarkers(markers_.markers());
        stage_->setPosition(playback_.position());
    });
    connect(&markers_, &app::SongMarkers::changed, stage_,
            [this] { stage_->setMarkers(markers_.markers()); });
    connect(&playback_, &PlaybackManager::stateChanged, stage_, [this](audio::PlayState state) {
        const bool playing = state == audio::PlayState::Playing;
        stage_->setPlaying(playing);
        followStage(playing);
    });
}

void MainWindow::showStage(bool on) {
    if (on == !stage_->isHidden()) return;
    // What the stage view covers is hidden, so that its playhead, time and meters, which
    // move on, are not painted under it.
    centralWidget()->setVisible(!on);
    if (on) {
        stageWindowState_ = windowState();
        setWindowState(windowState() | Qt::WindowFullScreen);
        stage_->setGeometry(rect());
        stage_->setPosition(playback_.position());
        stage_->show();
        stage_->raise();
        stage_->setFocus(Qt::OtherFocusReason);
    } else {
        stage_->hide();
        setWindowState(stageWindowState_);
        setFocus(Qt::OtherFocusReason);
    }
    followStage(playback_.state() == audio::PlayState::Playing);
}

void MainWindow::followStage(bool playing) {
    // The beat light needs more than the 100 ms poll: while on show and playing, the stage
    // follows the window's frame tick, as the playhead does.
    if (playing && !stage_->isHidden())
        frameTick_->start(stage_, [this] { stage_->setPosition(playback_.position()); });
    else
        frameTick_->stop(stage_);
}

void MainWindow::lockRouting(SettingsDialog* dialog) {
    if (auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("routingTable")))
        mixLock_->guard(table);
}

}  // namespace stemdeck::ui
