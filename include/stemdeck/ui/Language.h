#pragma once

#include <QLocale>
#include <QString>
#include <QWidget>

class QCoreApplication;
class QTranslator;

namespace stemdeck::app {
class Settings;
}

namespace stemdeck::ui {

// The translation to load: the Settings choice ("en", "es", "de"), or with none ("") the
// system locale's language when there is a translation for it; "" means English (the source
// text). GUI thread only.
QString translationLanguage(const QString& setting, const QLocale& system = QLocale::system());

// Loads the embedded :/i18n/stemdeck_<language>.qm into `translator` and installs it; false
// (nothing installed) for English or when the file is missing. GUI thread only.
bool installTranslation(QTranslator& translator, const QString& language);

// Settings › Language: System / English / Español / Deutsch, saved at once and applied at the
// next start (the window does not retranslate itself while it runs). GUI thread only.
class LanguageSettingsPage : public QWidget {
    Q_OBJECT
  public:
    explicit LanguageSettingsPage(app::Settings& settings, QWidget* parent = nullptr);
};

}  // namespace stemdeck::ui
