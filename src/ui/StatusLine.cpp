#include "stemdeck/ui/StatusLine.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>
#include <algorithm>

#include "Feedback.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/ui/Palette.h"

namespace stemdeck::ui {

namespace {

constexpr int kLoadBarWidth = 180;
// The output's text at most: a long device name must not widen a narrow window.
constexpr int kOutputTextWidth = 420;

}  // namespace

StatusLine::StatusLine(app::PlaybackManager& playback, QWidget* parent)
    : QWidget(parent),
      playback_(playback),
      loadBar_(new QProgressBar(this)),
      cancelButton_(new QToolButton(this)),
      outputButton_(new QToolButton(this)),
      bufferingLabel_(new QLabel(tr("Buffering…"), this)) {
    setObjectName(QStringLiteral("statusLine"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    loadBar_->setObjectName(QStringLiteral("loadBar"));
    loadBar_->setRange(0, kProgressSteps);
    loadBar_->setFixedWidth(kLoadBarWidth);
    loadBar_->setTextVisible(false);
    cancelButton_->setObjectName(QStringLiteral("cancelLoadButton"));
    cancelButton_->setText(tr("Cancel"));
    cancelButton_->setToolTip(tr("Stop loading; the current song stays"));
    cancelButton_->setFocusPolicy(Qt::NoFocus);
    outputButton_->setObjectName(QStringLiteral("outputButton"));
    outputButton_->setAutoRaise(true);
    outputButton_->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(loadBar_);
    layout->addWidget(cancelButton_);
    bufferingLabel_->setObjectName(QStringLiteral("bufferingLabel"));
    bufferingLabel_->setToolTip(
        tr("The song is still loading: playback waits for it to catch "
           "up, then carries on"));
    bufferingLabel_->setStyleSheet(QStringLiteral("color: %1;").arg(palette::kWarn.name()));
    layout->addWidget(bufferingLabel_);
    layout->addWidget(outputButton_);
    showLoading(false);
    showBuffering(false);
    connect(&playback_, &app::PlaybackManager::bufferingChanged, this, &StatusLine::showBuffering);
    connect(cancelButton_, &QToolButton::clicked, &playback_, &app::PlaybackManager::cancelLoad);
    connect(outputButton_, &QToolButton::clicked, this, &StatusLine::outputClicked);
    connect(&playback_, &app::PlaybackManager::loadProgress, this, [this](double fraction) {
        loadBar_->setValue(static_cast<int>(fraction * kProgressSteps));
    });
}

void StatusLine::showLoading(bool loading) {
    loadBar_->setVisible(loading);
    cancelButton_->setVisible(loading);
    if (loading) loadBar_->setValue(0);
}

void StatusLine::showOutput() {
    const bool open = playback_.outputOpen();
    const QString& problem = playback_.outputProblem();
    const QColor colour = !open               ? palette::kBad
                          : problem.isEmpty() ? palette::kGood
                                              : palette::kWarn;
    // "● DEVICE · 48 kHz · …": the device's name gives way ("…") to what it does.
    QStringList parts = playback_.outputSummary().split(QStringLiteral(" \u00b7 "));
    const QFontMetrics metrics = outputButton_->fontMetrics();
    const QString dot = QStringLiteral("\u25cf  ");
    const QString rest = QStringList(parts.mid(1)).join(QStringLiteral(" \u00b7 "));
    const int room =
        kOutputTextWidth - metrics.horizontalAdvance(dot + QStringLiteral(" \u00b7 ") + rest);
    parts[0] = metrics.elidedText(parts[0], Qt::ElideRight, std::max(room, 60));
    outputButton_->setText(dot + parts.join(QStringLiteral(" \u00b7 ")));
    outputButton_->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
    QString tip = open ? playback_.outputDescription() : QString();
    tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) +
           (problem.isEmpty() ? tr("Audio settings…") : problem);
    outputButton_->setToolTip(tip);
}

void StatusLine::showBuffering(bool buffering) {
    bufferingLabel_->setVisible(buffering);
}

QString StatusLine::outputText() const {
    return outputButton_->text();
}

}  // namespace stemdeck::ui
