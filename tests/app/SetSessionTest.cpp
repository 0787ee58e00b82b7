// The set open in the app (SetSession) and its table (SetListModel): New / Open / Save / Save
// As, the current entry following edits, durations from the headers, problems per row,
// reordering by moveRows and by a drop of the view's own rows, songs and sets dropped in.

#include <gtest/gtest.h>

#include <QMimeData>
#include <QSignalSpy>
#include <QUrl>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "stemdeck/app/set/SetFile.h"
#include "stemdeck/app/set/SetListModel.h"
#include "stemdeck/app/set/SetSession.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SetSessionTest {

namespace fs = std::filesystem;
using namespace stemdeck::app::set;
using stemdeck::test::qpath;
using stemdeck::test::TempDir;
using stemdeck::test::writeSineSong;

namespace {

constexpr int kRate = 8000;

std::string readText(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Songs A (1 s), B (2 s), C (3 s) and a set file naming them with an unknown key each.
class SetSessionTest : public ::testing::Test {
  protected:
    void SetUp() override {
        writeSineSong(dir_.path(), "A", 1.0, 1, kRate);
        writeSineSong(dir_.path(), "B", 2.0, 1, kRate);
        writeSineSong(dir_.path(), "C", 3.0, 1, kRate);
        stemdeck::test::writeTextFile(setFile(), R"({"name": "Friday", "venue": "Club",
 "songs": [{"path": "A", "transition": "gap", "gap_s": 4, "light": "red"},
           {"path": "B", "tempo": 0.5},
           {"path": "C", "pitch": 2, "click": true, "count_in": 2}]})");
    }
    fs::path setFile() const { return dir_ / "friday.stemset"; }
    bool open(SetSession& session) {
        QString error;
        const bool ok = session.open(qpath(setFile()), &error);
        EXPECT_TRUE(ok) << error.toStdString();
        return ok;
    }
    std::vector<std::string> paths(const SetList& set) {
        std::vector<std::string> out;
        for (const SetEntry& e : set.songs) out.push_back(e.path);
        return out;
    }
    TempDir dir_;
};

}  // namespace

TEST_F(SetSessionTest, OpensASetAndTheTableShowsEachSongWithItsLengthAtItsTempo) {
    SetSession session;
    SetListModel model(session);
    ASSERT_TRUE(open(session));
    EXPECT_FALSE(session.dirty());
    ASSERT_EQ(model.rowCount(), 3);
    const auto text = [&](int row, int column) {
        return model.data(model.index(row, column)).toString().toStdString();
    };
    EXPECT_EQ(text(0, SetListModel::SongColumn), "A");
    EXPECT_EQ(text(0, SetListModel::TransitionColumn), "gap 4 s");
    EXPECT_EQ(text(2, SetListModel::TransitionColumn), "end");  // the last has no effect
    EXPECT_EQ(text(0, SetListModel::DurationColumn), "0:01");
    EXPECT_EQ(text(1, SetListModel::DurationColumn), "0:04");  // 2 s at half tempo
    EXPECT_EQ(text(1, SetListModel::SettingsColumn), "50 %");
    EXPECT_EQ(text(2, SetListModel::SettingsColumn), "+2 st · click · count-in 2");
    // 1 + 4 (gap) + 4 + 3.
    EXPECT_DOUBLE_EQ(model.totalSeconds(), 12.0);
    EXPECT_DOUBLE_EQ(model.secondsLeft(0.0), 12.0);  // no current song: the whole set
    session.setCurrentIndex(1);
    // 1 s into B at half tempo is 2 s heard: 4 - 2 + 3.
    EXPECT_DOUBLE_EQ(model.secondsLeft(1.0), 5.0);
}

TEST_F(SetSessionTest, CurrentAndNextRolesFollowTheCurrentEntryAndTellTheView) {
    SetSession session;
    SetListModel model(session);
    ASSERT_TRUE(open(session));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    session.setCurrentIndex(0);
    EXPECT_GE(changed.count(), 2);  // rows 0 and 1
    const auto role = [&](int row, int r) { return model.data(model.index(row, 0), r).toBool(); };
    EXPECT_TRUE(role(0, SetListModel::CurrentRole));
    EXPECT_TRUE(role(1, SetListModel::NextRole));
    EXPECT_FALSE(role(2, SetListModel::NextRole));
    session.setCurrentIndex(2);
    EXPECT_FALSE(role(0, SetListModel::CurrentRole));
    EXPECT_TRUE(role(2, SetListModel::CurrentRole));
    EXPECT_EQ(session.nextIndex(), -1);  // the last song has no next
    for (int row = 0; row < 3; ++row) EXPECT_FALSE(role(row, SetListModel::NextRole));
}

TEST_F(SetSessionTest, AMovedRowIsSavedInItsNewPlaceWithEveryUnknownKeyKept) {
    SetSession session;
    SetListModel model(session);
    ASSERT_TRUE(open(session));
    session.setCurrentIndex(0);
    // A to the end: B, C, A.
    ASSERT_TRUE(model.moveRows({}, 0, 1, {}, 3));
    EXPECT_EQ(paths(session.set()), (std::vector<std::string>{"B", "C", "A"}));
    EXPECT_EQ(session.currentIndex(), 2);  // the current song moved with its row
    EXPECT_TRUE(session.dirty());
    QString error;
    ASSERT_TRUE(session.save(&error)) << error.toStdString();
    EXPECT_FALSE(session.dirty());
    const ParsedSet reread = SetFile::read(setFile());
    ASSERT_TRUE(reread.readable);
    EXPECT_EQ(paths(reread.set), (std::vector<std::string>{"B", "C", "A"}));
    EXPECT_EQ(reread.set.extra.value("venue", ""), "Club");
    EXPECT_EQ(reread.set.songs[2].extra.value("light", ""), "red");
    EXPECT_EQ(reread.set.songs[2].transition, Transition::Gap);
    EXPECT_DOUBLE_EQ(reread.set.songs[2].gapSeconds, 4.0);
}

TEST_F(SetSessionTest, DroppingTheViewsOwnRowsReordersThem) {
    SetSession session;
    SetListModel model(session);
    ASSERT_TRUE(open(session));
    // C dragged onto row 0 (before A), as the view drops it.
    std::unique_ptr<QMimeData> mime(model.mimeData({model.index(2, 0), model.index(2, 1)}));
    ASSERT_TRUE(mime->hasFormat(SetListModel::kRowsMime));
    model.dropMimeData(mime.get(), Qt::MoveAction, 0, 0, {});
    EXPECT_EQ(paths(session.set()), (std::vector<std::string>{"C", "A", "B"}));
    // A and B dragged together to the end.
    mime.reset(model.mimeData({model.index(1, 0), model.index(2, 0)}));
    model.dropMimeData(mime.get(), Qt::MoveAction, 3, 0, {});
    EXPECT_EQ(paths(session.set()), (std::vector<std::string>{"C", "A", "B"}));
    mime.reset(model.mimeData({model.index(0, 0), model.index(2, 0)}));
    model.dropMimeData(mime.get(), Qt::MoveAction, 3, 0, {});
    EXPECT_EQ(paths(session.set()), (std::vector<std::string>{"A", "C", "B"}));
    EXPECT_EQ(model.rowCount(), 3);
}

TEST_F(SetSessionTest, SongFoldersAndSetFilesDroppedFromAFileManagerAreAdded) {
    SetSession session;
    SetListModel model(session);
    ASSERT_TRUE(open(session));
    const fs::path other = dir_ / "elsewhere";
    fs::create_directories(other);
    writeSineSong(other, "D", 1.0, 1, kRate);
    stemdeck::test::writeTextFile(other / "two.stemset",
                                  R"({"songs": [{"path": "D", "tempo": 0.8}, {"path": "../A"}]})");
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(qpath(other / "D")),
                  QUrl::fromLocalFile(qpath(other / "two.stemset"))});
    ASSERT_TRUE(model.canDropMimeData(&mime, Qt::CopyAction, 1, 0, {}));
    ASSERT_TRUE(model.dropMimeData(&mime, Qt::CopyAction, 1, 0, {}));
    // Stored relative to the set's own folder, the set file's settings kept.
    EXPECT_EQ(paths(session.set()),
              (std::vector<std::string>{"A", "elsewhere/D", "elsewhere/D", "A", "B", "C"}));
    EXPECT_DOUBLE_EQ(session.entry(2).tempo, 0.8);
    EXPECT_EQ(model.data(model.index(1, SetListModel::DurationColumn)).toString(), "0:01");
    QStringList refused;
    EXPECT_EQ(model.addPaths({qpath(dir_ / "A" / "stem0.wav")}, -1, &refused), 0);
    ASSERT_EQ(refused.size(), 1);
    EXPECT_TRUE(refused[0].contains("not a song folder")) << refused[0].toStdString();
}

TEST_F(SetSessionTest, AMissingSongIsAProblemRowAndTheOthersKeepTheirLengths) {
    stemdeck::test::writeTextFile(setFile(), R"({"songs": [{"path": "A"}, {"path": "Gone"},
 {"path": "C", "gap_s": -1}]})");
    SetSession session;
    SetListModel model(session);
    ASSERT_TRUE(open(session));
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.data(model.index(1, SetListModel::DurationColumn)).toString(), "missing");
    const QString problem = model.data(model.index(1, 0), SetListModel::ProblemRole).toString();
    EXPECT_TRUE(problem.contains("entry 2 (Gone)")) << problem.toStdString();
    EXPECT_EQ(model.data(model.index(1, 0), Qt::ToolTipRole).toString(), problem);
    // A bad value in the file is a problem of that row; the song still has its length.
    EXPECT_TRUE(model.data(model.index(2, 0), SetListModel::ProblemRole)
                    .toString()
                    .contains("entry 3 (C)"));
    EXPECT_EQ(model.data(model.index(2, SetListModel::DurationColumn)).toString(), "0:03");
    EXPECT_TRUE(model.data(model.index(0, 0), SetListModel::ProblemRole).toString().isEmpty());
    EXPECT_EQ(model.data(model.index(0, SetListModel::DurationColumn)).toString(), "0:01");
}

TEST_F(SetSessionTest, AFileThatIsNotASetIsRefusedAndTheOpenSetStays) {
    SetSession session;
    ASSERT_TRUE(open(session));
    stemdeck::test::writeTextFile(dir_ / "bad.stemset", "{\"songs\": [");
    QString error;
    EXPECT_FALSE(session.open(qpath(dir_ / "bad.stemset"), &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(error.count('\n'), 0);
    EXPECT_EQ(session.size(), 3);
    EXPECT_EQ(session.filePath(), qpath(setFile()));
}

TEST_F(SetSessionTest, SaveAsElsewhereRewritesRelativePathsSoTheSongsAreStillFound) {
    SetSession session;
    ASSERT_TRUE(open(session));
    const QString before = session.songFolder(0);
    fs::create_directories(dir_ / "sets" / "june");
    QString error;
    ASSERT_TRUE(session.saveAs(qpath(dir_ / "sets" / "june" / "copy.stemset"), &error))
        << error.toStdString();
    EXPECT_EQ(session.entry(0).path, "../../A");
    EXPECT_EQ(session.songFolder(0), before);
    const ParsedSet reread = SetFile::read(dir_ / "sets" / "june" / "copy.stemset");
    EXPECT_EQ(paths(reread.set), (std::vector<std::string>{"../../A", "../../B", "../../C"}));
    // A name that is not a set file's is refused: a song's files are never written over.
    EXPECT_FALSE(session.saveAs(qpath(dir_ / "A" / "stem0.wav"), &error));
    EXPECT_TRUE(error.contains(".stemset")) << error.toStdString();
    EXPECT_EQ(readText(dir_ / "sets" / "june" / "copy.stemset").find("venue") != std::string::npos,
              true);
}

TEST_F(SetSessionTest, NewSetIsEmptyCleanAndItsSongsAreStoredByAbsolutePathUntilSaved) {
    SetSession session;
    SetListModel model(session);
    ASSERT_TRUE(open(session));
    session.newSet();
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_TRUE(session.filePath().isEmpty());
    EXPECT_FALSE(session.dirty());
    EXPECT_EQ(model.addPaths({qpath(dir_ / "B")}), 1);
    EXPECT_TRUE(session.dirty());
    EXPECT_EQ(session.entry(0).path, (dir_ / "B").string());
    QString error;
    EXPECT_FALSE(session.save(&error));  // no file yet
    ASSERT_TRUE(session.saveAs(qpath(dir_ / "new.stemset"), &error)) << error.toStdString();
    EXPECT_EQ(session.entry(0).path, (dir_ / "B").string());  // absolute paths stay so
}

TEST_F(SetSessionTest, RemovingRowsKeepsTheCurrentSongOrForgetsIt) {
    SetSession session;
    SetListModel model(session);
    ASSERT_TRUE(open(session));
    session.setCurrentIndex(2);
    ASSERT_TRUE(model.removeRows(0, 1));
    EXPECT_EQ(session.currentIndex(), 1);
    EXPECT_EQ(paths(session.set()), (std::vector<std::string>{"B", "C"}));
    ASSERT_TRUE(model.removeRows(1, 1));
    EXPECT_EQ(session.currentIndex(), -1);
    EXPECT_DOUBLE_EQ(model.totalSeconds(), 4.0);
}

}  // namespace unity_SetSessionTest
