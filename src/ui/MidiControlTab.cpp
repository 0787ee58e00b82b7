#include "stemdeck/ui/MidiControlTab.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include "stemdeck/app/Settings.h"
#include "stemdeck/app/control/MidiDoor.h"
#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/backend/MidiSystem.h"
#include "stemdeck/remote/ControlHub.h"

namespace stemdeck::ui {

namespace {

namespace midi = control::midi;

enum Column { kAction, kSource, kMode, kTakeover, kLearn, kRemove, kColumns };

const QString kVirtual = QStringLiteral("virtual");

std::filesystem::path pathOf(const QString& path) {
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

QString sourceText(const midi::MidiSource& source) {
    const QString channel = source.channel == 0 ? MidiControlTab::tr("any channel")
                                                : MidiControlTab::tr("ch %1").arg(source.channel);
    switch (source.type) {
        case midi::MidiSource::Type::Note:
            return MidiControlTab::tr("note %1 %2").arg(source.number).arg(channel);
        case midi::MidiSource::Type::Cc:
            return MidiControlTab::tr("CC %1 %2").arg(source.number).arg(channel);
        case midi::MidiSource::Type::Pc:
            return MidiControlTab::tr("program change %1").arg(channel);
    }
    return {};
}

QString actionTitle(const std::string& name) {
    static const std::vector<control::ActionSpec> specs = control::actionCatalog();
    for (const auto& spec : specs)
        if (spec.name == name) return QString::fromStdString(spec.title);
    return QString::fromStdString(name);
}

}  // namespace

MidiControlTab::MidiControlTab(remote::ControlHub& hub, app::Settings& settings, QWidget* parent)
    : QWidget(parent), hub_(hub), settings_(settings) {
    setObjectName(QStringLiteral("midiTab"));
    // Probed once, when the page opens: it may open a JACK client for a moment.
    const control::backend::MidiSystemChoice system = control::backend::MidiSystem::detect();
    systemNote_ =
        system.api == control::backend::MidiApi::None
            ? QString::fromStdString(system.note.empty() ? control::backend::MidiSystem::kNoneNote
                                                         : system.note)
            : tr("MIDI system: %1")
                  .arg(QString::fromLatin1(control::backend::MidiSystem::apiName(system.api))
                           .toUpper());

    enabled_ = new QCheckBox(tr("Let a MIDI controller or pedal drive stemdeck"), this);
    enabled_->setObjectName(QStringLiteral("midiEnabled"));
    input_ = new QComboBox(this);
    input_->setObjectName(QStringLiteral("midiInput"));
    input_->setEditable(true);  // part of a name: the controller may be plugged in later
    input_->setToolTip(tr("\"virtual\": a port of stemdeck's own to connect the controller to"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("midiStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    learnAction_ = new QComboBox(this);
    learnAction_->setObjectName(QStringLiteral("midiLearnAction"));
    for (const auto& spec : control::actionCatalog())
        learnAction_->addItem(QString::fromStdString(spec.title),
                              QString::fromStdString(spec.name));
    learn_ = new QPushButton(tr("&Learn"), this);
    learn_->setObjectName(QStringLiteral("midiLearn"));
    learn_->setToolTip(tr("Then press the pedal or move the control to bind to the action"));
    bindings_ = new QTableWidget(0, kColumns, this);
    bindings_->setObjectName(QStringLiteral("midiBindings"));
    bindings_->setHorizontalHeaderLabels(
        {tr("Action"), tr("Source"), tr("Mode"), tr("Takeover"), {}, {}});
    bindings_->verticalHeader()->hide();
    bindings_->setSelectionMode(QAbstractItemView::NoSelection);
    bindings_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    bindings_->horizontalHeader()->setSectionResizeMode(kAction, QHeaderView::Stretch);
    for (int c = kSource; c < kColumns; ++c)
        bindings_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("midiMessage"));
    message_->setWordWrap(true);
    auto* importButton = new QPushButton(tr("&Import…"), this);
    importButton->setObjectName(QStringLiteral("midiImport"));
    auto* exportButton = new QPushButton(tr("&Export…"), this);
    exportButton->setObjectName(QStringLiteral("midiExport"));

    clockEnabled_ = new QCheckBox(tr("Send MIDI &clock"), this);
    clockEnabled_->setObjectName(QStringLiteral("midiClockEnabled"));
    clockEnabled_->setToolTip(
        tr("24 ticks per beat with Start, Stop and song position: a drum machine follows"));
    clockOutput_ = new QComboBox(this);
    clockOutput_->setObjectName(QStringLiteral("midiClockOutput"));
    clockOutput_->setEditable(true);  // part of a name: the synth may be plugged in later
    clockOutput_->setAccessibleName(tr("MIDI clock output"));
    clockOutput_->setToolTip(tr("\"virtual\": stemdeck's clock port alone, to connect a synth to"));
    clockStatus_ = new QLabel(this);
    clockStatus_->setObjectName(QStringLiteral("midiClockStatus"));
    clockStatus_->setWordWrap(true);
    clockStatus_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(enabled_, 1);
    top->addWidget(new QLabel(tr("Input"), this));
    top->addWidget(input_, 1);
    layout->addLayout(top);
    layout->addWidget(status_);
    auto* learnRow = new QHBoxLayout;
    learnRow->addWidget(new QLabel(tr("Bind"), this));
    learnRow->addWidget(learnAction_, 1);
    learnRow->addWidget(learn_);
    layout->addLayout(learnRow);
    layout->addWidget(bindings_, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(message_, 1);
    bottom->addWidget(importButton);
    bottom->addWidget(exportButton);
    layout->addLayout(bottom);
    auto* clockRow = new QHBoxLayout;
    clockRow->addWidget(clockEnabled_, 1);
    auto* clockLabel = new QLabel(tr("Clock output"), this);
    clockLabel->setBuddy(clockOutput_);
    clockRow->addWidget(clockLabel);
    clockRow->addWidget(clockOutput_, 1);
    layout->addLayout(clockRow);
    layout->addWidget(clockStatus_);

    {
        const QSignalBlocker b1(enabled_), b2(input_);
        enabled_->setChecked(settings_.midiEnabled());
        fillPorts({});
        const QSignalBlocker b3(clockEnabled_), b4(clockOutput_);
        clockEnabled_->setChecked(settings_.midiClockEnabled());
        fillClockOutputs();
    }
    connect(clockEnabled_, &QCheckBox::toggled, this, &MidiControlTab::applyClock);
    connect(clockOutput_, &QComboBox::activated, this, &MidiControlTab::applyClock);
    connect(clockOutput_->lineEdit(), &QLineEdit::editingFinished, this,
            &MidiControlTab::applyClock);
    connect(&hub_, &remote::ControlHub::clockChanged, this,
            [this] { clockStatus_->setText(hub_.clockStatus()); });
    clockStatus_->setText(hub_.clockStatus());
    connect(enabled_, &QCheckBox::toggled, this, &MidiControlTab::apply);
    connect(input_, &QComboBox::activated, this, &MidiControlTab::apply);
    connect(input_->lineEdit(), &QLineEdit::editingFinished, this, &MidiControlTab::apply);
    connect(learn_, &QPushButton::clicked, this,
            [this] { learn(learnAction_->currentData().toString()); });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import MIDI Mapping"), {},
                                                          tr("MIDI mappings (*.json)"));
        if (!path.isEmpty()) importMapping(path);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export MIDI Mapping"), {},
                                                          tr("MIDI mappings (*.json)"));
        if (!path.isEmpty()) exportMapping(path);
    });
    connect(&hub_, &remote::ControlHub::midiChanged, this, &MidiControlTab::followDoor);
    connect(&hub_, &remote::ControlHub::midiProblem, this, &MidiControlTab::say);
    followDoor();
}

void MidiControlTab::apply() {
    const QString input = input_->currentText().trimmed();
    if (!input.isEmpty()) settings_.setMidiInput(input);
    settings_.setMidiEnabled(enabled_->isChecked());
    settings_.sync();
    hub_.applyMidi(remote::ControlHub::midiConfig(settings_));
}

void MidiControlTab::applyClock() {
    const QString output = clockOutput_->currentText().trimmed();
    if (!output.isEmpty()) settings_.setMidiClockOutput(output);
    settings_.setMidiClockEnabled(clockEnabled_->isChecked());
    settings_.sync();
    hub_.applyClock(remote::ControlHub::clockConfig(settings_));
}

void MidiControlTab::fillClockOutputs() {
    const QSignalBlocker block(clockOutput_);
    const QString chosen = settings_.midiClockOutput();
    clockOutput_->clear();
    clockOutput_->addItem(kVirtual);
    clockOutput_->addItems(remote::ControlHub::clockOutputs());
    if (clockOutput_->findText(chosen) < 0) clockOutput_->addItem(chosen);
    clockOutput_->setCurrentText(chosen);
}

// The hub makes a new door on each change of the settings: the page follows it.
void MidiControlTab::followDoor() {
    app::MidiDoor* door = hub_.midiDoor();
    if (door != door_) {
        if (door_) disconnect(door_, nullptr, this, nullptr);
        door_ = door;
        if (door_) {
            connect(door_, &app::MidiDoor::portsChanged, this, &MidiControlTab::fillPorts);
            connect(door_, &app::MidiDoor::learned, this,
                    [this](const QString& action, const QString& source) {
                        say(tr("%1 ← %2").arg(actionTitle(action.toStdString()), source));
                        refresh();
                    });
            connect(door_, &app::MidiDoor::learnCancelled, this, &MidiControlTab::refresh);
            connect(door_, &app::MidiDoor::learnStarted, this, &MidiControlTab::refresh);
            fillPorts(door_->inputPorts());
        }
    }
    refresh();
}

void MidiControlTab::refresh() {
    status_->setText(door_ ? door_->status() : tr("Off. %1").arg(systemNote_));
    const bool learning = door_ && door_->learning();
    learn_->setText(learning ? tr("Cancel") : tr("&Learn"));
    learn_->setEnabled(door_ && door_->isOpen());
    fillBindings();
}

void MidiControlTab::fillPorts(const QStringList& ports) {
    const QSignalBlocker block(input_);
    const QString chosen = settings_.midiInput();
    input_->clear();
    input_->addItem(kVirtual);
    input_->addItems(ports);
    if (input_->findText(chosen) < 0) input_->addItem(chosen);
    input_->setCurrentText(chosen);
}

void MidiControlTab::fillBindings() {
    const midi::MidiMapping mapping = currentMapping();
    bindings_->setRowCount(0);
    for (std::size_t i = 0; i < mapping.bindings.size(); ++i) {
        const midi::MidiBinding& b = mapping.bindings[i];
        const int row = bindings_->rowCount();
        bindings_->insertRow(row);
        bindings_->setItem(row, kAction, new QTableWidgetItem(actionTitle(b.action)));
        bindings_->setItem(row, kSource, new QTableWidgetItem(sourceText(b.source)));
        bindings_->setItem(row, kMode, new QTableWidgetItem(QString::fromLatin1(modeName(b.mode))));
        if (b.mode == midi::MidiMode::Absolute)
            bindings_->setCellWidget(row, kTakeover, takeoverBox(i, b));
        auto* relearn = new QPushButton(tr("Learn"));
        relearn->setEnabled(door_ && door_->isOpen() && !door_->learning());
        const QString action = QString::fromStdString(b.action);
        connect(relearn, &QPushButton::clicked, this, [this, action] { learn(action); });
        bindings_->setCellWidget(row, kLearn, relearn);
        auto* remove = new QPushButton(tr("Remove"));
        connect(remove, &QPushButton::clicked, this, [this, i] {
            midi::MidiMapping next = currentMapping();
            if (i >= next.bindings.size()) return;
            next.bindings.erase(next.bindings.begin() + std::ptrdiff_t(i));
            storeMapping(std::move(next));
        });
        bindings_->setCellWidget(row, kRemove, remove);
    }
}

// A fader's takeover: pick up (wait until the fader reaches the value) or jump (motor faders).
QComboBox* MidiControlTab::takeoverBox(std::size_t index, const midi::MidiBinding& binding) {
    auto* box = new QComboBox;
    box->setObjectName(QStringLiteral("midiTakeover%1").arg(index));
    box->setAccessibleName(tr("Takeover of %1").arg(actionTitle(binding.action)));
    box->setToolTip(tr("Pick up: the fader acts once it reaches the value; jump: at once"));
    box->addItem(tr("pick up"), QString::fromLatin1(takeoverName(midi::MidiTakeover::Pickup)));
    box->addItem(tr("jump"), QString::fromLatin1(takeoverName(midi::MidiTakeover::Jump)));
    box->setCurrentIndex(binding.takeover == midi::MidiTakeover::Jump ? 1 : 0);
    // Queued: storing the mapping rebuilds the table, this box with it.
    connect(
        box, &QComboBox::activated, this,
        [this, index](int chosen) {
            // The item chosen, not the box: it may be gone by the time this runs.
            const auto takeover =
                chosen == 1 ? midi::MidiTakeover::Jump : midi::MidiTakeover::Pickup;
            midi::MidiMapping next = currentMapping();
            if (index >= next.bindings.size() || next.bindings[index].takeover == takeover) return;
            next.bindings[index].takeover = takeover;
            storeMapping(std::move(next));
        },
        Qt::QueuedConnection);
    return box;
}

void MidiControlTab::learn(const QString& action) {
    if (!door_) return;
    if (door_->learning()) {
        door_->cancelLearn();
        say(tr("Learn cancelled"));
    } else if (door_->startLearn(action)) {
        say(tr("%1: press the pedal or move the control…").arg(actionTitle(action.toStdString())));
    }
    refresh();
}

void MidiControlTab::say(const QString& line) {
    message_->setText(line);
}

midi::MidiMapping MidiControlTab::currentMapping() const {
    if (door_) return door_->mapping();
    const QString path = settings_.midiMappingPath();
    if (!QFile::exists(path)) return {};
    return midi::MidiMappingFile::load(pathOf(path)).mapping;
}

void MidiControlTab::storeMapping(midi::MidiMapping mapping) {
    if (door_) {
        door_->setMapping(std::move(mapping));  // saves it too
    } else {
        const std::string error =
            midi::MidiMappingFile::save(mapping, pathOf(settings_.midiMappingPath()));
        if (!error.empty()) say(tr("MIDI mapping: %1").arg(QString::fromStdString(error)));
    }
    refresh();
}

bool MidiControlTab::importMapping(const QString& path) {
    midi::MidiMappingLoad load;
    const QString destination = settings_.midiMappingPath();
    std::error_code ignored;  // a folder that cannot be made: import says so
    std::filesystem::create_directories(pathOf(destination).parent_path(), ignored);
    const std::string error =
        midi::MidiMappingFile::import(pathOf(path), pathOf(destination), &load);
    if (!error.empty()) {
        say(tr("Not imported: %1").arg(QString::fromStdString(error).left(300)));
        return false;
    }
    QString line = tr("Imported %n binding(s)", nullptr, int(load.mapping.bindings.size()));
    if (!load.problems.empty())
        line += tr("; %n left out, first: %1", nullptr, int(load.problems.size()))
                    .arg(QString::fromStdString(load.problems.front()).left(200));
    if (door_) door_->setMapping(load.mapping);
    refresh();
    say(line);
    return true;
}

bool MidiControlTab::exportMapping(const QString& path) {
    const std::string error = midi::MidiMappingFile::save(currentMapping(), pathOf(path));
    say(error.empty() ? tr("Exported to %1").arg(path)
                      : tr("Not exported: %1").arg(QString::fromStdString(error)));
    return error.empty();
}

}  // namespace stemdeck::ui
