#include "stemdeck/ui/StageView.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPalette>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "stemdeck/app/SectionVamp.h"
#include "stemdeck/ui/BeatLight.h"
#include "stemdeck/ui/StageCues.h"
#include "stemdeck/ui/StageWords.h"

namespace stemdeck::ui {

namespace {

// Font sizes in pixels at 1280x720; they scale with the smaller of width/1280 and height/720.
constexpr int kTitlePx = 52;
constexpr int kLockPx = 26;
constexpr int kSectionPx = 84;
constexpr int kNextSectionPx = 40;
constexpr int kBarBeatPx = 132;
constexpr int kInfoPx = 36;
constexpr int kButtonPx = 28;
constexpr int kLightPx = 104;
constexpr int kButtonHeightPx = 60;
constexpr int kMarginPx = 20;

const char* const kFullText = "stemdeckFullText";
// The vamp button names its section in at most this many characters (a marker's name may
// have 80): the buttons' row must fit.
constexpr qsizetype kVampNameChars = 16;

QString shortName(const QString& name) {
    return name.size() <= kVampNameChars ? name : name.left(kVampNameChars - 1) + QChar(0x2026);
}

// White on black; the section in yellow, the time-critical figures in white, the rest light
// grey: all well above WCAG AAA contrast on black.
const char* const kStyle = R"(
#stageView { background: #000000; }
#stageView QLabel { color: #ffffff; background: transparent; }
#stageView #stageSection { color: #ffd84a; }
#stageView #stageNextSection, #stageView #stageNextSong { color: #d0d0d0; }
#stageView #stageLock { color: #000000; background: #ff9f1a; border-radius: 6px; padding: 2px 12px; }
#stageView QPushButton { color: #ffffff; background: #1c1c1c; border: 2px solid #5a5a5a;
                         border-radius: 8px; padding: 4px 18px; }
#stageView QPushButton:pressed { background: #333333; }
#stageView QPushButton:disabled { color: #555555; border-color: #2a2a2a; }
#stageView #stageVamp[vamping="true"] { color: #000000; background: #ffd84a; border-color: #ffd84a; }
)";

}  // namespace

StageView::StageView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("stageView"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QString::fromLatin1(kStyle));
    // Opaque: what it covers of the main window (the playhead, the meters) is not painted.
    setAutoFillBackground(true);
    QPalette black = palette();
    black.setColor(QPalette::Window, Qt::black);
    setPalette(black);
    setFocusPolicy(Qt::StrongFocus);

    title_ = addLabel("stageTitle", Qt::AlignLeft | Qt::AlignVCenter);
    lock_ = addLabel("stageLock", Qt::AlignCenter);
    lock_->setText(tr("MIX LOCKED"));
    lock_->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    lock_->hide();
    section_ = addLabel("stageSection", Qt::AlignLeft | Qt::AlignVCenter);
    nextSection_ = addLabel("stageNextSection", Qt::AlignLeft | Qt::AlignVCenter);
    words_ = new StageWords(this);
    barBeat_ = addLabel("stageBarBeat", Qt::AlignLeft | Qt::AlignVCenter);
    light_ = new BeatLight(this);
    light_->setObjectName(QStringLiteral("stageBeatLight"));
    songLeft_ = addLabel("stageSongLeft", Qt::AlignLeft | Qt::AlignVCenter);
    setLeft_ = addLabel("stageSetLeft", Qt::AlignLeft | Qt::AlignVCenter);
    nextSong_ = addLabel("stageNextSong", Qt::AlignRight | Qt::AlignVCenter);
    previous_ = addButton("stagePrevious", tr("◀◀ Previous Song"));
    playPause_ = addButton("stagePlayPause", tr("Play"));
    stop_ = addButton("stageStop", tr("Stop"));
    next_ = addButton("stageNext", tr("Next Song ▶▶"));
    vamp_ = addButton("stageVamp", tr("Vamp"));
    connect(previous_, &QPushButton::clicked, this, &StageView::previousSongRequested);
    connect(playPause_, &QPushButton::clicked, this, &StageView::playPauseRequested);
    connect(stop_, &QPushButton::clicked, this, &StageView::stopRequested);
    connect(next_, &QPushButton::clicked, this, &StageView::nextSongRequested);
    connect(vamp_, &QPushButton::clicked, this, &StageView::vampRequested);

    auto* top = new QHBoxLayout;
    top->addWidget(title_, 1);
    top->addWidget(lock_);
    auto* beat = new QHBoxLayout;
    beat->addWidget(barBeat_, 1);
    beat->addWidget(light_);
    auto* info = new QHBoxLayout;
    info->addWidget(songLeft_, 1);
    info->addWidget(setLeft_, 1);
    info->addWidget(nextSong_, 2);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(previous_);
    buttons->addStretch(1);
    buttons->addWidget(playPause_);
    buttons->addWidget(stop_);
    buttons->addStretch(1);
    buttons->addWidget(vamp_);
    buttons->addWidget(next_);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addStretch(1);
    layout->addWidget(section_);
    layout->addWidget(nextSection_);
    layout->addWidget(words_);
    layout->addStretch(1);
    layout->addLayout(beat);
    layout->addStretch(1);
    layout->addLayout(info);
    layout->addLayout(buttons);

    clearSetContext();
    setSong(QString(), 0.0, false);
    scaleFonts();
}

StageView::~StageView() = default;

QLabel* StageView::addLabel(const char* name, Qt::Alignment align) {
    auto* label = new QLabel(this);
    label->setObjectName(QString::fromLatin1(name));
    label->setAlignment(align);
    // The width is the layout's; long texts are cut with "…" (setElided).
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

QPushButton* StageView::addButton(const char* name, const QString& text) {
    auto* button = new QPushButton(text, this);
    button->setObjectName(QString::fromLatin1(name));
    // Space and Enter are the window's (play/pause, back to start), not a button's click.
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

void StageView::scaleFonts() {
    const double scale = std::max(0.5, std::min(width() / 1280.0, height() / 720.0));
    const auto px = [scale](int size) { return std::max(8, static_cast<int>(size * scale)); };
    const auto sized = [](QFont font, int pixels, bool bold) {
        font.setPixelSize(pixels);
        font.setBold(bold);
        return font;
    };
    const QFont base = font();
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setFamilies({QStringLiteral("DejaVu Sans Mono"), mono.family()});
    title_->setFont(sized(base, px(kTitlePx), true));
    lock_->setFont(sized(base, px(kLockPx), true));
    section_->setFont(sized(base, px(kSectionPx), true));
    nextSection_->setFont(sized(base, px(kNextSectionPx), false));
    words_->setScale(scale);
    barBeat_->setFont(sized(mono, px(kBarBeatPx), true));
    for (QLabel* label : {songLeft_, setLeft_, nextSong_})
        label->setFont(sized(mono, px(kInfoPx), false));
    nextSong_->setFont(sized(base, px(kInfoPx), false));
    for (QPushButton* button : {previous_, playPause_, stop_, vamp_, next_}) {
        button->setFont(sized(base, px(kButtonPx), true));
        button->setMinimumHeight(px(kButtonHeightPx));
    }
    light_->setFixedSize(px(kLightPx), px(kLightPx));
    layout()->setContentsMargins(px(kMarginPx), px(kMarginPx), px(kMarginPx), px(kMarginPx));
    // The fonts changed the widths: cut the texts again.
    for (QLabel* label : findChildren<QLabel*>())
        if (label->property(kFullText).isValid())
            setElided(label, label->property(kFullText).toString());
}

void StageView::setElided(QLabel* label, const QString& text) {
    label->setProperty(kFullText, text);
    const int width = label->width() > 0 ? label->width() : this->width();
    const QString shown = label->fontMetrics().elidedText(text, Qt::ElideRight, width);
    label->setText(shown);
    label->setToolTip(shown == text ? QString() : text);
}

void StageView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    scaleFonts();
}

void StageView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    scaleFonts();
}

void StageView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        emit leaveRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void StageView::setSong(const QString& title, double durationSeconds, bool hasTempo) {
    setElided(title_, title.isEmpty() ? tr("No song") : title);
    hasTempo_ = hasTempo;
    duration_ = std::max(0.0, durationSeconds);
    position_ = 0.0;
    countIn_ = 0;
    markers_.clear();
    vamping_ = false;
    showSections();
    showBeat();
    showTimes();
}

void StageView::setHasTempo(bool hasTempo) {
    if (hasTempo == hasTempo_) return;
    hasTempo_ = hasTempo;
    showBeat();
}

void StageView::setDuration(double seconds) {
    duration_ = std::max(0.0, seconds);
    showTimes();
}

void StageView::setClick(const audio::ClickSettings& click) {
    click_ = click;
    showBeat();
}

void StageView::setMarkers(std::vector<app::SongMarker> markers) {
    markers_ = std::move(markers);
    showSections();
}

void StageView::setPosition(double seconds) {
    position_ = std::max(0.0, seconds);
    showSections();
    showBeat();
    showTimes();
}

void StageView::setPlaying(bool playing) {
    playPause_->setText(playing ? tr("Pause") : tr("Play"));
}

void StageView::setCountIn(int beatsLeft) {
    if (beatsLeft == countIn_) return;
    countIn_ = std::max(0, beatsLeft);
    sinceCountBeat_.start();
    showBeat();
}

void StageView::setLocked(bool locked) {
    lock_->setVisible(locked);
}

void StageView::setSetContext(const QString& nextSong, double setSecondsLeftAfterThisSong) {
    inSet_ = true;
    nextSongName_ = nextSong;
    setAfterSong_ = std::max(0.0, setSecondsLeftAfterThisSong);
    setSongNavigation(true, !nextSong.isEmpty());
    showSetContext();
}

void StageView::clearSetContext() {
    inSet_ = false;
    nextSongName_.clear();
    setAfterSong_ = 0.0;
    setSongNavigation(false, false);
    showSetContext();
}

void StageView::setSongNavigation(bool canPrevious, bool canNext) {
    previous_->setEnabled(canPrevious);
    next_->setEnabled(canNext);
}

void StageView::setVamp(bool active, const QString& section) {
    vamping_ = active;
    vampSection_ = section;
    vamp_->setProperty("vamping", active);
    // The style sheet's [vamping="true"] is only looked at again when the button is polished.
    vamp_->style()->unpolish(vamp_);
    vamp_->style()->polish(vamp_);
    showVamp();
}

void StageView::showVamp() {
    if (vamping_) {
        vamp_->setText(tr("Release %1").arg(shortName(vampSection_)));
        vamp_->setEnabled(true);
        return;
    }
    const auto here = app::SectionVamp::sectionAt(markers_, position_, duration_);
    vamp_->setText(here ? tr("Vamp %1").arg(shortName(here->name)) : tr("Vamp"));
    vamp_->setEnabled(here.has_value());
}

void StageView::showSetContext() {
    nextSong_->setVisible(inSet_);
    setElided(nextSong_, nextSongName_.isEmpty() ? tr("Last song of the set")
                                                 : tr("Next song: %1").arg(nextSongName_));
    showTimes();
}

void StageView::showTimes() {
    const double songLeft = std::max(0.0, duration_ - position_);
    songLeft_->setText(tr("Song −%1").arg(stage::formatRemaining(songLeft)));
    setLeft_->setText(tr("Set −%1").arg(stage::formatRemaining(songLeft + setAfterSong_)));
}

void StageView::showSections() {
    const stage::Sections s = stage::sectionsAt(markers_, position_);
    setElided(section_, s.current.isEmpty() ? tr("—") : s.current);
    setElided(nextSection_,
              s.next.isEmpty()
                  ? QStringLiteral(" ")  // keeps its line: nothing jumps
                  : tr("Next: %1 in %2").arg(s.next, stage::formatRemaining(s.secondsToNext)));
    showVamp();
}

void StageView::showBeat() {
    if (countIn_ > 0) {
        barBeat_->setText(tr("Count-in %1").arg(countIn_));
        const bool flash = sinceCountBeat_.isValid() &&
                           sinceCountBeat_.elapsed() < stage::kBeatFlashSeconds * 1000;
        light_->setState(flash ? BeatLight::State::Beat : BeatLight::State::Off);
        return;
    }
    if (!hasTempo_) {
        // No tempo known: a bar count would be a guess.
        barBeat_->setText(stage::formatElapsed(position_));
        light_->setState(BeatLight::State::Off);
        return;
    }
    const stage::BarBeat at = stage::barBeatAt(click_, position_);
    barBeat_->setText(stage::formatBarBeat(at));
    light_->setState(!at.flashing()  ? BeatLight::State::Off
                     : at.downbeat() ? BeatLight::State::Downbeat
                                     : BeatLight::State::Beat);
}

}  // namespace stemdeck::ui
