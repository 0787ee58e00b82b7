#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSemaphore>
#include <QSpinBox>
#include <QTimer>
#include <fstream>
#include <iterator>
#include <string>

#include "../app/CliRender.h"
#include "FileBytes.h"
#include "WindowRig.h"
#include "stemdeck/ui/ExportDialog.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ExportDialogTest {

using namespace stemdeck;
namespace fs = std::filesystem;

namespace {

// File › Export Mix… on the rig's window.
ui::ExportDialog* openExport(test::WindowRig& rig) {
    rig.part<QAction>("actionExportMix")->trigger();
    auto dialogs = rig.window->findChildren<ui::ExportDialog*>();
    return dialogs.isEmpty() ? nullptr : dialogs.back();
}

bool exportNow(ui::ExportDialog* dialog) {
    QSignalSpy done(dialog, &ui::ExportDialog::exportFinished);
    QTest::mouseClick(test::part<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
    return (!done.isEmpty() || done.wait(120000)) && done.front().at(0).toBool();
}

}  // namespace

TEST(ExportDialog, ExportsThePlayingMixWithTempoAndLoopLikeTheCli) {
    test::WindowRig rig;
    // Longer than the export takes on a busy machine (15 s measured), so that playback is
    // still going when it is done; only the loop is rendered.
    const fs::path folder = test::writeUiSong(rig.dir, "song", 30.0);
    ASSERT_TRUE(rig.load(folder));
    rig.engine().mix().setMuted(1, true);
    rig.engine().mix().setGainDb(2, -6.0f);
    rig.engine().setTempo(0.8);
    ASSERT_TRUE(rig.engine().setLoop(std::int64_t{72000}, std::int64_t{156000}));
    rig.playback().play();

    ui::ExportDialog* dialog = openExport(rig);
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(test::part<QComboBox>(dialog, "formatCombo")->currentText(),
              QStringLiteral("WAV, 24-bit"));
    const fs::path exported = rig.dir / "practice.wav";
    test::part<QLineEdit>(dialog, "fileEdit")->setText(test::qpath(exported));
    test::part<QCheckBox>(dialog, "tempoCheck")->setChecked(true);
    auto* loop = test::part<QCheckBox>(dialog, "loopCheck");
    ASSERT_TRUE(loop->isEnabled());
    loop->setChecked(true);
    test::part<QSpinBox>(dialog, "loopsSpin")->setValue(2);
    ASSERT_TRUE(exportNow(dialog))
        << test::part<QLabel>(dialog, "messageLabel")->text().toStdString();
    EXPECT_EQ(rig.playback().state(), audio::PlayState::Playing) << "playback went on";

    const fs::path cli = rig.dir / "cli.wav";
    ASSERT_TRUE(test::cliRender(folder, cli,
                                {"--mute", "stem1", "--gain", "stem2=-6", "--tempo", "0.8",
                                 "--loop", "1.5-3.25", "--loops", "2"}));
    const test::DecodedFile a = test::readAudioFile(exported);
    EXPECT_EQ(a.frames(), 2 * (156000 - 72000) * 10 / 8);
    EXPECT_TRUE(a.interleaved == test::readAudioFile(cli).interleaved);
}

TEST(ExportDialog, TheLoopChoiceNeedsALoopAndTheFormatFollowsTheName) {
    test::WindowRig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 2.0)));
    ui::ExportDialog* dialog = openExport(rig);
    ASSERT_NE(dialog, nullptr);
    EXPECT_FALSE(test::part<QCheckBox>(dialog, "loopCheck")->isEnabled());
    auto* file = test::part<QLineEdit>(dialog, "fileEdit");
    EXPECT_TRUE(file->text().endsWith(QStringLiteral(".wav")));
    auto* format = test::part<QComboBox>(dialog, "formatCombo");
    format->setCurrentIndex(format->findText(QStringLiteral("FLAC, 24-bit")));
    EXPECT_TRUE(file->text().endsWith(QStringLiteral(".flac"))) << file->text().toStdString();
    file->setText(test::qpath(rig.dir / "take.wav"));
    emit file->editingFinished();
    EXPECT_EQ(format->currentText(), QStringLiteral("WAV, 24-bit"));
}

TEST(ExportDialog, AnUnwritableFolderIsAClearMessageAndKeepsTheChoices) {
    test::WindowRig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 1.0)));
    test::writeTextFile(rig.dir / "notes.txt", "not a folder");
    ui::ExportDialog* dialog = openExport(rig);
    ASSERT_NE(dialog, nullptr);
    const QString target = test::qpath(rig.dir / "notes.txt" / "mix.wav");
    test::part<QLineEdit>(dialog, "fileEdit")->setText(target);
    test::part<QCheckBox>(dialog, "clickCheck")->setChecked(true);
    EXPECT_FALSE(exportNow(dialog));
    const QString message = test::part<QLabel>(dialog, "messageLabel")->text();
    EXPECT_TRUE(message.startsWith(QStringLiteral("Could not export to"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("Not a directory"))) << message.toStdString();
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(test::part<QLineEdit>(dialog, "fileEdit")->text(), target);
    EXPECT_TRUE(test::part<QCheckBox>(dialog, "clickCheck")->isChecked());
    EXPECT_TRUE(test::part<QPushButton>(dialog, "exportButton")->isEnabled());
}

TEST(ExportDialog, CancelStopsTheExportAndLeavesNoFile) {
    test::WindowRig rig;
    ASSERT_TRUE(rig.load(test::writeUiSong(rig.dir, "song", 4.0)));
    ui::ExportDialog* dialog = openExport(rig);
    ASSERT_NE(dialog, nullptr);
    const fs::path outDir = rig.dir / "out";
    fs::create_directories(outDir);
    test::part<QLineEdit>(dialog, "fileEdit")->setText(test::qpath(outDir / "mix.wav"));

    // The worker waits at its first step of progress until Cancel has been clicked, so the
    // click lands mid-export whatever the machine's speed.
    QSemaphore reached, go;
    QObject::connect(dialog, &ui::ExportDialog::exportStarted, dialog, [&](app::ExportJob* job) {
        QObject::connect(
            job, &app::ExportJob::progressChanged, job,
            [&, first = true](double fraction) mutable {
                if (!first || fraction <= 0.0) return;
                first = false;
                reached.release();
                go.acquire();
            },
            Qt::DirectConnection);
    });
    QSignalSpy done(dialog, &ui::ExportDialog::exportFinished);
    QTest::mouseClick(test::part<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
    ASSERT_TRUE(reached.tryAcquire(1, 60000));
    auto* cancel = test::part<QPushButton>(dialog, "cancelButton");
    EXPECT_TRUE(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    go.release();
    ASSERT_TRUE(!done.isEmpty() || done.wait(60000));
    EXPECT_FALSE(done.front().at(0).toBool());
    EXPECT_TRUE(done.front().at(1).toString().contains(QStringLiteral("cancelled")));
    EXPECT_TRUE(fs::is_empty(outDir)) << "a partial file was left behind";
}

// Issue 9: exporting over a stem destroyed it. The dialog says so at once, without offering
// to replace it (and the export, were it started, refuses too: ExportJob tests).
TEST(ExportDialog, AFileOfTheSongIsRefusedBeforeAnythingIsAsked) {
    test::WindowRig rig;
    const fs::path folder = test::writeUiSong(rig.dir, "song", 1.0);
    ASSERT_TRUE(rig.load(folder));
    ui::ExportDialog* dialog = openExport(rig);
    ASSERT_NE(dialog, nullptr);
    const std::string stem = test::readFile(folder / "stem1.wav");
    fs::create_symlink(folder / "stem1.wav", rig.dir / "link.wav");
    for (const fs::path& target : {folder / "stem1.wav", rig.dir / "link.wav"}) {
        test::part<QLineEdit>(dialog, "fileEdit")->setText(test::qpath(target));
        // Any question box that shows up is answered No and counted.
        int questions = 0;
        QTimer answer;
        QObject::connect(&answer, &QTimer::timeout, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                ++questions;
                box->button(QMessageBox::No)->click();
            }
        });
        answer.start(20);
        QTest::mouseClick(test::part<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
        answer.stop();
        EXPECT_EQ(questions, 0) << "asked whether to replace a file of the song";
        EXPECT_EQ(dialog->job(), nullptr);
        const QString message = test::part<QLabel>(dialog, "messageLabel")->text();
        EXPECT_EQ(message, test::qpath(target) +
                               QStringLiteral(" is the song's own stem1.wav: exporting there "
                                              "would destroy it. Nothing was written; choose "
                                              "another file name."));
    }
    EXPECT_EQ(test::readFile(folder / "stem1.wav"), stem);
    EXPECT_TRUE(test::part<QPushButton>(dialog, "exportButton")->isEnabled());
}

// Issue 9 item 9: a folder named with terminal controls. The suggested file name keeps none
// of them (they show as their symbols), and the dialog's messages show the name printable.
TEST(ExportDialog, ASongFolderNamedWithControlsSuggestsAPrintableName) {
    test::WindowRig rig;
    const fs::path folder = test::writeUiSong(rig.dir, "song\x1b]0;title\x07\n", 1.0);
    ASSERT_TRUE(rig.load(folder));
    ui::ExportDialog* dialog = openExport(rig);
    ASSERT_NE(dialog, nullptr);
    const QString suggested =
        QFileInfo(test::part<QLineEdit>(dialog, "fileEdit")->text()).fileName();
    EXPECT_EQ(suggested, QStringLiteral("song\u241b]0;title\u2407\u240a mix.wav"));

    test::part<QLineEdit>(dialog, "fileEdit")->setText(test::qpath(folder / "stem1.wav"));
    QTest::mouseClick(test::part<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
    const QString message = test::part<QLabel>(dialog, "messageLabel")->text();
    EXPECT_TRUE(message.contains(QStringLiteral("song\u241b]0;title\u2407\u240a")))
        << message.toStdString();
    for (const QChar c : message) EXPECT_GE(c.unicode(), 0x20) << message.toStdString();
}

}  // namespace unity_ExportDialogTest
