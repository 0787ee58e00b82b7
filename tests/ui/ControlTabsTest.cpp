// Settings › Controls › Web and MIDI on real doors (issue 13, doors 2 and 4): the Web tab opens
// the web remote (real HTTP on 127.0.0.1), its tokens gate it and Regenerate shuts the old
// one out, its QR code is libqrencode's own code of the URL it shows; the MIDI tab says why
// MIDI is off without a MIDI system, and on the JACK dummy server (tests/support/with_jack.sh)
// Learn and a controller's CC add a binding row; a fader's takeover is chosen and saved
// (MidiClockWindowTest.cpp: the window's MIDI clock switch). The state the page reads has the
// markers.
#include <gtest/gtest.h>
#include <qrencode.h>
#include <unistd.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>
#include <cstdlib>
#include <memory>
#include <optional>

#include "../remote/HttpTestSupport.h"
#include "AudioFiles.h"
#include "JackMidiPeer.h"
#include "JackServer.h"
#include "QtPath.h"
#include "TempDir.h"
#include "UiTestSupport.h"
#include "stemdeck/app/MarkerStore.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/app/Settings.h"
#include "stemdeck/app/SongMarkers.h"
#include "stemdeck/app/control/ControlCenter.h"
#include "stemdeck/app/control/MidiDoor.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/remote/ControlHub.h"
#include "stemdeck/ui/MidiControlTab.h"
#include "stemdeck/ui/QrCodeWidget.h"
#include "stemdeck/ui/WebRemoteTab.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ControlTabsTest {

using namespace stemdeck;

namespace {

constexpr int kTimeoutMs = 10000;

// The app's control layer on a playback with no device opened (enough for the doors) unless
// `withOutput` (the JACK dummy server).
struct TabsRig {
    test::TempDir dir;
    audio::Engine engine;
    app::PlaybackManager playback{engine};
    app::MarkerStore store{test::qpath(dir / "markers")};
    app::SongMarkers markers{playback, store};
    app::ControlCenter center{
        app::AppParts{playback, &markers, nullptr, nullptr, nullptr, nullptr, nullptr}};
    app::Settings settings{test::qpath(dir / "stemdeck.ini")};
    remote::ControlHub hub{center};

    explicit TabsRig(bool withOutput = false) {
        QStandardPaths::setTestModeEnabled(true);
        settings.setMidiMappingPath(test::qpath(dir / "midi" / "mapping.json"));
        if (withOutput) {
            playback.openOutput({});
            EXPECT_TRUE(engine.outputOpen()) << playback.outputProblem().toStdString();
        }
    }
    template <typename T>
    T* part(QWidget* tab, const char* name) {
        auto* found = tab->findChild<T*>(QString::fromLatin1(name));
        EXPECT_TRUE(found) << name;
        return found;
    }
};

// A port free a moment ago on 127.0.0.1 (the spin box takes 1..65535, not 0).
quint16 freePort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) return 0;
    return probe.serverPort();
}

int getState(quint16 port, const QString& token) {
    return test::httpGet(port, "/api/state",
                         token.isEmpty() ? "" : test::bearer(token.toStdString()))
        .status;
}

bool alsaSequencer() {
    return ::access("/dev/snd/seq", R_OK | W_OK) == 0;
}

// JACK_DEFAULT_SERVER set for a scope, and put back.
class ScopedJackServer {
  public:
    explicit ScopedJackServer(const char* name) {
        if (const char* old = std::getenv("JACK_DEFAULT_SERVER")) saved_ = old;
        ::setenv("JACK_DEFAULT_SERVER", name, 1);
    }
    ~ScopedJackServer() {
        if (saved_)
            ::setenv("JACK_DEFAULT_SERVER", saved_->c_str(), 1);
        else
            ::unsetenv("JACK_DEFAULT_SERVER");
    }

  private:
    std::optional<std::string> saved_;
};

}  // namespace

TEST(WebRemoteTab, TurningItOnOpensTheDoorAndOnlyTheShownTokenGetsIn) {
    TabsRig rig;
    ui::WebRemoteTab tab(rig.hub, rig.settings);
    auto* enabled = rig.part<QCheckBox>(&tab, "webEnabled");
    auto* port = rig.part<QSpinBox>(&tab, "webPort");
    auto* address = rig.part<QLineEdit>(&tab, "webAddress");
    auto* token = rig.part<QLineEdit>(&tab, "webToken");
    auto* readToken = rig.part<QLineEdit>(&tab, "webReadToken");
    auto* status = rig.part<QLabel>(&tab, "webStatus");
    auto* warning = rig.part<QLabel>(&tab, "webWarning");
    ASSERT_TRUE(enabled && port && address && token && readToken && status && warning);
    EXPECT_FALSE(enabled->isChecked()) << "off by default";
    EXPECT_FALSE(rig.hub.httpOpen());
    EXPECT_EQ(address->text(), QStringLiteral("127.0.0.1"));
    EXPECT_EQ(port->value(), app::Settings::kDefaultRemotePort);
    // The tokens are made when the tab first shows, and kept.
    EXPECT_EQ(token->text().size(), 22);
    EXPECT_EQ(token->text(), rig.settings.remoteToken());
    EXPECT_EQ(readToken->text(), rig.settings.remoteReadToken());
    EXPECT_NE(token->text(), readToken->text());

    port->setValue(freePort());
    enabled->setChecked(true);
    ASSERT_TRUE(rig.hub.httpOpen()) << status->text().toStdString();
    const quint16 bound = rig.hub.httpPort();
    EXPECT_EQ(bound, port->value());
    EXPECT_EQ(status->text(), QStringLiteral("Web remote on http://127.0.0.1:%1/").arg(bound));
    EXPECT_TRUE(rig.settings.remoteEnabled());
    EXPECT_EQ(getState(bound, token->text()), 200);
    EXPECT_EQ(getState(bound, readToken->text()), 200);
    EXPECT_EQ(getState(bound, {}), 401);
    EXPECT_EQ(getState(bound, QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA")), 401);
    EXPECT_TRUE(rig.part<QLabel>(&tab, "webUrls")->text().contains(token->text()));
    EXPECT_FALSE(warning->isVisibleTo(&tab));

    enabled->setChecked(false);
    EXPECT_FALSE(rig.hub.httpOpen());
    EXPECT_EQ(getState(bound, token->text()), 0) << "closed: nobody answers";
    address->setText(QStringLiteral("0.0.0.0"));
    emit address->editingFinished();
    EXPECT_TRUE(warning->isVisibleTo(&tab));
    EXPECT_TRUE(warning->text().startsWith(QStringLiteral("0.0.0.0 listens on every network")));
    address->setText(QStringLiteral("not an address"));
    emit address->editingFinished();
    EXPECT_EQ(status->text(), QStringLiteral("Web remote: not an address is not an IP address"));
    EXPECT_EQ(rig.settings.remoteAddress(), QStringLiteral("0.0.0.0")) << "refused, not stored";
}

TEST(WebRemoteTab, RegenerateShutsTheOldTokenOutAndAPortTakenIsOneLine) {
    TabsRig rig;
    rig.settings.setRemoteEnabled(true);
    rig.settings.setRemotePort(freePort());
    ui::WebRemoteTab tab(rig.hub, rig.settings);
    rig.hub.applySettings(rig.settings);
    ASSERT_TRUE(rig.hub.httpOpen()) << rig.hub.httpStatus().toStdString();
    const quint16 bound = rig.hub.httpPort();
    auto* token = rig.part<QLineEdit>(&tab, "webToken");
    auto* readToken = rig.part<QLineEdit>(&tab, "webReadToken");
    const QString oldToken = token->text();
    const QString oldRead = readToken->text();
    ASSERT_EQ(getState(bound, oldToken), 200);

    rig.part<QPushButton>(&tab, "regenerateToken")->click();
    ASSERT_TRUE(rig.hub.httpOpen());
    EXPECT_EQ(rig.hub.httpPort(), bound) << "the same port again";
    EXPECT_NE(token->text(), oldToken);
    EXPECT_EQ(rig.settings.remoteToken(), token->text()) << "kept for the next start";
    EXPECT_EQ(getState(bound, oldToken), 401);
    EXPECT_EQ(getState(bound, token->text()), 200);
    EXPECT_EQ(getState(bound, oldRead), 200) << "the read-only token was not asked to change";

    rig.part<QPushButton>(&tab, "regenerateReadToken")->click();
    EXPECT_NE(readToken->text(), oldRead);
    EXPECT_EQ(getState(bound, oldRead), 401);
    EXPECT_EQ(getState(bound, readToken->text()), 200);

    // Another door on the same port: one line, nothing thrown, the first stays as it was.
    remote::ControlHub other(rig.center);
    remote::ControlHub::HttpConfig config;
    config.enabled = true;
    config.port = bound;
    config.token = QStringLiteral("BBBBBBBBBBBBBBBBBBBBBB");
    EXPECT_FALSE(other.applyHttp(config));
    EXPECT_TRUE(other.httpFailed());
    EXPECT_TRUE(other.httpStatus().startsWith(QStringLiteral("web remote: cannot listen on")))
        << other.httpStatus().toStdString();
    EXPECT_FALSE(other.httpStatus().contains(QLatin1Char('\n')));
}

TEST(WebRemoteTab, TheQrCodeIsLibqrencodesCodeOfTheShownUrl) {
    TabsRig rig;
    rig.settings.setRemoteEnabled(true);
    rig.settings.setRemotePort(freePort());
    rig.hub.applySettings(rig.settings);
    ui::WebRemoteTab tab(rig.hub, rig.settings);
    ASSERT_TRUE(rig.hub.httpOpen());
    auto* qr = rig.part<ui::QrCodeWidget>(&tab, "webQr");
    ASSERT_TRUE(qr);
    const QString url = rig.hub.httpUrls().value(0);
    ASSERT_FALSE(url.isEmpty());
    EXPECT_EQ(qr->text(), url);
    EXPECT_TRUE(url.contains(QStringLiteral("?token=") + rig.settings.remoteToken()));
    EXPECT_TRUE(rig.part<QLabel>(&tab, "webUrls")->text().contains(url));
    ASSERT_GT(qr->matrixSize(), 20);

    const QByteArray utf8 = url.toUtf8();
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    ASSERT_TRUE(code);
    ASSERT_EQ(qr->matrixSize(), code->width);
    int dark = 0;
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x) {
            const bool expected = code->data[y * code->width + x] & 1;
            ASSERT_EQ(qr->dark(x, y), expected) << x << "," << y;
            dark += expected;
        }
    EXPECT_GT(dark, 0);
    // Painted: dark modules, and a white quiet zone of four modules around them.
    tab.resize(600, 900);
    qr->resize(qr->sizeHint());
    const QImage image = qr->grab().toImage();
    const int scale = image.width() / (code->width + 2 * ui::QrCodeWidget::kQuietZone);
    ASSERT_GE(scale, 1);
    EXPECT_EQ(QColor(image.pixel(2, 2)), QColor(Qt::white));
    const int inset = ui::QrCodeWidget::kQuietZone * scale;
    EXPECT_EQ(QColor(image.pixel(inset + scale / 2, inset + scale / 2)), QColor(Qt::black))
        << "a finder pattern's corner";

    rig.part<QCheckBox>(&tab, "webEnabled")->setChecked(false);
    EXPECT_EQ(qr->matrixSize(), 0) << "closed: no code to scan";
}

TEST(MidiControlTab, WithoutAMidiSystemItSaysSoAndTheAppRunsOn) {
    if (alsaSequencer()) GTEST_SKIP() << "an ALSA sequencer is here";
    const ScopedJackServer none("stemdeck_no_such_server");
    TabsRig rig;
    ui::MidiControlTab tab(rig.hub, rig.settings);
    auto* enabled = rig.part<QCheckBox>(&tab, "midiEnabled");
    auto* status = rig.part<QLabel>(&tab, "midiStatus");
    ASSERT_TRUE(enabled && status);
    EXPECT_FALSE(enabled->isChecked()) << "off by default";
    EXPECT_TRUE(status->text().contains(QStringLiteral("No MIDI system")))
        << status->text().toStdString();
    EXPECT_EQ(rig.part<QComboBox>(&tab, "midiInput")->currentText(), QStringLiteral("virtual"));
    enabled->setChecked(true);
    EXPECT_TRUE(rig.settings.midiEnabled());
    EXPECT_FALSE(rig.hub.midiOpen());
    EXPECT_EQ(status->text().toStdString(),
              "No MIDI system (no ALSA sequencer, no JACK server): MIDI control is off");
    EXPECT_FALSE(rig.part<QPushButton>(&tab, "midiLearn")->isEnabled());
    // The app runs on: the control layer answers.
    control::ActionCall call;
    call.name = "play_pause";
    EXPECT_EQ(rig.center.invoke(call).code, control::ActionResult::Code::Unavailable);
    enabled->setChecked(false);
    EXPECT_EQ(rig.hub.midiDoor(), nullptr);
}

TEST(MidiControlTab, ImportRefusesABadFileAndKeepsTheMappingExportWritesIt) {
    TabsRig rig;
    ui::MidiControlTab tab(rig.hub, rig.settings);
    auto* table = rig.part<QTableWidget>(&tab, "midiBindings");
    auto* message = rig.part<QLabel>(&tab, "midiMessage");
    ASSERT_TRUE(table && message);
    EXPECT_EQ(table->rowCount(), 0);
    const auto good = rig.dir / "good.json";
    test::writeTextFile(good, R"({"format": "stemdeck-midi", "version": 1, "bindings": [
        {"action": "play_pause", "source": {"type": "note", "channel": 10, "number": 36}, "mode": "trigger"},
        {"action": "no.such", "source": {"type": "cc", "channel": 1, "number": 1}}]})");
    ASSERT_TRUE(tab.importMapping(test::qpath(good))) << message->text().toStdString();
    ASSERT_EQ(table->rowCount(), 1);
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("note 36 ch 10"));
    EXPECT_TRUE(message->text().startsWith(QStringLiteral("Imported 1 binding; 1 left out")))
        << message->text().toStdString();
    const auto bad = rig.dir / "bad.json";
    test::writeTextFile(bad, "{ not json");
    EXPECT_FALSE(tab.importMapping(test::qpath(bad)));
    EXPECT_TRUE(message->text().startsWith(QStringLiteral("Not imported: ")));
    EXPECT_FALSE(message->text().contains(QLatin1Char('\n')));
    EXPECT_EQ(table->rowCount(), 1) << "nothing lost";
    const auto out = rig.dir / "out.json";
    ASSERT_TRUE(tab.exportMapping(test::qpath(out)));
    const auto exported = control::midi::MidiMappingFile::load(out);
    ASSERT_TRUE(exported.ok);
    ASSERT_EQ(exported.mapping.bindings.size(), 1u);
    EXPECT_EQ(exported.mapping.bindings[0].action, "play_pause");
}

TEST(MidiControlTab, AFadersTakeoverIsShownChangedAndSavedWithTheMapping) {
    TabsRig rig;
    const auto file = rig.dir / "faders.json";
    test::writeTextFile(file, R"({"format": "stemdeck-midi", "version": 1, "bindings": [
        {"action": "play_pause", "source": {"type": "note", "channel": 1, "number": 36}},
        {"action": "master.gain", "source": {"type": "cc", "channel": 1, "number": 7}, "mode": "absolute"},
        {"action": "tempo", "source": {"type": "cc", "channel": 1, "number": 8}, "mode": "absolute", "takeover": "jump"}]})");
    const auto saved = [&] {
        return control::midi::MidiMappingFile::load(rig.dir / "midi" / "mapping.json").mapping;
    };
    {
        ui::MidiControlTab tab(rig.hub, rig.settings);
        ASSERT_TRUE(tab.importMapping(test::qpath(file)));
        auto* table = rig.part<QTableWidget>(&tab, "midiBindings");
        ASSERT_TRUE(table);
        ASSERT_EQ(table->rowCount(), 3);
        EXPECT_EQ(table->cellWidget(0, 3), nullptr) << "a pedal has no takeover";
        auto* gain = qobject_cast<QComboBox*>(table->cellWidget(1, 3));
        auto* tempo = qobject_cast<QComboBox*>(table->cellWidget(2, 3));
        ASSERT_TRUE(gain && tempo);
        EXPECT_EQ(gain->currentData().toString(), QStringLiteral("pickup")) << "the default";
        EXPECT_EQ(tempo->currentData().toString(), QStringLiteral("jump"));
        EXPECT_FALSE(gain->accessibleName().isEmpty());
        // The user picks "jump" for the master fader (a motor fader): saved at once.
        gain->setCurrentIndex(gain->findData(QStringLiteral("jump")));
        emit gain->activated(gain->currentIndex());
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                const auto m = saved();
                return m.bindings.size() == 3 &&
                       m.bindings[1].takeover == control::midi::MidiTakeover::Jump;
            },
            kTimeoutMs));
        // And tempo back to pick up.
        tempo = qobject_cast<QComboBox*>(table->cellWidget(2, 3));
        ASSERT_TRUE(tempo);
        tempo->setCurrentIndex(tempo->findData(QStringLiteral("pickup")));
        emit tempo->activated(tempo->currentIndex());
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return saved().bindings[2].takeover == control::midi::MidiTakeover::Pickup; },
            kTimeoutMs));
        EXPECT_EQ(saved().bindings[1].takeover, control::midi::MidiTakeover::Jump);
        EXPECT_EQ(saved().bindings[1].action, "master.gain");
    }
    // A new page reads the saved mapping back.
    ui::MidiControlTab tab(rig.hub, rig.settings);
    auto* table = rig.part<QTableWidget>(&tab, "midiBindings");
    ASSERT_TRUE(table && table->rowCount() == 3);
    auto* gain = qobject_cast<QComboBox*>(table->cellWidget(1, 3));
    ASSERT_TRUE(gain);
    EXPECT_EQ(gain->currentData().toString(), QStringLiteral("jump"));
}

TEST(MidiControlTab, LearnAndAControllersCcAddABindingRow) {
    if (test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    TabsRig rig;
    rig.settings.setMidiEnabled(true);
    rig.hub.applySettings(rig.settings);
    ui::MidiControlTab tab(rig.hub, rig.settings);
    app::MidiDoor* door = rig.hub.midiDoor();
    ASSERT_TRUE(door);
    ASSERT_TRUE(rig.hub.midiOpen()) << rig.hub.midiStatus().toStdString();
    test::JackMidiPeer peer;
    ASSERT_TRUE(peer.open()) << peer.error();
    ASSERT_TRUE(peer.connectTo("stemdeck:control_in")) << peer.error();
    // The first cycles of a new connection may carry nothing: send until one arrives.
    for (int i = 0; i < 50 && door->messageCount() == 0; ++i) {
        peer.send({0x80, 0, 0});
        (void)QTest::qWaitFor([&] { return door->messageCount() > 0; }, 200);
    }
    ASSERT_GT(door->messageCount(), 0u);
    auto* table = rig.part<QTableWidget>(&tab, "midiBindings");
    auto* actions = rig.part<QComboBox>(&tab, "midiLearnAction");
    auto* learn = rig.part<QPushButton>(&tab, "midiLearn");
    ASSERT_TRUE(table && actions && learn);
    EXPECT_EQ(table->rowCount(), 0);
    actions->setCurrentIndex(actions->findData(QStringLiteral("click")));
    ASSERT_TRUE(learn->isEnabled());
    learn->click();
    EXPECT_TRUE(door->learning());
    EXPECT_EQ(learn->text(), QStringLiteral("Cancel"));
    ASSERT_TRUE(peer.send({0xB0, 20, 127}));
    ASSERT_TRUE(peer.send({0xB0, 20, 0}));
    ASSERT_TRUE(QTest::qWaitFor([&] { return table->rowCount() == 1; }, kTimeoutMs));
    EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("Click"));
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("CC 20 ch 1"));
    EXPECT_EQ(table->item(0, 2)->text(), QStringLiteral("toggle"));
    EXPECT_FALSE(door->learning());
    // Saved to the settings' mapping file.
    const auto saved = control::midi::MidiMappingFile::load(rig.dir / "midi" / "mapping.json");
    ASSERT_TRUE(saved.ok) << rig.part<QLabel>(&tab, "midiMessage")->text().toStdString();
    EXPECT_EQ(saved.mapping.bindings.size(), 1u);
    // Remove: the row and the binding go.
    auto* remove = qobject_cast<QPushButton*>(table->cellWidget(0, 5));
    ASSERT_TRUE(remove);
    remove->click();
    EXPECT_EQ(table->rowCount(), 0);
    EXPECT_TRUE(door->mapping().bindings.empty());
    peer.close();
}

TEST(ControlTabs, TheMarkersAreInApiStateAndAnAddedOneFollows) {
    if (test::wrapperJackServerName().empty()) GTEST_SKIP() << "needs with_jack.sh";
    TabsRig rig(true);
    const auto folder = test::writeUiSong(rig.dir, "song", 8.0, 1);
    ASSERT_TRUE(rig.store.save(test::qpath(folder), {{"Verse", 2.0}}));
    ASSERT_TRUE(
        test::waitForSong(rig.playback, [&] { rig.playback.openSong(test::qpath(folder)); }));
    rig.markers.loadForCurrentSong();
    remote::ControlHub::HttpConfig config;
    config.enabled = true;
    config.port = 0;
    config.token = QStringLiteral("CCCCCCCCCCCCCCCCCCCCCC");
    ASSERT_TRUE(rig.hub.applyHttp(config)) << rig.hub.httpStatus().toStdString();
    const auto markersNow = [&] {
        return test::httpGet(rig.hub.httpPort(), "/api/state",
                             test::bearer("CCCCCCCCCCCCCCCCCCCCCC"))
            .json()
            .value("markers", nlohmann::json());
    };
    const nlohmann::json before = markersNow();
    ASSERT_EQ(before, nlohmann::json::parse(R"([{"name": "Verse", "seconds": 2.0}])"));
    ASSERT_EQ(rig.markers.addAtPlayhead(), 0);  // at 0 s: before Verse
    const nlohmann::json after = markersNow();
    ASSERT_EQ(after.size(), 2u) << after.dump();
    EXPECT_EQ(after[1].at("name"), "Verse");
    EXPECT_EQ(after[0].at("seconds"), 0.0);
}

}  // namespace unity_ControlTabsTest
