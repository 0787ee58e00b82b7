#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

#include "stemdeck/audio/PortAudioOutput.h"

class QSettings;

namespace stemdeck::app {

// The user's preferences, in an INI file at a path the app controls. Every getter validates
// what the file holds and falls back to the default, and every setter refuses invalid values,
// so a hand-edited or damaged file can never feed the engine nonsense. A file that cannot be
// parsed at all is set aside (renamed *.corrupt) and the app starts on defaults. GUI thread
// only.
class Settings {
  public:
    static constexpr const char* kDeviceKey = "audio/device";
    static constexpr const char* kSampleRateKey = "audio/sample_rate";
    static constexpr const char* kBlockSizeKey = "audio/block_size";
    static constexpr const char* kLatencyMonitorKey = "audio/enable_latency_monitor";
    static constexpr const char* kRecentKey = "songs/recent";
    static constexpr const char* kLastSongKey = "songs/last";
    static constexpr const char* kGeometryKey = "window/geometry";
    static constexpr const char* kWindowStateKey = "window/state";
    static constexpr int kMaxRecent = 10;
    static constexpr int kMaxDeviceNameLength = 256;

    explicit Settings(const QString& iniPath);
    ~Settings();
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    // <AppConfigLocation>/stemdeck.ini
    static QString defaultPath();
    // Rates offered besides the device's own default (0).
    static const QList<int>& sampleRates();
    static bool isValidSampleRate(int rate);
    static bool isValidFramesPerBuffer(int frames);

    // Non-empty when the file could not be read at start-up and defaults are in use.
    const QString& problem() const { return problem_; }

    // Empty: the system default output.
    QString outputDevice() const;
    bool setOutputDevice(const QString& device);
    // 0: the device's default rate.
    int sampleRate() const;
    bool setSampleRate(int rate);
    int framesPerBuffer() const;
    bool setFramesPerBuffer(int frames);
    bool latencyMonitorEnabled() const;
    void setLatencyMonitorEnabled(bool on);
    audio::OutputConfig outputConfig() const;

    // Most recent first, no duplicates, at most kMaxRecent absolute paths.
    QStringList recentSongs() const;
    void addRecentSong(const QString& folder);
    QString lastSong() const;
    void setLastSong(const QString& folder);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

    // Writes pending changes to disk.
    void sync();

  private:
    std::unique_ptr<QSettings> settings_;
    QString problem_;
};

}  // namespace stemdeck::app
