#include "stemdeck/ui/Language.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QTranslator>
#include <QVBoxLayout>
#include <algorithm>

#include "stemdeck/app/Settings.h"
#include "stemdeck/ui/Palette.h"

namespace stemdeck::ui {

QString translationLanguage(const QString& setting, const QLocale& system) {
    if (setting == QLatin1String("en")) return {};
    if (setting == QLatin1String("es") || setting == QLatin1String("de")) return setting;
    switch (system.language()) {
        case QLocale::Spanish:
            return QStringLiteral("es");
        case QLocale::German:
            return QStringLiteral("de");
        default:
            return {};
    }
}

bool installTranslation(QTranslator& translator, const QString& language) {
    if (language.isEmpty()) return false;
    if (!translator.load(QStringLiteral(":/i18n/stemdeck_%1.qm").arg(language))) return false;
    return QCoreApplication::installTranslator(&translator);
}

LanguageSettingsPage::LanguageSettingsPage(app::Settings& settings, QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("languagePage"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    auto* combo = new QComboBox;
    combo->setObjectName(QStringLiteral("languageCombo"));
    // Each language by its own name, so a user lost in a foreign one still finds theirs.
    combo->addItem(tr("System"), QString());
    combo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    combo->addItem(QStringLiteral("Espa\u00f1ol"), QStringLiteral("es"));
    combo->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    combo->setCurrentIndex(std::max(0, combo->findData(settings.language())));
    form->addRow(tr("&Language:"), combo);
    layout->addLayout(form);
    auto* note = new QLabel(tr("The language changes the next time stemdeck starts."));
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: %1;").arg(palette::kDimText.name()));
    layout->addWidget(note);
    layout->addStretch();
    connect(combo, &QComboBox::currentIndexChanged, this, [&settings, combo] {
        if (settings.setLanguage(combo->currentData().toString())) settings.sync();
    });
}

}  // namespace stemdeck::ui
