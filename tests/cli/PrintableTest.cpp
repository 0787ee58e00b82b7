#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "Printable.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_PrintableTest {

using stemdeck::cli::printable;

// Everything the CLI prints goes through printable(): a file name can clear the screen, set
// the terminal's title or forge a line of its own otherwise.
TEST(Printable, EscapesTerminalControlsOnOneLine) {
    EXPECT_EQ(printable("a\x1b[2Jb"), "a\\x1b[2Jb");                 // clear screen
    EXPECT_EQ(printable("\x1b]0;owned\x07"), "\\x1b]0;owned\\x07");  // window title
    EXPECT_EQ(printable("x\nstemdeck-cli: error: fake"), "x\\nstemdeck-cli: error: fake");
    EXPECT_EQ(printable("cr\rtab\tdel\x7f"), "cr\\rtab\\tdel\\x7f");
    EXPECT_EQ(printable(std::string("nul\0end", 7)), "nul\\x00end");
}

TEST(Printable, EscapesC1ControlsAndBidiOverrides) {
    EXPECT_EQ(printable("\xc2\x9b"
                        "2J"),
              "\\u009b2J");                                                 // CSI as a code point
    EXPECT_EQ(printable("evil\xe2\x80\xaetxt.wav"), "evil\\u202etxt.wav");  // right-to-left
    EXPECT_EQ(printable("a\xe2\x80\xa8"
                        "b"),
              "a\\u2028b");  // line separator
}

TEST(Printable, KeepsValidUtf8AndReplacesInvalidBytes) {
    EXPECT_EQ(printable("Sóng – 曲 (live) 🎸"), "Sóng – 曲 (live) 🎸");
    EXPECT_EQ(printable("bad\xff\xc3"), "bad\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(printable("\x9b"
                        "2J"),
              "\xEF\xBF\xBD"
              "2J");  // a raw 8-bit CSI is not UTF-8
}

TEST(Printable, PrintLineEndsTheOneLine) {
    std::ostringstream out;
    stemdeck::cli::printLine(out, "drums\n.wav");
    EXPECT_EQ(out.str(), "drums\\n.wav\n");
}

}  // namespace unity_PrintableTest
