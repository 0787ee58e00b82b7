// MidiClockDoor on a real JACK server (with_jack.sh): the port alone ("virtual"), connected to
// a MIDI input named in part, a name that matches nothing, and stop: the engine's clock anchor
// is on exactly while a port sends.
#include <gtest/gtest.h>
#include <jack/jack.h>

#include "stemdeck/app/control/MidiClockDoor.h"
#include "stemdeck/audio/Engine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MidiClockDoorTest {

using namespace stemdeck;

namespace {

// A client with one MIDI input port, "clock_synth:midi_in", and a way to see its connections.
class Synth {
  public:
    Synth() {
        jack_status_t status{};
        client_ = jack_client_open("clock_synth", JackNoStartServer, &status);
        if (client_) {
            in_ =
                jack_port_register(client_, "midi_in", JACK_DEFAULT_MIDI_TYPE, JackPortIsInput, 0);
            jack_activate(client_);
        }
    }
    ~Synth() {
        if (client_) jack_client_close(client_);
    }
    bool ok() const { return in_ != nullptr; }
    bool connectedTo(const char* port) const { return jack_port_connected_to(in_, port) != 0; }

  private:
    jack_client_t* client_ = nullptr;
    jack_port_t* in_ = nullptr;
};

}  // namespace

TEST(MidiClockDoor, OpensConnectsAndSwitchesTheAnchor) {
    audio::Engine engine;
    Synth synth;
    ASSERT_TRUE(synth.ok());
    app::MidiClockDoor door(engine);
    EXPECT_FALSE(door.isOpen());
    EXPECT_FALSE(engine.clockAnchorEnabled());

    ASSERT_TRUE(door.start("virtual")) << door.status().toStdString();
    EXPECT_TRUE(door.isOpen());
    EXPECT_TRUE(engine.clockAnchorEnabled());
    EXPECT_TRUE(door.status().contains("stemdeck-clock:clock_out"));
    EXPECT_FALSE(synth.connectedTo("stemdeck-clock:clock_out"));

    ASSERT_TRUE(door.start("synth:midi")) << door.status().toStdString();
    EXPECT_TRUE(synth.connectedTo("stemdeck-clock:clock_out"));
    EXPECT_TRUE(door.status().contains("clock_synth:midi_in")) << door.status().toStdString();

    EXPECT_FALSE(door.start("no-such-synth"));
    EXPECT_FALSE(door.isOpen());
    EXPECT_FALSE(engine.clockAnchorEnabled()) << "no port: the callback publishes nothing";
    EXPECT_TRUE(door.status().contains("no-such-synth"));
    EXPECT_FALSE(door.status().contains('\n'));

    ASSERT_TRUE(door.start(""));
    door.stop();
    EXPECT_FALSE(door.isOpen());
    EXPECT_FALSE(engine.clockAnchorEnabled());
    EXPECT_EQ(door.status(), "MIDI clock out: off");
}

TEST(MidiClockDoor, NoJackServerIsOneLine) {
    audio::Engine engine;
    const char* saved = std::getenv("JACK_DEFAULT_SERVER");
    const std::string restore = saved ? saved : "";
    setenv("JACK_DEFAULT_SERVER", "stemdeck-no-such-server", 1);
    app::MidiClockDoor door(engine);
    EXPECT_FALSE(door.start("virtual"));
    if (saved)
        setenv("JACK_DEFAULT_SERVER", restore.c_str(), 1);
    else
        unsetenv("JACK_DEFAULT_SERVER");
    EXPECT_FALSE(door.isOpen());
    EXPECT_FALSE(engine.clockAnchorEnabled());
    EXPECT_TRUE(door.status().contains("JACK")) << door.status().toStdString();
    EXPECT_FALSE(door.status().contains('\n'));
}

}  // namespace unity_MidiClockDoorTest
