// The ALSA clock sender's timing (ClockThread, CONTROL.md §6) on a fake sink and a fake engine
// that publishes anchors as the audio thread would: ticks at 120 BPM 24 per quarter, never
// early and within a jitter bound of their due time; Start before the first tick, Stop on
// pause, SPP on a seek while stopped, SPP + Continue before the first tick of a resume from
// there. And where there is no ALSA sequencer (CI), the ALSA path says so in one line.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

#include "stemdeck/app/control/MidiClockDoor.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/control/backend/AlsaClockPort.h"
#include "stemdeck/control/backend/ClockThread.h"
#include "stemdeck/control/backend/MidiSystem.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_ClockThreadTest {

using namespace stemdeck;
using audio::ClockAnchor;
using audio::ClockAnchorPublisher;
using control::midi::ClockSchedule;

namespace {

constexpr std::int32_t kRate = 48000;
constexpr double kTickNs = 60e9 / 120.0 / 24.0;  // 20.833 ms at 120 BPM
// How late a message may go out: 95 % of them within a scheduler wake-up on a loaded (or
// sanitized) machine; none later than a CI machine's worst stall beside another test.
constexpr std::int64_t kJitterBoundNs = 4'000'000;
constexpr std::int64_t kWorstLateNs = 25'000'000;

// The value `share` of the sorted values lie at or below.
std::int64_t percentile(std::vector<std::int64_t> values, double share) {
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(share * static_cast<double>(values.size() - 1));
    return values[at];
}

struct Sent {
    std::vector<std::uint8_t> bytes;
    std::int64_t atNs = 0;
};

class RecordingSink : public control::backend::ClockSink {
  public:
    bool send(const std::uint8_t* bytes, std::size_t size) override {
        const std::int64_t now = ClockAnchorPublisher::rawNowNs();
        const std::lock_guard lock(mutex_);
        sent_.push_back({std::vector<std::uint8_t>(bytes, bytes + size), now});
        return true;
    }
    std::vector<Sent> sent() const {
        const std::lock_guard lock(mutex_);
        return sent_;
    }
    std::size_t count(std::uint8_t status) const {
        const std::lock_guard lock(mutex_);
        return std::count_if(sent_.begin(), sent_.end(),
                             [&](const Sent& s) { return s.bytes[0] == status; });
    }

  private:
    mutable std::mutex mutex_;
    std::vector<Sent> sent_;
};

// An engine's clock anchors, republished every 5 ms on one time line: song frame
// `startFrame` is heard at `startNs`, rolling at speed 1 from there (or standing, paused).
class FakeEngine {
  public:
    ~FakeEngine() { halt(); }
    const audio::AtomicSnapshot<ClockAnchor>& anchors() const { return anchors_; }
    void play(std::int64_t startFrame, std::int64_t startNs, std::uint32_t epoch) {
        halt();
        stop_ = false;
        thread_ = std::thread([=, this] {
            std::int64_t out = 1;
            while (!stop_) {
                const std::int64_t now = ClockAnchorPublisher::rawNowNs();
                ClockAnchor a = base(epoch);
                a.outFrames = out++;
                a.rolling = 1;
                a.rawNs = now;
                a.songFrame = startFrame + (now - startNs) * kRate / 1'000'000'000;
                anchors_.store(a);
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        });
    }
    void standAt(std::int64_t frame, std::uint32_t epoch) {
        halt();
        ClockAnchor a = base(epoch);
        a.outFrames = 1;
        a.rolling = 0;
        a.rawNs = ClockAnchorPublisher::rawNowNs();
        a.songFrame = frame;
        anchors_.store(a);
    }
    void halt() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
    }
    static ClockAnchor base(std::uint32_t epoch) {
        ClockAnchor a;
        a.bpm = 120.0;
        a.sampleRate = kRate;
        a.gridOrigin = 0;
        a.songFramesPerOutFrame = 1.0;
        a.epoch = epoch;
        return a;
    }

  private:
    audio::AtomicSnapshot<ClockAnchor> anchors_;
    std::thread thread_;
    std::atomic<bool> stop_{false};
};

bool waitFor(const std::function<bool()>& done, int ms = 5000) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

std::vector<std::uint8_t> statuses(const std::vector<Sent>& sent) {
    std::vector<std::uint8_t> out;
    for (const Sent& s : sent) out.push_back(s.bytes[0]);
    return out;
}

}  // namespace

TEST(ClockThread, TicksAt120BpmWithinTheJitterBoundAndStartStopSppInOrder) {
    FakeEngine engine;
    RecordingSink sink;
    control::backend::ClockThread clock(engine.anchors(), sink);
    clock.start();
    // Play from the top: frame 0 heard 50 ms from now.
    const std::int64_t t0 = ClockAnchorPublisher::rawNowNs() + 50'000'000;
    engine.play(0, t0, 1);
    ASSERT_TRUE(waitFor([&] { return sink.count(0xF8) >= 48; })) << sink.sent().size();
    engine.standAt(0, 1);  // pause (the position does not matter for a Stop)
    ASSERT_TRUE(waitFor([&] { return sink.count(0xFC) == 1; }));
    std::vector<Sent> sent = sink.sent();

    // Start, then the ticks, each at (never before) its due time, within the bound.
    ASSERT_GE(sent.size(), 50u);
    EXPECT_EQ(sent[0].bytes[0], 0xFA) << "Start first";
    const ClockAnchor timeline = [&] {
        ClockAnchor a = FakeEngine::base(1);
        a.rawNs = t0;
        a.songFrame = 0;
        return a;
    }();
    std::vector<std::int64_t> tickTimes;
    std::vector<std::int64_t> late;
    for (std::size_t i = 1; i < sent.size() && sent[i].bytes[0] == 0xF8; ++i) {
        const std::int64_t k = static_cast<std::int64_t>(tickTimes.size());
        const std::int64_t due = ClockSchedule::tickDueNs(timeline, k);
        EXPECT_GE(sent[i].atNs, due - 100'000) << "tick " << k << " early";  // 0.1 ms: rounding
        EXPECT_LE(sent[i].atNs, due + kWorstLateNs) << "tick " << k << " late";
        late.push_back(sent[i].atNs - due);
        tickTimes.push_back(sent[i].atNs);
    }
    ASSERT_GE(tickTimes.size(), 48u);
    EXPECT_EQ(sent[tickTimes.size() + 1].bytes[0], 0xFC) << "Stop right after the last tick";
    const double mean = static_cast<double>(tickTimes.back() - tickTimes.front()) /
                        static_cast<double>(tickTimes.size() - 1);
    EXPECT_NEAR(mean, kTickNs, kTickNs * 0.005) << "mean spacing within 0.5 %";
    EXPECT_LE(percentile(late, 0.95), kJitterBoundNs) << "95 % of the ticks on time";
    std::vector<std::int64_t> spacingError;
    for (std::size_t i = 1; i < tickTimes.size(); ++i)
        spacingError.push_back(
            std::llabs(tickTimes[i] - tickTimes[i - 1] - static_cast<std::int64_t>(kTickNs)));
    EXPECT_LE(percentile(spacingError, 0.95), kJitterBoundNs) << "95 % of the spacings";
    EXPECT_LE(clock.worstLateNs(), kWorstLateNs);

    // A seek while stopped: SPP at once (bar 3 = 32 sixteenths at 4/4).
    const std::int64_t bar3 = 2 * 4 * kRate / 2;  // 2 bars of 4 quarters at 0.5 s
    engine.standAt(bar3, 2);
    ASSERT_TRUE(waitFor([&] { return sink.count(0xF2) == 1; }));
    // Play from there: SPP + Continue, then ticks; no Start.
    engine.play(bar3, ClockAnchorPublisher::rawNowNs() + 50'000'000, 2);
    ASSERT_TRUE(waitFor([&] { return sink.count(0xF8) >= tickTimes.size() + 4; }));
    clock.stop();
    engine.halt();
    sent = sink.sent();
    const std::vector<std::uint8_t> all = statuses(sent);
    const std::size_t after = tickTimes.size() + 2;  // past FA, the ticks and FC
    ASSERT_GE(all.size(), after + 4);
    EXPECT_EQ(all[after], 0xF2);
    EXPECT_EQ(sent[after].bytes[1] | (sent[after].bytes[2] << 7), 32);
    EXPECT_EQ(all[after + 1], 0xF2) << "the resume's SPP";
    EXPECT_EQ(sent[after + 1].bytes[1] | (sent[after + 1].bytes[2] << 7), 32);
    EXPECT_EQ(all[after + 2], 0xFB);
    EXPECT_EQ(all[after + 3], 0xF8);
    EXPECT_EQ(std::count(all.begin(), all.end(), std::uint8_t{0xFA}), 1);
    EXPECT_EQ(clock.refusedCount(), 0u);
    EXPECT_EQ(clock.sentCount(), sent.size());
}

TEST(ClockThread, StopsWithinASlot) {
    FakeEngine engine;
    RecordingSink sink;
    control::backend::ClockThread clock(engine.anchors(), sink);
    clock.start();
    EXPECT_TRUE(clock.running());
    const auto before = std::chrono::steady_clock::now();
    clock.stop();
    EXPECT_FALSE(clock.running());
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::milliseconds(100));
    EXPECT_TRUE(sink.sent().empty()) << "nothing published: nothing to tell";
}

TEST(AlsaClock, NoSequencerIsOneLineAndTheDoorStaysOff) {
    if (control::backend::MidiSystem::alsaSequencerHere())
        GTEST_SKIP() << "an ALSA sequencer is here";
    audio::Engine engine;
    control::backend::AlsaClockPort port(engine.clockAnchors());
    EXPECT_FALSE(port.open(""));
    EXPECT_FALSE(port.isOpen());
    EXPECT_EQ(port.error(), "MIDI clock: no ALSA sequencer on this machine");
    EXPECT_TRUE(control::backend::AlsaClockPort::destinations().empty());

    app::MidiClockDoor door(engine);
    EXPECT_FALSE(door.start("alsa:synth"));
    EXPECT_FALSE(door.isOpen());
    EXPECT_FALSE(engine.clockAnchorEnabled());
    EXPECT_EQ(door.status().toStdString(), "MIDI clock: no ALSA sequencer on this machine");
    for (const std::string& name : app::MidiClockDoor::outputs())
        EXPECT_NE(name.rfind("alsa:", 0), 0u) << name;
}

}  // namespace unity_ClockThreadTest
