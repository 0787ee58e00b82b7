// The control layer on the main window (issue 13, docs/design/CONTROL.md §4): the window's
// ControlCenter, the keys door (ControlKeys), the remote doors (ControlHub: OSC, web, MIDI) and
// Lock Mix following app::LockState both ways. Kept apart from MainWindow.cpp.
#include <QAction>
#include <QMenu>
#include <QStatusBar>

#include "Feedback.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/app/control/AppParts.h"
#include "stemdeck/app/control/ControlCenter.h"
#include "stemdeck/app/control/LockState.h"
#include "stemdeck/remote/ControlHub.h"
#include "stemdeck/ui/ControlKeys.h"
#include "stemdeck/ui/ControlsSettingsPage.h"
#include "stemdeck/ui/Language.h"
#include "stemdeck/ui/MainWindow.h"
#include "stemdeck/ui/MixLock.h"
#include "stemdeck/ui/SetWindowPart.h"
#include "stemdeck/ui/SettingsDialog.h"
#include "stemdeck/ui/ShortcutGuide.h"
#include "stemdeck/ui/StampWindow.h"
#include "stemdeck/ui/VampWindowPart.h"
#include "ui_MainWindow.h"

namespace stemdeck::ui {

void MainWindow::setUpControl(audio::Engine& engine) {
    auto* vampPart = findChild<VampWindowPart*>();
    lockState_ = new app::LockState(this);
    auto* stageAction = findChild<QAction*>(QStringLiteral("actionStageView"));
    const app::AppParts parts{
        playback_,         &markers_,        vampPart ? &vampPart->vamp() : nullptr,
        &sets_->session(), &sets_->player(), &sets_->model(),
        lockState_};
    control_ = new app::ControlCenter(parts, this);
    control_->setStageShown([stageAction] { return stageAction && stageAction->isChecked(); });
    if (stageAction)
        connect(stageAction, &QAction::toggled, control_, &app::ControlCenter::refresh);

    // Lock Mix: the menu's switch and the control layer's lock are one (a pedal's or an OSC
    // `lock` locks the mixer; the menu's lock refuses the doors' mix actions).
    auto* lockAction = findChild<QAction*>(QStringLiteral("actionLockMix"));
    connect(mixLock_, &MixLock::lockedChanged, lockState_, &app::LockState::setLocked);
    connect(lockState_, &app::LockState::lockedChanged, lockAction, &QAction::setChecked);
    lockState_->setLocked(mixLock_->locked());

    // The UI-only `stage`: the View menu's switch.
    control_->registry().setHandler("stage", [stageAction](const control::ValidCall& call) {
        stageAction->setChecked(call.flagOr("on", !stageAction->isChecked()));
        return control::ActionResult::success();
    });

    // The UI-only `lyrics.stamp`: a tap of the stamp window (Return), from a pedal or a phone.
    auto* stampWindow = findChild<StampWindow*>(QStringLiteral("stampWindow"));
    control_->registry().setHandler("lyrics.stamp", [stampWindow](const control::ValidCall&) {
        using Code = control::ActionResult::Code;
        if (!stampWindow || !stampWindow->isVisible())
            return control::ActionResult::failure(Code::Unavailable,
                                                  "not stamping: open Lyrics > Stamp Lyrics first");
        if (!stampWindow->stampNext())
            return control::ActionResult::failure(Code::Unavailable, "every line is stamped");
        return control::ActionResult::success();
    });

    // The window's own actions for the same jobs take the keys from the same table.
    std::map<QString, QAction*> adopted{
        {QStringLiteral("play_pause"), ui_->actionPlayPause},
        {QStringLiteral("stop"), ui_->actionStop},
        {QStringLiteral("to_start"), ui_->actionToStart},
        {QStringLiteral("loop"), ui_->actionLoop},
        {QStringLiteral("song.next"), findChild<QAction*>(QStringLiteral("actionNextSong"))},
        {QStringLiteral("song.previous"),
         findChild<QAction*>(QStringLiteral("actionPreviousSong"))},
        {QStringLiteral("vamp"), vampPart ? vampPart->action() : nullptr},
        {QStringLiteral("stage"), stageAction},
        {QStringLiteral("lock"), lockAction},
    };
    for (int n = 1; n <= 9; ++n)
        adopted[QStringLiteral("marker.goto.%1").arg(n)] =
            findChild<QAction*>(QStringLiteral("actionJumpToMarker%1").arg(n));
    controlKeys_ = new ControlKeys(*this, *control_, settings_, adopted);
    connect(controlKeys_, &ControlKeys::refused, this, [this](const QString& message) {
        statusBar()->showMessage(message, kStatusMessageMs);
    });
    // Playback › More Controls: the actions the menus had no item for (next marker, tempo …).
    auto* more = ui_->menuPlayback->addMenu(tr("More &Controls"));
    more->setObjectName(QStringLiteral("menuMoreControls"));
    for (QAction* action : controlKeys_->ownActions()) {
        const ControlKeys::Binding* b =
            controlKeys_->binding(action->objectName().mid(int(qstrlen("control:"))));
        if (b && b->bindable) more->addAction(action);
        shortcuts_->watch(action);
    }

    // The remote doors, as the settings say (all off by default).
    controlHub_ = new remote::ControlHub(*control_, this);
    controlHub_->setClockEngine(&engine);
    controlHub_->applySettings(settings_);
    // A door that could not open: one line (the first), the app runs on.
    const QString failed = controlHub_->oscFailed()    ? controlHub_->oscStatus()
                           : controlHub_->httpFailed() ? controlHub_->httpStatus()
                           : settings_.midiEnabled() && !controlHub_->midiOpen()
                               ? controlHub_->midiStatus()
                           : controlHub_->clockFailed() ? controlHub_->clockStatus()
                                                        : QString();
    if (!failed.isEmpty()) statusBar()->showMessage(failed, kStatusMessageMs);
    connect(controlHub_, &remote::ControlHub::midiProblem, this,
            [this](const QString& line) { statusBar()->showMessage(line, kStatusMessageMs); });
    // MIDI clock out switched on in the settings and not open: its one line here too.
    connect(controlHub_, &remote::ControlHub::clockChanged, this, [this] {
        if (controlHub_->clockFailed())
            statusBar()->showMessage(controlHub_->clockStatus(), kStatusMessageMs);
    });
}

void MainWindow::addControlsPage(SettingsDialog* dialog) {
    dialog->addPage(new ControlsSettingsPage(*controlKeys_, *controlHub_, settings_),
                    tr("Controls"));
    dialog->addPage(new LanguageSettingsPage(settings_), tr("Language"));
}

void MainWindow::tearDownControl() {
    // The settings page first (its key edits apply what they hold when they lose the focus),
    // then the doors (they listen to the center), then the center (it drives the playback).
    delete settingsDialog_;
    delete controlHub_;
    controlHub_ = nullptr;
    delete controlKeys_;
    controlKeys_ = nullptr;
    delete control_;
    control_ = nullptr;
}

}  // namespace stemdeck::ui
