#include <gtest/gtest.h>

#include "stemdeck/control/StemRef.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_StemRefTest {

using stemdeck::control::resolveStem;

namespace {
const std::vector<std::string> kStems = {"Drums", "bass", "BASS", "Vocals", "2", "Keys"};
}

TEST(StemRef, ExactNameFirst) {
    EXPECT_EQ(resolveStem(kStems, "bass").index, 1u);
    EXPECT_EQ(resolveStem(kStems, "BASS").index, 2u);
    // A stem named "2" is found by name before stem number 2.
    EXPECT_EQ(resolveStem(kStems, "2").index, 4u);
}

TEST(StemRef, ThenAnyCase) {
    EXPECT_EQ(resolveStem(kStems, "drums").index, 0u);
    EXPECT_EQ(resolveStem(kStems, "VOCALS").index, 3u);
    EXPECT_EQ(resolveStem(kStems, "kEyS").index, 5u);
}

TEST(StemRef, ThenNumberFromOne) {
    EXPECT_EQ(resolveStem(kStems, "1").index, 0u);
    EXPECT_EQ(resolveStem(kStems, "6").index, 5u);
    const std::vector<std::string> plain = {"a", "b"};
    EXPECT_EQ(resolveStem(plain, "2").index, 1u);
}

TEST(StemRef, AmbiguousNameIsAnError) {
    const auto match = resolveStem(kStems, "Bass");
    EXPECT_FALSE(match.ok());
    EXPECT_EQ(match.error,
              "more than one stem is named \"Bass\" in some case; stems: 1 Drums, 2 bass, 3 BASS, "
              "4 Vocals, 5 2, 6 Keys");
}

TEST(StemRef, NothingFoundListsTheStems) {
    const std::vector<std::string> stems = {"drums", "bass"};
    EXPECT_EQ(resolveStem(stems, "guitar").error,
              "no stem named \"guitar\"; stems: 1 drums, 2 bass");
    EXPECT_EQ(resolveStem(stems, "3").error, "no stem number 3; stems: 1 drums, 2 bass");
    EXPECT_EQ(resolveStem(stems, "0").error, "no stem number 0; stems: 1 drums, 2 bass");
    EXPECT_FALSE(resolveStem(stems, "").ok());
    EXPECT_FALSE(resolveStem(stems, "-1").ok());
    EXPECT_FALSE(resolveStem(stems, "+1").ok());
    EXPECT_FALSE(resolveStem(stems, "1.0").ok());
    EXPECT_FALSE(resolveStem(stems, " 1").ok());
    EXPECT_FALSE(resolveStem(stems, "99999999999999999999").ok());
    EXPECT_EQ(resolveStem({}, "1").error, "no stem number 1; the song has no stems");
}

TEST(StemRef, ErrorsArePrintableAndShort) {
    std::vector<std::string> many;
    for (int i = 0; i < 40; ++i) many.push_back("stem" + std::to_string(i));
    const auto match = resolveStem(many, std::string("bad\nname\xFF") + std::string(300, 'x'));
    EXPECT_FALSE(match.ok());
    EXPECT_LT(match.error.size(), 400u);
    EXPECT_EQ(match.error.find('\n'), std::string::npos);
    EXPECT_NE(match.error.find("no stem named \"bad?name?"), std::string::npos) << match.error;
    EXPECT_NE(match.error.find("16 stem15, …"), std::string::npos) << match.error;
    EXPECT_EQ(match.error.find("stem16"), std::string::npos);
}

}  // namespace unity_StemRefTest
