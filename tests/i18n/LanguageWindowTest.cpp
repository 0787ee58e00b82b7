// The German translation in a running main window (offscreen), and the language choice in
// Settings.
#include <gtest/gtest.h>

#include <QLocale>
#include <QMenuBar>
#include <QSettings>
#include <QTranslator>

#include "WindowRig.h"
#include "stemdeck/ui/Language.h"
#include "stemdeck/ui/MasterStrip.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_LanguageWindowTest {

using namespace stemdeck;

namespace {

QStringList menuTitles(QMainWindow& window) {
    QStringList titles;
    for (QAction* action : window.menuBar()->actions()) titles << action->text();
    return titles;
}

}  // namespace

TEST(Language, TheSettingOverridesTheSystemLocale) {
    const QLocale german(QLocale::German, QLocale::Germany);
    const QLocale french(QLocale::French, QLocale::France);
    EXPECT_EQ(ui::translationLanguage(QString(), german), QStringLiteral("de"));
    EXPECT_EQ(ui::translationLanguage(QString(), QLocale(QLocale::Spanish, QLocale::Mexico)),
              QStringLiteral("es"));
    EXPECT_EQ(ui::translationLanguage(QString(), french), QString());
    EXPECT_EQ(ui::translationLanguage(QStringLiteral("en"), german), QString());
    EXPECT_EQ(ui::translationLanguage(QStringLiteral("es"), german), QStringLiteral("es"));
}

TEST(Language, SettingsKeepOnlyKnownLanguages) {
    test::TempDir dir;
    const QString ini = test::qpath(dir / "stemdeck.ini");
    {
        app::Settings settings(ini);
        EXPECT_EQ(settings.language(), QString());
        EXPECT_TRUE(settings.setLanguage(QStringLiteral("de")));
        EXPECT_FALSE(settings.setLanguage(QStringLiteral("klingon")));
        EXPECT_EQ(settings.language(), QStringLiteral("de"));
        settings.sync();
    }
    {
        QSettings raw(ini, QSettings::IniFormat);
        raw.setValue(app::Settings::kLanguageKey, QStringLiteral("../../etc"));
    }
    EXPECT_EQ(app::Settings(ini).language(), QString()) << "a damaged value reads as System";
}

TEST(Language, TheGermanTranslationShowsInTheMainWindowsMenus) {
    QTranslator german;
    ASSERT_TRUE(ui::installTranslation(german, QStringLiteral("de")));
    {
        test::WindowRig rig;
        const QStringList titles = menuTitles(*rig.window);
        EXPECT_TRUE(titles.contains(QStringLiteral("&Datei"))) << titles.join(u' ').toStdString();
        EXPECT_TRUE(titles.contains(QStringLiteral("&Wiedergabe")));
        EXPECT_TRUE(titles.contains(QStringLiteral("&Hilfe")));
        EXPECT_FALSE(titles.contains(QStringLiteral("&File")));
        // Strings of the code (context: the class's qualified name), not only of the forms.
        EXPECT_EQ(ui::MainWindow::tr("Language"), QStringLiteral("Sprache"));
        EXPECT_EQ(ui::MasterStrip::tr("peak %1").arg(-3.5), QStringLiteral("Spitze -3.5"));
        // Shortcuts are kept as key names, so they still work translated.
        auto* open = rig.window->findChild<QAction*>(QStringLiteral("actionOpen"));
        ASSERT_NE(open, nullptr);
        EXPECT_EQ(open->text(), QStringLiteral("Song \u00f6&ffnen\u2026"));
        EXPECT_EQ(open->shortcut(), QKeySequence(QStringLiteral("Ctrl+O")));
    }
    QCoreApplication::removeTranslator(&german);
    test::WindowRig english;
    EXPECT_TRUE(menuTitles(*english.window).contains(QStringLiteral("&File")));
}

TEST(Language, EnglishInstallsNoTranslator) {
    QTranslator none;
    EXPECT_FALSE(ui::installTranslation(none, QString()));
    EXPECT_FALSE(ui::installTranslation(none, QStringLiteral("xx")));
}

}  // namespace unity_LanguageWindowTest
