// Stem names: every stem of a song can be told apart and addressed by its name (issue 9,
// item 8), and a file's own name is kept whenever no other file has it.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/audio/loader/StemNaming.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_StemNamingTest {

namespace sd = stemdeck::audio;
namespace fs = std::filesystem;
using stemdeck::test::TempDir;

namespace {

sd::StemProbe probeOf(const fs::path& file) {
    sd::StemProbe p;
    p.file = file;
    p.name = file.stem().string();
    return p;
}

std::vector<std::string> namesOf(const std::vector<sd::StemProbe>& probes) {
    std::vector<std::string> names;
    for (const auto& p : probes) names.push_back(p.name);
    return names;
}

std::string nameOf(const std::vector<sd::StemProbe>& probes, const fs::path& file) {
    for (const auto& p : probes)
        if (p.file == file) return p.name;
    return "<missing>";
}

}  // namespace

// The set of the issue: before, two stems were named "b (wav) 2".
TEST(StemNaming, GeneratedNamesNeverCollideWithFileNames) {
    TempDir dir;
    for (const char* name : {"b.wav", "b.flac", "b (wav).aiff", "b (wav) 2.wav"})
        ASSERT_TRUE(stemdeck::test::writeAudioFile(dir / name, {{0.1f, 0.2f}}, 48000));
    const auto song = sd::StemLoader::load(dir.path());
    std::vector<std::string> names;
    for (const auto& stem : song.stems) names.push_back(stem.name);
    EXPECT_EQ(names, (std::vector<std::string>{"b (flac)", "b (wav)", "b (wav) 2", "b (wav) 3"}));
    // The files named "b (wav)" and "b (wav) 2" keep their own names; b.wav takes the next.
    const auto fileOf = [&](const std::string& name) {
        const int index = song.stemIndex(name);
        return index < 0 ? fs::path("<missing>") : song.stems[static_cast<std::size_t>(index)].file;
    };
    EXPECT_EQ(fileOf("b (wav)"), dir / "b (wav).aiff");
    EXPECT_EQ(fileOf("b (wav) 2"), dir / "b (wav) 2.wav");
    EXPECT_EQ(fileOf("b (wav) 3"), dir / "b.wav");
}

TEST(StemNaming, SameFileNameInTheFolderAndInTracksIsNumbered) {
    std::vector<sd::StemProbe> probes{probeOf("/s/tracks/drums.wav"), probeOf("/s/drums.flac"),
                                      probeOf("/s/drums.wav"), probeOf("/s/drums (wav) 2.wav")};
    sd::loader::makeNamesUnique(probes);
    EXPECT_EQ(namesOf(probes), (std::vector<std::string>{"drums (flac)", "drums (wav)",
                                                         "drums (wav) 2", "drums (wav) 3"}));
    EXPECT_EQ(nameOf(probes, "/s/drums (wav) 2.wav"), "drums (wav) 2");
    EXPECT_EQ(nameOf(probes, "/s/drums.wav"), "drums (wav)");
    EXPECT_EQ(nameOf(probes, "/s/tracks/drums.wav"), "drums (wav) 3");
}

// Many folders of names built to collide: the same bases with and without extensions, names
// that look like generated ones ("x (wav) 2"), both folders. Whatever the mix, every name is
// unique, starts with its file's name, and a file name no other file has is kept as it is.
TEST(StemNaming, NamesAreUniqueForAnyMixOfCollidingFileNames) {
    const std::vector<std::string> bases{"x",        "x (wav)",    "x (wav) 2", "x 2",
                                         "x (flac)", "x (flac) 2", "X",         "x (wav) 3",
                                         "x (aiff)", "x 3"};
    const std::vector<std::string> extensions{".wav", ".flac", ".aiff", ".WAV", ""};
    std::mt19937 random(9);
    for (int round = 0; round < 2000; ++round) {
        std::set<fs::path> files;
        const int count = 2 + static_cast<int>(random() % 12);
        for (int i = 0; i < count; ++i) {
            const fs::path dir = random() % 2 ? "/song" : "/song/tracks";
            files.insert(
                dir / (bases[random() % bases.size()] + extensions[random() % extensions.size()]));
        }
        std::vector<sd::StemProbe> probes;
        for (const auto& f : files) probes.push_back(probeOf(f));
        std::shuffle(probes.begin(), probes.end(), random);
        std::map<std::string, int> stems;
        for (const auto& p : probes) ++stems[p.name];

        sd::loader::makeNamesUnique(probes);
        ASSERT_EQ(probes.size(), files.size());
        std::set<std::string> seen;
        for (const auto& p : probes) {
            const std::string own = p.file.stem().string();
            EXPECT_TRUE(seen.insert(p.name).second)
                << "round " << round << ": '" << p.name << "' given twice (" << p.file << ")";
            EXPECT_TRUE(p.name.starts_with(own)) << p.name << " for " << p.file;
            if (stems[own] == 1) {
                EXPECT_EQ(p.name, own) << p.file;
            }
        }
        EXPECT_TRUE(std::ranges::is_sorted(probes, sd::loader::stemOrder)) << "round " << round;
    }
}

}  // namespace unity_StemNamingTest
