// Settings and per-song mix files are only ever replaced whole. A child process
// (stemdeck_write_loop) writes one of them in a loop; the test kills it with SIGKILL at a
// random moment, again and again, and after each kill the file on disk must read as one
// complete version (old or new), never a truncated or mixed one. The control, a child that
// writes the same text over the old file in place, shows that these kills do land mid-write.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <thread>

#include "AudioFiles.h"
#include "QtPath.h"
#include "TempDir.h"
#include "WriteLoopVersions.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/Settings.h"

extern char** environ;

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_AtomicWriteTest {

using namespace stemdeck;
namespace fs = std::filesystem;

namespace {

constexpr int kKills = 50;
// Each kill comes at a random moment within this many of the writer's rounds after its first
// (at least kMinWindowUs): a fixed window would not do, since a round's length is mostly the
// disk's (two fdatasync calls) and a busy disk makes it several times longer. With a fixed
// 15 ms the kills mostly came before the second round was done (8-11 of 50 after it, under
// four other processes writing with fsync; 12 are asked for).
constexpr int kWindowRounds = 4;
constexpr int kMinWindowUs = 15000;

// The helper, running until it is killed.
class WriteLoop {
  public:
    // Starts `stemdeck_write_loop ARGS` and waits for its first complete round.
    explicit WriteLoop(std::vector<std::string> args) {
        args.insert(args.begin(), STEMDECK_WRITE_LOOP_PATH);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        int out[2];
        if (::pipe(out) != 0) return;
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_addclose(&actions, out[0]);
        if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
        ::close(out[1]);
        pollfd ready{out[0], POLLIN, 0};
        char line[32] = {};
        long long micros = -1;
        ready_ = pid_ > 0 && ::poll(&ready, 1, 10000) == 1 &&
                 ::read(out[0], line, sizeof line - 1) > 0 &&
                 std::sscanf(line, "ready %lld", &micros) == 1 && micros >= 0;
        roundUs_ = static_cast<int>(std::min<long long>(micros, 10000000));
        ::close(out[0]);
    }
    ~WriteLoop() { killNow(); }
    bool ready() const { return ready_; }
    // How long the writer's first round took.
    int roundUs() const { return roundUs_; }
    // SIGKILL: no handler, no flush, no destructor runs.
    void killNow() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

  private:
    pid_t pid_ = -1;
    bool ready_ = false;
    int roundUs_ = 0;
};

struct Outcome {
    int whole = 0;                 // kills after which the file held one whole, recent version
    int midLoop = 0;               // ... written after the killed writer's first round
    std::vector<std::string> bad;  // what the file held when it was not whole
};

// Each writer starts at a version of its own (kill i at i * kRoundsApart) and counts up.
constexpr std::uint64_t kRoundsApart = 1000000;

// Runs the writer kKills times, killing it at a random moment of its next few rounds; `read`
// says which version the file holds, or why it is not a whole one. The version must be one the
// killed writer wrote: its first (it said "ready" after it) or a later one.
Outcome killRepeatedly(const std::string& mode, const std::vector<std::string>& args,
                       const std::function<std::optional<std::uint64_t>(std::string&)>& read) {
    std::mt19937 random(20240611);
    std::uniform_real_distribution<double> share(0.0, 1.0);
    Outcome outcome;
    for (int i = 0; i < kKills; ++i) {
        const std::uint64_t first = static_cast<std::uint64_t>(i) * kRoundsApart;
        std::vector<std::string> command{std::to_string(first), mode};
        command.insert(command.end(), args.begin(), args.end());
        WriteLoop loop(command);
        if (!loop.ready()) {
            ADD_FAILURE() << "stemdeck_write_loop did not start writing";
            return outcome;
        }
        const int windowUs = std::max(kMinWindowUs, kWindowRounds * loop.roundUs());
        std::this_thread::sleep_for(
            std::chrono::microseconds(static_cast<int>(share(random) * windowUs)));
        loop.killNow();
        std::string why;
        const auto version = read(why);
        if (version && *version >= first && *version < first + kRoundsApart) {
            ++outcome.whole;
            if (*version > first) ++outcome.midLoop;
        } else {
            outcome.bad.push_back(version ? "version " + std::to_string(*version) +
                                                " is not the killed writer's"
                                          : why);
        }
    }
    return outcome;
}

std::optional<std::uint64_t> readMix(const app::MixStore& store, const QString& song,
                                     std::string& why) {
    const app::MixStore::Loaded loaded = store.load(song, test::writeLoopStems());
    if (!loaded.mix || !loaded.warning.isEmpty()) {
        why = loaded.warning.toStdString();
        return std::nullopt;
    }
    const auto version = test::writeLoopMixVersion(*loaded.mix);
    if (!version) why = "a mix of more than one version";
    return version;
}

// A writer killed while taking QSettings' lock leaves the lock file empty; Settings removes
// such a lock once it is a few seconds old (the next session starts later than that), so a
// writer started at once would wait for QLockFile's own 30 s. Wait as a user would.
void waitOutAbandonedLock(const fs::path& ini) {
    const fs::path lock = ini.string() + ".lock";
    std::error_code ec;
    if (fs::exists(lock, ec) && fs::file_size(lock, ec) == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(2500));
}

// A writer killed between QSaveFile's link and rename leaves a complete temporary copy
// (FILE.XXXXXX) beside FILE. Each must hold a whole file too; once older than a minute, the
// next save clears them away, and nothing else is left.
void expectLeftoversWholeAndCleared(const QString& folder, const QString& file,
                                    const std::function<bool()>& save) {
    const QString name = QFileInfo(file).fileName();
    const QStringList leftovers =
        QDir(folder).entryList({name + QStringLiteral(".??????")}, QDir::Files | QDir::Hidden);
    // How many kills land between link and rename depends on the machine's load (a busy
    // machine stretches that moment); at most one per kill, since a save that finishes leaves
    // none.
    EXPECT_LE(leftovers.size(), kKills) << "a save that finished left a copy behind";
    for (const QString& leftover : leftovers) {
        QFile copy(QDir(folder).filePath(leftover));
        ASSERT_TRUE(copy.open(QIODevice::ReadOnly));
        const QByteArray bytes = copy.readAll();
        EXPECT_TRUE(bytes.endsWith(name.endsWith(QStringLiteral(".json")) ? "}\n" : "\n"))
            << leftover.toStdString() << " is cut short";
        copy.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-120),
                         QFileDevice::FileModificationTime);
    }
    ASSERT_TRUE(save());
    EXPECT_EQ(QDir(folder).entryList({name + QStringLiteral("*")}, QDir::Files | QDir::Hidden),
              QStringList{name});
}

std::string describe(const Outcome& o) {
    std::string text = std::to_string(o.whole) + " whole (" + std::to_string(o.midLoop) +
                       " after the first round), " + std::to_string(o.bad.size()) + " not whole";
    if (!o.bad.empty()) text += "; first problem: " + o.bad.front();
    return text;
}

}  // namespace

TEST(AtomicWrite, AMixFileIsNeverLeftHalfWritten) {
    test::TempDir dir;
    const fs::path song = dir / "song";
    fs::create_directories(song);
    const app::MixStore store(test::qpath(dir / "mixes"));
    const Outcome outcome =
        killRepeatedly("mix", {(dir / "mixes").string(), song.string()},
                       [&](std::string& why) { return readMix(store, test::qpath(song), why); });
    ::testing::Test::RecordProperty("outcome", describe(outcome));
    EXPECT_EQ(outcome.whole, kKills) << describe(outcome);
    EXPECT_GE(outcome.midLoop, kKills / 4)
        << "the kills must land amid the writing; " << describe(outcome);
    expectLeftoversWholeAndCleared(
        test::qpath(dir / "mixes"), store.fileFor(test::qpath(song)), [&] {
            return store.save(test::qpath(song), test::writeLoopStems(), test::writeLoopMix(7));
        });
}

TEST(AtomicWrite, TheSettingsFileIsNeverLeftHalfWritten) {
    test::TempDir dir;
    const fs::path ini = dir / "stemdeck.ini";
    const Outcome outcome = killRepeatedly("settings", {ini.string()}, [&](std::string& why) {
        waitOutAbandonedLock(ini);
        const app::Settings settings(test::qpath(ini));
        if (!settings.problems().isEmpty()) {
            why = settings.problems().join(QLatin1Char(' ')).toStdString();
            return std::optional<std::uint64_t>();
        }
        const auto version = test::writeLoopSettingsVersion(settings);
        if (!version) why = "values of more than one version, or missing ones";
        return version;
    });
    ::testing::Test::RecordProperty("outcome", describe(outcome));
    EXPECT_EQ(outcome.whole, kKills) << describe(outcome);
    EXPECT_GE(outcome.midLoop, kKills / 4) << describe(outcome);
    EXPECT_FALSE(fs::exists(dir / "stemdeck.ini.corrupt"));
    expectLeftoversWholeAndCleared(test::qpath(dir.path()), test::qpath(ini), [&] {
        app::Settings settings(test::qpath(ini));
        settings.setLastSong(QStringLiteral("/songs/last"));
        return settings.sync();
    });
}

TEST(AtomicWrite, SavingSettingsReplacesTheFileInsteadOfRewritingIt) {
    // How QSettings (Qt 6.4) saves, seen from outside: into a new file renamed over the old
    // one (a new inode each time), as QSaveFile does; rewriting in place keeps the inode.
    test::TempDir dir;
    const fs::path ini = dir / "stemdeck.ini";
    const auto saveAndStat = [&](const QString& song) {
        app::Settings settings(test::qpath(ini));
        settings.setLastSong(song);
        EXPECT_TRUE(settings.sync());
        struct stat info {};
        EXPECT_EQ(::stat(ini.c_str(), &info), 0);
        return info.st_ino;
    };
    const ino_t first = saveAndStat(QStringLiteral("/songs/one"));
    const ino_t second = saveAndStat(QStringLiteral("/songs/two"));
    EXPECT_NE(first, second) << "a new file took the old one's place";
    EXPECT_EQ(app::Settings(test::qpath(ini)).lastSong(), QStringLiteral("/songs/two"));
}

// The control: the same kills against a writer that rewrites the file in place do catch it
// half-written, so the tests above would notice if stemdeck wrote that way.
TEST(AtomicWrite, ControlWritingInPlaceIsCaughtHalfWritten) {
    test::TempDir dir;
    const fs::path song = dir / "song";
    fs::create_directories(song);
    fs::create_directories(dir / "mixes");
    const app::MixStore store(test::qpath(dir / "mixes"));
    const Outcome outcome =
        killRepeatedly("in-place", {store.fileFor(test::qpath(song)).toStdString()},
                       [&](std::string& why) { return readMix(store, test::qpath(song), why); });
    ::testing::Test::RecordProperty("outcome", describe(outcome));
    EXPECT_GE(outcome.bad.size(), 5u) << describe(outcome);
}

}  // namespace unity_AtomicWriteTest
