#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QTest>
#include <QToolButton>

#include "stemdeck/ui/IssueBanner.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_IssueBannerTest {

using stemdeck::ui::IssueBanner;
using stemdeck::ui::LoadMessages;

namespace {

const LoadMessages::Message kSkipped{
    QStringLiteral(
        "\u201cx.wav\u201d was left out of \u201cSong\u201d: it is damaged or not audio."),
    QStringLiteral("x.wav: cannot read: Format not recognised; skipped")};

struct Window {
    QWidget window;
    IssueBanner* banner = new IssueBanner(&window);
    Window() {
        window.resize(600, 200);
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
    }
    QToolButton* button(const char* name) {
        return banner->findChild<QToolButton*>(QString::fromLatin1(name));
    }
};

}  // namespace

TEST(IssueBanner, SaysItPlainlyWithTheDetailBehindADetailsButton) {
    Window w;
    EXPECT_FALSE(w.banner->isVisible()) << "nothing to say";
    w.banner->showMessages({kSkipped, {}});
    EXPECT_TRUE(w.banner->isVisible());
    EXPECT_EQ(w.banner->text(), QStringLiteral("\u26a0  ") + kSkipped.summary);
    EXPECT_FALSE(w.banner->detailsShown());
    QToolButton* details = w.button("detailsButton");
    ASSERT_NE(details, nullptr);
    EXPECT_EQ(details->text(), QStringLiteral("Details"));
    QTest::mouseClick(details, Qt::LeftButton);
    EXPECT_TRUE(w.banner->detailsShown());
    EXPECT_EQ(w.banner->findChild<QLabel*>(QStringLiteral("detailsLabel"))->text(),
              kSkipped.details);
    QTest::mouseClick(details, Qt::LeftButton);
    EXPECT_FALSE(w.banner->detailsShown());

    w.banner->showMessages({});
    EXPECT_FALSE(w.banner->isVisible());
}

// It had no way to be closed: now a close button, and Escape while it has the focus.
TEST(IssueBanner, TheCloseButtonAndEscapeDismissIt) {
    Window w;
    w.banner->showMessages({kSkipped});
    QToolButton* close = w.button("closeButton");
    ASSERT_NE(close, nullptr);
    EXPECT_EQ(close->focusPolicy(), Qt::NoFocus) << "Space and Return stay transport keys";
    QTest::mouseClick(close, Qt::LeftButton);
    EXPECT_FALSE(w.banner->isVisible());

    w.banner->showMessages({kSkipped});  // the next song's problems show again
    ASSERT_TRUE(w.banner->isVisible());
    QApplication::setActiveWindow(&w.window);
    QTest::mouseClick(w.banner, Qt::LeftButton, {}, QPoint(5, 5));  // a click gives it the focus
    ASSERT_TRUE(w.banner->hasFocus());
    QTest::keyClick(w.banner, Qt::Key_Escape);
    EXPECT_FALSE(w.banner->isVisible());
    EXPECT_FALSE(w.banner->hasFocus());

    // Also when the click went to its text (selectable, so it may take the focus itself).
    w.banner->showMessages({kSkipped});
    auto* text = w.banner->findChild<QLabel*>(QStringLiteral("summaryLabel"));
    QTest::mouseClick(text, Qt::LeftButton, {}, QPoint(5, 5));
    ASSERT_NE(QApplication::focusWidget(), nullptr);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    EXPECT_FALSE(w.banner->isVisible());
}

}  // namespace unity_IssueBannerTest
