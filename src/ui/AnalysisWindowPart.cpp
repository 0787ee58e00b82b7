#include "stemdeck/ui/AnalysisWindowPart.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>

#include "Feedback.h"
#include "stemdeck/app/AutoAnalysis.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/ui/AnalysisPanel.h"
#include "stemdeck/ui/StageView.h"

namespace stemdeck::ui {

namespace {}  // namespace

AnalysisWindowPart::AnalysisWindowPart(QMainWindow& window, app::PlaybackManager& playback,
                                       StageView& stage, app::SongMarkers& markers)
    : QObject(&window),
      window_(window),
      playback_(playback),
      markers_(markers),
      analysis_(new app::AutoAnalysis(playback, app::AnalysisCache(), this)),
      action_(new QAction(tr("Song &Analysis…"), &window)) {
    action_->setObjectName(QStringLiteral("actionSongAnalysis"));
    action_->setToolTip(
        tr("The tempo, first downbeat and key found in the song: confirm, "
           "correct or write them to meta.json"));
    // MainWindow enables the actions so marked while there is a song.
    action_->setProperty("stemdeckNeedsSong", true);
    action_->setEnabled(playback.hasSong());
    if (auto* menu = window_.findChild<QMenu*>(QStringLiteral("menuMarkers"))) {
        menu->addSeparator();
        menu->addAction(action_);
    }
    connect(action_, &QAction::triggered, this, &AnalysisWindowPart::showPanel);
    connect(analysis_, &app::AutoAnalysis::message, this, [this](const QString& text) {
        window_.statusBar()->showMessage(text, kStatusMessageMs);
    });
    // A tempo found for a song whose meta.json gives none: bar.beat instead of the time.
    connect(&playback_, &app::PlaybackManager::clickChanged, &stage,
            [this, &stage] { stage.setHasTempo(playback_.songHasTempo()); });
}

AnalysisWindowPart::~AnalysisWindowPart() = default;

AnalysisPanel* AnalysisWindowPart::showPanel() {
    if (!panel_) {
        panel_ = new AnalysisPanel(*analysis_, playback_, &window_);
        panel_->setMarkers(&markers_);
        panel_->setAttribute(Qt::WA_DeleteOnClose);
    }
    panel_->show();
    panel_->raise();
    return panel_;
}

}  // namespace stemdeck::ui
