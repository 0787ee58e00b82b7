#include "stemdeck/ui/WebRemoteTab.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>

#include "stemdeck/app/Settings.h"
#include "stemdeck/remote/ControlHub.h"
#include "stemdeck/ui/QrCodeWidget.h"

namespace stemdeck::ui {

namespace {

QLineEdit* tokenField(const QString& name, QWidget* parent) {
    auto* field = new QLineEdit(parent);
    field->setObjectName(name);
    field->setReadOnly(true);  // shown to be copied; only Regenerate changes it
    return field;
}

}  // namespace

WebRemoteTab::WebRemoteTab(remote::ControlHub& hub, app::Settings& settings, QWidget* parent)
    : QWidget(parent), hub_(hub), settings_(settings) {
    setObjectName(QStringLiteral("webTab"));
    auto* form = new QFormLayout(this);
    enabled_ = new QCheckBox(tr("Let phones and tablets drive stemdeck in a web browser"), this);
    enabled_->setObjectName(QStringLiteral("webEnabled"));
    address_ = new QLineEdit(this);
    address_->setObjectName(QStringLiteral("webAddress"));
    address_->setToolTip(tr("127.0.0.1: this machine only; 0.0.0.0: every network"));
    port_ = new QSpinBox(this);
    port_->setObjectName(QStringLiteral("webPort"));
    port_->setRange(1, 65535);
    warning_ = new QLabel(this);
    warning_->setObjectName(QStringLiteral("webWarning"));
    warning_->setWordWrap(true);
    warning_->setStyleSheet(QStringLiteral("color: #ff9f1a;"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("webStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    token_ = tokenField(QStringLiteral("webToken"), this);
    readToken_ = tokenField(QStringLiteral("webReadToken"), this);
    auto* regenerate = new QPushButton(tr("Regenerate"), this);
    regenerate->setObjectName(QStringLiteral("regenerateToken"));
    auto* regenerateRead = new QPushButton(tr("Regenerate"), this);
    regenerateRead->setObjectName(QStringLiteral("regenerateReadToken"));
    auto* tokenRow = new QHBoxLayout;
    tokenRow->addWidget(token_, 1);
    tokenRow->addWidget(regenerate);
    auto* readRow = new QHBoxLayout;
    readRow->addWidget(readToken_, 1);
    readRow->addWidget(regenerateRead);
    urls_ = new QLabel(this);
    urls_->setObjectName(QStringLiteral("webUrls"));
    urls_->setWordWrap(true);
    urls_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    qr_ = new QrCodeWidget(this);
    qr_->setObjectName(QStringLiteral("webQr"));
    form->addRow(enabled_);
    form->addRow(tr("Address"), address_);
    form->addRow(tr("Port"), port_);
    form->addRow(warning_);
    form->addRow(status_);
    form->addRow(tr("Token"), tokenRow);
    form->addRow(tr("Read-only token"), readRow);
    form->addRow(urls_);
    form->addRow(qr_);
    {
        const QSignalBlocker b1(enabled_), b2(address_), b3(port_);
        enabled_->setChecked(settings_.remoteEnabled());
        address_->setText(settings_.remoteAddress());
        port_->setValue(settings_.remotePort());
    }
    connect(enabled_, &QCheckBox::toggled, this, &WebRemoteTab::apply);
    connect(address_, &QLineEdit::editingFinished, this, &WebRemoteTab::apply);
    connect(port_, &QSpinBox::editingFinished, this, &WebRemoteTab::apply);
    connect(regenerate, &QPushButton::clicked, this,
            [this] { hub_.regenerateToken(settings_, false); });
    connect(regenerateRead, &QPushButton::clicked, this,
            [this] { hub_.regenerateToken(settings_, true); });
    connect(&hub_, &remote::ControlHub::httpChanged, this, &WebRemoteTab::refresh);
    // The tokens exist from the page's first showing on (generated once, then kept).
    remote::ControlHub::ensureRemoteTokens(settings_);
    refresh();
}

void WebRemoteTab::apply() {
    const QString address = address_->text().trimmed();
    if (!settings_.setRemoteAddress(address)) {
        status_->setText(tr("Web remote: %1 is not an IP address").arg(address.left(64)));
        return;
    }
    settings_.setRemoteEnabled(enabled_->isChecked());
    settings_.setRemotePort(port_->value());
    settings_.sync();
    hub_.applyHttp(remote::ControlHub::httpConfig(settings_));
    refresh();
}

void WebRemoteTab::refresh() {
    const QString address = address_->text().trimmed();
    QString warning;
    if (address == QLatin1String("0.0.0.0") || address == QLatin1String("::"))
        warning =
            tr("0.0.0.0 listens on every network this machine is on: anyone there with "
               "the token can drive the show.");
    else if (!address.startsWith(QLatin1String("127.")) && address != QLatin1String("::1"))
        warning = tr("Reachable from that network: keep the token to yourself.");
    warning_->setText(warning);
    warning_->setVisible(!warning.isEmpty());
    status_->setText(hub_.httpStatus());
    token_->setText(settings_.remoteToken());
    readToken_->setText(settings_.remoteReadToken());
    const QStringList full = hub_.httpUrls(false);
    const QStringList read = hub_.httpUrls(true);
    QStringList lines;
    for (const QString& url : full) lines << tr("Remote: %1").arg(url);
    for (const QString& url : read) lines << tr("Stage view (read-only): %1").arg(url);
    urls_->setText(lines.join(QLatin1Char('\n')));
    urls_->setVisible(!lines.isEmpty());
    qr_->setText(full.isEmpty() ? QString() : full.first());
    qr_->setVisible(!full.isEmpty());
}

}  // namespace stemdeck::ui
