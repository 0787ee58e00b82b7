// The one-line messages of the engine and the app layer in the user's language: a damaged file
// in the German window, a missing set entry and a lost device. In English they stay the words
// the engine and the CLI write.
#include <gtest/gtest.h>

#include <QMessageBox>
#include <QSignalSpy>
#include <QTranslator>

#include "AudioFiles.h"
#include "WindowRig.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/set/ProblemText.h"
#include "stemdeck/ui/Language.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_UserMessagesTest {

using namespace stemdeck;
using app::set::ProblemText;
using app::set::SetProblem;

namespace {

// The German translation for the length of a test, whatever it asserts.
struct German {
    QTranslator translator;
    bool installed = ui::installTranslation(translator, QStringLiteral("de"));
    ~German() { QCoreApplication::removeTranslator(&translator); }
};

SetProblem missingEntry() {
    return {SetProblem::Kind::Error,        2,      "entry 2 (Gone): no song folder at /songs/Gone",
            SetProblem::Code::NoSongFolder, "Gone", "/songs/Gone"};
}

}  // namespace

TEST(UserMessages, TheGermanWindowSaysADamagedFileInGerman) {
    German german;
    ASSERT_TRUE(german.installed);
    test::WindowRig rig;
    const auto folder = rig.dir / "kaputt";
    std::filesystem::create_directories(folder);
    test::writeTextFile(folder / "text.wav", "just some notes, not audio\n");
    QSignalSpy failed(&rig.playback(), &app::PlaybackManager::loadFailed);
    rig.window->openSong(test::qpath(folder));
    ASSERT_TRUE(failed.wait(10000)) << "the load of the damaged song did not fail";
    QMessageBox* box = rig.errorBox();
    ASSERT_NE(box, nullptr);
    const QString said = QStringLiteral(
        "Keine der Dateien in \u201ckaputt\u201d konnte abgespielt "
        "werden. 1 Datei ist besch\u00e4digt oder kein Audio.");
    EXPECT_EQ(box->text(), said);
    EXPECT_EQ(box->windowTitle(), QStringLiteral("Song konnte nicht ge\u00f6ffnet werden"));
    EXPECT_EQ(rig.statusMessage(), said);
    rig.closeBoxes();
}

TEST(UserMessages, ASetProblemIsTheCliLineInEnglishAndTranslatedInGerman) {
    const SetProblem problem = missingEntry();
    EXPECT_EQ(ProblemText::message(problem), QString::fromStdString(problem.message));
    EXPECT_EQ(ProblemText::line(problem), QString::fromStdString(problem.line()));
    SetProblem other = problem;
    other.code = SetProblem::Code::Other;
    other.message = "entry 2 (Gone): the crossfade of 9 s is longer than the song";
    German german;
    ASSERT_TRUE(german.installed);
    EXPECT_EQ(ProblemText::line(problem),
              QStringLiteral("Fehler: Eintrag 2 (Gone): kein Songordner unter /songs/Gone"));
    EXPECT_EQ(ProblemText::message(other), QString::fromStdString(other.message))
        << "a problem without a code keeps its English line";
}

TEST(UserMessages, ALostDeviceIsSaidInGerman) {
    German german;
    ASSERT_TRUE(german.installed);
    const QString stopped = app::PlaybackManager::tr(
        "Audio stopped: %1. Playback is paused where it was; choose an output in Settings "
        "(or reconnect there) to carry on.");
    EXPECT_TRUE(stopped.startsWith(QStringLiteral("Audio angehalten: %1.")))
        << stopped.toStdString();
}

}  // namespace unity_UserMessagesTest
