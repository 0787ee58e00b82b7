#include <gtest/gtest.h>

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>

#include "AudioFiles.h"
#include "TempDir.h"
#include "stemdeck/app/Settings.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SettingsTest {

using stemdeck::app::Settings;
namespace test = stemdeck::test;

namespace {

QString iniIn(const test::TempDir& dir) {
    return QString::fromStdString((dir / "stemdeck.ini").string());
}

void expectDefaults(const Settings& s) {
    EXPECT_EQ(s.outputDevice(), QString());
    EXPECT_EQ(s.sampleRate(), 0);
    EXPECT_EQ(s.framesPerBuffer(), 1024);
    EXPECT_FALSE(s.latencyMonitorEnabled());
    EXPECT_TRUE(s.recentSongs().isEmpty());
    EXPECT_EQ(s.lastSong(), QString());
    EXPECT_TRUE(s.windowGeometry().isEmpty());
}

}  // namespace

TEST(Settings, DefaultsWhenThereIsNoFile) {
    test::TempDir dir;
    const Settings settings(iniIn(dir));
    expectDefaults(settings);
    EXPECT_TRUE(settings.problems().isEmpty());
    const auto config = settings.outputConfig();
    EXPECT_EQ(config.device, "");
    EXPECT_EQ(config.sampleRate, 0);
    EXPECT_EQ(config.framesPerBuffer, 1024);
}

TEST(Settings, ValuesArePersistedUnderTheirKeys) {
    test::TempDir dir;
    {
        Settings settings(iniIn(dir));
        EXPECT_TRUE(settings.setOutputDevice(QStringLiteral("JACK Audio Connection Kit: system")));
        EXPECT_TRUE(settings.setSampleRate(96000));
        EXPECT_TRUE(settings.setFramesPerBuffer(256));
        settings.setLatencyMonitorEnabled(true);
        settings.setLastSong(QStringLiteral("/songs/one"));
        settings.setWindowGeometry(QByteArray("\x01\x02geometry", 10));
        EXPECT_TRUE(settings.sync());
    }
    const QSettings raw(iniIn(dir), QSettings::IniFormat);
    EXPECT_TRUE(raw.value("audio/enable_latency_monitor").toBool());
    EXPECT_EQ(raw.value("audio/block_size").toInt(), 256);

    const Settings settings(iniIn(dir));
    EXPECT_EQ(settings.outputDevice(), QStringLiteral("JACK Audio Connection Kit: system"));
    EXPECT_EQ(settings.sampleRate(), 96000);
    EXPECT_EQ(settings.framesPerBuffer(), 256);
    EXPECT_TRUE(settings.latencyMonitorEnabled());
    EXPECT_EQ(settings.lastSong(), QStringLiteral("/songs/one"));
    EXPECT_EQ(settings.windowGeometry(), QByteArray("\x01\x02geometry", 10));
    EXPECT_EQ(settings.outputConfig().framesPerBuffer, 256);
    EXPECT_EQ(settings.outputConfig().sampleRate, 96000);
}

TEST(Settings, SettersRefuseInvalidValues) {
    test::TempDir dir;
    Settings settings(iniIn(dir));
    EXPECT_FALSE(settings.setSampleRate(12345));
    EXPECT_FALSE(settings.setSampleRate(-1));
    EXPECT_FALSE(settings.setFramesPerBuffer(1000));
    EXPECT_FALSE(settings.setFramesPerBuffer(0));
    EXPECT_FALSE(settings.setOutputDevice(QString(300, QLatin1Char('x'))));
    expectDefaults(settings);
    EXPECT_TRUE(settings.setSampleRate(0));
}

TEST(Settings, InvalidValuesInTheFileFallBackToDefaults) {
    test::TempDir dir;
    test::writeTextFile(dir / "stemdeck.ini",
                        "[audio]\n"
                        "device=a, b, c\n"
                        "sample_rate=12345\n"
                        "block_size=banana\n"
                        "enable_latency_monitor=banana\n"
                        "[songs]\n"
                        "recent=relative/path, , /ok/song\n"
                        "last=not/absolute\n"
                        "[window]\n"
                        "geometry=just text\n");
    const Settings settings(iniIn(dir));
    EXPECT_TRUE(settings.problems().isEmpty());
    EXPECT_EQ(settings.outputDevice(), QString());
    EXPECT_EQ(settings.sampleRate(), 0);
    EXPECT_EQ(settings.framesPerBuffer(), 1024);
    EXPECT_FALSE(settings.latencyMonitorEnabled());
    EXPECT_EQ(settings.recentSongs(), QStringList{QStringLiteral("/ok/song")});
    EXPECT_EQ(settings.lastSong(), QString());
    EXPECT_TRUE(settings.windowGeometry().isEmpty());
}

TEST(Settings, FollowingTheSongRateIsOnByDefaultAndPersisted) {
    test::TempDir dir;
    {
        Settings settings(iniIn(dir));
        EXPECT_TRUE(settings.followSongRate());
        settings.setFollowSongRate(false);
        EXPECT_TRUE(settings.sync());
    }
    EXPECT_FALSE(
        QSettings(iniIn(dir), QSettings::IniFormat).value("audio/follow_song_rate").toBool());
    EXPECT_FALSE(Settings(iniIn(dir)).followSongRate());
    // A damaged value is the default, on.
    test::writeTextFile(dir / "stemdeck.ini", "[audio]\nfollow_song_rate=banana\n");
    EXPECT_TRUE(Settings(iniIn(dir)).followSongRate());
}

TEST(Settings, MonitorFlagAcceptsOnlyRealBooleans) {
    test::TempDir dir;
    for (const auto& [text, expected] : std::vector<std::pair<std::string, bool>>{{"true", true},
                                                                                  {"1", true},
                                                                                  {"false", false},
                                                                                  {"0", false},
                                                                                  {"yes!", false},
                                                                                  {"", false}}) {
        test::writeTextFile(dir / "stemdeck.ini", "[audio]\nenable_latency_monitor=" + text + "\n");
        EXPECT_EQ(Settings(iniIn(dir)).latencyMonitorEnabled(), expected) << text;
    }
}

// Bytes as a damaged or overwritten file might hold, NULs included.
std::string binaryJunk(std::size_t size, unsigned seed) {
    std::string junk(size, '\0');
    for (char& c : junk) {
        seed = seed * 1103515245u + 12345u;
        c = static_cast<char>(seed >> 16);
    }
    return junk;
}

TEST(Settings, BinaryJunkGivesDefaults) {
    test::TempDir dir;
    for (unsigned seed = 1; seed <= 5; ++seed) {
        test::writeTextFile(dir / "stemdeck.ini", binaryJunk(4096, seed));
        const Settings settings(iniIn(dir));
        expectDefaults(settings);
    }
}

TEST(Settings, AnUnparsableFileIsSetAsideSoSettingsCanBeSavedAgain) {
    test::TempDir dir;
    // An unterminated section header is what makes QSettings give up on a file.
    const char damaged[] = "\x01\x02\0\xff\n[audio\nblock_size=256\n";
    test::writeTextFile(dir / "stemdeck.ini", std::string(damaged, sizeof damaged - 1));
    {
        Settings settings(iniIn(dir));
        expectDefaults(settings);
        EXPECT_FALSE(settings.problems().isEmpty());
        EXPECT_TRUE(QFile::exists(iniIn(dir) + QStringLiteral(".corrupt")));
        settings.setLatencyMonitorEnabled(true);
        EXPECT_TRUE(settings.sync());
    }
    const Settings reopened(iniIn(dir));
    EXPECT_TRUE(reopened.problems().isEmpty());
    EXPECT_TRUE(reopened.latencyMonitorEnabled());
}

TEST(Settings, RecentSongsAreNewestFirstWithoutDuplicates) {
    test::TempDir dir;
    Settings settings(iniIn(dir));
    for (int i = 0; i < Settings::kMaxRecent + 3; ++i)
        settings.addRecentSong(QStringLiteral("/songs/%1").arg(i));
    settings.addRecentSong(QStringLiteral("/songs/5/"));
    settings.addRecentSong(QStringLiteral("relative"));
    const QStringList recent = settings.recentSongs();
    ASSERT_EQ(recent.size(), Settings::kMaxRecent);
    EXPECT_EQ(recent.front(), QStringLiteral("/songs/5"));
    EXPECT_EQ(recent.at(1), QStringLiteral("/songs/12"));
    EXPECT_EQ(recent.count(QStringLiteral("/songs/5")), 1);
    EXPECT_FALSE(recent.contains(QStringLiteral("/songs/0")));
}

// Found by fuzz/app/SettingsFuzz.cpp: Qt 6.4 only reports some damage (here a file of one
// 0xff byte) once every key has been looked at, so it used to go unnoticed at start-up.
TEST(Settings, DamageQtNoticesLateIsStillSetAsideAtStartUp) {
    test::TempDir dir;
    test::writeTextFile(dir / "stemdeck.ini", "\xff");
    {
        Settings settings(iniIn(dir));
        EXPECT_FALSE(settings.problems().isEmpty());
        EXPECT_TRUE(QFile::exists(iniIn(dir) + QStringLiteral(".corrupt")));
        expectDefaults(settings);
        EXPECT_TRUE(settings.setFramesPerBuffer(256));
        EXPECT_TRUE(settings.sync()) << "the new file is written";
    }
    const Settings reopened(iniIn(dir));
    EXPECT_TRUE(reopened.problems().isEmpty());
    EXPECT_EQ(reopened.framesPerBuffer(), 256);
}

TEST(Settings, SyncReportsAFileThatCannotBeWritten) {
    test::TempDir dir;
    // A file where the settings' folder should be: no one (root included) can write there.
    test::writeTextFile(dir / "config", "not a folder");
    Settings settings(QString::fromStdString((dir / "config" / "stemdeck.ini").string()));
    settings.setLastSong(QStringLiteral("/songs/one"));
    QString error;
    EXPECT_FALSE(settings.sync(&error));
    EXPECT_TRUE(error.contains(QStringLiteral("could not be saved"))) << error.toStdString();
    EXPECT_EQ(settings.lastSong(), QStringLiteral("/songs/one")) << "kept for this session";
}

TEST(Settings, AProfilesFileBesideTheIniReplacesTheBuiltInPresets) {
    test::TempDir dir;
    test::writeTextFile(dir / Settings::kProfilesFileName, R"({"default": "big", "profiles": [
        {"id": "small", "frames_per_buffer": 64}, {"id": "big", "frames_per_buffer": 4096}]})");
    Settings settings(iniIn(dir));
    EXPECT_TRUE(settings.problems().isEmpty());
    EXPECT_EQ(settings.profiles().profiles().size(), 2);
    EXPECT_EQ(settings.framesPerBuffer(), 4096) << "the file's default";
    EXPECT_TRUE(settings.setFramesPerBuffer(64));
    EXPECT_FALSE(settings.setFramesPerBuffer(1024)) << "not one of these presets";
}

TEST(Settings, ABrokenProfilesFileGivesTheBuiltInPresetsAndSaysSo) {
    test::TempDir dir;
    for (const std::string& broken :
         {std::string("{\"profiles\": [ oops"), std::string(R"({"profiles": [{"id": ""}]})"),
          std::string("\x01\x02\xff")}) {
        test::writeTextFile(dir / Settings::kProfilesFileName, broken);
        const Settings settings(iniIn(dir));
        ASSERT_EQ(settings.problems().size(), 1) << broken;
        EXPECT_TRUE(settings.problems().front().contains(
            QStringLiteral("the built-in block sizes are in use")))
            << settings.problems().front().toStdString();
        EXPECT_EQ(settings.profiles().profiles().size(),
                  stemdeck::app::AudioProfiles::builtin().profiles().size());
        EXPECT_EQ(settings.framesPerBuffer(), 1024);
    }
}

// Found by tests/app/AtomicWriteTest.cpp: a process killed while QSettings takes its lock
// leaves FILE.lock empty, and QLockFile then waited 30 s before the next save went ahead,
// freezing the window on the next start.
TEST(Settings, AnEmptyLockLeftByAKilledSaveDoesNotStallTheNextSave) {
    test::TempDir dir;
    const QString lock = iniIn(dir) + QStringLiteral(".lock");
    test::writeTextFile(lock.toStdString(), "");
    QFile file(lock);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    ASSERT_TRUE(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-60),
                                 QFileDevice::FileModificationTime));
    file.close();
    QElapsedTimer clock;
    clock.start();
    Settings settings(iniIn(dir));
    settings.setLastSong(QStringLiteral("/songs/one"));
    EXPECT_TRUE(settings.sync());
    EXPECT_LT(clock.elapsed(), 5000);
    EXPECT_EQ(Settings(iniIn(dir)).lastSong(), QStringLiteral("/songs/one"));
}

TEST(Settings, OutputChannelsAreStereoOrAllAndReachTheConfig) {
    test::TempDir dir;
    {
        Settings settings(iniIn(dir));
        EXPECT_EQ(settings.outputChannels(), 2);
        EXPECT_EQ(settings.outputConfig().channels, 2);
        EXPECT_FALSE(settings.setOutputChannels(4));
        EXPECT_FALSE(settings.setOutputChannels(-1));
        EXPECT_TRUE(settings.setOutputChannels(0));
        EXPECT_TRUE(settings.sync());
    }
    Settings settings(iniIn(dir));
    EXPECT_EQ(settings.outputChannels(), 0);
    EXPECT_EQ(settings.outputConfig().channels, 0);
    // A hand-edited value that is neither means stereo.
    QSettings(iniIn(dir), QSettings::IniFormat).setValue(Settings::kOutputChannelsKey, "8");
    EXPECT_EQ(Settings(iniIn(dir)).outputChannels(), 2);
}

TEST(Settings, ClickSwitchLevelAndCountInAreKeptWithinTheirRanges) {
    test::TempDir dir;
    {
        Settings settings(iniIn(dir));
        EXPECT_FALSE(settings.clickEnabled());
        EXPECT_EQ(settings.clickLevelDb(), -6);
        EXPECT_EQ(settings.countInBars(), 0);
        EXPECT_FALSE(settings.setClickLevelDb(1));
        EXPECT_FALSE(settings.setClickLevelDb(Settings::kMinClickLevelDb - 1));
        EXPECT_FALSE(settings.setCountInBars(-1));
        EXPECT_FALSE(settings.setCountInBars(Settings::kMaxCountInBars + 1));
        settings.setClickEnabled(true);
        EXPECT_TRUE(settings.setClickLevelDb(-40));
        EXPECT_TRUE(settings.setCountInBars(4));
        EXPECT_TRUE(settings.sync());
    }
    Settings settings(iniIn(dir));
    EXPECT_TRUE(settings.clickEnabled());
    EXPECT_EQ(settings.clickLevelDb(), -40);
    EXPECT_EQ(settings.countInBars(), 4);
    // Hand-edited values out of range mean the defaults.
    QSettings(iniIn(dir), QSettings::IniFormat).setValue(Settings::kClickLevelKey, "-90");
    QSettings(iniIn(dir), QSettings::IniFormat).setValue(Settings::kCountInKey, "9");
    EXPECT_EQ(Settings(iniIn(dir)).clickLevelDb(), -6);
    EXPECT_EQ(Settings(iniIn(dir)).countInBars(), 0);
}

TEST(Settings, RoutesAreRememberedByStemName) {
    test::TempDir dir;
    {
        Settings settings(iniIn(dir));
        EXPECT_EQ(settings.stemRoute(QStringLiteral("click")), 0);
        EXPECT_EQ(settings.clickRoute(), 0);
        EXPECT_TRUE(settings.setStemRoute(QStringLiteral("click"), 1));
        EXPECT_TRUE(settings.setStemRoute(QStringLiteral("a=b"), 2));
        EXPECT_TRUE(settings.setStemRoute(QStringLiteral("bass"), 3));
        EXPECT_TRUE(settings.setStemRoute(QStringLiteral("bass"), 0));  // back to 1-2
        EXPECT_FALSE(settings.setStemRoute(QStringLiteral("keys"), Settings::kMaxPair + 1));
        EXPECT_FALSE(settings.setStemRoute(QString(), 1));
        EXPECT_TRUE(settings.setClickRoute(1));
        EXPECT_FALSE(settings.setClickRoute(-1));
        EXPECT_TRUE(settings.sync());
    }
    Settings settings(iniIn(dir));
    EXPECT_EQ(settings.stemRoute(QStringLiteral("click")), 1);
    EXPECT_EQ(settings.stemRoute(QStringLiteral("a=b")), 2);
    EXPECT_EQ(settings.stemRoute(QStringLiteral("bass")), 0);
    EXPECT_EQ(settings.stemRoute(QStringLiteral("keys")), 0);
    EXPECT_EQ(settings.clickRoute(), 1);
    EXPECT_EQ(
        QSettings(iniIn(dir), QSettings::IniFormat).value(Settings::kStemRoutesKey).toStringList(),
        (QStringList{QStringLiteral("a=b=2"), QStringLiteral("click=1")}));
}

TEST(Settings, DamagedRoutesFallBackToTheFirstPair) {
    test::TempDir dir;
    {
        QSettings raw(iniIn(dir), QSettings::IniFormat);
        raw.setValue(Settings::kStemRoutesKey,
                     QStringList{"click=99", "=1", "guide=x", "keys=-1", "vox=2"});
        raw.setValue(Settings::kClickRouteKey, "loud");
    }
    Settings settings(iniIn(dir));
    EXPECT_EQ(settings.stemRoute(QStringLiteral("click")), 0);
    EXPECT_EQ(settings.stemRoute(QStringLiteral("guide")), 0);
    EXPECT_EQ(settings.stemRoute(QStringLiteral("keys")), 0);
    EXPECT_EQ(settings.stemRoute(QStringLiteral("vox")), 2);
    EXPECT_EQ(settings.clickRoute(), 0);
}

}  // namespace unity_SettingsTest
