#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

#include "stemdeck/app/AudioProfiles.h"
#include "stemdeck/app/VampRelease.h"
#include "stemdeck/audio/device/PortAudioOutput.h"

class QSettings;

namespace stemdeck::app {

// The user's preferences, in an INI file at a path the app controls. Every getter validates
// what the file holds and falls back to the default, and every setter refuses invalid values,
// so a hand-edited or damaged file can never feed the engine nonsense. A file that cannot be
// parsed at all is set aside (renamed *.corrupt) and the app starts on defaults. The block
// size presets come from profiles.json beside the INI file when there is one (built-in ones
// otherwise, or when it is broken). The file is only ever replaced whole (QSettings writes a
// temporary file and renames it), so a crash while saving never leaves half a file. GUI
// thread only.
class Settings {
  public:
    static constexpr const char* kDeviceKey = "audio/device";
    static constexpr const char* kSampleRateKey = "audio/sample_rate";
    static constexpr const char* kBlockSizeKey = "audio/block_size";
    static constexpr const char* kLatencyMonitorKey = "audio/enable_latency_monitor";
    static constexpr const char* kFollowSongRateKey = "audio/follow_song_rate";
    static constexpr const char* kOutputChannelsKey = "audio/output_channels";
    static constexpr const char* kStemRoutesKey = "routing/stems";
    static constexpr const char* kClickRouteKey = "routing/click";
    static constexpr const char* kClickEnabledKey = "rehearsal/click_enabled";
    static constexpr const char* kClickLevelKey = "rehearsal/click_level_db";
    static constexpr const char* kCountInKey = "rehearsal/count_in_bars";
    static constexpr const char* kVampReleaseKey = "rehearsal/vamp_release";
    static constexpr const char* kLanguageKey = "interface/language";
    // The click level's range (the rehearsal bar's) and the count-ins offered, in bars.
    static constexpr int kMinClickLevelDb = -40;
    static constexpr int kDefaultClickLevelDb = -6;
    static constexpr int kMaxCountInBars = 4;
    // Output pairs a route may name: 0 = outputs 1-2 ... 15 = outputs 31-32.
    static constexpr int kMaxPair = 15;
    static constexpr const char* kRecentKey = "songs/recent";
    static constexpr const char* kLastSongKey = "songs/last";
    static constexpr const char* kGeometryKey = "window/geometry";
    static constexpr const char* kWindowStateKey = "window/state";
    static constexpr const char* kSplitterKey = "window/splitter";
    static constexpr int kMaxRecent = 10;
    static constexpr int kMaxDeviceNameLength = 256;

    static constexpr const char* kProfilesFileName = "profiles.json";

    explicit Settings(const QString& iniPath);
    ~Settings();
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    // <AppConfigLocation>/stemdeck.ini
    static QString defaultPath();
    // Rates offered besides the device's own default (0).
    static const QList<int>& sampleRates();
    static bool isValidSampleRate(int rate);
    // One of the profiles' block sizes.
    bool isValidFramesPerBuffer(int frames) const { return profiles_.contains(frames); }
    const AudioProfiles& profiles() const { return profiles_; }

    // What could not be read at start-up (the settings file, the profiles file) and what is
    // used instead; empty when all was well.
    const QStringList& problems() const { return problems_; }

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
    // "Follow the song's sample rate when the device supports it" (PlaybackManager::
    // setFollowSongRate). On by default.
    bool followSongRate() const;
    void setFollowSongRate(bool on);
    // 2: stereo (the default); 0: all the device's channels, for per-stem routing.
    int outputChannels() const;
    bool setOutputChannels(int channels);
    audio::OutputConfig outputConfig() const;

    // Output routing, remembered by stem name so it applies to every song with such a stem
    // (a "click" or "guide" stem to the in-ear pair). Pair 0 = outputs 1-2; unknown stems
    // and damaged entries are on 1-2.
    int stemRoute(const QString& stemName) const;
    bool setStemRoute(const QString& stemName, int pair);
    int clickRoute() const;
    bool setClickRoute(int pair);

    // The click's switch, level and count-in, the same for every song (its tempo and meter
    // are the song's). Off, -6 dB and no count-in by default.
    bool clickEnabled() const;
    void setClickEnabled(bool on);
    int clickLevelDb() const;
    bool setClickLevelDb(int db);
    int countInBars() const;
    bool setCountInBars(int bars);
    // How a vamp ends when released (SectionVamp): "end_of_pass" (the default) or "next_bar".
    VampRelease vampRelease() const;
    void setVampRelease(VampRelease mode);

    // SettingsControl.cpp: the control layer's doors (docs/design/CONTROL.md §4).
    // Keys of an action (ui::ControlKeys): `keys/<binding>` holds key sequences in Qt's
    // portable text ("Ctrl+L", "PgDown"); an empty list unbinds. nullopt: never set (or
    // damaged), the defaults apply. At most kMaxKeysPerBinding of at most kMaxKeyTextLength
    // characters each; longer lists are cut.
    static constexpr const char* kKeysGroup = "keys";
    static constexpr int kMaxKeysPerBinding = 4;
    static constexpr int kMaxKeyTextLength = 64;
    std::optional<QStringList> keyBinding(const QString& binding) const;
    void setKeyBinding(const QString& binding, const QStringList& keys);
    void resetKeyBinding(const QString& binding);
    // The OSC door: off by default, on 127.0.0.1, port kDefaultOscPort.
    static constexpr const char* kOscEnabledKey = "remote/osc_enabled";
    static constexpr const char* kOscAddressKey = "remote/osc_address";
    static constexpr const char* kOscPortKey = "remote/osc_port";
    static constexpr int kDefaultOscPort = 9000;
    bool oscEnabled() const;
    void setOscEnabled(bool on);
    // An IPv4 or IPv6 address in text; anything else reads as 127.0.0.1.
    QString oscAddress() const;
    bool setOscAddress(const QString& address);
    // 1..65535.
    int oscPort() const;
    bool setOscPort(int port);
    // The MIDI door: off by default; its input is part of a port's name or "virtual" (a
    // virtual input port to connect the controller to, the default); its mapping file is
    // <AppData>/midi/default.json unless set. At most kMaxMidiTextLength characters each.
    static constexpr const char* kMidiEnabledKey = "midi/enabled";
    static constexpr const char* kMidiInputKey = "midi/input";
    static constexpr const char* kMidiMappingKey = "midi/mapping";
    static constexpr int kMaxMidiTextLength = 1024;
    bool midiEnabled() const;
    void setMidiEnabled(bool on);
    QString midiInput() const;
    bool setMidiInput(const QString& input);
    static QString defaultMidiMappingPath();
    // An absolute path; anything else reads as the default.
    QString midiMappingPath() const;
    bool setMidiMappingPath(const QString& path);
    // MIDI clock out (MidiClockDoor): off by default; its output is part of a MIDI input
    // port's name or "virtual" (the clock's own port alone, the default). At most
    // kMaxMidiTextLength characters.
    static constexpr const char* kMidiClockEnabledKey = "midi/clock";
    static constexpr const char* kMidiClockOutputKey = "midi/clockOutput";
    bool midiClockEnabled() const;
    void setMidiClockEnabled(bool on);
    QString midiClockOutput() const;
    bool setMidiClockOutput(const QString& output);
    // The web remote (HttpDoor): off by default, on 127.0.0.1, port kDefaultRemotePort. Its
    // tokens (full, read-only) are empty until the hub generates them (remote::generateToken,
    // the app layer has no QtNetwork) and kept from then on; a value that is not 8 to 256 of
    // A-Z a-z 0-9 . _ ~ - (what the web remote takes) reads as empty (a new one is generated).
    static constexpr const char* kRemoteEnabledKey = "remote/enabled";
    static constexpr const char* kRemoteAddressKey = "remote/address";
    static constexpr const char* kRemotePortKey = "remote/port";
    static constexpr const char* kRemoteTokenKey = "remote/token";
    static constexpr const char* kRemoteReadTokenKey = "remote/read_token";
    static constexpr int kDefaultRemotePort = 8080;
    bool remoteEnabled() const;
    void setRemoteEnabled(bool on);
    QString remoteAddress() const;
    bool setRemoteAddress(const QString& address);
    int remotePort() const;
    bool setRemotePort(int port);
    QString remoteToken() const;
    bool setRemoteToken(const QString& token);
    QString remoteReadToken() const;
    bool setRemoteReadToken(const QString& token);

    // The interface language: "" follows the system locale, else "en", "es" or "de"
    // (languageCodes()); anything else reads as "". Applied at the next start.
    static const QStringList& languageCodes();
    QString language() const;
    bool setLanguage(const QString& code);

    // Most recent first, no duplicates, at most kMaxRecent absolute paths.
    QStringList recentSongs() const;
    void addRecentSong(const QString& folder);
    QString lastSong() const;
    void setLastSong(const QString& folder);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    // The split between the timeline and the mixer (QSplitter::saveState; a damaged value is
    // refused by QSplitter::restoreState, which then keeps its default sizes).
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray& state);

    // Writes pending changes to disk; false (and why in `error`) when the file could not be
    // written, for example because its folder is read-only. (QSettings keeps its first error:
    // after one failed write, this session keeps reporting failure.)
    bool sync(QString* error = nullptr);

  private:
    QString path_;
    std::unique_ptr<QSettings> settings_;
    AudioProfiles profiles_;
    QStringList problems_;
};

}  // namespace stemdeck::app
