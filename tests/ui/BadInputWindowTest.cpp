// The bad-input matrix, GUI rows (docs/robustness-gui.md). Each bad input is opened in a
// running main window the way a user opens songs (File › Open, drag and drop, the command
// line) while another song plays with a mix the user set. Each must say clearly what is
// wrong, leave the window answering, and lose nothing else: the previous song plays on with
// its mix, or, when the new song loads anyway, the previous song's mix comes back with it.
// Runs under tests/support/with_jack.sh (a private JACK dummy server at 48 kHz).
#include <gtest/gtest.h>
#include <unistd.h>

#include <QComboBox>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <filesystem>
#include <fstream>

#include "WindowRig.h"
#include "stemdeck/app/SongLocator.h"
#include "stemdeck/ui/FaderTaper.h"
#include "stemdeck/ui/IssueBanner.h"
#include "stemdeck/ui/NoticeBar.h"
#include "stemdeck/ui/ResettableSlider.h"
#include "stemdeck/ui/SettingsDialog.h"
#include "stemdeck/ui/TrackStrip.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_BadInputWindowTest {

using namespace stemdeck;
using app::PlaybackManager;
using audio::PlayState;
using Rig = test::WindowRig;
namespace fs = std::filesystem;

namespace {

constexpr int kRate = 48000;
constexpr float kUserGainDb = -6.0f;

// The ways a user opens a song.
enum class Route {
    Open,         // File › Open: the chosen folder goes to MainWindow::openSong
    Drop,         // a folder or a file dropped on the window
    CommandLine,  // `stemdeck PATH`: main() resolves PATH as below and opens it
};

void openBy(Rig& rig, Route route, const fs::path& what) {
    switch (route) {
        case Route::Open:
            rig.window->openSong(test::qpath(what));
            break;
        case Route::Drop:
            EXPECT_TRUE(rig.drop(what)) << "the window refused the drop: " << what;
            break;
        case Route::CommandLine:
            rig.window->openSong(app::SongLocator::songFolderForArgument(test::qpath(what)));
            break;
    }
}

ui::ResettableSlider* fader(Rig& rig, int strip) {
    return rig.in<ui::ResettableSlider>(rig.mixer()->strip(strip), "fader");
}

// A song playing with a mix the user set on the strips: what bad input must not take away.
fs::path startPreviousSong(Rig& rig) {
    const fs::path song = test::writeUiSong(rig.dir, "previous", 30.0, 2);
    EXPECT_TRUE(rig.load(song));
    fader(rig, 0)->setValue(ui::FaderTaper::sliderValue(kUserGainDb));
    QTest::mouseClick(rig.in<QPushButton>(rig.mixer()->strip(1), "muteButton"), Qt::LeftButton);
    QTest::keyClick(&*rig.window, Qt::Key_Space);
    EXPECT_EQ(rig.playback().state(), PlayState::Playing);
    return song;
}

void expectUserMix(Rig& rig) {
    EXPECT_NEAR(rig.engine().mix().gainDb(0), kUserGainDb, 0.05f);
    EXPECT_TRUE(rig.engine().mix().muted(1));
    EXPECT_EQ(fader(rig, 0)->value(), ui::FaderTaper::sliderValue(kUserGainDb))
        << "the strip shows the mix too";
}

// Answers the keyboard: Space pauses, Space plays again and the position moves on.
void expectWindowResponds(Rig& rig) {
    if (rig.playback().state() == PlayState::Playing) QTest::keyClick(&*rig.window, Qt::Key_Space);
    EXPECT_NE(rig.playback().state(), PlayState::Playing);
    const double at = rig.playback().position();
    QTest::keyClick(&*rig.window, Qt::Key_Space);
    EXPECT_EQ(rig.playback().state(), PlayState::Playing);
    QTest::qWait(300);
    EXPECT_GT(rig.playback().position(), at + 0.1);
}

// After a load that failed: the previous song is loaded, played on throughout, keeps its mix.
void expectPreviousSongIntact(Rig& rig, const fs::path& previous) {
    EXPECT_EQ(rig.playback().songFolder(), test::qpath(previous));
    EXPECT_EQ(rig.mixer()->stripCount(), 2);
    EXPECT_EQ(rig.playback().state(), PlayState::Playing) << "it plays on through a failed load";
    expectUserMix(rig);
    expectWindowResponds(rig);
}

// After a song that did load: opening the previous song again brings its mix back.
void expectPreviousMixComesBack(Rig& rig, const fs::path& previous) {
    ASSERT_TRUE(rig.load(previous));
    expectUserMix(rig);
    expectWindowResponds(rig);
}

// Opens `what` by `route` and waits for the load to fail. Returns what the user is shown:
// the message box's text (whose presence and wording are checked here) and the status bar.
QString failedLoad(Rig& rig, Route route, const fs::path& what) {
    QSignalSpy failed(&rig.playback(), &PlaybackManager::loadFailed);
    openBy(rig, route, what);
    if (!failed.wait(10000)) {
        ADD_FAILURE() << "the load of " << what << " did not fail";
        return {};
    }
    const QString error = failed.first().at(1).toString();
    QMessageBox* box = rig.errorBox();
    if (!box) {
        ADD_FAILURE() << "no message box for: " << error.toStdString();
        return {};
    }
    EXPECT_EQ(box->windowTitle(), QStringLiteral("Could not open song"));
    // The loader's own words (each file's line, for a song of bad files) are behind "Show
    // Details…"; the box and the status bar say it for a musician.
    EXPECT_FALSE(box->detailedText().isEmpty()) << error.toStdString();
    EXPECT_FALSE(box->text().contains(QStringLiteral("; skipped"))) << box->text().toStdString();
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("The current song stays loaded")));
    EXPECT_EQ(rig.statusMessage(), box->text());
    const QString shown = box->text() + QLatin1Char('\n') + box->informativeText() +
                          QLatin1Char('\n') + box->detailedText();
    rig.closeBoxes();
    return shown;
}

// The banner over the timeline (its summary, then its details), or empty when it is hidden.
QString banner(Rig& rig) {
    auto* issues = rig.part<ui::IssueBanner>("issueBanner");
    return issues->isVisible() ? issues->text() + QLatin1Char('\n') + issues->details() : QString();
}

QString notices(Rig& rig) {
    auto* bar = rig.window->findChild<ui::NoticeBar*>();
    return bar && bar->isVisible() ? bar->text() : QString();
}

void writeStem(const fs::path& file, double seconds = 2.0, int rate = kRate, int channels = 1) {
    const auto frames = static_cast<std::int64_t>(seconds * rate);
    test::Planar planar;
    for (int c = 0; c < channels; ++c)
        planar.push_back(test::sine(220.0 * (c + 1), 0.2, rate, frames));
    test::writeAudioFile(file, planar, rate);
}

std::string gtestOutcome(const QString& output) {
    return output.contains(QStringLiteral("[  PASSED  ] 1 test")) ? "passed" : "not passed";
}

}  // namespace

// ---- the song folder ------------------------------------------------------------------------

TEST(BadInputWindow, MissingFolderOnTheCommandLineSaysSoAndKeepsThePlayingSong) {
    Rig rig;
    const fs::path previous = startPreviousSong(rig);
    const fs::path missing = rig.dir / "no such song";
    const QString shown = failedLoad(rig, Route::CommandLine, missing);
    EXPECT_TRUE(shown.contains(QStringLiteral("song folder not found: ") + test::qpath(missing)))
        << shown.toStdString();
    EXPECT_TRUE(shown.contains(
        QStringLiteral("The song folder \u201c%1\u201d is not there").arg(test::qpath(missing))))
        << shown.toStdString();
    expectPreviousSongIntact(rig, previous);
}

TEST(BadInputWindow, EmptyFolderDroppedSaysThereIsNoAudio) {
    Rig rig;
    const fs::path previous = startPreviousSong(rig);
    fs::create_directories(rig.dir / "empty");
    const QString shown = failedLoad(rig, Route::Drop, rig.dir / "empty");
    EXPECT_TRUE(
        shown.contains(QStringLiteral("no audio files in ") + test::qpath(rig.dir / "empty")))
        << shown.toStdString();
    expectPreviousSongIntact(rig, previous);
}

TEST(BadInputWindow, FolderOfNonAudioFilesSaysWhatWasIgnored) {
    Rig rig;
    const fs::path previous = startPreviousSong(rig);
    const fs::path folder = rig.dir / "documents";
    fs::create_directories(folder);
    test::writeTextFile(folder / "notes.txt", "verse, chorus, verse");
    test::writeTextFile(folder / "cover.png", "\x89PNG not really");
    const QString shown = failedLoad(rig, Route::Open, folder);
    EXPECT_TRUE(shown.contains(QStringLiteral("no audio files in ")));
    EXPECT_TRUE(shown.contains(QStringLiteral("2 other files ignored"))) << shown.toStdString();
    expectPreviousSongIntact(rig, previous);
}

// ---- one bad file ---------------------------------------------------------------------------

struct BadFile {
    const char* name;
    const char* kind;
    std::string bytes;
    const char* reason;  // what the message says about it
};

class BadFileWindow : public ::testing::TestWithParam<BadFile> {
  protected:
    // The file as it would be found: its own bytes, or the start of a real WAV.
    static void write(const fs::path& file) {
        const BadFile& bad = GetParam();
        if (bad.bytes != "truncated") return test::writeTextFile(file, bad.bytes);
        const fs::path whole = file.parent_path() / "whole.tmp.wav";
        writeStem(whole, 0.5);
        std::ifstream in(whole, std::ios::binary);
        std::string header(30, '\0');  // RIFF, WAVE and half of the fmt chunk
        in.read(header.data(), static_cast<std::streamsize>(header.size()));
        in.close();
        fs::remove(whole);
        test::writeTextFile(file, header);
    }
};

INSTANTIATE_TEST_SUITE_P(, BadFileWindow,
                         ::testing::Values(BadFile{"empty.wav", "ZeroBytes", "", "cannot read"},
                                           BadFile{"cut.wav", "TruncatedHeader", "truncated",
                                                   "cannot read"},
                                           BadFile{"text.wav", "TextNamedWav",
                                                   "just some notes, not audio\n", "cannot read"}),
                         [](const auto& info) { return std::string(info.param.kind); });

TEST_P(BadFileWindow, AloneItFailsTheSongByName) {
    Rig rig;
    const fs::path previous = startPreviousSong(rig);
    const fs::path folder = rig.dir / "bad";
    fs::create_directories(folder);
    write(folder / GetParam().name);
    // Dropping the file itself opens the song folder it is in.
    const QString shown = failedLoad(rig, Route::Drop, folder / GetParam().name);
    EXPECT_TRUE(
        shown.contains(QStringLiteral("None of the files in \u201c"
                                      "bad\u201d could be "
                                      "played. 1 file is damaged or not audio.")))
        << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("%1: %2").arg(GetParam().name, GetParam().reason)))
        << shown.toStdString();
    expectPreviousSongIntact(rig, previous);
}

TEST_P(BadFileWindow, BesideAGoodStemItIsNamedInTheBannerAndTheRestPlays) {
    Rig rig;
    const fs::path previous = startPreviousSong(rig);
    const fs::path folder = rig.dir / "mostly good";
    fs::create_directories(folder);
    writeStem(folder / "guitar.wav");
    write(folder / GetParam().name);
    QSignalSpy loaded(&rig.playback(), &PlaybackManager::songLoaded);
    openBy(rig, Route::Open, folder);
    ASSERT_TRUE(loaded.wait(10000));
    ASSERT_EQ(rig.mixer()->stripCount(), 1);
    EXPECT_EQ(rig.mixer()->strip(0)->name(), QStringLiteral("guitar"));
    const QString text = banner(rig);
    EXPECT_TRUE(
        text.contains(QStringLiteral("\u201c%1\u201d was left out of \u201cmostly good\u201d: "
                                     "it is damaged or not audio.")
                          .arg(GetParam().name)))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("%1: %2").arg(GetParam().name, GetParam().reason)))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("skipped")));
    expectWindowResponds(rig);
    expectPreviousMixComesBack(rig, previous);
    EXPECT_TRUE(banner(rig).isEmpty()) << "the banner belongs to the song that had the problem";
}

// Root reads any file: the test then runs itself again as `nobody` (through setpriv), where
// the permission holds. That process cannot reach the JACK server (another user's), hence
// has no audio output; loading, the banner and the mix memory do not need one.
TEST(BadInputWindow, UnreadableStemIsNamedInTheBanner) {
    if (::geteuid() == 0) {
        if (::access("/usr/bin/setpriv", X_OK) != 0) GTEST_SKIP() << "needs setpriv to drop root";
        QProcess child;
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(
            QStringLiteral("/usr/bin/setpriv"),
            {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
             QStringLiteral("--clear-groups"), QCoreApplication::applicationFilePath(),
             QStringLiteral("--gtest_filter=BadInputWindow.UnreadableStemIsNamedInTheBanner")});
        ASSERT_TRUE(child.waitForFinished(60000));
        const QString output = QString::fromLocal8Bit(child.readAll());
        EXPECT_EQ(child.exitCode(), 0) << output.toStdString();
        EXPECT_EQ(gtestOutcome(output), "passed") << output.toStdString();
        return;
    }
    Rig rig;
    const fs::path previous = test::writeUiSong(rig.dir, "previous", 2.0, 2);
    ASSERT_TRUE(rig.load(previous));
    fader(rig, 0)->setValue(ui::FaderTaper::sliderValue(kUserGainDb));
    const fs::path folder = rig.dir / "locked song";
    fs::create_directories(folder);
    writeStem(folder / "guitar.wav");
    writeStem(folder / "locked.wav");
    fs::permissions(folder / "locked.wav", fs::perms::none);
    ASSERT_TRUE(rig.load(folder));
    ASSERT_EQ(rig.mixer()->stripCount(), 1);
    const QString text = banner(rig);
    EXPECT_TRUE(text.contains(QStringLiteral("locked.wav: cannot read: Permission denied")))
        << text.toStdString();
    // Without an output nothing plays here; the previous song and its mix come back all the same.
    ASSERT_TRUE(rig.load(previous));
    EXPECT_NEAR(rig.engine().mix().gainDb(0), kUserGainDb, 0.05f);
    EXPECT_TRUE(banner(rig).isEmpty());
}

// ---- formats, rates, channels, names --------------------------------------------------------

// meta.json's tempo outside the engine's range was taken and then clamped to 300 without a
// word: the banner says it, and the click keeps its own tempo.
TEST(BadInputWindow, AMetaTempoOutOfRangeIsShownInTheBanner) {
    Rig rig;
    const fs::path folder = rig.dir / "too fast";
    fs::create_directories(folder);
    writeStem(folder / "guitar.wav");
    test::writeTextFile(folder / "meta.json", R"({"tempo": 1000})");
    QSignalSpy loaded(&rig.playback(), &PlaybackManager::songLoaded);
    openBy(rig, Route::Open, folder);
    ASSERT_TRUE(loaded.wait(10000));
    const QString text = banner(rig);
    EXPECT_TRUE(text.contains(QStringLiteral("Part of the song's meta.json could not be used")))
        << text.toStdString();
    EXPECT_TRUE(
        text.contains(QStringLiteral("meta.json: tempo 1000 is outside 20 to 300 BPM; ignored")))
        << text.toStdString();
    EXPECT_EQ(rig.playback().click().bpm, 120.0);
    expectWindowResponds(rig);
}

TEST(BadInputWindow, StemsOfAnyRateAndChannelCountLoadResampledToTheOutput) {
    Rig rig;
    const fs::path previous = startPreviousSong(rig);
    const fs::path folder = rig.dir / "mixed";
    fs::create_directories(folder);
    const std::pair<const char*, int> rates[] = {
        {"r8000", 8000}, {"r11025", 11025}, {"r96000", 96000}, {"r192000", 192000}};
    for (const auto& [name, rate] : rates)
        writeStem(folder / (std::string(name) + ".wav"), 1.0, rate);
    for (int channels : {1, 2, 6, 8})
        writeStem(folder / ("ch" + std::to_string(channels) + ".wav"), 1.0, kRate, channels);
    ASSERT_TRUE(rig.load(folder));

    EXPECT_TRUE(banner(rig).isEmpty()) << banner(rig).toStdString();
    ASSERT_EQ(rig.mixer()->stripCount(), 8);
    const audio::Song* song = rig.engine().song();
    EXPECT_EQ(song->sampleRate, kRate) << "every stem plays at the output's rate";
    EXPECT_NEAR(rig.playback().duration(), 1.0, 1e-3);
    for (const audio::Stem& stem : song->stems) {
        EXPECT_EQ(stem.resampled, stem.sourceRate != kRate) << stem.name;
        EXPECT_NEAR(static_cast<double>(stem.frames()), kRate, 2.0) << stem.name;
        EXPECT_EQ(stem.audio.channels(), stem.sourceChannels == 1 ? 1 : 2) << stem.name;
    }
    QStringList shown;
    for (int i = 0; i < rig.mixer()->stripCount(); ++i) shown << rig.mixer()->strip(i)->name();
    EXPECT_EQ(shown,
              (QStringList{"ch1", "ch2", "ch6", "ch8", "r8000", "r11025", "r96000", "r192000"}));
    expectWindowResponds(rig);
    expectPreviousMixComesBack(rig, previous);
}

TEST(BadInputWindow, SpacesAndNonAsciiInNamesAreShownAsTheyAre) {
    Rig rig;
    const fs::path previous = startPreviousSong(rig);
    const fs::path folder = rig.dir / "Sóng – 曲 (live take)";
    fs::create_directories(folder / "tracks");
    writeStem(folder / "tracks" / "bass line.wav");
    writeStem(folder / "tracks" / "drums (take 2) 音.flac");
    QSignalSpy loaded(&rig.playback(), &PlaybackManager::songLoaded);
    openBy(rig, Route::Drop, folder / "tracks" / "drums (take 2) 音.flac");
    ASSERT_TRUE(loaded.wait(10000));
    EXPECT_EQ(rig.playback().songFolder(), test::qpath(folder));
    ASSERT_EQ(rig.mixer()->stripCount(), 2);
    EXPECT_EQ(rig.mixer()->strip(0)->name(), QStringLiteral("bass line"));
    EXPECT_EQ(rig.mixer()->strip(1)->name(), QStringLiteral("drums (take 2) 音"));
    EXPECT_EQ(rig.in<QLabel>(rig.mixer()->strip(1), "nameLabel")->toolTip(),
              QStringLiteral("drums (take 2) 音"));
    EXPECT_TRUE(rig.window->windowTitle().startsWith(QStringLiteral("Sóng – 曲 (live take)")));

    // The mix is remembered under those names, and the command line finds the song too.
    fader(rig, 1)->setValue(ui::FaderTaper::sliderValue(-9.0f));
    ASSERT_TRUE(rig.load(previous));
    ASSERT_TRUE(test::waitForSong(rig.playback(), [&] {
        openBy(rig, Route::CommandLine, folder / "tracks" / "bass line.wav");
    }));
    EXPECT_EQ(rig.playback().songFolder(), test::qpath(folder));
    EXPECT_NEAR(rig.engine().mix().gainDb(1), -9.0f, 0.05f);
    expectWindowResponds(rig);
}

// ---- memory ---------------------------------------------------------------------------------

TEST(BadInputWindow, ASongNeedingMoreMemoryThanAvailableIsRefusedBeforeLoading) {
    Rig rig;
    const fs::path previous = startPreviousSong(rig);
    const fs::path big = test::writeUiSong(rig.dir, "big", 4.0, 2);  // 1.5 MB decoded
    rig.playback().setMemoryLimit(256 * 1024);
    const QString shown = failedLoad(rig, Route::Open, big);
    EXPECT_TRUE(
        shown.contains(QStringLiteral("song needs 1.5 MB of memory but only 262.1 kB is "
                                      "available")))
        << shown.toStdString();
    expectPreviousSongIntact(rig, previous);

    rig.playback().setMemoryLimit(0);  // the memory the system has: plenty for 1.5 MB
    ASSERT_TRUE(rig.load(big));
    EXPECT_EQ(rig.mixer()->stripCount(), 2);
}

// ---- the app's own files --------------------------------------------------------------------

TEST(BadInputWindow, AGarbageSettingsFileStartsOnDefaultsKeepingItAsideAndTheMixes) {
    test::TempDir dir;
    const fs::path song = test::writeUiSong(dir, "song", 5.0, 2);
    app::MixStore mixes(test::qpath(dir / "mixes"));
    audio::MixSnapshot stored;
    stored.stems = {audio::StemMix{kUserGainDb, 0.0f, false, false},
                    audio::StemMix{0.0f, 0.0f, true, false}};
    ASSERT_TRUE(mixes.save(test::qpath(song), {"stem0", "stem1"}, stored));
    const char garbage[] = "\x01\x02\0\xff\n[audio\nblock_size=x\n";
    test::writeTextFile(dir / "stemdeck.ini", std::string(garbage, sizeof garbage - 1));

    app::Settings settings(test::qpath(dir / "stemdeck.ini"));
    audio::Engine engine;
    ui::MainWindow window(engine, settings, mixes);
    window.show();
    auto* bar = window.findChild<ui::NoticeBar*>();
    ASSERT_NE(bar, nullptr);
    EXPECT_TRUE(bar->isVisible());
    EXPECT_TRUE(bar->text().contains(QStringLiteral("could not be read; defaults are in use")))
        << bar->text().toStdString();
    EXPECT_TRUE(bar->text().contains(QStringLiteral("stemdeck.ini.corrupt")));
    EXPECT_TRUE(fs::exists(dir / "stemdeck.ini.corrupt")) << "the damaged file is kept";
    EXPECT_EQ(engine.output().framesPerBuffer(), 1024);

    ASSERT_TRUE(test::waitForSong(window.playback(), [&] { window.openSong(test::qpath(song)); }));
    EXPECT_NEAR(engine.mix().gainDb(0), kUserGainDb, 0.05f);
    EXPECT_TRUE(engine.mix().muted(1));
    EXPECT_TRUE(bar->text().contains(QStringLiteral("could not be read")))
        << "the notice outlasts the load's status messages";
    EXPECT_EQ(app::Settings(test::qpath(dir / "stemdeck.ini")).lastSong(), test::qpath(song))
        << "settings are saved again";
}

TEST(BadInputWindow, AMixFileWithWrongTypesKeepsTheValidValuesAndSaysWhichWereIgnored) {
    Rig rig;
    const fs::path previous = startPreviousSong(rig);
    const fs::path song = test::writeUiSong(rig.dir, "song", 5.0, 2);
    fs::create_directories(rig.dir / "mixes");
    test::writeTextFile(rig.mixes.fileFor(test::qpath(song)).toStdString(), R"({
        "version": 1, "master_gain_db": -3,
        "stems": {"stem0": {"gain_db": "loud", "pan": -0.5, "muted": true, "solo": false},
                  "stem1": {"gain_db": -12, "pan": "left", "muted": "yes", "solo": false}}})");
    QSignalSpy loaded(&rig.playback(), &PlaybackManager::songLoaded);
    openBy(rig, Route::CommandLine, song);
    ASSERT_TRUE(loaded.wait(10000));

    const audio::MixControls& mix = rig.engine().mix();
    EXPECT_FLOAT_EQ(mix.masterGainDb(), -3.0f);
    EXPECT_FLOAT_EQ(mix.gainDb(0), 0.0f) << "ignored: the default";
    EXPECT_FLOAT_EQ(mix.pan(0), -0.5f);
    EXPECT_TRUE(mix.muted(0));
    EXPECT_FLOAT_EQ(mix.gainDb(1), -12.0f);
    EXPECT_FLOAT_EQ(mix.pan(1), 0.0f);
    EXPECT_FALSE(mix.muted(1));
    EXPECT_EQ(fader(rig, 1)->value(), ui::FaderTaper::sliderValue(-12.0f));
    const QString text = banner(rig);
    EXPECT_TRUE(text.contains(QStringLiteral("Part of the saved mix")));
    EXPECT_TRUE(text.contains(QStringLiteral("stem 'stem0' gain_db is text, not a number")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("stem 'stem1' pan is text, not a number")));
    EXPECT_TRUE(text.contains(QStringLiteral("stem 'stem1' muted is text, not true or false")));
    expectWindowResponds(rig);
    expectPreviousMixComesBack(rig, previous);
}

TEST(BadInputWindow, ABrokenProfilesFileFallsBackToTheBuiltInBlockSizes) {
    Rig rig;
    test::writeTextFile(rig.dir / app::Settings::kProfilesFileName, "{\"profiles\": [ oops");
    rig.restart([](app::Settings& s) { EXPECT_TRUE(s.setFramesPerBuffer(512)); });
    EXPECT_TRUE(notices(rig).contains(QStringLiteral("is not valid JSON")))
        << notices(rig).toStdString();
    EXPECT_TRUE(notices(rig).contains(QStringLiteral("the built-in block sizes are in use")));
    EXPECT_EQ(rig.engine().output().framesPerBuffer(), 512) << "the saved choice still holds";
    auto* dialog = rig.window->showSettings();
    EXPECT_EQ(rig.in<QComboBox>(dialog, "blockCombo")->count(),
              app::AudioProfiles::builtin().profiles().size());
    dialog->close();
    rig.focusWindow();
    const fs::path previous = startPreviousSong(rig);
    expectPreviousSongIntact(rig, previous);
}

TEST(BadInputWindow, AProfilesFileBesideTheSettingsReplacesThePresets) {
    test::TempDir dir;
    test::writeTextFile(dir / app::Settings::kProfilesFileName, R"({"default": "safe", "profiles": [
        {"id": "quick", "name": "Quick", "frames_per_buffer": 256},
        {"id": "safe", "name": "Safe", "frames_per_buffer": 2048},
        {"id": "broken", "frames_per_buffer": 5}]})");
    app::Settings settings(test::qpath(dir / "stemdeck.ini"));
    app::MixStore mixes(test::qpath(dir / "mixes"));
    audio::Engine engine;
    ui::MainWindow window(engine, settings, mixes);
    window.show();
    EXPECT_EQ(engine.output().framesPerBuffer(), 2048);
    auto* blocks = window.showSettings()->findChild<QComboBox*>(QStringLiteral("blockCombo"));
    ASSERT_NE(blocks, nullptr);
    EXPECT_EQ(blocks->count(), 2);
    EXPECT_EQ(blocks->currentData().toInt(), 2048);
    auto* bar = window.findChild<ui::NoticeBar*>();
    EXPECT_TRUE(bar->text().contains(QStringLiteral("1 of the profiles")))
        << bar->text().toStdString();
}

TEST(BadInputWindow, SettingsThatCannotBeSavedSaySoAndTheAppGoesOn) {
    test::TempDir dir;
    // A file where the settings' folder should be: no one, root included, can write there.
    test::writeTextFile(dir / "config", "not a folder");
    app::Settings settings(test::qpath(dir / "config" / "stemdeck.ini"));
    app::MixStore mixes(test::qpath(dir / "mixes"));
    audio::Engine engine;
    ui::MainWindow window(engine, settings, mixes);
    window.show();
    const fs::path song = test::writeUiSong(dir, "song", 2.0, 2);
    ASSERT_TRUE(test::waitForSong(window.playback(), [&] { window.openSong(test::qpath(song)); }));
    auto* bar = window.findChild<ui::NoticeBar*>();
    ASSERT_NE(bar, nullptr);
    EXPECT_TRUE(bar->isVisible());
    EXPECT_TRUE(bar->text().contains(QStringLiteral("The settings could not be saved to ")))
        << bar->text().toStdString();
    EXPECT_EQ(window.playback().songFolder(), test::qpath(song)) << "the song loaded all the same";
    EXPECT_EQ(settings.lastSong(), test::qpath(song)) << "kept for this session";
}

}  // namespace unity_BadInputWindowTest
