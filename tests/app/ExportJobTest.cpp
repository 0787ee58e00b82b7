#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <fstream>
#include <iterator>

#include "AudioFiles.h"
#include "CliRender.h"
#include "FileBytes.h"
#include "ProgressiveSong.h"
#include "TempDir.h"
#include "stemdeck/app/AppIdentity.h"
#include "stemdeck/app/ExportJob.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/loader/SongDecode.h"
#include "stemdeck/audio/loader/StemLoader.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ExportJobTest {

using namespace stemdeck;
namespace fs = std::filesystem;

namespace {

constexpr int kRate = 48000;

// Three stems of different content, `seconds` long.
fs::path writeSong(const test::TempDir& dir, double seconds) {
    const auto folder = dir / "song";
    fs::create_directories(folder);
    const auto frames = static_cast<std::int64_t>(seconds * kRate);
    test::writeAudioFile(folder / "bass.wav", {test::sine(55.0, 0.4, kRate, frames)}, kRate);
    test::writeAudioFile(folder / "drums.wav",
                         {test::noise(0.3, frames, 1), test::noise(0.3, frames, 2)}, kRate);
    test::writeAudioFile(folder / "vocals.wav", {test::sine(440.0, 0.3, kRate, frames)}, kRate);
    return folder;
}

// The mix the tests export: drums muted, vocals at -6 dB.
void practiceMix(const audio::Song& song, audio::MixControls& mix) {
    mix.setMuted(static_cast<std::size_t>(song.stemIndex("drums")), true);
    mix.setGainDb(static_cast<std::size_t>(song.stemIndex("vocals")), -6.0f);
}

struct Finished {
    bool ok = false;
    QString message;
};

Finished runToEnd(app::ExportJob& job) {
    QSignalSpy done(&job, &app::ExportJob::finished);
    job.start();
    if (done.isEmpty() && !done.wait(120000)) return {false, QStringLiteral("timed out")};
    return {done.front().at(0).toBool(), done.front().at(1).toString()};
}

QString qpath(const fs::path& p) {
    return QString::fromStdString(p.string());
}

}  // namespace

TEST(ExportJob, AMixEqualsTheCliRenderSampleForSample) {
    test::TempDir dir;
    const fs::path folder = writeSong(dir, 3.0);
    auto song = std::make_shared<audio::Song>(audio::StemLoader::load(folder));
    audio::MixControls mix(song->stems.size());
    practiceMix(*song, mix);

    const fs::path exported = dir / "export.wav";
    app::ExportJob job(song, mix.snapshot(), qpath(exported), audio::RenderOptions{});
    const Finished result = runToEnd(job);
    ASSERT_TRUE(result.ok) << result.message.toStdString();
    EXPECT_TRUE(result.message.contains(qpath(exported)));

    const fs::path cli = dir / "cli.wav";
    ASSERT_TRUE(test::cliRender(folder, cli, {"--mute", "drums", "--gain", "vocals=-6"}));
    const test::DecodedFile a = test::readAudioFile(exported);
    const test::DecodedFile b = test::readAudioFile(cli);
    EXPECT_EQ(a.sampleRate, kRate);
    EXPECT_EQ(a.frames(), 3 * kRate);
    EXPECT_TRUE(a.interleaved == b.interleaved) << "the export differs from the CLI's render";

    // The mix matters: the plain mix is something else.
    const fs::path plain = dir / "plain.wav";
    ASSERT_TRUE(test::cliRender(folder, plain, {}));
    EXPECT_FALSE(a.interleaved == test::readAudioFile(plain).interleaved);
}

TEST(ExportJob, TempoAndALoopTwiceEqualTheCliRender) {
    test::TempDir dir;
    const fs::path folder = writeSong(dir, 4.0);
    // The engine as the GUI has it (no output needed): tempo 0.8, a loop 1.5 s - 3.25 s.
    audio::Engine engine;
    engine.load(folder);
    practiceMix(*engine.song(), engine.mix());
    engine.setTempo(0.8);
    ASSERT_TRUE(engine.setLoop(std::int64_t{72000}, std::int64_t{156000}));

    app::ExportChoices choices;
    choices.tempoAndPitch = true;
    choices.loopOnly = true;
    choices.loops = 2;
    const fs::path exported = dir / "export.flac";
    auto job = app::ExportJob::fromEngine(engine, qpath(exported), choices);
    ASSERT_NE(job, nullptr);
    // Changes after the job was made do not reach the file: it has its own copy.
    engine.mix().setMuted(0, true);
    const Finished result = runToEnd(*job);
    ASSERT_TRUE(result.ok) << result.message.toStdString();

    const fs::path cli = dir / "cli.flac";
    ASSERT_TRUE(test::cliRender(folder, cli,
                                {"--mute", "drums", "--gain", "vocals=-6", "--tempo", "0.8",
                                 "--loop", "1.5-3.25", "--loops", "2"}));
    const test::DecodedFile a = test::readAudioFile(exported);
    const test::DecodedFile b = test::readAudioFile(cli);
    EXPECT_EQ(a.frames(), 2 * (156000 - 72000) * 10 / 8);
    EXPECT_TRUE(a.interleaved == b.interleaved) << "the export differs from the CLI's render";
}

TEST(ExportJob, CancelLeavesNoPartialFileAndKeepsAnOldOne) {
    test::TempDir dir;
    auto song = std::make_shared<audio::Song>(audio::StemLoader::load(writeSong(dir, 4.0)));
    const fs::path outDir = dir / "out";
    fs::create_directories(outDir);
    const fs::path target = outDir / "mix.wav";
    test::writeTextFile(target, "an earlier export");

    app::ExportJob job(song, audio::MixControls(song->stems.size()).snapshot(), qpath(target),
                       audio::RenderOptions{});
    // On the worker thread, at the first step of progress: deterministic, no timing.
    int steps = 0;
    QObject::connect(
        &job, &app::ExportJob::progressChanged, &job,
        [&](double fraction) {
            ++steps;
            if (fraction > 0.0) job.cancel();
        },
        Qt::DirectConnection);
    const Finished result = runToEnd(job);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.message.contains(QStringLiteral("cancelled")))
        << result.message.toStdString();
    EXPECT_GE(steps, 2);
    EXPECT_EQ(test::readFile(target), "an earlier export");
    int files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(outDir)) ++files;
    EXPECT_EQ(files, 1) << "a partial file was left behind";
}

TEST(ExportJob, AnUnwritableTargetGivesAClearMessage) {
    test::TempDir dir;
    auto song = std::make_shared<audio::Song>(audio::StemLoader::load(writeSong(dir, 1.0)));
    // A "folder" that is a file: unwritable even for root.
    test::writeTextFile(dir / "notes.txt", "not a folder");
    const fs::path target = dir / "notes.txt" / "mix.wav";
    app::ExportJob job(song, audio::MixControls(song->stems.size()).snapshot(), qpath(target),
                       audio::RenderOptions{});
    const Finished result = runToEnd(job);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.message.startsWith(QStringLiteral("Could not export to")))
        << result.message.toStdString();
    EXPECT_TRUE(result.message.contains(qpath(target))) << result.message.toStdString();
    EXPECT_TRUE(result.message.contains(QStringLiteral("Not a directory")))
        << result.message.toStdString();
    EXPECT_EQ(test::readFile(dir / "notes.txt"), "not a folder");
}

TEST(ExportJob, OptionsFollowTheEngineAsFarAsAsked) {
    test::TempDir dir;
    audio::Engine engine;
    engine.load(writeSong(dir, 2.0));
    engine.setTempo(1.25);
    engine.setPitch(-2);
    audio::ClickSettings click;
    click.bpm = 90;
    click.countInBars = 2;
    engine.setClick(click);

    app::ExportChoices plain;
    plain.loopOnly = true;  // no loop set: ignored
    audio::RenderOptions o = app::exportOptions(engine, plain);
    EXPECT_EQ(o.tempo, 1.0);
    EXPECT_EQ(o.pitchCents, 0.0);
    EXPECT_FALSE(o.hasLoop());
    EXPECT_FALSE(o.click.enabled);
    EXPECT_EQ(o.format, audio::RenderSampleFormat::Pcm24);

    app::ExportChoices all;
    all.tempoAndPitch = true;
    all.click = true;
    all.loopOnly = true;
    all.loops = 3;
    ASSERT_TRUE(engine.setLoop(std::int64_t{24000}, std::int64_t{48000}));
    o = app::exportOptions(engine, all);
    EXPECT_DOUBLE_EQ(o.tempo, 1.25);
    EXPECT_DOUBLE_EQ(o.pitchCents, -200.0);
    EXPECT_EQ(o.loopStart, 24000);
    EXPECT_EQ(o.loopEnd, 48000);
    EXPECT_EQ(o.loops, 3);
    EXPECT_TRUE(o.click.enabled);
    EXPECT_DOUBLE_EQ(o.click.bpm, 90.0);
    EXPECT_EQ(o.click.countInBars, 0) << "a count-in is for live playback only";
}

// --- issue 9: a file of the song is never the export's target (item 1) ---

TEST(ExportJob, AFileOfTheSongIsRefusedAndLeftWhole) {
    test::TempDir dir;
    const fs::path folder = writeSong(dir, 1.0);
    auto song = std::make_shared<audio::Song>(audio::StemLoader::load(folder));
    const std::string drums = test::readFile(folder / "drums.wav");
    EXPECT_EQ(app::ExportJob::refusal(*song, qpath(folder / "drums.wav")),
              qpath(folder / "drums.wav") +
                  QStringLiteral(" is the song's own drums.wav: exporting there would destroy "
                                 "it. Nothing was written; choose another file name."));
    EXPECT_TRUE(app::ExportJob::refusal(*song, qpath(folder / "practice.wav")).isEmpty());

    // The worker refuses it too (the render's own check), whoever starts it.
    app::ExportJob job(song, audio::MixControls(song->stems.size()).snapshot(),
                       qpath(folder / "drums.wav"), audio::RenderOptions{});
    const Finished result = runToEnd(job);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.message.contains(QStringLiteral("it is the song's own drums.wav")))
        << result.message.toStdString();
    EXPECT_EQ(test::readFile(folder / "drums.wav"), drums);
}

// --- issue 9, item 20: `stemdeck-cli render --mix saved` renders the mix the app saved ---

namespace {

// The app's data folder, for this test and every CLI it runs, inside the test's folder; the
// application name the app and the CLI use (app::setApplicationIdentity).
class AppDataFolder {
  public:
    explicit AppDataFolder(const fs::path& path)
        : hadValue_(qEnvironmentVariableIsSet("XDG_DATA_HOME")),
          oldValue_(qgetenv("XDG_DATA_HOME")),
          oldName_(QCoreApplication::applicationName()) {
        qputenv("XDG_DATA_HOME", QByteArray::fromStdString(path.string()));
        app::setApplicationIdentity();
    }
    ~AppDataFolder() {
        if (hadValue_)
            qputenv("XDG_DATA_HOME", oldValue_);
        else
            qunsetenv("XDG_DATA_HOME");
        QCoreApplication::setApplicationName(oldName_);
    }
    AppDataFolder(const AppDataFolder&) = delete;
    AppDataFolder& operator=(const AppDataFolder&) = delete;

  private:
    bool hadValue_;
    QByteArray oldValue_;
    QString oldName_;
};

struct CliRun {
    int status = -1;
    std::string out, err;
};

CliRun runCli(const QStringList& args) {
    QProcess cli;
    cli.start(QStringLiteral(STEMDECK_CLI_PATH), args);
    if (!cli.waitForFinished(120000)) return {};
    return {cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1,
            cli.readAllStandardOutput().toStdString(), cli.readAllStandardError().toStdString()};
}

std::vector<std::string> stemNames(const audio::Song& song) {
    std::vector<std::string> names;
    for (const auto& stem : song.stems) names.push_back(stem.name);
    return names;
}

}  // namespace

TEST(ExportJob, TheCliRendersTheMixTheAppSavedForTheSong) {
    test::TempDir dir;
    const AppDataFolder data(dir / "data");
    const fs::path folder = writeSong(dir, 2.0);
    auto song = std::make_shared<audio::Song>(audio::StemLoader::load(folder));
    audio::MixControls mix(song->stems.size());
    practiceMix(*song, mix);
    mix.setPan(static_cast<std::size_t>(song->stemIndex("bass")), -0.5f);
    mix.setMasterGainDb(-2.0f);
    // Saved where the app saves it (MixStore's default folder, the app's name).
    const app::MixStore store;
    ASSERT_TRUE(store.save(qpath(folder), stemNames(*song), mix.snapshot()));
    ASSERT_TRUE(store.fileFor(qpath(folder)).startsWith(qpath(dir / "data" / "stemdeck")))
        << store.fileFor(qpath(folder)).toStdString();

    const fs::path saved = dir / "saved.wav";
    ASSERT_TRUE(test::cliRender(folder, saved, {"--mix", "saved", "--format", "float"}));
    const fs::path given = dir / "given.wav";
    ASSERT_TRUE(test::cliRender(folder, given,
                                {"--mute", "drums", "--gain", "vocals=-6", "--pan", "bass=-0.5",
                                 "--master", "-2", "--format", "float"}));
    audio::RenderOptions options;
    options.format = audio::RenderSampleFormat::Float32;
    const fs::path exported = dir / "exported.wav";
    app::ExportJob job(song, mix.snapshot(), qpath(exported), options);
    ASSERT_TRUE(runToEnd(job).ok);
    const auto a = test::readAudioFile(saved);
    EXPECT_EQ(a.frames(), 2 * kRate);
    EXPECT_TRUE(a.interleaved == test::readAudioFile(given).interleaved);
    EXPECT_TRUE(a.interleaved == test::readAudioFile(exported).interleaved);

    // Options on the command line apply on top of the saved mix.
    const fs::path onTop = dir / "on top.wav";
    ASSERT_TRUE(test::cliRender(
        folder, onTop,
        {"--mix", "saved", "--gain", "vocals=0", "--master", "0", "--format", "float"}));
    const fs::path onTopGiven = dir / "on top given.wav";
    ASSERT_TRUE(test::cliRender(folder, onTopGiven,
                                {"--mute", "drums", "--pan", "bass=-0.5", "--format", "float"}));
    EXPECT_TRUE(test::readAudioFile(onTop).interleaved ==
                test::readAudioFile(onTopGiven).interleaved);

    // A mix file given by its path is read the same way.
    const fs::path file = dir / "practice.mix.json";
    {
        std::ofstream out(file, std::ios::binary);
        out << app::MixStore::serialize(qpath(folder), stemNames(*song), mix.snapshot())
                   .toStdString();
    }
    const fs::path fromFile = dir / "from file.wav";
    ASSERT_TRUE(test::cliRender(folder, fromFile, {"--mix", qpath(file), "--format", "float"}));
    EXPECT_TRUE(test::readAudioFile(fromFile).interleaved == a.interleaved);
}

TEST(ExportJob, TheCliSaysWhenTheSavedMixIsMissingOrNamesGoneStems) {
    test::TempDir dir;
    const AppDataFolder data(dir / "data");
    const fs::path folder = writeSong(dir, 1.0);
    const fs::path out = dir / "out.wav";
    const QStringList args{QStringLiteral("render"), qpath(folder), qpath(out),
                           QStringLiteral("--mix"), QStringLiteral("saved")};
    CliRun r = runCli(args);
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, "stemdeck-cli: error: no saved mix for " + folder.string() +
                         " (the app saves one once the song's mix is changed in it)\n");
    EXPECT_FALSE(fs::exists(out));

    // Saved when the song had a "guitar" stem, since removed: a warning, the rest is used.
    audio::MixSnapshot mix;
    mix.stems = {{-3.0f, 0.0f, false, false}, {0.0f, 0.0f, true, false}, {}, {}};
    ASSERT_TRUE(app::MixStore().save(qpath(folder), {"bass", "drums", "guitar", "vocals"}, mix));
    r = runCli(args);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err,
              "stemdeck-cli: warning: the saved mix has values for stems this song does not "
              "have (guitar); the rest of it is used\n");
    const fs::path given = dir / "given.wav";
    ASSERT_TRUE(test::cliRender(folder, given, {"--gain", "bass=-3", "--mute", "drums"}));
    EXPECT_TRUE(test::readAudioFile(out).interleaved == test::readAudioFile(given).interleaved);

    // A file that is not a mix file is an error naming it.
    test::writeTextFile(dir / "junk.json", "[1, 2");
    r = runCli({QStringLiteral("render"), qpath(folder), qpath(dir / "x.wav"),
                QStringLiteral("--mix"), qpath(dir / "junk.json")});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err.rfind("stemdeck-cli: error: the mix file " + (dir / "junk.json").string() +
                              " is not a mix file: ",
                          0),
              0u)
        << r.err;
}

namespace {

// A long song decoding on one worker, already in `engine` at its first audio (progressive
// loading): far from whole when this returns. `progress` (may be null) can hold it there.
std::shared_ptr<audio::SongDecode> adoptDecoding(
    audio::Engine& engine, const fs::path& folder,
    std::shared_ptr<audio::LoadProgress> progress = nullptr) {
    audio::LoadOptions options;
    options.workers = 1;
    auto decode =
        audio::SongDecode::start(audio::StemLoader::scan(folder), options, std::move(progress));
    decode->waitFirstAudio();
    engine.setSong(decode);
    return decode;
}

}  // namespace

// Exporting a song that still decodes waits for it, then renders the whole song: the same file
// as an export of the song loaded whole.
TEST(ExportJob, ASongStillDecodingIsWaitedForAndRenderedWhole) {
    test::TempDir dir;
    constexpr double kSeconds = 10.0;
    const fs::path folder = test::writeLongFlacSong(dir.path(), "long", 8, kSeconds);
    audio::Engine engine;
    // Held at its first audio until the job says it waits: the song still decodes when the
    // export starts, however fast the worker runs beside this thread.
    auto progress = std::make_shared<audio::LoadProgress>();
    progress->hold(true);
    const auto decode = adoptDecoding(engine, folder, progress);
    ASSERT_TRUE(engine.decoding());

    const fs::path target = dir / "while-decoding.wav";
    auto job = app::ExportJob::fromEngine(engine, qpath(target), {}, decode);
    ASSERT_NE(job, nullptr);
    QSignalSpy waiting(job.get(), &app::ExportJob::waitingForSong);
    QObject::connect(job.get(), &app::ExportJob::waitingForSong, job.get(),
                     [&] { progress->hold(false); });
    const Finished result = runToEnd(*job);
    ASSERT_TRUE(result.ok) << result.message.toStdString();
    EXPECT_EQ(waiting.count(), 1) << "the job said it waits for the song";
    EXPECT_TRUE(decode->finished());

    auto whole = std::make_shared<audio::Song>(audio::StemLoader::load(folder));
    const fs::path reference = dir / "whole.wav";
    app::ExportJob wholeJob(whole, audio::MixControls(whole->stems.size()).snapshot(),
                            qpath(reference), audio::RenderOptions{});
    ASSERT_TRUE(runToEnd(wholeJob).ok);
    const test::DecodedFile a = test::readAudioFile(target);
    const test::DecodedFile b = test::readAudioFile(reference);
    EXPECT_EQ(a.frames(), static_cast<std::int64_t>(kSeconds * kRate));
    EXPECT_GT(test::rms(a.interleaved, a.interleaved.size() - 2 * kRate, a.interleaved.size()),
              0.01)
        << "the end of the song is in the file, not silence";
    EXPECT_TRUE(a.interleaved == b.interleaved) << "the same as the song loaded whole";
}

// A song replaced while its export waits for it stops decoding: the export says so and
// writes nothing (it would be the song cut short).
TEST(ExportJob, ASongReplacedWhileItsExportWaitsIsNotWritten) {
    test::TempDir dir;
    const fs::path folder = test::writeLongFlacSong(dir.path(), "long", 8, 10.0);
    audio::Engine engine;
    // Held at its first audio: the song still decodes when it is replaced, however fast the
    // worker runs beside this thread.
    auto progress = std::make_shared<audio::LoadProgress>();
    progress->hold(true);
    const auto decode = adoptDecoding(engine, folder, progress);
    const fs::path target = dir / "never.wav";
    auto job = app::ExportJob::fromEngine(engine, qpath(target), {}, decode);
    QSignalSpy done(job.get(), &app::ExportJob::finished);
    QSignalSpy waiting(job.get(), &app::ExportJob::waitingForSong);
    job->start();
    ASSERT_TRUE(waiting.count() > 0 || waiting.wait(20000));
    ASSERT_FALSE(decode->finished());
    engine.setSong(audio::StemLoader::load(writeSong(dir, 1.0)));  // cancels the decode
    ASSERT_TRUE(done.count() > 0 || done.wait(20000));
    EXPECT_FALSE(done.front().at(0).toBool());
    EXPECT_TRUE(done.front().at(1).toString().contains(QStringLiteral("stopped loading")))
        << done.front().at(1).toString().toStdString();
    EXPECT_FALSE(fs::exists(target));
}

}  // namespace unity_ExportJobTest
