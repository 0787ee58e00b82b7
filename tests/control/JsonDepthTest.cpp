#include <gtest/gtest.h>

#include "stemdeck/control/JsonDepth.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_JsonDepthTest {

using stemdeck::control::jsonNestingDepth;

TEST(JsonDepth, CountsTheDeepestArrayOrObject) {
    EXPECT_EQ(jsonNestingDepth("42", 8), 0);
    EXPECT_EQ(jsonNestingDepth(R"({"a": [1, {"b": []}], "c": {}})", 8), 4);
    EXPECT_EQ(jsonNestingDepth("[[]] [[[]]]", 8), 3);
}

TEST(JsonDepth, BracketsInsideStringsAndEscapedQuotesDoNotCount) {
    EXPECT_EQ(jsonNestingDepth(R"({"a": "[[[{{{"})", 8), 1);
    EXPECT_EQ(jsonNestingDepth(R"(["\"[[[", "\\", [1]])", 8), 2);
}

TEST(JsonDepth, StopsOncePastTheLimit) {
    const std::string deep(100000, '[');
    EXPECT_EQ(jsonNestingDepth(deep, 8), 9);
    EXPECT_EQ(jsonNestingDepth("[[[]]]", 2), 3);
}

}  // namespace unity_JsonDepthTest
