// GoogleTest main for tests that need a Qt application object: QCoreApplication for the app
// layer, QApplication (offscreen unless told otherwise) when STEMDECK_TEST_WIDGETS is set.
#include <gtest/gtest.h>

#include "TestWatch.h"
#include "stemdeck/app/EnglishPlurals.h"

#ifdef STEMDECK_TEST_WIDGETS
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

namespace {

// The offscreen platform cannot resize to size hints or raise a window, and says so for every
// window: hundreds of lines that would push a failure out of the part of a log CI keeps.
QtMessageHandler g_nextHandler = nullptr;
void dropOffscreenNoise(QtMsgType type, const QMessageLogContext& context, const QString& text) {
    if (text.startsWith(QLatin1String("This plugin does not support"))) return;
    if (g_nextHandler) g_nextHandler(type, context, text);
}

}  // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    stemdeck::test::installTestWatch();
    g_nextHandler = qInstallMessageHandler(dropOffscreenNoise);
    // Without a display Qt aborts; tests never need a real screen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    TestApplication app(argc, argv);
    TestApplication::setApplicationName(QStringLiteral("stemdeck-tests"));
    // As the app does: "1 stem", "2 stems".
    stemdeck::app::EnglishPlurals plurals;
    TestApplication::installTranslator(&plurals);
    return RUN_ALL_TESTS();
}
