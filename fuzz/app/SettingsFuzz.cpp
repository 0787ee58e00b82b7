// libFuzzer target: the settings INI file. The bytes are written where the settings live and
// Settings is made on them: every getter gives a valid value (or the default), and values set
// afterwards are saved and read back exactly, whatever the file held before.
#include <QDir>

#include "FuzzSupport.h"
#include "stemdeck/app/Settings.h"

using namespace stemdeck;
using fuzz::check;

namespace {

void checkValid(const app::Settings& s) {
    check(app::Settings::isValidSampleRate(s.sampleRate()));
    check(s.isValidFramesPerBuffer(s.framesPerBuffer()));
    check(s.outputDevice().size() <= app::Settings::kMaxDeviceNameLength);
    const QStringList recent = s.recentSongs();
    check(recent.size() <= app::Settings::kMaxRecent);
    for (const QString& path : recent) check(QDir::isAbsolutePath(path));
    QStringList unique = recent;
    check(unique.removeDuplicates() == 0);
    check(s.lastSong().isEmpty() || QDir::isAbsolutePath(s.lastSong()));
    const audio::OutputConfig config = s.outputConfig();
    check(config.sampleRate == s.sampleRate() && config.framesPerBuffer == s.framesPerBuffer());
    (void)s.latencyMonitorEnabled();
    (void)s.clickEnabled();
    check(s.clickLevelDb() >= app::Settings::kMinClickLevelDb && s.clickLevelDb() <= 0);
    check(s.countInBars() >= 0 && s.countInBars() <= app::Settings::kMaxCountInBars);
    (void)s.windowGeometry();
    (void)s.windowState();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // One name throughout: QSettings keeps a cache entry per file name, and a growing cache
    // would make LeakSanitizer scan the heap after every input. It notices a rewritten file
    // by its size and time stamp (nanoseconds here).
    static const QString ini = fuzz::scratchDir() + QStringLiteral("/stemdeck.ini");
    fuzz::writeFile(ini, data, size);
    {
        app::Settings settings(ini);
        checkValid(settings);
        check(settings.setOutputDevice(QStringLiteral("Fuzz Device")));
        check(settings.setSampleRate(96000));
        check(settings.setFramesPerBuffer(256));
        settings.setLatencyMonitorEnabled(true);
        check(settings.setCountInBars(3));
        settings.addRecentSong(QStringLiteral("/songs/fuzz"));
        check(settings.sync());
    }
    {
        const app::Settings reopened(ini);
        checkValid(reopened);
        check(reopened.problems().isEmpty());
        check(reopened.outputDevice() == QStringLiteral("Fuzz Device"));
        check(reopened.sampleRate() == 96000 && reopened.framesPerBuffer() == 256);
        check(reopened.latencyMonitorEnabled());
        check(reopened.countInBars() == 3);
        check(reopened.recentSongs().value(0) == QStringLiteral("/songs/fuzz"));
    }
    QFile::remove(ini);
    QFile::remove(ini + QStringLiteral(".corrupt"));
    return 0;
}
