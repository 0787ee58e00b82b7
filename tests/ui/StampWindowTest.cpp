// The lyrics stamping window on its own (issue 14, part 2): taps stamp the lines at the song
// position, nudges and clears edit them, Save writes an LRC that reads back with those times,
// keeps the lyrics.lrc it replaces once as .bak, never writes through a symlink to a stem, and
// goes to the app folder when the song folder cannot take it.
#include <gtest/gtest.h>

#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/app/LyricsStore.h"
#include "stemdeck/ui/StampWindow.h"
#include "stemdeck/words/LrcFile.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_StampWindowTest {

using namespace stemdeck;
namespace fs = std::filesystem;

namespace {

QString qpath(const fs::path& path) {
    return QString::fromStdString(path.string());
}

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

struct Stamping {
    test::TempDir dir;
    test::TempDir appDir;
    fs::path song = dir / "song";
    ui::StampWindow window;
    Stamping() {
        fs::create_directories(song);
        test::writeTextFile(song / "drums.wav", "not really audio");
        window.setStore(app::LyricsStore(qpath(appDir.path())));
        window.setSong(qpath(song), words::LyricsStamper::fromText("one\ntwo\n\nthree\nfour\n"));
    }
};

}  // namespace

TEST(StampWindow, TapsStampTheLinesAtThePositionAndSaveReadsBack) {
    Stamping s;
    ASSERT_EQ(s.window.stamper().size(), 5u);  // the break is kept
    s.window.setPosition(1.25);
    ASSERT_TRUE(s.window.stampNext());
    EXPECT_EQ(s.window.selectedLine(), 0);
    s.window.setPosition(3.5);
    ASSERT_TRUE(s.window.stampNext());
    s.window.nudgeSelected(2);  // "two" 20 ms later
    s.window.setPosition(7.0);
    ASSERT_TRUE(s.window.stampNext());  // the break is skipped: "three"
    EXPECT_EQ(s.window.selectedLine(), 3);
    s.window.nudgeSelected(-1);
    EXPECT_TRUE(s.window.modified());

    QSignalSpy saved(&s.window, &ui::StampWindow::saved);
    ASSERT_TRUE(s.window.save()) << s.window.status().toStdString();
    EXPECT_FALSE(s.window.modified());
    ASSERT_EQ(saved.count(), 1);
    EXPECT_EQ(saved.front().front().toString(), qpath(s.song / "lyrics.lrc"));

    const auto lrc = words::LrcFile::read(s.song / "lyrics.lrc");
    ASSERT_TRUE(lrc.synced());
    ASSERT_GE(lrc.lines().size(), 3u);
    EXPECT_EQ(lrc.lines()[0].text, "one");
    EXPECT_NEAR(lrc.lines()[0].time, 1.25, 1e-6);
    EXPECT_EQ(lrc.lines()[1].text, "two");
    EXPECT_NEAR(lrc.lines()[1].time, 3.52, 1e-6);
    EXPECT_EQ(lrc.lines()[2].text, "three");
    EXPECT_NEAR(lrc.lines()[2].time, 6.99, 1e-6);
    // "four" is unstamped: written as its text alone, so nothing typed is lost.
    EXPECT_NE(slurp(s.song / "lyrics.lrc").find("four"), std::string::npos);
    EXPECT_FALSE(fs::exists(s.song / "lyrics.lrc.bak"));  // nothing was replaced
    EXPECT_EQ(slurp(s.song / "drums.wav"), "not really audio");
}

TEST(StampWindow, PlayFromAClearedLineStartsAtTheStampBefore) {
    Stamping s;
    s.window.setPosition(2.0);
    s.window.stampNext();
    s.window.setPosition(4.0);
    s.window.stampNext();
    s.window.clearSelected();  // "two" unstamped again
    EXPECT_FALSE(s.window.stamper().time(1).has_value());
    QSignalSpy from(&s.window, &ui::StampWindow::playFromRequested);
    s.window.selectLine(1);
    s.window.playFromSelected();
    ASSERT_EQ(from.count(), 1);
    EXPECT_DOUBLE_EQ(from.front().front().toDouble(), 2.0);
    // The next tap stamps "two" again.
    s.window.setPosition(4.5);
    ASSERT_TRUE(s.window.stampNext());
    EXPECT_NEAR(*s.window.stamper().time(1), 4.5, 1e-9);
}

TEST(StampWindow, ReturnAndTStampAndMinusNudgesFromTheKeyboard) {
    Stamping s;
    s.window.show();
    QApplication::setActiveWindow(&s.window);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&s.window));
    // The table of lines has the focus: its own uses of Space, Return and typed letters
    // (select, activate, type-ahead search) give way to the window's keys.
    auto* table = s.window.findChild<QTableWidget*>(QStringLiteral("stampTable"));
    ASSERT_NE(table, nullptr);
    table->setFocus();
    QSignalSpy play(&s.window, &ui::StampWindow::playPauseRequested);
    QTest::keyClick(table, Qt::Key_Space);
    EXPECT_EQ(play.count(), 1);
    s.window.setPosition(1.0);
    QTest::keyClick(table, Qt::Key_Return);
    s.window.setPosition(2.0);
    QTest::keyClick(table, Qt::Key_T);
    QTest::keyClick(&s.window, Qt::Key_Minus);
    ASSERT_TRUE(s.window.stamper().time(0).has_value());
    EXPECT_NEAR(*s.window.stamper().time(0), 1.0, 1e-9);
    ASSERT_TRUE(s.window.stamper().time(1).has_value());
    EXPECT_NEAR(*s.window.stamper().time(1), 1.99, 1e-9);
}

TEST(StampWindow, AnExistingLrcIsKeptOnceAsBak) {
    Stamping s;
    test::writeTextFile(s.song / "lyrics.lrc", "[00:01.00]the old one\n");
    s.window.setPosition(5.0);
    s.window.stampNext();
    ASSERT_TRUE(s.window.save()) << s.window.status().toStdString();
    EXPECT_EQ(slurp(s.song / "lyrics.lrc.bak"), "[00:01.00]the old one\n");
    s.window.nudgeSelected(1);
    ASSERT_TRUE(s.window.save());
    // The second save leaves the first .bak: the user's own file stays recoverable.
    EXPECT_EQ(slurp(s.song / "lyrics.lrc.bak"), "[00:01.00]the old one\n");
    EXPECT_NEAR(words::LrcFile::read(s.song / "lyrics.lrc").lines().at(0).time, 5.01, 1e-6);
}

TEST(StampWindow, ASymlinkToAStemIsNeverWrittenThrough) {
    Stamping s;
    fs::create_symlink(s.song / "drums.wav", s.song / "lyrics.lrc");
    s.window.stampNext();
    EXPECT_FALSE(s.window.save());
    EXPECT_FALSE(s.window.status().isEmpty());
    EXPECT_EQ(s.window.status().count(QLatin1Char('\n')), 0);
    EXPECT_EQ(slurp(s.song / "drums.wav"), "not really audio");
    EXPECT_TRUE(s.window.modified());
}

TEST(StampWindow, AFolderThatCannotTakeTheFileSavesToTheAppFolder) {
    test::TempDir appDir;
    test::TempDir dir;
    const app::LyricsStore store(qpath(appDir.path()));
    // A song folder that is not a folder (a read-only medium reads the same: not writable).
    const QString song = qpath(dir / "gone");
    const QString file = store.fileFor(song);
    EXPECT_TRUE(file.startsWith(qpath(appDir.path()))) << file.toStdString();
    EXPECT_TRUE(file.endsWith(QStringLiteral(".lrc")));
    EXPECT_TRUE(store.fallbackLyrics(song).isEmpty());
    QString error;
    ASSERT_TRUE(store.save(song, "[00:02.00]kept\n", &error)) << error.toStdString();
    EXPECT_EQ(store.fallbackLyrics(song), file);
    EXPECT_NEAR(words::LrcFile::read(file.toStdString()).lines().at(0).time, 2.0, 1e-6);
    // A writable folder saves beside the stems.
    fs::create_directories(dir / "here");
    EXPECT_EQ(store.fileFor(qpath(dir / "here")), qpath(dir / "here" / "lyrics.lrc"));
}

}  // namespace unity_StampWindowTest
