#pragma once

#include <QObject>
#include <QString>
#include <memory>

namespace stemdeck::app {
class ControlCenter;
class Settings;
}  // namespace stemdeck::app

namespace stemdeck::remote {

class OscDoor;

// The app's remote doors onto its ControlCenter, opened and closed as the settings say
// (docs/design/CONTROL.md §4, §10): today the OSC door. The web remote's HttpDoor is to join
// here the same way (an HttpConfig, applyHttp(), its status), so that the window and
// `stemdeck-cli serve` open every door from one place. A door that cannot open (its port
// taken, an address not this machine's) is closed with a one-line status; the app runs on.
// Control thread only.
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

    // What the settings ask for (Settings::oscEnabled, oscAddress, oscPort).
    static OscConfig oscConfig(const app::Settings& settings);
    // Opens every door the settings switch on, closes the others.
    void applySettings(const app::Settings& settings);

    // Opens (or moves) the OSC door as `config` says, or closes it. False when it was asked
    // for and could not open: oscStatus() says why.
    bool applyOsc(const OscConfig& config);
    bool oscOpen() const;
    quint16 oscPort() const;  // the bound port, 0 when closed
    // One line: "Listening on udp://127.0.0.1:9000", "Off", or why it could not open.
    QString oscStatus() const { return oscStatus_; }
    bool oscFailed() const { return oscFailed_; }
    OscDoor* oscDoor() const { return osc_.get(); }

  signals:
    void oscChanged();

  private:
    void closeOsc();

    app::ControlCenter& center_;
    std::unique_ptr<OscDoor> osc_;
    OscConfig oscConfig_;
    QString oscStatus_;
    bool oscFailed_ = false;
};

}  // namespace stemdeck::remote
