#include "stemdeck/ui/AboutDialog.h"

#include <sndfile.h>

#include <QApplication>
#include <QIcon>

#include "stemdeck/audio/device/PortAudioOutput.h"
#include "stemdeck/ui/Palette.h"
#include "ui_AboutDialog.h"

namespace stemdeck::ui {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent), ui_(std::make_unique<Ui::AboutDialog>()) {
    ui_->setupUi(this);
    ui_->iconLabel->setPixmap(QIcon(QStringLiteral(":/stemdeck/stemdeck.png")).pixmap(80, 80));
    ui_->titleLabel->setText(QStringLiteral("<span style='font-size:20px; font-weight:600'>"
                                            "stemdeck</span>&nbsp;&nbsp;%1")
                                 .arg(QApplication::applicationVersion()));
    ui_->versionsLabel->setText(versionsText());
    ui_->versionsLabel->setStyleSheet(QStringLiteral("color: %1;").arg(palette::kDimText.name()));
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::versionsText() {
    return QStringLiteral("Qt %1\n%2\n%3")
        .arg(QString::fromLatin1(qVersion()),
             QString::fromStdString(audio::PortAudioOutput::versionText()),
             QString::fromLatin1(sf_version_string()));
}

}  // namespace stemdeck::ui
