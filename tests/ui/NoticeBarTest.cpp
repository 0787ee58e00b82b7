#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QTest>
#include <QToolButton>

#include "stemdeck/ui/NoticeBar.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_NoticeBarTest {

using stemdeck::ui::NoticeBar;

TEST(NoticeBar, ShowsEachSourcesNoticeUntilWithdrawnOrDismissed) {
    QWidget window;
    auto* bar = new NoticeBar(&window);
    window.show();
    EXPECT_FALSE(bar->isVisible()) << "nothing to say";

    bar->setNotice(QStringLiteral("settings"), QStringLiteral("The settings file was damaged."));
    bar->setNotice(QStringLiteral("output"), QStringLiteral("Audio stopped."));
    EXPECT_TRUE(bar->isVisible());
    EXPECT_EQ(bar->text(), QStringLiteral("The settings file was damaged.\nAudio stopped."));
    auto* label = bar->findChild<QLabel*>(QStringLiteral("noticeLabel"));
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->text(), bar->text());

    bar->setNotice(QStringLiteral("output"), QStringLiteral("Playing on ALSA instead."));
    EXPECT_EQ(bar->text(),
              QStringLiteral("The settings file was damaged.\nPlaying on ALSA instead."))
        << "a source replaces its own notice in place";
    bar->setNotice(QStringLiteral("settings"), QString());
    EXPECT_EQ(bar->text(), QStringLiteral("Playing on ALSA instead."));
    bar->setNotice(QStringLiteral("output"), QString());
    EXPECT_FALSE(bar->isVisible());

    bar->setNotice(QStringLiteral("a"), QStringLiteral("one"));
    bar->setNotice(QStringLiteral("b"), QStringLiteral("two"));
    QTest::mouseClick(bar->findChild<QToolButton*>(QStringLiteral("noticeCloseButton")),
                      Qt::LeftButton);
    EXPECT_FALSE(bar->isVisible());
    EXPECT_TRUE(bar->text().isEmpty());
    bar->setNotice(QStringLiteral("a"), QStringLiteral("again"));
    EXPECT_EQ(bar->text(), QStringLiteral("again")) << "a dismissed notice can come back";
}

// Found by tests/ui/BadInputWindowTest.cpp: the close button took the keyboard focus, and the
// next Space (play/pause) dismissed the notice instead.
TEST(NoticeBar, TheCloseButtonNeverTakesTheKeyboard) {
    NoticeBar bar;
    EXPECT_EQ(bar.findChild<QToolButton*>(QStringLiteral("noticeCloseButton"))->focusPolicy(),
              Qt::NoFocus);
}

TEST(NoticeBar, EscapeDismissesItWhileItHasTheFocus) {
    QWidget window;
    auto* bar = new NoticeBar(&window);
    window.resize(500, 100);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    bar->setNotice(QStringLiteral("output"), QStringLiteral("Audio stopped."));
    QTest::mouseClick(bar, Qt::LeftButton, {}, QPoint(3, 3));
    ASSERT_TRUE(bar->hasFocus());
    QTest::keyClick(bar, Qt::Key_Escape);
    EXPECT_FALSE(bar->isVisible());
    EXPECT_TRUE(bar->text().isEmpty());
}

}  // namespace unity_NoticeBarTest
