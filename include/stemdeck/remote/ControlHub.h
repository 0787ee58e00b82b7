#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

namespace stemdeck::audio {
class Engine;
}
namespace stemdeck::app {
class ControlCenter;
class MidiClockDoor;
class MidiDoor;
class Settings;
}  // namespace stemdeck::app

namespace stemdeck::remote {

class HttpDoor;
class OscDoor;

// The app's remote doors onto its ControlCenter, opened and closed as the settings say
// (docs/design/CONTROL.md §4, §8, §10): OSC, the web remote (HttpDoor, ControlHubDoors.cpp)
// MIDI (app::MidiDoor) and MIDI clock out (app::MidiClockDoor, as `serve --clock-out`). A door that
// cannot open (its port taken, an address not this machine's, no MIDI system) is closed with a
// one-line status; the app runs on. Control thread only.
class ControlHub : public QObject {
    Q_OBJECT
  public:
    struct OscConfig {
        bool enabled = false;
        QString address = QStringLiteral("127.0.0.1");
        int port = 9000;  // 0: any free port (tests)
    };

    // `center` must outlive the hub.
    explicit ControlHub(app::ControlCenter& center, QObject* parent = nullptr);
    ~ControlHub() override;

    struct HttpConfig {
        bool enabled = false;
        QString address = QStringLiteral("127.0.0.1");
        int port = 8080;    // 0: any free port (tests)
        QString token;      // the full token; must not be empty to open
        QString readToken;  // the read-only one; empty: no read-only access
    };
    struct MidiConfig {
        bool enabled = false;
        QString input = QStringLiteral("virtual");  // part of a port's name, or "virtual"
        QString mappingPath;
    };
    struct ClockConfig {
        bool enabled = false;
        QString output = QStringLiteral("virtual");  // part of a MIDI input's name, or "virtual"
    };

    // What the settings ask for (Settings::oscEnabled, oscAddress, oscPort).
    static OscConfig oscConfig(const app::Settings& settings);
    // Makes the web remote's tokens never made yet (remote::generateToken) and keeps them in
    // `settings`: on its first use (switched on, or its settings tab shown).
    static void ensureRemoteTokens(app::Settings& settings);
    // The web remote's settings (its tokens made first when it is on).
    static HttpConfig httpConfig(app::Settings& settings);
    static MidiConfig midiConfig(const app::Settings& settings);
    static ClockConfig clockConfig(const app::Settings& settings);
    // The engine MIDI clock out follows (it must outlive the hub); without one the clock
    // stays off. Set before applySettings().
    void setClockEngine(audio::Engine* engine) { clockEngine_ = engine; }
    // Opens every door the settings switch on, closes the others.
    void applySettings(app::Settings& settings);

    // Opens (or moves) the OSC door as `config` says, or closes it. False when it was asked
    // for and could not open: oscStatus() says why.
    bool applyOsc(const OscConfig& config);
    bool oscOpen() const;
    quint16 oscPort() const;  // the bound port, 0 when closed
    // One line: "Listening on udp://127.0.0.1:9000", "Off", or why it could not open.
    QString oscStatus() const { return oscStatus_; }
    bool oscFailed() const { return oscFailed_; }
    OscDoor* oscDoor() const { return osc_.get(); }

    // Opens (or moves) the web remote as `config` says, or closes it. New tokens alone
    // reopen it on the port it had (the old tokens stop working at once). False when it was
    // asked for and could not open: httpStatus() says why.
    bool applyHttp(const HttpConfig& config);
    bool httpOpen() const;
    quint16 httpPort() const;  // the bound port, 0 when closed
    // "Web remote on http://127.0.0.1:8080/", "Off", or why it could not open.
    QString httpStatus() const { return httpStatus_; }
    bool httpFailed() const { return httpFailed_; }
    HttpDoor* httpDoor() const { return http_.get(); }
    // The page's addresses with the full (or read-only) token; empty when closed.
    QStringList httpUrls(bool readOnly = false) const;
    // Replaces the full (or read-only) token with a fresh one, keeps it in `settings` and
    // reopens the door with it when open.
    void regenerateToken(app::Settings& settings, bool readOnly);

    // Opens the MIDI door as `config` says (restarted only when the config changed), or
    // closes it. False when asked for and the input is not open: midiStatus() says why (no
    // MIDI system, the controller not there yet; the door stays and waits for it).
    bool applyMidi(const MidiConfig& config);
    QString midiStatus() const;
    bool midiOpen() const;
    app::MidiDoor* midiDoor() const { return midi_.get(); }

    // Opens MIDI clock out as `config` says (restarted only when the output changed), or
    // closes it. False when asked for and not open: clockStatus() says why in one line (no
    // JACK server, no such port); the app runs on. ControlHubClock.cpp.
    bool applyClock(const ClockConfig& config);
    bool clockOpen() const;
    // True when the clock was asked for and could not open.
    bool clockFailed() const { return clockFailed_; }
    // "MIDI clock out: stemdeck-clock:clock_out → synth:midi_in", "MIDI clock out: off" or
    // why it could not open.
    QString clockStatus() const { return clockStatus_; }
    app::MidiClockDoor* clockDoor() const { return clock_.get(); }
    // The MIDI inputs the clock can go to (app::MidiClockDoor::outputs(): JACK's, ALSA's as
    // "alsa:NAME"); it may open a MIDI client for a moment. Empty without a MIDI system.
    static QStringList clockOutputs();

  signals:
    void oscChanged();
    void httpChanged();
    // The MIDI door opened, closed or its status changed.
    void midiChanged();
    // One printable line from the MIDI door: a mapping problem, a refused action.
    void midiProblem(const QString& line);
    // MIDI clock out opened, closed or could not open (clockStatus()).
    void clockChanged();

  private:
    void closeOsc();
    void closeHttp();
    void closeMidi();
    void closeClock();
    void setClockStatus(const QString& status);

    app::ControlCenter& center_;
    std::unique_ptr<OscDoor> osc_;
    OscConfig oscConfig_;
    QString oscStatus_;
    bool oscFailed_ = false;
    std::unique_ptr<HttpDoor> http_;
    HttpConfig httpConfig_;
    QString httpStatus_;
    bool httpFailed_ = false;
    std::unique_ptr<app::MidiDoor> midi_;
    MidiConfig midiConfig_;
    audio::Engine* clockEngine_ = nullptr;
    std::unique_ptr<app::MidiClockDoor> clock_;
    ClockConfig clockConfig_;
    QString clockStatus_;
    bool clockFailed_ = false;
};

}  // namespace stemdeck::remote
