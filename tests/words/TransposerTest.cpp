#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "stemdeck/words/ChordName.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_TransposerTest {

using stemdeck::words::ChordName;
using stemdeck::words::MusicKey;
using stemdeck::words::Transposer;

TEST(ChordName, ParsesRootQualityAndBass) {
    const auto chord = ChordName::parse("F#m7b5/C");
    ASSERT_TRUE(chord);
    EXPECT_EQ(chord->root, 6);
    EXPECT_EQ(chord->quality, "m7b5");
    EXPECT_EQ(chord->bass, 0);
    EXPECT_TRUE(chord->minor());
    EXPECT_FALSE(ChordName::parse("Cmaj7")->minor());
    EXPECT_EQ(ChordName::parse("Bb")->root, 10);
    EXPECT_EQ(ChordName::parse("Cb")->root, 11);
}

TEST(ChordName, TextThatIsNotAChordIsRefused) {
    for (const char* text : {"Chorus", "N", "N.C.", "", "x", "H7", "C/", "C/X", "Am/G7", "Dude",
                             "Em(no way)", "Intro", "Bbb", "C##", "Abb7"})
        EXPECT_FALSE(ChordName::parse(text)) << text;
}

// Every quality, moved up two semitones from C, keeps its quality as written.
TEST(Transposer, EveryQualityKeepsItsSpelling) {
    const Transposer up2(2, MusicKey::parse("C"));
    const std::vector<std::string> qualities{
        "",        "m",       "7",         "m7",    "maj7",  "M7", "mMaj7", "m7b5", "dim",
        "dim7",    "o7",      "°7",        "ø7",    "aug",   "+",  "aug7",  "sus2", "sus4",
        "sus",     "7sus4",   "add9",      "add11", "madd9", "6",  "m6",    "69",   "6/9",
        "9",       "m9",      "maj9",      "11",    "m11",   "13", "maj13", "7#9",  "7b9",
        "7#11",    "7b13",    "7#5",       "7b5",   "7alt",  "5",  "-7",    "min7", "7(b9)",
        "13(#11)", "m(maj7)", "7(b9,#11)", "add2",  "7no3"};
    for (const auto& quality : qualities) {
        if (quality == "6/9") {
            // Written as a slash chord over a note that is not one: stays as written.
            EXPECT_EQ(up2.chord("C6/9"), "C6/9");
            continue;
        }
        EXPECT_TRUE(ChordName::parse("C" + quality)) << quality;
        EXPECT_EQ(up2.chord("C" + quality), "D" + quality) << quality;
    }
}

TEST(Transposer, SlashChordsMoveTheirBass) {
    const Transposer up2(2, MusicKey::parse("C"));
    EXPECT_EQ(up2.chord("C/E"), "D/F#");
    EXPECT_EQ(up2.chord("G/B"), "A/C#");
    EXPECT_EQ(up2.chord("Am7/G"), "Bm7/A");
    const Transposer up1(1, MusicKey::parse("C"));  // C -> Db: flats
    EXPECT_EQ(up1.chord("C/E"), "Db/F");
    EXPECT_EQ(up1.chord("D/F#"), "Eb/G");
    EXPECT_EQ(up1.chord("Am/G"), "Bbm/Ab");
}

TEST(Transposer, SpellsForTheTargetKey) {
    struct Case {
        const char* key;
        int semitones;
        const char* chord;
        const char* expected;
        const char* targetKey;
    };
    const Case cases[] = {
        {"C", 1, "C", "Db", "Db"},
        {"C", 3, "E", "G", "Eb"},
        {"C", 3, "F#dim", "Adim", "Eb"},
        {"C", 6, "C", "Gb", "Gb"},
        {"C", 6, "G", "Db", "Gb"},
        {"G", 4, "G", "B", "B"},
        {"G", 4, "C", "E", "B"},
        {"G", 4, "D7", "F#7", "B"},
        {"D", -2, "D", "C", "C"},
        {"D", 1, "A", "Bb", "Eb"},
        {"E", 6, "E", "Bb", "Bb"},
        {"A", 1, "A", "Bb", "Bb"},
        {"Am", 1, "Am", "Bbm", "Bbm"},
        {"Am", 3, "E7", "G7", "Cm"},
        {"Am", 3, "Am", "Cm", "Cm"},
        {"Am", 3, "F", "Ab", "Cm"},
        {"Em", 2, "B7", "C#7", "F#m"},
        {"Dm", 2, "A7", "B7", "Em"},
        {"Em", -2, "B7", "A7", "Dm"},
        {"C#m", 1, "G#", "A", "Dm"},
        {"F", 2, "Bb", "C", "G"},
        {"Bb", 2, "Eb", "F", "C"},
        {"F# minor", -1, "C#7", "C7", "Fm"},
        {"A minor", 2, "E/G#", "F#/A#", "Bm"},
        {"Bb major", 1, "F", "F#", "B"},
        {"Eb", 12, "Eb", "Eb", "Eb"},
    };
    for (const auto& c : cases) {
        const Transposer transposer(c.semitones, MusicKey::parse(c.key));
        EXPECT_EQ(transposer.chord(c.chord), c.expected)
            << c.key << " " << c.semitones << " " << c.chord;
        ASSERT_TRUE(transposer.targetKey());
        EXPECT_EQ(transposer.targetKey()->text(), c.targetKey) << c.key << " " << c.semitones;
    }
}

TEST(Transposer, WithoutAKeyEachChordIsSpelledAsItsOwnKey) {
    const Transposer up1(1, std::nullopt);
    EXPECT_EQ(up1.chord("A"), "Bb");    // Bb major: flats
    EXPECT_EQ(up1.chord("C"), "Db");    // Db
    EXPECT_EQ(up1.chord("Am"), "Bbm");  // Bbm: flats (Db major)
    EXPECT_EQ(up1.chord("C#m"), "Dm");
    EXPECT_EQ(up1.chord("Bm"), "Cm");   // Cm: flats (Eb major)
    EXPECT_EQ(up1.chord("Em"), "Fm");   // Fm: flats (Ab major)
    EXPECT_EQ(up1.chord("F"), "Gb");    // Gb: in the flat keys
    EXPECT_EQ(up1.chord("Gm"), "G#m");  // G#m: sharps (B major)
    EXPECT_EQ(up1.chord("E"), "F");
    const Transposer up2(2, std::nullopt);
    EXPECT_EQ(up2.chord("E"), "Gb");        // Gb: in the flat keys
    EXPECT_EQ(up2.chord("Em"), "F#m");      // F#m: sharps (A major)
    EXPECT_EQ(up2.chord("E/G#"), "Gb/Bb");  // the bass follows its chord's spelling
    EXPECT_FALSE(up2.targetKey());
}

TEST(Transposer, NoMoveOrAWholeOctaveLeavesTheTextAsWritten) {
    for (const int semitones : {0, 12, -12, 24}) {
        const Transposer same(semitones, MusicKey::parse("C"));
        EXPECT_EQ(same.chord("A#m7"), "A#m7");
        EXPECT_EQ(same.chord("Chorus"), "Chorus");
    }
    EXPECT_EQ(Transposer(5, std::nullopt).chord("N.C."), "N.C.");
    EXPECT_EQ(Transposer(5, std::nullopt).chord("Intro"), "Intro");
}

TEST(Transposer, ACapoGivesTheShapes) {
    // A song in D with a capo on 2: played as C shapes.
    const Transposer capo2(0, MusicKey::parse("D"), 2);
    EXPECT_EQ(capo2.shift(), -2);
    EXPECT_EQ(capo2.chord("D"), "C");
    EXPECT_EQ(capo2.chord("A/C#"), "G/B");
    EXPECT_EQ(capo2.chord("Bm7"), "Am7");
    EXPECT_EQ(capo2.targetKey()->text(), "C");
    // Pitch up 2 with a capo on 2: the same shapes as written.
    EXPECT_EQ(Transposer(2, MusicKey::parse("D"), 2).chord("Bm7"), "Bm7");
    // Pitch up 1 (Eb) with a capo on 3: C shapes.
    const Transposer capo3(1, MusicKey::parse("D"), 3);
    EXPECT_EQ(capo3.chord("D"), "C");
    EXPECT_EQ(capo3.chord("G"), "F");
    EXPECT_EQ(capo3.chord("F#m"), "Em");
}

TEST(MusicKey, ParsesTheWaysKeysAreWritten) {
    EXPECT_EQ(MusicKey::parse("A minor")->text(), "Am");
    EXPECT_EQ(MusicKey::parse("Ebm")->text(), "Ebm");
    EXPECT_EQ(MusicKey::parse("D#m")->text(), "Ebm");
    EXPECT_EQ(MusicKey::parse(" F# major ")->text(), "Gb");
    EXPECT_EQ(MusicKey::parse("C")->text(), "C");
    EXPECT_FALSE(MusicKey::parse("H"));
    EXPECT_FALSE(MusicKey::parse("C dorian"));
    EXPECT_FALSE(MusicKey::parse(""));
}

}  // namespace unity_TransposerTest
