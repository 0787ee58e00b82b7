#include "stemdeck/ui/SettingsDialog.h"

#include <QSignalBlocker>

#include "stemdeck/app/AudioProfiles.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/ui/Palette.h"
#include "ui_SettingsDialog.h"

namespace stemdeck::ui {

SettingsDialog::SettingsDialog(app::Settings& settings, app::PlaybackManager& playback,
                               QWidget* parent)
    : QDialog(parent),
      ui_(std::make_unique<Ui::SettingsDialog>()),
      settings_(settings),
      playback_(playback) {
    ui_->setupUi(this);
    const QString dim = QStringLiteral("color: %1;").arg(palette::kDimText.name());
    ui_->blockDescription->setStyleSheet(dim);
    ui_->latencyHint->setStyleSheet(dim);
    populate();

    const auto comboChanged = &QComboBox::currentIndexChanged;
    connect(ui_->deviceCombo, comboChanged, this, &SettingsDialog::applyOutput);
    connect(ui_->rateCombo, comboChanged, this, &SettingsDialog::applyOutput);
    connect(ui_->blockCombo, comboChanged, this, [this] {
        showBlockDescription();
        applyOutput();
    });
    // Opens the chosen output again: after the device went away and came back (or after
    // plugging it in), when nothing in the choices has changed.
    connect(ui_->reconnectButton, &QPushButton::clicked, this, &SettingsDialog::applyOutput);
    connect(ui_->latencyCheck, &QCheckBox::toggled, this, [this](bool on) {
        settings_.setLatencyMonitorEnabled(on);
        settings_.sync();
        playback_.setLatencyMonitorEnabled(on);
    });
    connect(&playback_, &app::PlaybackManager::outputChanged, this, &SettingsDialog::showStatus);
    connect(&playback_, &app::PlaybackManager::loadStarted, this, &SettingsDialog::showStatus);
    connect(&playback_, &app::PlaybackManager::songLoaded, this, &SettingsDialog::showStatus);
    connect(&playback_, &app::PlaybackManager::errorOccurred, this, &SettingsDialog::showStatus);
    connect(&playback_, &app::PlaybackManager::latencyMonitorChanged, this, [this](bool on) {
        const QSignalBlocker block(ui_->latencyCheck);
        ui_->latencyCheck->setChecked(on);
    });
    showStatus();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::populate() {
    const QSignalBlocker blockDevice(ui_->deviceCombo);
    const QSignalBlocker blockRate(ui_->rateCombo);
    const QSignalBlocker blockBlock(ui_->blockCombo);
    const QSignalBlocker blockCheck(ui_->latencyCheck);

    const QString device = settings_.outputDevice();
    ui_->deviceCombo->addItem(tr("System default"), QString());
    for (const audio::OutputDevice& d : audio::PortAudioOutput::devices()) {
        const QString label = QString::fromStdString(d.label());
        ui_->deviceCombo->addItem(d.isDefault ? tr("%1 (default)").arg(label) : label, label);
    }
    int index = ui_->deviceCombo->findData(device);
    if (index < 0) {
        // Keep the user's choice visible even while that device is unplugged.
        ui_->deviceCombo->addItem(tr("%1 (not available)").arg(device), device);
        index = ui_->deviceCombo->count() - 1;
    }
    ui_->deviceCombo->setCurrentIndex(index);

    ui_->rateCombo->addItem(tr("Device default"), 0);
    for (int rate : app::Settings::sampleRates())
        ui_->rateCombo->addItem(tr("%1 Hz").arg(rate), rate);
    ui_->rateCombo->setCurrentIndex(ui_->rateCombo->findData(settings_.sampleRate()));

    const int rate = playback_.engine().outputOpen() ? playback_.engine().sampleRate() : 48000;
    for (const app::AudioProfile& p : settings_.profiles().profiles())
        ui_->blockCombo->addItem(tr("%1: %2 frames (%3 ms)")
                                     .arg(p.name)
                                     .arg(p.framesPerBuffer)
                                     .arg(1000.0 * p.framesPerBuffer / rate, 0, 'f', 1),
                                 p.framesPerBuffer);
    ui_->blockCombo->setCurrentIndex(ui_->blockCombo->findData(settings_.framesPerBuffer()));
    showBlockDescription();

    ui_->latencyCheck->setChecked(playback_.engine().latencyMonitorEnabled());
}

void SettingsDialog::applyOutput() {
    settings_.setOutputDevice(ui_->deviceCombo->currentData().toString());
    settings_.setSampleRate(ui_->rateCombo->currentData().toInt());
    settings_.setFramesPerBuffer(ui_->blockCombo->currentData().toInt());
    settings_.sync();
    playback_.openOutput(settings_.outputConfig());
    showStatus();
}

void SettingsDialog::showStatus() {
    QString text;
    QColor colour = palette::kDimText;
    if (playback_.isLoading() && playback_.loadingFolder() == playback_.songFolder()) {
        text = tr("Preparing the song for the new sample rate…");
    } else if (!playback_.outputProblem().isEmpty()) {
        text = playback_.outputProblem();
        colour = playback_.engine().outputOpen() ? palette::kWarn : palette::kBad;
    } else {
        text = tr("Playing on %1").arg(playback_.outputDescription());
    }
    ui_->statusLabel->setText(text);
    ui_->statusLabel->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
}

void SettingsDialog::showBlockDescription() {
    const app::AudioProfile* p = settings_.profiles().find(ui_->blockCombo->currentData().toInt());
    ui_->blockDescription->setText(p ? p->description : QString());
}

}  // namespace stemdeck::ui
