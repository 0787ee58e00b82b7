#include "ServeCommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QTimer>
#include <memory>

#include "Interruption.h"
#include "Printable.h"
#include "QrText.h"
#include "QtPath.h"
#include "SetCommands.h"
#include "stemdeck/app/AppIdentity.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/MixStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/SectionVamp.h"
#include "stemdeck/app/SongMarkers.h"
#include "stemdeck/app/control/ControlCenter.h"
#include "stemdeck/app/control/LockState.h"
#include "stemdeck/app/control/MidiClockDoor.h"
#include "stemdeck/app/set/SetPlaybackPort.h"
#include "stemdeck/app/set/SetPlayer.h"
#include "stemdeck/app/set/SetSession.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/remote/ControlHub.h"
#include "stemdeck/remote/TokenCheck.h"

namespace stemdeck::cli {
namespace {

// What a person at the rack wants to read: each song as it becomes current.
class SongLog : public control::StateListener {
  public:
    explicit SongLog(std::ostream& err) : err_(err) {}
    void stateChanged(const control::ControlState& before,
                      const control::ControlState& after) override {
        if (after.song == before.song && after.setIndex == before.setIndex) return;
        if (after.song.empty()) return;
        std::string line = "song: " + after.song;
        if (after.setIndex >= 0)
            line += " (" + std::to_string(after.setIndex + 1) + " of " +
                    std::to_string(after.setSongs.size()) + ")";
        printLine(err_, line);
    }

  private:
    std::ostream& err_;
};

// The app layer's objects, as the window owns them, without the window.
struct ServedApp {
    audio::Engine engine;
    app::MixStore mixes;  // the app's saved mixes: a song sounds as it was left in the app
    app::MarkerStore markerStore;
    app::PlaybackManager playback{engine, &mixes};
    app::SongMarkers markers{playback, markerStore};
    app::SectionVamp vamp{playback, markers};
    app::LockState lock;
    app::set::SetSession session;
    app::set::PlaybackSetPort port{playback, &markerStore};
    app::set::SetPlayer player{session, port};
};

// The web remote's tokens as asked (random unless given); a usage error when they are equal.
remote::ControlHub::HttpConfig webRemoteConfig(const CliOptions& options) {
    remote::ControlHub::HttpConfig config;
    config.enabled = options.httpPort >= 0;
    if (!config.enabled) return config;
    config.address = QString::fromStdString(options.bind);
    config.port = options.httpPort;
    config.token =
        options.token.empty() ? remote::generateToken() : QString::fromStdString(options.token);
    config.readToken = options.readToken.empty() ? remote::generateToken()
                                                 : QString::fromStdString(options.readToken);
    if (config.token == config.readToken) throw CliError("--read-token must differ from --token");
    return config;
}

// Where the web remote is and its tokens: the one place a token is ever shown.
void printWebRemote(const remote::ControlHub& hub, const remote::ControlHub::HttpConfig& config,
                    const CliOptions& options, std::ostream& err) {
    if (!QHostAddress(config.address).isLoopback())
        printLine(err, "warning: the web remote is open to the network on " + options.bind +
                           ": anyone with a token can drive the show");
    const QStringList urls = hub.httpUrls();
    for (const QString& url : urls) printLine(err, "web remote on " + url.toStdString());
    for (const QString& url : hub.httpUrls(true))
        printLine(err, "read-only (stage view) on " + url.toStdString());
    printLine(err, "token: " + config.token.toStdString());
    printLine(err, "read-only token: " + config.readToken.toStdString());
    if (options.qr && !urls.isEmpty()) err << qrText(urls.front().toStdString());
}

}  // namespace

int runServe(const CliOptions& options, const CommandContext& context) {
    int argc = 1;
    char name[] = "stemdeck-cli";
    char* argv[] = {name, nullptr};
    QCoreApplication qapp(argc, argv);
    app::setApplicationIdentity();

    const bool set = isSet(options.song);
    if (!std::filesystem::exists(options.song))
        throw std::runtime_error((set ? "no set file " : "no song folder ") +
                                 options.song.string());
    ServedApp served;
    const app::AppParts parts{served.playback,
                              &served.markers,
                              &served.vamp,
                              set ? &served.session : nullptr,
                              set ? &served.player : nullptr,
                              nullptr,
                              &served.lock};
    app::ControlCenter center(parts);
    SongLog songLog(context.err);
    center.addListener(&songLog);

    int status = 0;
    const auto say = [&context](const QString& text) {
        printLine(context.err, text.toStdString());
    };
    QObject::connect(&served.playback, &app::PlaybackManager::errorOccurred, &qapp, say);
    QObject::connect(&served.player, &app::set::SetPlayer::problem, &qapp, say);
    QObject::connect(&served.playback, &app::PlaybackManager::loadFailed, &qapp,
                     [&](const QString&, const QString& message) {
                         say(message);
                         if (set) return;  // the set player goes on to the next song
                         status = 1;
                         qapp.quit();
                     });

    served.playback.openOutput(audio::OutputConfig{options.device, options.rate, options.block});
    if (!served.playback.outputOpen())
        throw audio::AudioDeviceError(served.engine.deviceError().empty()
                                          ? std::string("no audio output device could be opened")
                                          : served.engine.deviceError());
    if (set) {
        QString error;
        if (!served.session.open(qtPath(options.song), &error))
            throw std::runtime_error(error.toStdString());
        served.player.jumpTo(0, false);
    } else {
        served.playback.openSong(qtPath(options.song));
    }
    printLine(context.err, "serving " + options.song.string() + " on " +
                               served.playback.outputDescription().toStdString());

    // The doors: closed unless asked for, on the address asked for (this machine by default).
    const QHostAddress address(QString::fromStdString(options.bind));
    if (address.isNull())
        throw CliError("--bind: " + options.bind + " is not an IP address of this machine");
    // Opened through the ControlHub, as the window opens them from its settings: one place
    // that opens, closes and reports the doors.
    remote::ControlHub hub(center);
    if (options.oscPort >= 0) {
        if (!hub.applyOsc({true, QString::fromStdString(options.bind), options.oscPort}))
            throw std::runtime_error(hub.oscStatus().toStdString());  // "OSC: cannot listen …"
        printLine(context.err, "OSC on udp://" + options.bind + ":" +
                                   std::to_string(hub.oscPort()) +
                                   " (addresses: the README's \"OSC control\")");
    }
    const remote::ControlHub::HttpConfig web = webRemoteConfig(options);
    if (web.enabled) {
        if (!hub.applyHttp(web)) throw std::runtime_error(hub.httpStatus().toStdString());
        printWebRemote(hub, web, options, context.err);
    }
    // MIDI: a controller's door, on the machine's MIDI system (ALSA, else JACK). No system is
    // a note, not a failure: the other doors (or none) serve on. Its status is printed when it
    // changes (a controller unplugged, plugged in again), once each.
    QString midiSaid;
    const auto sayMidi = [&] {
        if (!hub.midiDoor() || hub.midiStatus() == midiSaid) return;
        midiSaid = hub.midiStatus();
        say(midiSaid);
    };
    if (options.midi) {
        QObject::connect(&hub, &remote::ControlHub::midiProblem, &qapp, say);
        QObject::connect(&hub, &remote::ControlHub::midiChanged, &qapp, sayMidi);
        hub.applyMidi({true, QString::fromStdString(*options.midi), qtPath(options.midiMap)});
        sayMidi();
    }
    // MIDI clock out: a synth or DAW follows the song. Not there (no JACK) is a note too.
    app::MidiClockDoor clock(served.engine);
    if (options.clockOut) {
        clock.start(*options.clockOut);
        say(clock.status());
    }
    if (!hub.oscOpen() && !hub.httpOpen() && !options.midi)
        printLine(context.err,
                  "no remote door is open (--osc PORT opens the OSC door, --http PORT the web "
                  "remote, --midi NAME the MIDI one)");
    printLine(context.err, "Ctrl-C or SIGTERM stops");

    // A signal: fade out (pause ramps), then leave the loop.
    QTimer watch;
    watch.setInterval(50);
    QObject::connect(&watch, &QTimer::timeout, &qapp, [&] {
        if (!Interruption::raised()) return;
        watch.stop();
        served.playback.pause();
        QTimer::singleShot(100, &qapp, &QCoreApplication::quit);
    });
    watch.start();
    qapp.exec();
    // The doors close before the center they listen to (the hub's destructor would too).
    hub.applyHttp({});
    hub.applyMidi({});
    clock.stop();
    hub.applyOsc({});
    center.removeListener(&songLog);
    return Interruption::raised() ? Interruption::exitStatus() : status;
}

}  // namespace stemdeck::cli
