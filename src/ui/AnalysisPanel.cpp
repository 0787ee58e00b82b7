#include "stemdeck/ui/AnalysisPanel.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

#include "stemdeck/app/AutoAnalysis.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SongMeta.h"
#include "stemdeck/audio/core/Limits.h"

namespace stemdeck::ui {

AnalysisPanel::AnalysisPanel(app::AutoAnalysis& analysis, app::PlaybackManager& playback,
                             QWidget* parent)
    : QDialog(parent), analysis_(analysis), playback_(playback) {
    setWindowTitle(tr("Song Analysis"));
    setObjectName(QStringLiteral("analysisPanel"));
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    bpm_ = new QDoubleSpinBox(this);
    bpm_->setObjectName(QStringLiteral("analysisBpm"));
    bpm_->setRange(audio::limits::kMinBpm, audio::limits::kMaxBpm);
    bpm_->setDecimals(2);
    bpm_->setSuffix(tr(" BPM"));
    firstDownbeat_ = new QDoubleSpinBox(this);
    firstDownbeat_->setObjectName(QStringLiteral("analysisFirstDownbeat"));
    firstDownbeat_->setRange(0.0, 3600.0);
    firstDownbeat_->setDecimals(3);
    firstDownbeat_->setSingleStep(kNudgeSeconds);
    firstDownbeat_->setSuffix(tr(" s"));
    auto* earlier = new QPushButton(tr("−10 ms"), this);
    auto* later = new QPushButton(tr("+10 ms"), this);
    earlier->setToolTip(tr("Move the first downbeat (and the whole grid) 10 ms earlier"));
    later->setToolTip(tr("Move the first downbeat (and the whole grid) 10 ms later"));
    auto* downbeatRow = new QHBoxLayout;
    downbeatRow->addWidget(firstDownbeat_, 1);
    downbeatRow->addWidget(earlier);
    downbeatRow->addWidget(later);
    key_ = new QLineEdit(this);
    key_->setObjectName(QStringLiteral("analysisKey"));
    key_->setPlaceholderText(tr("e.g. A minor"));

    auto* form = new QFormLayout;
    form->addRow(tr("Tempo:"), bpm_);
    form->addRow(tr("First downbeat:"), downbeatRow);
    form->addRow(tr("Key:"), key_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    write_ = buttons->addButton(tr("Write to meta.json"), QDialogButtonBox::ActionRole);
    write_->setObjectName(QStringLiteral("analysisWrite"));
    write_->setToolTip(tr("Keep this tempo, meter and key in the song folder's meta.json"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(status_);
    layout->addLayout(form);
    setUpSections(layout);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(write_, &QPushButton::clicked, this, &AnalysisPanel::writeToMeta);
    connect(earlier, &QPushButton::clicked, this, [this] { nudge(-kNudgeSeconds); });
    connect(later, &QPushButton::clicked, this, [this] { nudge(kNudgeSeconds); });
    // Applied when an edit is done (Enter, focus out, the arrows), not at every keystroke.
    connect(bpm_, &QDoubleSpinBox::editingFinished, this, &AnalysisPanel::applyGrid);
    connect(firstDownbeat_, &QDoubleSpinBox::editingFinished, this, &AnalysisPanel::applyGrid);
    connect(&analysis_, &app::AutoAnalysis::resultChanged, this, &AnalysisPanel::showResult);
    showResult();
}

void AnalysisPanel::showResult() {
    const auto& result = analysis_.result();
    const bool has = result.has_value();
    for (QWidget* w : {static_cast<QWidget*>(bpm_), static_cast<QWidget*>(firstDownbeat_),
                       static_cast<QWidget*>(key_), static_cast<QWidget*>(write_)})
        w->setEnabled(has);
    if (!has) {
        status_->setText(analysis_.running() ? tr("Analysing the song…")
                                             : tr("No analysis for this song (its meta.json "
                                                  "gives tempo, meter and key, or no song)."));
        return;
    }
    const app::SongMeta meta = app::SongMeta::read(analysis_.folder());
    status_->setText(
        tr("Found %1 BPM, %2 (tempo confidence %3 %, key %4 %). %5")
            .arg(result->bpm, 0, 'f', 1)
            .arg(result->key.empty() ? tr("no key") : QString::fromStdString(result->key))
            .arg(std::lround(result->confidence * 100))
            .arg(std::lround(result->keyConfidence * 100))
            .arg(meta.tempo > 0 ? tr("The click keeps meta.json's tempo.") : QString()));
    bpm_->setValue(result->bpm > 0.0 ? result->bpm : 120.0);
    firstDownbeat_->setValue(meta.hasFirstDownbeat ? meta.firstDownbeat : result->firstDownbeat());
    key_->setText(QString::fromStdString(result->key));
}

void AnalysisPanel::applyGrid() {
    const auto& result = analysis_.result();
    if (!result) return;
    playback_.adoptDetectedTempo(analysis_.folder(), bpm_->value(), firstDownbeat_->value(),
                                 result->beatsPerBar);
}

void AnalysisPanel::nudge(double seconds) {
    firstDownbeat_->setValue(firstDownbeat_->value() + seconds);
    applyGrid();
}

void AnalysisPanel::writeToMeta() {
    const auto& result = analysis_.result();
    if (!result) return;
    QString error;
    if (app::AutoAnalysis::writeToMeta(analysis_.folder(), bpm_->value(), key_->text().trimmed(),
                                       result->beatsPerBar, firstDownbeat_->value(), &error)) {
        status_->setText(tr("Written to meta.json."));
        // meta.json's grid now rules the click (its tempo wins over a detected one).
        playback_.rereadSongGrid();
    } else {
        status_->setText(tr("meta.json was not written: %1").arg(error));
    }
}

}  // namespace stemdeck::ui
