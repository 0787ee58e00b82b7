// The one rule for which device a name means (audio::findOutputDevice): what the engine opens,
// what the app loads a song's rate for and what the settings dialog describes.
#include <gtest/gtest.h>

#include <vector>

#include "stemdeck/audio/device/PortAudioOutput.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_OutputDeviceChoiceTest {

using stemdeck::audio::findOutputDevice;
using stemdeck::audio::OutputDevice;

namespace {

std::vector<OutputDevice> devices() {
    return {{0, "hw:0", "ALSA", 2, 44100, false},
            {1, "default", "ALSA", 32, 48000, true},
            {2, "system", "JACK Audio Connection Kit", 2, 96000, false}};
}

}  // namespace

TEST(OutputDeviceChoice, EmptyMeansTheSystemDefaultElseTheFirstOutput) {
    const auto all = devices();
    EXPECT_EQ(findOutputDevice(all, "")->index, 1);
    auto noDefault = all;
    noDefault[1].isDefault = false;
    EXPECT_EQ(findOutputDevice(noDefault, "")->index, 0);
    EXPECT_EQ(findOutputDevice({}, ""), nullptr);
}

TEST(OutputDeviceChoice, ALabelOrNameIgnoringCaseThenAPartOfALabel) {
    const auto all = devices();
    EXPECT_EQ(findOutputDevice(all, "JACK Audio Connection Kit: system")->index, 2);
    EXPECT_EQ(findOutputDevice(all, "SYSTEM")->index, 2);
    EXPECT_EQ(findOutputDevice(all, "alsa: DEFAULT")->index, 1);
    EXPECT_EQ(findOutputDevice(all, "jack")->index, 2) << "a part of a label";
    EXPECT_EQ(findOutputDevice(all, "hw:0")->index, 0) << "a whole name before a part";
    EXPECT_EQ(findOutputDevice(all, "no such device"), nullptr);
}

}  // namespace unity_OutputDeviceChoiceTest
