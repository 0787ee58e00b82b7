// The child process of AtomicWriteTest: writes one file over and over, as fast as it can,
// until it is killed. Round g writes version g, complete and consistent in itself, so the
// test can tell a whole version from a torn one whatever moment the kill came at. Prints
// "ready MICROSECONDS" once the first round (version START) is on disk, with how long that round
// took: the test kills within a few rounds' time, however fast this machine's disk is now.
//   stemdeck_write_loop START mix STORE_DIR SONG_DIR  through MixStore::save
//   stemdeck_write_loop START settings INI            through Settings::sync (QSettings)
//   stemdeck_write_loop START in-place FILE           the control: the same mix text written
//                                                     over the old file in small pieces, as a
//                                                     naive writer would
#include <QByteArray>
#include <QFile>
#include <QString>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "WriteLoopVersions.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/Settings.h"

using namespace stemdeck;

namespace {

using Clock = std::chrono::steady_clock;

void announceReady(Clock::time_point roundStart) {
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - roundStart).count();
    std::printf("ready %lld\n", static_cast<long long>(micros));
    std::fflush(stdout);
}

[[noreturn]] void writeMixes(std::uint64_t start, const QString& store, const QString& song) {
    const app::MixStore mixes(store);
    for (std::uint64_t g = start;; ++g) {
        const auto roundStart = Clock::now();
        QString error;
        if (!mixes.save(song, test::writeLoopStems(), test::writeLoopMix(g), &error)) {
            std::fprintf(stderr, "stemdeck_write_loop: %s\n", qPrintable(error));
            std::exit(1);
        }
        if (g == start) announceReady(roundStart);
    }
}

[[noreturn]] void writeSettings(std::uint64_t start, const QString& ini) {
    app::Settings settings(ini);
    for (std::uint64_t g = start;; ++g) {
        const auto roundStart = Clock::now();
        test::writeLoopSettings(settings, g);
        QString error;
        if (!settings.sync(&error)) {
            std::fprintf(stderr, "stemdeck_write_loop: %s\n", qPrintable(error));
            std::exit(1);
        }
        if (g == start) announceReady(roundStart);
    }
}

[[noreturn]] void writeInPlace(std::uint64_t start, const QString& path) {
    constexpr qint64 kPiece = 256;
    for (std::uint64_t g = start;; ++g) {
        const auto roundStart = Clock::now();
        const QByteArray text = app::MixStore::serialize(
            QStringLiteral("/songs/loop"), test::writeLoopStems(), test::writeLoopMix(g));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
            std::exit(1);
        // A pause after each piece, as a writer that is descheduled mid-write would make:
        // the file then spends most of each round half-written, however long serialising
        // takes (under ASan it took most of the round, and the control caught too few kills).
        for (qint64 at = 0; at < text.size(); at += kPiece) {
            file.write(text.constData() + at, std::min(kPiece, text.size() - at));
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        file.close();
        if (g == start) announceReady(roundStart);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const auto arg = [&](int i) { return QString::fromLocal8Bit(argv[i]); };
    const auto is = [&](const char* mode) { return argc >= 3 && std::strcmp(argv[2], mode) == 0; };
    const std::uint64_t start = argc >= 2 ? std::strtoull(argv[1], nullptr, 10) : 0;
    if (argc == 5 && is("mix")) writeMixes(start, arg(3), arg(4));
    if (argc == 4 && is("settings")) writeSettings(start, arg(3));
    if (argc == 4 && is("in-place")) writeInPlace(start, arg(3));
    std::fputs("usage: stemdeck_write_loop START (mix STORE SONG | settings INI | in-place FILE)\n",
               stderr);
    return 2;
}
