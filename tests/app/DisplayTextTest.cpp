// Names from the file system shown in the window: what could steer a terminal, break a line or
// reorder the text is shown, not obeyed.
#include <gtest/gtest.h>

#include <QString>

#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/SongMeta.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_DisplayTextTest {

using stemdeck::app::displayLine;
using stemdeck::app::displayName;
using stemdeck::app::SongMeta;

namespace {

// No control character and nothing that reorders the text.
bool printable(const QString& text) {
    for (const QChar c : text)
        if (c.category() == QChar::Other_Control || stemdeck::app::isBidiControl(c)) return false;
    return true;
}

}  // namespace

TEST(DisplayText, ControlCharactersOfANameBecomeTheirSymbols) {
    EXPECT_EQ(displayName(std::string("\x1b[2Jdrums")), QStringLiteral("\u241b[2Jdrums"));
    EXPECT_EQ(displayName(std::string("bass\nline\r\t")),
              QStringLiteral("bass\u240aline\u240d\u2409"));
    EXPECT_EQ(displayName(QStringLiteral("a\u0000b\u007fc")), QStringLiteral("a\u2400b\u2421c"));
    // C1's CSI starts a terminal sequence too; line and paragraph separators break the line.
    EXPECT_EQ(displayName(QStringLiteral("x\u009b2Jy\u2028z")),
              QStringLiteral("x\ufffd2Jy\u2424z"));
}

TEST(DisplayText, CharactersThatReorderTheTextAreShownAsReplacements) {
    // "gtr\u202Evaw.3pm" would read "gtrmp3.wav".
    const QString name = displayName(QStringLiteral("gtr\u202evaw.3pm"));
    EXPECT_EQ(name, QStringLiteral("gtr\ufffdvaw.3pm"));
    for (const char16_t c : {0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
                             0x200e, 0x200f, 0x061c})
        EXPECT_EQ(displayName(QString(QChar(c))), QString(QChar(QChar::ReplacementCharacter)))
            << std::hex << static_cast<int>(c);
    EXPECT_TRUE(printable(displayLine(QStringLiteral("Song \u2067title\u2069"))));
}

TEST(DisplayText, OrdinaryNamesStayAsTheyAre) {
    for (const QString& ok :
         {QStringLiteral("Drums & Perc (2).wav"), QStringLiteral("Gesang – Öl"),
          QStringLiteral("\u30c9\u30e9\u30e0"), QStringLiteral("\U0001F941 kit"),
          QStringLiteral("\u05e9\u05d9\u05e8"),  // Hebrew: direction by the letters
          QStringLiteral("a\u200db")})           // a joiner is not a control
        EXPECT_EQ(displayName(ok), ok) << ok.toStdString();
    QString lone = QStringLiteral("x");
    lone.append(QChar(static_cast<char16_t>(0xd83e)));  // half a surrogate pair
    EXPECT_EQ(displayName(lone), QStringLiteral("x\ufffd"));
}

TEST(DisplayText, AFolderNameStandingInForTheTitleShowsItsControlCharacters) {
    const SongMeta meta =
        SongMeta::parse("{}", QStringLiteral("live\u001b]0;owned\u0007 set\u202e"));
    EXPECT_EQ(meta.title, QStringLiteral("live\u241b]0;owned\u2407 set\ufffd"));
    EXPECT_TRUE(printable(meta.title));
    // meta.json's own text: control characters are spaces, as before; reordering is shown.
    const SongMeta titled =
        SongMeta::parse(R"({"title": "Two\nLines \u202eX"})", QStringLiteral("folder"));
    EXPECT_EQ(titled.title, QStringLiteral("Two Lines \ufffdX"));
}

}  // namespace unity_DisplayTextTest
