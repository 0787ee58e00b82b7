#include "stemdeck/ui/VampWindowPart.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QSignalBlocker>
#include <QStatusBar>

#include "Feedback.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SectionVamp.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/app/SongMarkers.h"
#include "stemdeck/ui/ShortcutGuide.h"
#include "stemdeck/ui/StageView.h"

namespace stemdeck::ui {

namespace {}  // namespace

VampWindowPart::VampWindowPart(QMainWindow& window, app::PlaybackManager& playback,
                               const app::SongMarkers& markers, app::Settings& settings,
                               StageView& stage)
    : QObject(&window),
      window_(window),
      settings_(settings),
      stage_(stage),
      vamp_(new app::SectionVamp(playback, markers, this)),
      action_(new QAction(tr("&Vamp Section"), &window)) {
    action_->setObjectName(QStringLiteral("actionVampSection"));
    action_->setToolTip(
        tr("Repeat the section the play is in (marker to marker) until "
           "released"));
    action_->setCheckable(true);
    action_->setShortcut(QKeySequence(Qt::Key_V));
    // MainWindow enables the actions so marked while there is a song.
    action_->setProperty("stemdeckNeedsSong", true);
    action_->setEnabled(playback.hasSong());
    if (auto* menu = window_.findChild<QMenu*>(QStringLiteral("menuMarkers"))) {
        menu->addSeparator();
        menu->addAction(action_);
    }
    if (auto* guide = window_.findChild<ShortcutGuide*>()) guide->watch(action_);

    connect(action_, &QAction::triggered, this, &VampWindowPart::toggle);
    connect(&stage_, &StageView::vampRequested, this, &VampWindowPart::toggle);
    connect(vamp_, &app::SectionVamp::vampChanged, this,
            [this](bool active, double, double) { show(active); });
    connect(vamp_, &app::SectionVamp::message, this, [this](const QString& text) {
        window_.statusBar()->showMessage(text, kStatusMessageMs);
    });
}

VampWindowPart::~VampWindowPart() = default;

void VampWindowPart::toggle() {
    // The settings dialog may have changed it since.
    vamp_->setReleaseMode(settings_.vampRelease());
    vamp_->toggle();
    show(vamp_->active());  // a vamp that could not start unchecks the action
}

void VampWindowPart::show(bool active) {
    {
        const QSignalBlocker block(action_);
        action_->setChecked(active);
    }
    stage_.setVamp(active, vamp_->section().name);
    if (active)
        window_.statusBar()->showMessage(
            tr("Vamping %1: %2 releases")
                .arg(vamp_->section().name, action_->shortcut().toString(QKeySequence::NativeText)),
            kStatusMessageMs);
}

}  // namespace stemdeck::ui
