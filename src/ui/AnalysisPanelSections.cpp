// AnalysisPanel's section suggestions (issue 14, part 5): qm-dsp's segmenter run on a worker
// through a SongAnalysisRunner of the panel's own (the background analysis keeps its own
// runner and cache), its bar-line starts listed, and added as markers on request.
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "stemdeck/app/AutoAnalysis.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SongAnalysisRunner.h"
#include "stemdeck/app/SongMarkers.h"
#include "stemdeck/app/SongMeta.h"
#include "stemdeck/ui/AnalysisPanel.h"
#include "stemdeck/ui/TimeFormat.h"

namespace stemdeck::ui {

void AnalysisPanel::setUpSections(QVBoxLayout* layout) {
    sectionRunner_ = new app::SongAnalysisRunner(app::AnalysisCache(), this);
    suggest_ = new QPushButton(tr("Suggest Sections"), this);
    suggest_->setObjectName(QStringLiteral("analysisSuggestSections"));
    suggest_->setToolTip(tr("Find where the song's sections start, on bar lines"));
    addSections_ = new QPushButton(tr("Add as Markers"), this);
    addSections_->setObjectName(QStringLiteral("analysisAddSections"));
    addSections_->setToolTip(tr("Add the suggested section starts to the song's markers"));
    addSections_->setEnabled(false);
    sectionList_ = new QListWidget(this);
    sectionList_->setObjectName(QStringLiteral("analysisSections"));
    sectionList_->setMaximumHeight(120);
    sectionStatus_ = new QLabel(this);
    sectionStatus_->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(suggest_);
    row->addStretch(1);
    row->addWidget(addSections_);
    layout->addLayout(row);
    layout->addWidget(sectionList_);
    layout->addWidget(sectionStatus_);

    connect(suggest_, &QPushButton::clicked, this, &AnalysisPanel::suggestSections);
    connect(addSections_, &QPushButton::clicked, this, [this] { addSectionsAsMarkers(); });
    connect(sectionRunner_, &app::SongAnalysisRunner::analysed, this,
            [this](const QString& folder, const analysis::AnalysisResult& result) {
                showSections(folder, result.sections, result.downbeats);
            });
    connect(sectionRunner_, &app::SongAnalysisRunner::failed, this,
            [this](const QString&, const QString& message) {
                suggest_->setEnabled(true);
                sectionStatus_->setText(message);
            });
    // Another song: the suggestions were for the last one.
    connect(&playback_, &app::PlaybackManager::songLoaded, this, &AnalysisPanel::clearSections);
}

void AnalysisPanel::setMarkers(app::SongMarkers* markers) {
    markers_ = markers;
    addSections_->setEnabled(markers_ && !suggestions_.empty());
}

void AnalysisPanel::suggestSections() {
    const auto song = playback_.sharedSong();
    const QString folder = playback_.songFolder();
    if (!song || folder.isEmpty()) {
        sectionStatus_->setText(tr("Sections can be suggested once the song has loaded."));
        return;
    }
    int beatsPerBar = 4;
    if (analysis_.result() && analysis_.folder() == folder)
        beatsPerBar = analysis_.result()->beatsPerBar;
    const app::SongMeta meta = app::SongMeta::read(folder);
    if (meta.beatsPerBar >= 2 && meta.beatsPerBar <= 16) beatsPerBar = meta.beatsPerBar;
    clearSections();
    suggest_->setEnabled(false);
    sectionStatus_->setText(tr("Listening for sections…"));
    sectionRunner_->startSections(folder, song, beatsPerBar);
}

void AnalysisPanel::showSections(const QString& folder, const std::vector<double>& sections,
                                 const std::vector<double>& downbeats) {
    suggest_->setEnabled(true);
    if (folder != playback_.songFolder()) return;
    sectionsFolder_ = folder;
    suggestions_ = sections;
    sectionList_->clear();
    for (const double start : sections) {
        // Its bar: the downbeat it is on (the segmenter snaps to them), counted from 1.
        const auto at = std::lower_bound(downbeats.begin(), downbeats.end(), start - 0.05);
        const int bar = static_cast<int>(at - downbeats.begin()) + 1;
        sectionList_->addItem(downbeats.empty()
                                  ? formatTime(start)
                                  : tr("%1  (bar %2)").arg(formatTime(start)).arg(bar));
    }
    sectionStatus_->setText(sections.empty() ? tr("No section changes were found.")
                                             : tr("%n section start(s) found.", nullptr,
                                                  static_cast<int>(sections.size())));
    addSections_->setEnabled(markers_ && !suggestions_.empty());
}

void AnalysisPanel::clearSections() {
    sectionRunner_->cancel();
    suggest_->setEnabled(true);
    suggestions_.clear();
    sectionsFolder_.clear();
    sectionList_->clear();
    sectionStatus_->clear();
    addSections_->setEnabled(false);
}

int AnalysisPanel::addSectionsAsMarkers() {
    if (!markers_ || suggestions_.empty() || sectionsFolder_ != playback_.songFolder()) return 0;
    const int added = markers_->addSections(suggestions_);
    sectionStatus_->setText(added > 0 ? tr("%n marker(s) added.", nullptr, added)
                                      : tr("Every suggestion already has a marker."));
    return added;
}

}  // namespace stemdeck::ui
