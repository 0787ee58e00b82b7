#include <gtest/gtest.h>

#include <set>

#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/ActionRegistry.h"
#include "stemdeck/control/KeyDefaults.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_KeyDefaultsTest {

using namespace stemdeck::control;
using Strings = std::vector<std::string>;

TEST(KeyDefaults, TodaysWindowKeysStay) {
    EXPECT_EQ(defaultKeys("play_pause"), Strings{"Space"});
    EXPECT_EQ(defaultKeys("to_start"), (Strings{"Home", "Return", "Enter"}));
    EXPECT_EQ(defaultKeys("loop"), Strings{"L"});
    EXPECT_EQ(defaultKeys("song.next"), Strings{"Ctrl+Right"});
    EXPECT_EQ(defaultKeys("song.previous"), Strings{"Ctrl+Left"});
    EXPECT_EQ(defaultKeys("vamp"), Strings{"V"});
    EXPECT_EQ(defaultKeys("stage"), Strings{"F11"});
    EXPECT_EQ(defaultKeys("lock"), Strings{"Ctrl+L"});
    EXPECT_TRUE(defaultKeys("stop").empty());
    EXPECT_TRUE(defaultKeys("no.such.action").empty());
}

TEST(KeyDefaults, PageTurnerTurnsMarkers) {
    EXPECT_EQ(defaultKeys("marker.next"), Strings{"PgDown"});
    EXPECT_EQ(defaultKeys("marker.previous"), Strings{"PgUp"});
}

TEST(KeyDefaults, DigitsGoToMarkers) {
    std::set<std::int64_t> numbers;
    for (const auto& binding : keyDefaults()) {
        if (binding.action != "marker.goto") continue;
        const auto n = std::get<std::int64_t>(binding.params.at("n"));
        EXPECT_EQ(binding.keys, Strings{std::to_string(n)});
        numbers.insert(n);
    }
    EXPECT_EQ(numbers, (std::set<std::int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
    EXPECT_TRUE(defaultKeys("marker.goto").empty());  // only with a number
}

// Every default must run: a known action, its parameters valid, and no key bound twice.
TEST(KeyDefaults, EveryBindingIsValidAndNoKeyRepeats) {
    ActionRegistry registry;
    for (auto& spec : actionCatalog()) registry.add(std::move(spec));
    std::set<std::string> keys;
    for (const auto& binding : keyDefaults()) {
        const auto result = registry.validate({binding.action, binding.params, Origin::Key, 0});
        EXPECT_TRUE(result.ok()) << binding.action << ": " << result.message;
        EXPECT_FALSE(binding.keys.empty()) << binding.action;
        for (const auto& key : binding.keys) EXPECT_TRUE(keys.insert(key).second) << key;
    }
}

}  // namespace unity_KeyDefaultsTest
