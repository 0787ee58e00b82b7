// The stage view's words (issue 14): under the section cues, the current lyric line large and
// the next below, the sounding chord transposed by the pitch setting; nothing for a song
// without words.
#include <gtest/gtest.h>

#include <QLabel>
#include <QTest>
#include <memory>

#include "stemdeck/ui/StageView.h"
#include "stemdeck/ui/StageWords.h"
#include "stemdeck/words/SongWords.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_StageWordsTest {

using namespace stemdeck;

namespace {

std::shared_ptr<const words::SongWords> songWords() {
    auto w = std::make_shared<words::SongWords>();
    w->lyrics = words::LrcFile::parse(
        "[00:02.00]first line\n[00:04.00]second line\n"
        "[00:06.00]third line\n");
    w->chords = words::ChordLane::fromMetaJson(R"({"key": "F", "chords": [[1, "F"], [4, "Bb"]]})");
    return w;
}

struct Stage {
    ui::StageView stage;
    Stage() {
        stage.resize(1280, 720);
        stage.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&stage));
    }
    QLabel* label(const char* name) { return stage.findChild<QLabel*>(QString::fromLatin1(name)); }
};

}  // namespace

TEST(StageWords, ShowsTheCurrentAndNextLineUnderTheSections) {
    Stage s;
    ui::StageWords* words = s.stage.words();
    ASSERT_NE(words, nullptr);
    EXPECT_FALSE(words->isVisible());  // no song words yet
    words->setWords(songWords());
    ASSERT_TRUE(words->isVisible());

    words->setPosition(0.5);  // before the first line: it waits below
    EXPECT_EQ(words->lineText(), QString());
    EXPECT_EQ(words->nextLineText(), QStringLiteral("first line"));
    EXPECT_EQ(words->chordText(), QString());
    words->setPosition(4.5);
    EXPECT_EQ(words->currentLine(), 1);
    EXPECT_EQ(words->lineText(), QStringLiteral("second line"));
    EXPECT_EQ(words->nextLineText(), QStringLiteral("third line"));
    EXPECT_EQ(words->chordText(), QStringLiteral("Bb"));
    words->setPosition(2.0);  // back (a seek)
    EXPECT_EQ(words->lineText(), QStringLiteral("first line"));
    EXPECT_EQ(words->chordText(), QStringLiteral("F"));

    // Large, under the section cues, the next line smaller under it.
    QTest::qWait(10);
    QLabel* lyric = s.label("stageLyric");
    QLabel* next = s.label("stageNextLyric");
    QLabel* section = s.label("stageNextSection");
    ASSERT_TRUE(lyric && next && section);
    EXPECT_GT(lyric->mapTo(&s.stage, QPoint()).y(), section->mapTo(&s.stage, QPoint()).y());
    EXPECT_GT(next->mapTo(&s.stage, QPoint()).y(), lyric->mapTo(&s.stage, QPoint()).y());
    EXPECT_GT(lyric->font().pixelSize(), next->font().pixelSize());
    EXPECT_GE(lyric->font().pixelSize(), 40);
}

TEST(StageWords, TheChordFollowsThePitchSpelledForTheNewKey) {
    Stage s;
    ui::StageWords* words = s.stage.words();
    words->setWords(songWords());
    words->setPosition(1.5);
    EXPECT_EQ(words->chordText(), QStringLiteral("F"));
    words->setPitch(1);  // F -> F#/Gb major: flats
    EXPECT_EQ(words->chordText(), QStringLiteral("Gb"));
    words->setPitch(-1);  // E major: sharps
    words->setPosition(4.5);
    EXPECT_EQ(words->chordText(), QStringLiteral("A"));
    words->setPitch(2);  // G major
    EXPECT_EQ(words->chordText(), QStringLiteral("C"));
    // A new song keeps the pitch setting.
    words->setWords(songWords());
    words->setPosition(1.5);
    EXPECT_EQ(words->chordText(), QStringLiteral("G"));
}

TEST(StageWords, ASongWithoutWordsShowsNone) {
    Stage s;
    ui::StageWords* words = s.stage.words();
    words->setWords(songWords());
    ASSERT_TRUE(words->isVisible());
    words->setWords(std::make_shared<words::SongWords>());
    EXPECT_FALSE(words->isVisible());
    words->setPosition(4.5);
    EXPECT_EQ(words->lineText(), QString());
    // Plain (unsynced) lyrics have no current line: nothing to show on stage.
    auto plain = std::make_shared<words::SongWords>();
    plain->lyrics = words::LrcFile::plainText("la la\n");
    words->setWords(plain);
    EXPECT_FALSE(words->isVisible());
}

}  // namespace unity_StageWordsTest
