// The timeline's words lane (issue 14): each synced lyric line's text and each chord (named as
// played) starts at the x of its time, and nothing is drawn where no label is.
#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>
#include <QTest>
#include <cmath>
#include <memory>

#include "stemdeck/ui/TimelineView.h"
#include "stemdeck/ui/WordsLanePainter.h"
#include "stemdeck/words/SongWords.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_WordsLanePainterTest {

using namespace stemdeck;

namespace {

words::SongWords songWords() {
    words::SongWords w;
    w.lyrics = words::LrcFile::parse("[00:02.00]hello there\n[00:05.00]\n[00:06.00]again\n");
    w.chords = words::ChordLane::fromMetaJson(R"({"key": "C", "chords": [[1, 3, "C"], [4, "G"]]})");
    return w;
}

// Whether a column range of a row band holds any pixel brighter than the lane's background.
bool inked(const QImage& image, int x0, int x1, int y0, int y1) {
    for (int y = y0; y < y1; ++y)
        for (int x = std::max(0, x0); x < std::min(image.width(), x1); ++x)
            if (qGray(image.pixel(x, y)) > 128) return true;
    return false;
}

}  // namespace

TEST(WordsLanePainter, LabelsStartAtTheirTimesX) {
    const auto w = songWords();
    ui::WordsLanePainter lane;
    lane.words = &w;
    lane.pixelsPerSecond = 50.0;
    lane.firstSecond = 0.5;
    const auto labels = lane.labels(1000);
    ASSERT_EQ(labels.size(), 4u);  // C, G; "hello there", "again" (the break is not written)
    EXPECT_TRUE(labels[0].chord);
    EXPECT_EQ(labels[0].text, QStringLiteral("C"));
    EXPECT_DOUBLE_EQ(labels[0].x, (1.0 - 0.5) * 50.0);
    EXPECT_EQ(labels[1].text, QStringLiteral("G"));
    EXPECT_DOUBLE_EQ(labels[1].x, (4.0 - 0.5) * 50.0);
    EXPECT_FALSE(labels[2].chord);
    EXPECT_EQ(labels[2].text, QStringLiteral("hello there"));
    EXPECT_DOUBLE_EQ(labels[2].x, (2.0 - 0.5) * 50.0);
    EXPECT_DOUBLE_EQ(labels[2].room, (5.0 - 2.0) * 50.0);  // up to the break
    EXPECT_DOUBLE_EQ(labels[3].x, (6.0 - 0.5) * 50.0);

    // Scrolled on: the line sounding at the left edge starts off it; later ones are not visited.
    lane.firstSecond = 3.0;
    const auto later = lane.labels(100);  // 3 s .. 5 s in view
    ASSERT_EQ(later.size(), 3u);
    EXPECT_EQ(later[0].text, QStringLiteral("C"));
    EXPECT_DOUBLE_EQ(later[0].x, -100.0);
    EXPECT_EQ(later[1].text, QStringLiteral("G"));
    EXPECT_EQ(later[2].text, QStringLiteral("hello there"));
    EXPECT_DOUBLE_EQ(later[2].x, -50.0);
}

TEST(WordsLanePainter, ChordsAreNamedAsPlayed) {
    const auto w = songWords();
    ui::WordsLanePainter lane;
    lane.words = &w;
    lane.transposer = words::Transposer(2, words::MusicKey::parse("C"));
    const auto labels = lane.labels(1000);
    ASSERT_GE(labels.size(), 2u);
    EXPECT_EQ(labels[0].text, QStringLiteral("D"));
    EXPECT_EQ(labels[1].text, QStringLiteral("A"));
}

TEST(WordsLanePainter, DrawsTextAtTheLinesX) {
    const auto w = songWords();
    ui::WordsLanePainter lane;
    lane.words = &w;
    lane.pixelsPerSecond = 40.0;
    QImage image(400, ui::WordsLanePainter::height() + 10, QImage::Format_RGB32);
    image.fill(Qt::black);
    const QRect area(0, 10, 400, ui::WordsLanePainter::height());
    {
        QPainter p(&image);
        lane.paint(p, area, QFont());
    }
    const int lyricTop = area.top() + ui::WordsLanePainter::kRowHeight;
    const int lyricBottom = area.bottom() + 1;
    // "hello there" at 2 s = x 80; nothing in the lyric row before it.
    EXPECT_TRUE(inked(image, 82, 140, lyricTop, lyricBottom));
    EXPECT_FALSE(inked(image, 0, 79, lyricTop, lyricBottom));
    // "again" at 6 s = x 240; nothing between the break (5 s = x 200) and it.
    EXPECT_TRUE(inked(image, 242, 280, lyricTop, lyricBottom));
    EXPECT_FALSE(inked(image, 201, 239, lyricTop, lyricBottom));
    // The chord row: "C" at 1 s = x 40, nothing before it; nothing above the area.
    EXPECT_TRUE(inked(image, 42, 60, area.top(), lyricTop));
    EXPECT_FALSE(inked(image, 0, 39, area.top(), lyricTop));
    EXPECT_FALSE(inked(image, 0, 400, 0, area.top()));
}

}  // namespace unity_WordsLanePainterTest

namespace unity_WordsLanePainterTest {

// On the timeline: the lane sits under the stem lanes (which give it room) only while the song
// has words to show, and a line's text is at its time's x in the painted view.
TEST(WordsLanePainter, TheTimelineShowsTheLaneUnderTheStems) {
    ui::TimelineView view;
    view.resize(800, 240);
    view.setSong({{QStringLiteral("a"), Qt::green}, {QStringLiteral("b"), Qt::blue}}, nullptr,
                 20.0);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    EXPECT_TRUE(view.wordsRect().isEmpty());
    const int fullBottom = view.laneRect(1).bottom();

    auto w = std::make_shared<words::SongWords>(songWords());
    view.setWords(w, {});
    const QRect lane = view.wordsRect();
    ASSERT_FALSE(lane.isEmpty());
    EXPECT_EQ(lane.height(), ui::WordsLanePainter::height());
    EXPECT_EQ(lane.bottom(), view.viewport()->rect().bottom());
    EXPECT_LT(view.laneRect(1).bottom(), lane.top());
    EXPECT_LT(view.laneRect(1).bottom(), fullBottom);

    const QImage image = view.viewport()->grab().toImage();
    const int x = static_cast<int>(std::lround(view.xAt(6.0)));  // "again"
    const int top = lane.top() + ui::WordsLanePainter::kRowHeight;
    EXPECT_TRUE(inked(image, x + 2, x + 30, top, lane.bottom() + 1));
    EXPECT_FALSE(inked(image, x - 30, x - 1, top, lane.bottom() + 1)) << "after the break";

    view.setWords(std::make_shared<words::SongWords>(), {});  // a song without words
    EXPECT_TRUE(view.wordsRect().isEmpty());
    EXPECT_EQ(view.laneRect(1).bottom(), fullBottom);
}

}  // namespace unity_WordsLanePainterTest
