// How the main window names songs and files, and what it offers before there is a song.
#include <gtest/gtest.h>

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <filesystem>

#include "UiTestSupport.h"
#include "WindowRig.h"
#include "stemdeck/app/DisplayText.h"
#include "stemdeck/ui/IssueBanner.h"
#include "stemdeck/ui/MixerPanel.h"
#include "stemdeck/ui/TimelineView.h"
#include "stemdeck/ui/TrackStrip.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SongDisplayWindowTest {

using namespace stemdeck;
namespace fs = std::filesystem;

namespace {

using Rig = test::WindowRig;

// Opens `folder`, which cannot be loaded, and waits for the window to say so.
void failToLoad(Rig& rig, const fs::path& folder) {
    QSignalSpy failed(&rig.playback(), &app::PlaybackManager::loadFailed);
    rig.window->openSong(test::qpath(folder));
    ASSERT_TRUE(failed.count() > 0 || failed.wait(10000));
}

// The entries of File › Open Recent, made as when the menu opens.
QList<QAction*> recentEntries(Rig& rig) {
    auto* menu = rig.window->findChild<QMenu*>(QStringLiteral("menuRecent"));
    emit menu->aboutToShow();
    return menu->actions();
}

// Text that neither steers a terminal nor breaks or reorders the line: no control character
// but the line breaks the window itself puts between messages, nothing that reorders.
bool printable(const QString& text) {
    for (const QChar c : text)
        if ((c.category() == QChar::Other_Control && c != QLatin1Char('\n')) ||
            app::isBidiControl(c) || c == QChar(0x2028) || c == QChar(0x2029))
            return false;
    return true;
}

}  // namespace

TEST(SongDisplayWindow, ActionsThatNeedASongWaitForOne) {
    Rig rig;
    const QStringList needSong{QStringLiteral("actionExportMix"), QStringLiteral("actionResetMix"),
                               QStringLiteral("actionPlayPause"),
                               QStringLiteral("actionJumpToMarker1"),
                               QStringLiteral("actionAddMarker")};
    const auto enabled = [&](bool expected, const char* when) {
        for (const QString& name : needSong)
            EXPECT_EQ(rig.part<QAction>(name.toLatin1().constData())->isEnabled(), expected)
                << name.toStdString() << " " << when;
    };
    enabled(false, "with no song");
    EXPECT_TRUE(rig.part<QAction>("actionOpen")->isEnabled());
    const fs::path empty = rig.dir / "not a song";
    fs::create_directories(empty);
    failToLoad(rig, empty);
    rig.closeBoxes();
    enabled(false, "after a song that could not be opened");
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 2.0)));
    enabled(true, "with a song");
    failToLoad(rig, empty);
    rig.closeBoxes();
    enabled(true, "the song stays after a failed open");
}

TEST(SongDisplayWindow, OpenRecentShowsSongTitlesAndTellsTwinsApart) {
    Rig rig;
    const fs::path a = test::writeUiSong(rig.dir, "set A/intro", 1.0, 1);
    const fs::path b = test::writeUiSong(rig.dir, "set B/intro", 1.0, 1);
    const fs::path plain = test::writeUiSong(rig.dir, "encore take 3", 1.0, 1);
    const fs::path ampersand = test::writeUiSong(rig.dir, "rnr", 1.0, 1);
    test::writeTextFile(a / "meta.json", R"({"title": "Intro"})");
    test::writeTextFile(b / "meta.json", R"({"title": "Intro"})");
    test::writeTextFile(ampersand / "meta.json", R"({"title": "Rock & Roll"})");
    for (const fs::path& song : {a, b, plain, ampersand}) ASSERT_TRUE(rig.load(song));

    const QList<QAction*> entries = recentEntries(rig);
    ASSERT_EQ(entries.size(), 4);
    // Newest first.
    EXPECT_EQ(entries[0]->text(), QStringLiteral("Rock && Roll"));
    EXPECT_EQ(entries[1]->text(), QStringLiteral("encore take 3")) << "no meta.json: the folder";
    EXPECT_EQ(entries[2]->text(), QStringLiteral("Intro (set B/intro)"));
    EXPECT_EQ(entries[3]->text(), QStringLiteral("Intro (set A/intro)"));
    EXPECT_EQ(entries[3]->toolTip(), QDir::toNativeSeparators(test::qpath(a)));
    EXPECT_EQ(entries[3]->statusTip(), QDir::toNativeSeparators(test::qpath(a)));
    // Chosen, it opens its own folder.
    ASSERT_TRUE(test::waitForSong(rig.playback(), [&] { entries[3]->trigger(); }));
    EXPECT_EQ(rig.playback().songFolder(), test::qpath(a));
}

// Escape sequences, a newline and a right-to-left override in file and folder names: the song
// loads, and whatever the window shows of the names is printable, on one line, in its order.
TEST(SongDisplayWindow, ControlCharactersInNamesAreShownNotObeyed) {
    Rig rig;
    const fs::path song = test::writeUiSong(rig.dir, "live\x1b]0;owned\x07 set", 2.0, 0);
    for (const std::string& name : {std::string("\x1b[2Jdrums"), std::string("bass\nline"),
                                    std::string("gtr\xe2\x80\xaevaw.3pm")})  // U+202E
        test::writeAudioFile(song / (name + ".wav"), {test::sine(220.0, 0.3, 48000, 48000)}, 48000);
    test::writeTextFile(song / "\x1b[31mbroken\x1b[0m.wav", "RIFF....WAVE but nothing else");
    ASSERT_TRUE(rig.load(song));
    ASSERT_EQ(rig.mixer()->stripCount(), 3);
    QTest::mouseClick(rig.in<QPushButton>(rig.mixer()->strip(1), "muteButton"), Qt::LeftButton);
    const QList<QAction*> recent = recentEntries(rig);

    QStringList shown{rig.window->windowTitle(), rig.statusMessage()};
    for (const QWidget* w : rig.window->findChildren<QWidget*>())
        shown << w->toolTip() << w->statusTip() << w->windowTitle();
    for (const QLabel* label : rig.window->findChildren<QLabel*>()) shown << label->text();
    for (const QAction* action : rig.window->findChildren<QAction*>())
        shown << action->text() << action->toolTip() << action->statusTip();
    for (int i = 0; i < rig.mixer()->stripCount(); ++i) shown << rig.mixer()->strip(i)->name();
    auto* timeline = rig.window->findChild<ui::TimelineView*>();
    for (int i = 0; i < timeline->laneCount(); ++i) shown << timeline->laneName(i);
    for (const QString& text : shown) EXPECT_TRUE(printable(text)) << text.toStdString();

    // The names are there, their odd characters visible.
    QStringList names;
    for (int i = 0; i < timeline->laneCount(); ++i) names << timeline->laneName(i);
    names.sort();
    EXPECT_EQ(names,
              (QStringList{QStringLiteral("bass\u240aline"), QStringLiteral("gtr\ufffdvaw.3pm"),
                           QStringLiteral("\u241b[2Jdrums")}));
    EXPECT_TRUE(rig.window->windowTitle().contains(QStringLiteral("live\u241b]0;owned\u2407 set")));
    const auto* banner = rig.part<ui::IssueBanner>("issueBanner");
    EXPECT_TRUE(banner->text().contains(QStringLiteral("\u241b[31mbroken\u241b[0m.wav")))
        << banner->text().toStdString();
    EXPECT_TRUE(banner->details().contains(QStringLiteral("\u241b[31mbroken\u241b[0m.wav")))
        << banner->details().toStdString();
    EXPECT_FALSE(banner->details().contains(QChar(0x1b)));
    EXPECT_TRUE(rig.part<QAction>("actionUndo")->text().contains(QStringLiteral("bass\u240aline")));
    ASSERT_FALSE(recent.isEmpty());
    EXPECT_EQ(recent[0]->text(), QStringLiteral("live\u241b]0;owned\u2407 set"));

    // A folder that is no song, with such a name: the message box names it printably too.
    const fs::path bad = rig.dir / "no\nsong\xe2\x80\xae here";
    fs::create_directories(bad);
    failToLoad(rig, bad);
    QMessageBox* box = rig.errorBox();
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(printable(box->text())) << box->text().toStdString();
    EXPECT_TRUE(printable(box->informativeText())) << box->informativeText().toStdString();
    EXPECT_TRUE(box->text().contains(QStringLiteral("no\u240asong\ufffd here")));
    EXPECT_TRUE(printable(rig.statusMessage())) << rig.statusMessage().toStdString();
    rig.closeBoxes();
}

}  // namespace unity_SongDisplayWindowTest
