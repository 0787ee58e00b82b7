#include "stemdeck/ui/SettingsDialog.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTableWidget>
#include <algorithm>

#include "stemdeck/app/AudioProfiles.h"
#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/RoutingStore.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/audio/mix/OutputRouting.h"
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
    ui_->routingHint->setStyleSheet(dim);
    ui_->routingTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    ui_->routingTable->verticalHeader()->hide();
    populate();
    addVampChoice();

    const auto comboChanged = &QComboBox::currentIndexChanged;
    connect(ui_->deviceCombo, comboChanged, this, &SettingsDialog::applyOutput);
    connect(ui_->rateCombo, comboChanged, this, &SettingsDialog::applyOutput);
    connect(ui_->channelsCombo, comboChanged, this, &SettingsDialog::applyOutput);
    connect(ui_->deviceCombo, comboChanged, this, &SettingsDialog::labelChannelChoices);
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
    connect(ui_->followRateCheck, &QCheckBox::toggled, this, [this](bool on) {
        settings_.setFollowSongRate(on);
        settings_.sync();
        playback_.setFollowSongRate(on);
    });
    connect(&playback_, &app::PlaybackManager::outputChanged, this, &SettingsDialog::showStatus);
    connect(&playback_, &app::PlaybackManager::outputChanged, this, &SettingsDialog::showRate);
    // After SampleRateFollower (made before any dialog) has saved what really runs.
    connect(&playback_, &app::PlaybackManager::sampleRateFellBack, this,
            [this](int, const QString& explanation) {
                rateNote_ = explanation;
                showRate();
            });
    // After RoutingStore (made before any dialog) has put the remembered routes in place.
    connect(&playback_, &app::PlaybackManager::outputChanged, this,
            &SettingsDialog::rebuildRouting);
    connect(&playback_, &app::PlaybackManager::songLoaded, this, &SettingsDialog::rebuildRouting);
    connect(&playback_, &app::PlaybackManager::loadStarted, this, &SettingsDialog::showStatus);
    connect(&playback_, &app::PlaybackManager::songLoaded, this, &SettingsDialog::showStatus);
    connect(&playback_, &app::PlaybackManager::errorOccurred, this, &SettingsDialog::showStatus);
    connect(&playback_, &app::PlaybackManager::latencyMonitorChanged, this, [this](bool on) {
        const QSignalBlocker block(ui_->latencyCheck);
        ui_->latencyCheck->setChecked(on);
    });
    showStatus();
    rebuildRouting();
}

void SettingsDialog::addPage(QWidget* page, const QString& title) {
    if (!pages_) {
        // Everything above the Close button moves to the Audio page, as it was laid out.
        auto* audio = new QWidget;
        audio->setObjectName(QStringLiteral("audioPage"));
        auto* audioLayout = new QVBoxLayout(audio);
        audioLayout->setContentsMargins(0, 8, 0, 0);
        audioLayout->setSpacing(ui_->dialogLayout->spacing());
        const int buttons = ui_->dialogLayout->indexOf(ui_->buttonBox);
        for (int i = 0; i < buttons; ++i) {
            QLayoutItem* item = ui_->dialogLayout->takeAt(0);
            if (QWidget* widget = item->widget()) {
                audioLayout->addWidget(widget);
                delete item;
            } else if (QLayout* layout = item->layout()) {
                layout->setParent(nullptr);
                audioLayout->addLayout(layout);
            } else {
                audioLayout->addItem(item);  // the stretch
            }
        }
        pages_ = new QTabWidget(this);
        pages_->setObjectName(QStringLiteral("settingsPages"));
        pages_->addTab(audio, tr("Audio"));
        ui_->dialogLayout->insertWidget(0, pages_, 1);
        setWindowTitle(tr("Settings"));
        resize(qMax(width(), 640), height());
    }
    pages_->addTab(page, title);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addVampChoice() {
    auto* combo = new QComboBox(this);
    combo->setObjectName(QStringLiteral("vampReleaseCombo"));
    combo->setToolTip(tr("How Markers › Vamp Section ends when it is released"));
    combo->addItem(tr("At the end of the pass"), static_cast<int>(app::VampRelease::EndOfPass));
    combo->addItem(tr("At the next bar line (a seamless jump)"),
                   static_cast<int>(app::VampRelease::NextBar));
    combo->setCurrentIndex(combo->findData(static_cast<int>(settings_.vampRelease())));
    ui_->formLayout->addRow(tr("Vamp release"), combo);
    connect(combo, &QComboBox::currentIndexChanged, this, [this, combo] {
        settings_.setVampRelease(static_cast<app::VampRelease>(combo->currentData().toInt()));
        settings_.sync();
    });
}

void SettingsDialog::populate() {
    const QSignalBlocker blockDevice(ui_->deviceCombo);
    const QSignalBlocker blockRate(ui_->rateCombo);
    const QSignalBlocker blockBlock(ui_->blockCombo);
    const QSignalBlocker blockCheck(ui_->latencyCheck);

    const QString device = settings_.outputDevice();
    ui_->deviceCombo->addItem(tr("System default"), QString());
    for (const audio::OutputDevice& d : audio::PortAudioOutput::devices()) {
        const QString label = QString::fromStdString(d.label());
        // Shown printable; the raw label stays the item's data, the name saved and matched.
        const QString shown = app::displayName(label);
        ui_->deviceCombo->addItem(d.isDefault ? tr("%1 (default)").arg(shown) : shown, label);
    }
    int index = ui_->deviceCombo->findData(device);
    if (index < 0) {
        // Keep the user's choice visible even while that device is unplugged.
        ui_->deviceCombo->addItem(tr("%1 (not available)").arg(app::displayName(device)), device);
        index = ui_->deviceCombo->count() - 1;
    }
    ui_->deviceCombo->setCurrentIndex(index);

    ui_->rateCombo->addItem(QString(), 0);
    for (int rate : app::Settings::sampleRates())
        ui_->rateCombo->addItem(tr("%1 Hz").arg(rate), rate);
    showRate();

    const int rate = playback_.outputOpen() ? playback_.outputRate() : 48000;
    for (const app::AudioProfile& p : settings_.profiles().profiles())
        ui_->blockCombo->addItem(tr("%1: %2 frames (%3 ms)")
                                     .arg(p.name)
                                     .arg(p.framesPerBuffer)
                                     .arg(1000.0 * p.framesPerBuffer / rate, 0, 'f', 1),
                                 p.framesPerBuffer);
    ui_->blockCombo->setCurrentIndex(ui_->blockCombo->findData(settings_.framesPerBuffer()));
    showBlockDescription();

    ui_->latencyCheck->setChecked(playback_.latencyMonitorEnabled());
    const QSignalBlocker blockFollow(ui_->followRateCheck);
    ui_->followRateCheck->setChecked(playback_.followSongRate());

    const QSignalBlocker blockChannels(ui_->channelsCombo);
    ui_->channelsCombo->addItem(tr("Stereo (1–2)"), 2);
    ui_->channelsCombo->addItem(QString(), 0);
    labelChannelChoices();
    ui_->channelsCombo->setCurrentIndex(ui_->channelsCombo->findData(settings_.outputChannels()));
}

void SettingsDialog::labelChannelChoices() {
    const QString chosen = ui_->deviceCombo->currentData().toString();
    int channels = 0;
    const std::vector<audio::OutputDevice> devices = audio::PortAudioOutput::devices();
    if (const audio::OutputDevice* d = audio::findOutputDevice(devices, chosen.toStdString()))
        channels = std::min(d->maxOutputChannels, audio::OutputRouting::kMaxChannels);
    ui_->channelsCombo->setItemText(1, channels > 0
                                           ? tr("All channels of the device (%1)").arg(channels)
                                           : tr("All channels of the device"));
}

void SettingsDialog::rebuildRouting() {
    app::MixerFacade& mixer = playback_.mixer();
    const int channels = mixer.outputChannels();
    const bool routable = channels >= 4;
    QTableWidget* table = ui_->routingTable;
    table->setRowCount(0);
    if (mixer.hasSong()) {
        const std::vector<std::string> stems = mixer.stemNames();
        const std::size_t sources = stems.size() + 1;
        table->setRowCount(static_cast<int>(sources));
        for (std::size_t i = 0; i < sources; ++i) {
            const bool click = i == mixer.clickSource();
            const int row = static_cast<int>(i);
            table->setItem(row, 0,
                           new QTableWidgetItem(click ? tr("Click") : app::displayName(stems[i])));
            auto* pairs = new QComboBox(table);
            for (int p = 0; p < std::max(1, channels / 2); ++p)
                pairs->addItem(tr("%1–%2").arg(2 * p + 1).arg(2 * p + 2), p);
            const int index = pairs->findData(mixer.route(i));
            pairs->setCurrentIndex(std::max(0, index));
            connect(pairs, &QComboBox::currentIndexChanged, this, [this, i, pairs] {
                app::RoutingStore::route(settings_, playback_.mixer(), i,
                                         pairs->currentData().toInt());
            });
            table->setCellWidget(row, 1, pairs);
        }
    }
    table->setEnabled(routable);
    ui_->routingHint->setText(
        routable ? tr("Each stem and the click play on the outputs chosen here.")
                 : tr("Routing needs a device with 4 or more outputs, opened with all its "
                      "channels."));
}

void SettingsDialog::showRate() {
    const QSignalBlocker block(ui_->rateCombo);
    // "Device default (48000 Hz)": the rate it stands for, while a device is open.
    ui_->rateCombo->setItemText(0, playback_.outputOpen() && settings_.sampleRate() == 0
                                       ? tr("Device default (%1 Hz)").arg(playback_.outputRate())
                                       : tr("Device default"));
    ui_->rateCombo->setCurrentIndex(std::max(0, ui_->rateCombo->findData(settings_.sampleRate())));
}

void SettingsDialog::applyOutput() {
    rateNote_.clear();
    settings_.setOutputDevice(ui_->deviceCombo->currentData().toString());
    settings_.setSampleRate(ui_->rateCombo->currentData().toInt());
    settings_.setFramesPerBuffer(ui_->blockCombo->currentData().toInt());
    settings_.setOutputChannels(ui_->channelsCombo->currentData().toInt());
    settings_.sync();
    playback_.openOutput(settings_.outputConfig());
    showStatus();
    rebuildRouting();
}

void SettingsDialog::showStatus() {
    QString text;
    QColor colour = palette::kDimText;
    if (playback_.isLoading() && playback_.loadingFolder() == playback_.songFolder()) {
        text = tr("Preparing the song for the new sample rate…");
    } else if (!playback_.outputProblem().isEmpty()) {
        text = playback_.outputProblem();
        colour = playback_.outputOpen() ? palette::kWarn : palette::kBad;
    } else {
        text = tr("Playing on %1").arg(playback_.outputDescription());
        if (!rateNote_.isEmpty()) {
            text += QStringLiteral("\n") + rateNote_;
            colour = palette::kWarn;
        }
    }
    ui_->statusLabel->setText(text);
    ui_->statusLabel->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
}

void SettingsDialog::showBlockDescription() {
    const app::AudioProfile* p = settings_.profiles().find(ui_->blockCombo->currentData().toInt());
    ui_->blockDescription->setText(p ? p->description : QString());
}

}  // namespace stemdeck::ui
