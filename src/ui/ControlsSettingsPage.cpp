#include "stemdeck/ui/ControlsSettingsPage.h"

#include <QAction>
#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "stemdeck/app/Settings.h"
#include "stemdeck/remote/ControlHub.h"
#include "stemdeck/ui/ControlKeys.h"
#include "stemdeck/ui/MidiControlTab.h"
#include "stemdeck/ui/Palette.h"
#include "stemdeck/ui/WebRemoteTab.h"

namespace stemdeck::ui {

namespace {

// The table's columns (named apart from the MIDI tab's in the unity build).
enum KeyColumn { kKeyAction, kKeyKeys, kKeyDefault, kKeyReset, kKeyColumns };

QString keysText(const QList<QKeySequence>& keys) {
    QStringList texts;
    for (const QKeySequence& key : keys) texts << key.toString(QKeySequence::NativeText);
    return texts.join(QStringLiteral(", "));
}

// The keys but the first, which the edit beside shows.
QString otherKeysText(const QList<QKeySequence>& keys) {
    return keys.size() > 1 ? ControlsSettingsPage::tr("also %1").arg(keysText(keys.mid(1)))
                           : QString();
}

bool isLoopback(const QString& address) {
    return address.startsWith(QLatin1String("127.")) || address == QLatin1String("::1");
}

}  // namespace

ControlsSettingsPage::ControlsSettingsPage(ControlKeys& keys, remote::ControlHub& hub,
                                           app::Settings& settings, QWidget* parent)
    : QWidget(parent), keys_(keys), hub_(hub), settings_(settings) {
    setObjectName(QStringLiteral("controlsPage"));
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("controlsTabs"));
    tabs->addTab(makeKeysTab(), tr("&Keys"));
    tabs->addTab(makeOscTab(), tr("&OSC"));
    tabs->addTab(new MidiControlTab(hub_, settings_), tr("M&IDI"));
    tabs->addTab(new WebRemoteTab(hub_, settings_), tr("&Web"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);
    connect(&keys_, &ControlKeys::keysChanged, this, &ControlsSettingsPage::fillKeys);
    connect(&hub_, &remote::ControlHub::oscChanged, this, &ControlsSettingsPage::showOsc);
    fillKeys();
    showOsc();
}

QWidget* ControlsSettingsPage::makeKeysTab() {
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    keysTable_ = new QTableWidget(0, kKeyColumns, tab);
    keysTable_->setObjectName(QStringLiteral("keysTable"));
    keysTable_->setHorizontalHeaderLabels({tr("Action"), tr("Keys"), tr("Default"), QString()});
    keysTable_->verticalHeader()->hide();
    keysTable_->setSelectionMode(QAbstractItemView::NoSelection);
    keysTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    keysTable_->horizontalHeader()->setSectionResizeMode(kKeyAction, QHeaderView::ResizeToContents);
    keysTable_->horizontalHeader()->setSectionResizeMode(kKeyKeys, QHeaderView::Stretch);
    keysTable_->horizontalHeader()->setSectionResizeMode(kKeyDefault,
                                                         QHeaderView::ResizeToContents);
    keysTable_->horizontalHeader()->setSectionResizeMode(kKeyReset, QHeaderView::ResizeToContents);
    for (const ControlKeys::Binding& b : keys_.bindings()) {
        const int row = keysTable_->rowCount();
        keysTable_->insertRow(row);
        keysTable_->setItem(row, kKeyAction, new QTableWidgetItem(b.title));
        keysTable_->setItem(row, kKeyDefault, new QTableWidgetItem(keysText(b.defaults)));
        auto* cell = new QWidget;
        auto* cellLayout = new QHBoxLayout(cell);
        cellLayout->setContentsMargins(2, 0, 2, 0);
        auto* edit = new QKeySequenceEdit(cell);
        edit->setObjectName(QStringLiteral("keyEdit:") + b.id);
        auto* others = new QLabel(cell);
        others->setObjectName(QStringLiteral("otherKeys:") + b.id);
        cellLayout->addWidget(edit, 1);
        cellLayout->addWidget(others);
        keysTable_->setCellWidget(row, kKeyKeys, cell);
        auto* reset = new QPushButton(tr("Reset"));
        reset->setObjectName(QStringLiteral("resetKey:") + b.id);
        keysTable_->setCellWidget(row, kKeyReset, reset);
        if (!b.bindable) {
            const QString why = tr("Needs values a key cannot give: MIDI, OSC or the web remote");
            edit->setEnabled(false);
            reset->setEnabled(false);
            cell->setToolTip(why);
            keysTable_->item(row, kKeyAction)->setToolTip(why);
            continue;
        }
        const QString id = b.id;
        const QString title = b.title;
        const auto apply = [this, edit, id, title] {
            // The edit holds the first key; the binding's other keys stay.
            const QKeySequence typed = edit->keySequence();
            const QKeySequence first = typed.isEmpty() ? QKeySequence() : QKeySequence(typed[0]);
            QList<QKeySequence> next = keys_.keys(id);
            if (!next.isEmpty()) next.removeFirst();
            if (!first.isEmpty()) {
                next.removeAll(first);
                next.prepend(first);
            }
            if (next == keys_.keys(id)) return;
            QString error;
            if (keys_.setKeys(id, next, &error))
                say(next.isEmpty() ? tr("%1: no keys").arg(title)
                                   : tr("%1: %2").arg(title, keysText(next)));
            else
                say(error);
            fillKeys();  // a refused key goes back to what it was
        };
        connect(edit, &QKeySequenceEdit::editingFinished, this, apply);
        connect(reset, &QPushButton::clicked, this, [this, id, title] {
            keys_.resetKeys(id);
            say(tr("%1: default keys").arg(title));
        });
    }
    keysMessage_ = new QLabel(tab);
    keysMessage_->setObjectName(QStringLiteral("keysMessage"));
    keysMessage_->setWordWrap(true);
    auto* resetAll = new QPushButton(tr("Reset &All Keys"), tab);
    resetAll->setObjectName(QStringLiteral("resetAllKeys"));
    connect(resetAll, &QPushButton::clicked, this, [this] {
        keys_.resetAll();
        say(tr("Every action has its default keys"));
    });
    auto* note =
        new QLabel(tr("Page-turner pedals send Page Down and Page Up: by default the next and the "
                      "previous marker."),
                   tab);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: %1;").arg(palette::kDimText.name()));
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(keysMessage_, 1);
    bottom->addWidget(resetAll);
    layout->addWidget(keysTable_, 1);
    layout->addWidget(note);
    layout->addLayout(bottom);
    return tab;
}

void ControlsSettingsPage::fillKeys() {
    const auto& bindings = keys_.bindings();
    for (int row = 0; row < keysTable_->rowCount() && row < int(bindings.size()); ++row) {
        const ControlKeys::Binding& b = bindings[std::size_t(row)];
        const QList<QKeySequence> keys = keys_.keys(b.id);
        QWidget* cell = keysTable_->cellWidget(row, kKeyKeys);
        if (auto* edit = cell->findChild<QKeySequenceEdit*>()) {
            const QSignalBlocker block(edit);
            edit->setKeySequence(keys.isEmpty() ? QKeySequence() : keys.first());
        }
        if (auto* others = cell->findChild<QLabel*>()) others->setText(otherKeysText(keys));
    }
}

QWidget* ControlsSettingsPage::makeOscTab() {
    auto* tab = new QWidget;
    auto* form = new QFormLayout(tab);
    oscEnabled_ = new QCheckBox(tr("Let OSC surfaces drive stemdeck (UDP)"), tab);
    oscEnabled_->setObjectName(QStringLiteral("oscEnabled"));
    oscAddress_ = new QLineEdit(tab);
    oscAddress_->setObjectName(QStringLiteral("oscAddress"));
    oscAddress_->setToolTip(tr("127.0.0.1: this machine only; 0.0.0.0: every network"));
    oscPort_ = new QSpinBox(tab);
    oscPort_->setObjectName(QStringLiteral("oscPort"));
    oscPort_->setRange(1, 65535);
    oscWarning_ = new QLabel(tab);
    oscWarning_->setObjectName(QStringLiteral("oscWarning"));
    oscWarning_->setWordWrap(true);
    oscWarning_->setStyleSheet(QStringLiteral("color: #ff9f1a;"));
    oscStatus_ = new QLabel(tab);
    oscStatus_->setObjectName(QStringLiteral("oscStatus"));
    oscStatus_->setWordWrap(true);
    oscStatus_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(oscEnabled_);
    form->addRow(tr("Address"), oscAddress_);
    form->addRow(tr("Port"), oscPort_);
    form->addRow(oscWarning_);
    form->addRow(oscStatus_);
    {
        const QSignalBlocker b1(oscEnabled_), b2(oscAddress_), b3(oscPort_);
        oscEnabled_->setChecked(settings_.oscEnabled());
        oscAddress_->setText(settings_.oscAddress());
        oscPort_->setValue(settings_.oscPort());
    }
    connect(oscEnabled_, &QCheckBox::toggled, this, &ControlsSettingsPage::applyOsc);
    connect(oscAddress_, &QLineEdit::editingFinished, this, &ControlsSettingsPage::applyOsc);
    connect(oscPort_, &QSpinBox::editingFinished, this, &ControlsSettingsPage::applyOsc);
    return tab;
}

void ControlsSettingsPage::applyOsc() {
    const QString address = oscAddress_->text().trimmed();
    if (!settings_.setOscAddress(address)) {
        oscStatus_->setText(tr("OSC: %1 is not an IP address").arg(address.left(64)));
        return;
    }
    settings_.setOscEnabled(oscEnabled_->isChecked());
    settings_.setOscPort(oscPort_->value());
    settings_.sync();
    hub_.applySettings(settings_);
    showOsc();
}

void ControlsSettingsPage::showOsc() {
    const QString address = oscAddress_->text().trimmed();
    QString warning;
    if (address == QLatin1String("0.0.0.0") || address == QLatin1String("::"))
        warning =
            tr("0.0.0.0 listens on every network this machine is on: anyone there can "
               "drive the show (OSC has no password).");
    else if (!isLoopback(address))
        warning = tr("Reachable from that network: OSC has no password.");
    oscWarning_->setText(warning);
    oscWarning_->setVisible(!warning.isEmpty());
    oscStatus_->setText(hub_.oscStatus());
}

void ControlsSettingsPage::say(const QString& message) {
    keysMessage_->setText(message);
}

}  // namespace stemdeck::ui
