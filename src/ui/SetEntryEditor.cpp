#include "stemdeck/ui/SetEntryEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <algorithm>
#include <initializer_list>
#include <cmath>

#include "stemdeck/audio/core/Limits.h"

namespace stemdeck::ui {

using app::set::SetEntry;
using app::set::Transition;
namespace limits = audio::limits;

namespace {

constexpr Transition kTransitions[] = {Transition::Stop, Transition::Gap, Transition::Segue,
                                       Transition::Crossfade};

}  // namespace

SetEntryEditor::SetEntryEditor(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("setEntryEditor"));
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 4, 0, 0);

    transition_ = new QComboBox(this);
    transition_->setObjectName(QStringLiteral("transitionCombo"));
    transition_->addItems({tr("Stop"), tr("Gap"), tr("Segue"), tr("Crossfade")});
    transition_->setToolTip(tr("How this song leads into the next one"));
    gap_ = new QDoubleSpinBox(this);
    gap_->setObjectName(QStringLiteral("gapSpin"));
    gap_->setRange(0.0, app::set::kMaxGapSeconds);
    gap_->setDecimals(1);
    gap_->setSuffix(tr(" s"));
    gap_->setToolTip(tr("Silence before the next song"));
    crossfade_ = new QDoubleSpinBox(this);
    crossfade_->setObjectName(QStringLiteral("crossfadeSpin"));
    crossfade_->setRange(0.1, app::set::kMaxCrossfadeSeconds);
    crossfade_->setDecimals(1);
    crossfade_->setSuffix(tr(" s"));
    crossfade_->setToolTip(tr("The next song starts this long before this one ends"));
    auto* transitionRow = new QHBoxLayout;
    transitionRow->addWidget(transition_, 1);
    transitionRow->addWidget(gap_);
    transitionRow->addWidget(crossfade_);
    form->addRow(tr("Then"), transitionRow);

    tempo_ = new QDoubleSpinBox(this);
    tempo_->setObjectName(QStringLiteral("entryTempoSpin"));
    tempo_->setRange(100.0 * limits::kMinTempoRatio, 100.0 * limits::kMaxTempoRatio);
    tempo_->setDecimals(0);
    tempo_->setSuffix(tr(" %"));
    tempo_->setToolTip(tr("Tempo (pitch unchanged)"));
    pitch_ = new QSpinBox(this);
    pitch_->setObjectName(QStringLiteral("entryPitchSpin"));
    pitch_->setRange(-limits::kMaxPitchSemitones, limits::kMaxPitchSemitones);
    pitch_->setSuffix(tr(" st"));
    pitch_->setToolTip(tr("Transposition in semitones"));
    cents_ = new QSpinBox(this);
    cents_->setObjectName(QStringLiteral("entryCentsSpin"));
    cents_->setRange(-static_cast<int>(limits::kMaxFineCents),
                     static_cast<int>(limits::kMaxFineCents));
    cents_->setSuffix(tr(" ct"));
    cents_->setToolTip(tr("Fine pitch in cents"));
    auto* playRow = new QHBoxLayout;
    playRow->addWidget(tempo_);
    playRow->addWidget(pitch_);
    playRow->addWidget(cents_);
    form->addRow(tr("Tempo, pitch"), playRow);

    click_ = new QCheckBox(tr("Click"), this);
    click_->setObjectName(QStringLiteral("entryClickCheck"));
    countIn_ = new QSpinBox(this);
    countIn_->setObjectName(QStringLiteral("entryCountInSpin"));
    countIn_->setRange(0, limits::kMaxCountInBars);
    countIn_->setPrefix(tr("count-in "));
    countIn_->setSuffix(tr(" bars"));
    auto* clickRow = new QHBoxLayout;
    clickRow->addWidget(click_);
    clickRow->addWidget(countIn_, 1);
    form->addRow(tr("Click"), clickRow);

    startMarker_ = new QComboBox(this);
    startMarker_->setObjectName(QStringLiteral("startMarkerCombo"));
    startMarker_->setEditable(true);
    startMarker_->setInsertPolicy(QComboBox::NoInsert);
    startMarker_->setToolTip(tr("Start at this marker instead of the song's start"));
    startMarker_->lineEdit()->setPlaceholderText(tr("the song's start"));
    form->addRow(tr("Start at"), startMarker_);
    // A row's label names only its first field: the others are named by what they hold.
    for (QWidget* field : std::initializer_list<QWidget*>{gap_, crossfade_, tempo_, pitch_, cents_})
        field->setAccessibleName(field->toolTip());
    countIn_->setAccessibleName(tr("Count-in"));

    connect(transition_, &QComboBox::currentIndexChanged, this, &SetEntryEditor::edited);
    for (QDoubleSpinBox* spin : {gap_, crossfade_, tempo_})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &SetEntryEditor::edited);
    for (QSpinBox* spin : {pitch_, cents_, countIn_})
        connect(spin, &QSpinBox::valueChanged, this, &SetEntryEditor::edited);
    connect(click_, &QCheckBox::toggled, this, &SetEntryEditor::edited);
    connect(startMarker_->lineEdit(), &QLineEdit::editingFinished, this, &SetEntryEditor::edited);
    connect(startMarker_, &QComboBox::activated, this, &SetEntryEditor::edited);
    setEntry(-1, {});
}

void SetEntryEditor::setEntry(int row, const SetEntry& entry, const QStringList& markers) {
    showing_ = true;
    row_ = row;
    entry_ = entry;
    for (int i = 0; i < 4; ++i)
        if (kTransitions[i] == entry.transition) transition_->setCurrentIndex(i);
    gap_->setValue(entry.gapSeconds);
    crossfade_->setValue(entry.crossfadeSeconds);
    tempo_->setValue(100.0 * entry.tempo);
    pitch_->setValue(static_cast<int>(std::lround(entry.pitchSemitones)));
    cents_->setValue(static_cast<int>(std::lround(entry.cents)));
    click_->setChecked(entry.click);
    countIn_->setValue(entry.countInBars);
    startMarker_->clear();
    startMarker_->addItem(QString());  // the song's start
    startMarker_->addItems(markers);
    startMarker_->setEditText(QString::fromStdString(entry.startMarker));
    showing_ = false;
    enableFields();
}

void SetEntryEditor::enableFields() {
    const bool on = row_ >= 0;
    for (QWidget* field : std::initializer_list<QWidget*>{transition_, tempo_, pitch_, cents_,
                                                          click_, countIn_, startMarker_})
        field->setEnabled(on);
    gap_->setEnabled(on && entry_.transition == Transition::Gap);
    crossfade_->setEnabled(on && entry_.transition == Transition::Crossfade);
}

void SetEntryEditor::edited() {
    if (showing_ || row_ < 0) return;
    SetEntry entry = entry_;
    entry.transition = kTransitions[std::max(0, transition_->currentIndex())];
    entry.gapSeconds = gap_->value();
    entry.crossfadeSeconds = crossfade_->value();
    entry.tempo = tempo_->value() / 100.0;
    entry.pitchSemitones = pitch_->value();
    entry.cents = cents_->value();
    entry.click = click_->isChecked();
    entry.countInBars = countIn_->value();
    entry.startMarker = startMarker_->currentText().trimmed().toStdString();
    // Untouched values keep their exact number (a tempo of 0.875 shows as 88 %).
    if (std::lround(100.0 * entry_.tempo) == std::lround(100.0 * entry.tempo))
        entry.tempo = entry_.tempo;
    if (std::lround(entry_.pitchSemitones) == pitch_->value())
        entry.pitchSemitones = entry_.pitchSemitones;
    if (std::lround(entry_.cents) == cents_->value()) entry.cents = entry_.cents;
    if (std::abs(entry_.gapSeconds - entry.gapSeconds) < 0.05) entry.gapSeconds = entry_.gapSeconds;
    if (std::abs(entry_.crossfadeSeconds - entry.crossfadeSeconds) < 0.05)
        entry.crossfadeSeconds = entry_.crossfadeSeconds;
    // The whole transposition stays within the engine's range.
    entry.cents = std::clamp(entry.cents, -limits::kMaxPitchCents - 100.0 * entry.pitchSemitones,
                             limits::kMaxPitchCents - 100.0 * entry.pitchSemitones);
    if (entry.transition == entry_.transition && entry.gapSeconds == entry_.gapSeconds &&
        entry.crossfadeSeconds == entry_.crossfadeSeconds && entry.tempo == entry_.tempo &&
        entry.pitchSemitones == entry_.pitchSemitones && entry.cents == entry_.cents &&
        entry.click == entry_.click && entry.countInBars == entry_.countInBars &&
        entry.startMarker == entry_.startMarker)
        return;
    entry_ = entry;
    enableFields();
    emit entryEdited(row_, entry_);
}

}  // namespace stemdeck::ui
