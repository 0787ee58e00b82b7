#include "stemdeck/ui/RehearsalBar.h"

#include <QSignalBlocker>
#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/app/SongMeta.h"
#include "stemdeck/audio/click/ClickSettings.h"
#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/ui/FlowLayout.h"
#include "stemdeck/ui/WheelGuard.h"
#include "ui_RehearsalBar.h"

namespace stemdeck::ui {

namespace {

// The fields offer what the engine takes (audio/core/Limits.h) and the settings keep; the form
// holds no numbers of its own.
void setRanges(Ui::RehearsalBar& ui) {
    namespace limits = audio::limits;
    const int minTempo = static_cast<int>(std::lround(100.0 * limits::kMinTempoRatio));
    const int maxTempo = static_cast<int>(std::lround(100.0 * limits::kMaxTempoRatio));
    ui.tempoSpin->setRange(minTempo, maxTempo);
    ui.tempoSpin->setValue(100);
    ui.tempoSpin->setToolTip(RehearsalBar::tr("Practice tempo, without changing the pitch "
                                              "(%1–%2 %)")
                                 .arg(minTempo)
                                 .arg(maxTempo));
    ui.pitchSpin->setRange(-limits::kMaxPitchSemitones, limits::kMaxPitchSemitones);
    // Half the engine's fine range: with the semitone field that reaches every pitch, and no
    // detuned instrument is further off its nearest semitone.
    const int maxCents = static_cast<int>(limits::kMaxFineCents / 2);
    ui.centsSpin->setRange(-maxCents, maxCents);
    ui.clickLevelSpin->setRange(app::Settings::kMinClickLevelDb, 0);
    ui.clickLevelSpin->setValue(app::Settings::kDefaultClickLevelDb);
    ui.bpmSpin->setRange(limits::kMinBpm, limits::kMaxBpm);
    ui.bpmSpin->setValue(audio::ClickSettings{}.bpm);
    static_assert(app::Settings::kMaxCountInBars <= limits::kMaxCountInBars);
    ui.countInSpin->setRange(0, app::Settings::kMaxCountInBars);
}

}  // namespace

RehearsalBar::RehearsalBar(QWidget* parent)
    : QFrame(parent), ui_(std::make_unique<Ui::RehearsalBar>()) {
    ui_->setupUi(this);
    setRanges(*ui_);
    arrangeGroups();
    // The fields take the keyboard from Tab or a click (a keyboard user reaches them too; the
    // transport keys still work in them until a number is typed: TransportKeys), and the wheel
    // once focused. Its buttons take Tab focus (a tool button's own), as the transport's do.
    for (QWidget* w : std::initializer_list<QWidget*>{
             ui_->tempoSpin, ui_->pitchSpin, ui_->centsSpin, ui_->clickLevelSpin, ui_->bpmSpin,
             ui_->meterCombo, ui_->countInSpin}) {
        w->setFocusPolicy(Qt::StrongFocus);
        WheelGuard::guard(w);
    }
    tapClock_.start();
    connect(ui_->tempoSpin, &QSpinBox::valueChanged, this, &RehearsalBar::applyTempo);
    connect(ui_->pitchSpin, &QSpinBox::valueChanged, this, &RehearsalBar::applyPitch);
    connect(ui_->centsSpin, &QSpinBox::valueChanged, this, &RehearsalBar::applyPitch);
    connect(ui_->clickButton, &QToolButton::toggled, this, &RehearsalBar::applyClick);
    connect(ui_->clickLevelSpin, &QSpinBox::valueChanged, this, &RehearsalBar::applyClick);
    connect(ui_->bpmSpin, &QDoubleSpinBox::valueChanged, this, &RehearsalBar::applyClick);
    connect(ui_->meterCombo, &QComboBox::currentIndexChanged, this, &RehearsalBar::applyClick);
    connect(ui_->countInSpin, &QSpinBox::valueChanged, this, &RehearsalBar::applyClick);
    connect(ui_->tapButton, &QToolButton::pressed, this,
            [this] { tap(static_cast<double>(tapClock_.nsecsElapsed()) * 1e-9); });
    connect(ui_->tempoResetButton, &QToolButton::clicked, this,
            [this] { ui_->tempoSpin->setValue(100); });
    connect(ui_->pitchResetButton, &QToolButton::clicked, this, [this] {
        const QSignalBlocker block(ui_->centsSpin);
        ui_->centsSpin->setValue(0);
        ui_->pitchSpin->setValue(0);
        applyPitch();  // also when only the cents were off
    });
}

RehearsalBar::~RehearsalBar() = default;

void RehearsalBar::arrangeGroups() {
    // One row in a wide window, two in a narrow one.
    constexpr int kGroupSpacing = 18, kRowSpacing = 4;
    auto* flow = new FlowLayout(this, kGroupSpacing, kRowSpacing);
    flow->setContentsMargins(14, 2, 14, 6);
    for (QWidget* group : {ui_->tempoGroup, ui_->pitchGroup, ui_->clickGroup})
        flow->addWidget(group);
    connect(ui_->countInSpin, &QSpinBox::valueChanged, this, &RehearsalBar::nameCountInUnit);
    nameCountInUnit();
}

void RehearsalBar::nameCountInUnit() {
    // "Count-in 1 bar", "Count-in 2 bars" ("No count-in" at 0).
    const int bars = ui_->countInSpin->value();
    ui_->countInSpin->setSuffix(tr(" bar(s)", "count-in length", bars));
}

void RehearsalBar::setPlayback(app::PlaybackManager* playback) {
    if (playback_) playback_->disconnect(this);
    playback_ = playback;
    if (playback_) {
        connect(playback_, &app::PlaybackManager::tempoPitchChanged, this, &RehearsalBar::refresh);
        connect(playback_, &app::PlaybackManager::clickChanged, this, &RehearsalBar::refreshClick);
    }
    refresh();
    refreshClick();
}

void RehearsalBar::refresh() {
    if (!playback_) return;
    const QSignalBlocker a(ui_->tempoSpin), b(ui_->pitchSpin), c(ui_->centsSpin);
    ui_->tempoSpin->setValue(static_cast<int>(std::lround(playback_->tempo() * 100.0)));
    ui_->pitchSpin->setValue(playback_->pitchSemitones());
    ui_->centsSpin->setValue(static_cast<int>(std::lround(playback_->pitchFineCents())));
}

void RehearsalBar::applyTempo() {
    if (playback_) playback_->setTempo(ui_->tempoSpin->value() / 100.0);
}

void RehearsalBar::applyPitch() {
    if (playback_) playback_->setPitch(ui_->pitchSpin->value(), ui_->centsSpin->value());
}

void RehearsalBar::refreshClick() {
    if (!playback_) return;
    const audio::ClickSettings click = playback_->click();
    const QSignalBlocker a(ui_->clickButton), b(ui_->clickLevelSpin), c(ui_->bpmSpin),
        d(ui_->meterCombo), e(ui_->countInSpin);
    ui_->clickButton->setChecked(click.enabled);
    ui_->clickLevelSpin->setValue(static_cast<int>(std::lround(click.levelDb)));
    ui_->bpmSpin->setValue(click.bpm);
    const QString meter = QStringLiteral("%1/%2").arg(click.beatsPerBar).arg(click.beatUnit);
    // A song's unusual meter (from meta.json) joins the list.
    if (ui_->meterCombo->findText(meter) < 0) ui_->meterCombo->addItem(meter);
    ui_->meterCombo->setCurrentIndex(ui_->meterCombo->findText(meter));
    ui_->countInSpin->setValue(click.countInBars);
    nameCountInUnit();  // its signals were blocked
}

void RehearsalBar::applyClick() {
    if (!playback_) return;
    audio::ClickSettings click = playback_->click();
    click.enabled = ui_->clickButton->isChecked();
    click.levelDb = static_cast<float>(ui_->clickLevelSpin->value());
    click.bpm = ui_->bpmSpin->value();
    app::SongMeta::parseTimeSignature(ui_->meterCombo->currentText(), &click.beatsPerBar,
                                      &click.beatUnit);
    click.countInBars = ui_->countInSpin->value();
    playback_->setClick(click);
    emit clickEdited();
}

void RehearsalBar::tap(double seconds) {
    tapTempo_.tap(seconds);
    if (const auto bpm = tapTempo_.bpm())
        ui_->bpmSpin->setValue(std::clamp(*bpm, ui_->bpmSpin->minimum(), ui_->bpmSpin->maximum()));
}

}  // namespace stemdeck::ui
