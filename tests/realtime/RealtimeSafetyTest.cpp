// Proof that the audio thread never touches the heap, takes a lock, sleeps, does I/O or makes a
// raw system call: this executable replaces the allocator (AllocationCounter.cpp) and
// interposes the blocking libc functions (BlockingCallCounter.cpp), counting every call made
// inside a RealtimeScope, which the engine's callback opens. The controls are hammered from
// another thread meanwhile. Only what stemdeck's callback does is counted: PortAudio's and
// JACK's own code around it runs outside the scope (JACK's process thread does wait on a
// futex between cycles, as it must).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sndfile.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "AllocationCounter.h"
#include "AudioFiles.h"
#include "BlockingCallCounter.h"
#include "HammeredBlocks.h"
#include "MemorySong.h"
#include "TempDir.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/click/ClickSettings.h"
#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/device/AudioCallback.h"
#include "stemdeck/audio/device/LatencyMonitor.h"
#include "stemdeck/audio/loader/SongDecode.h"
#include "stemdeck/audio/loader/StemLoader.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/transport/SetTransport.h"
#include "stemdeck/audio/transport/Transport.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_RealtimeSafetyTest {

using namespace stemdeck;
using test::AllocationCounter;
using test::BlockingCallCounter;

namespace {

// Samples that are not audio, as a Song built in memory may hold them: every 100 ms, 2 ms of
// +-3e38 (infinite once mixed), NaN or +-infinity in turn.
void addBursts(std::vector<float>& samples, int rate) {
    const float kinds[] = {3e38f, std::numeric_limits<float>::quiet_NaN(),
                           std::numeric_limits<float>::infinity()};
    const auto every = static_cast<std::size_t>(rate / 10), length = every / 50;
    for (std::size_t at = every / 2, k = 0; at + length < samples.size(); at += every, ++k)
        for (std::size_t i = 0; i < length; ++i) samples[at + i] = (i % 2 ? -1 : 1) * kinds[k % 3];
}

audio::Song makeSong(int rate, int stems, double seconds, bool bursts = false) {
    test::MemorySong song(rate);
    const auto frames = static_cast<std::int64_t>(seconds * rate);
    for (int i = 0; i < stems; ++i) {
        auto tone = test::sine(110.0 * (i + 1), 0.05, rate, frames);
        if (bursts && i == 0) addBursts(tone, rate);
        if (i % 2)
            song.stereo("stem" + std::to_string(i), tone, test::noise(0.05, frames, i));
        else
            song.mono("stem" + std::to_string(i), tone);
    }
    return song.build();
}

// What the hammer changes: a bare Transport, or an Engine through its own methods.
struct TransportControls {
    audio::Transport& transport;
    std::int64_t length() const { return transport.length(); }
    void seek(std::int64_t frame) { transport.seek(frame); }
    void pause() { transport.pause(); }
    void play() { transport.play(); }
    void setLoop(std::int64_t a, std::int64_t b) { transport.loop().set(a, b); }
    void setLoopEnabled(bool on) { transport.loop().setEnabled(on); }
    void clearLoop() { transport.loop().clear(); }
    void setTempo(double ratio) { transport.setTempo(ratio); }
    void setPitchCents(double cents) { transport.setPitchCents(cents); }
    void setClick(const audio::ClickSettings& click) {
        audio::applyClickSettings(click, transport);
    }
    void jumpTo(std::int64_t frame, audio::Quantize q) { transport.jumpTo(frame, q); }
    std::size_t sources() const { return transport.routing().sourceCount(); }
    void route(std::size_t source, int pair) { transport.routing().route(source, pair); }
    int countInBeatsLeft() const { return transport.countInBeatsLeft(); }
};

// The Engine's control-thread methods (play starts the stream) take turns with the test's
// own control loop through `control`; the rest are for any thread.
struct EngineControls {
    audio::Engine& engine;
    std::mutex& control;
    std::int64_t length() const { return engine.durationFrames(); }
    void seek(std::int64_t frame) { engine.seekFrames(frame); }
    void pause() { engine.pause(); }
    void play() {
        const std::lock_guard lock(control);
        engine.play();
    }
    void setLoop(std::int64_t a, std::int64_t b) { engine.setLoop(a, b); }
    void setLoopEnabled(bool on) { engine.setLoopEnabled(on); }
    void clearLoop() { engine.clearLoop(); }
    void setTempo(double ratio) { engine.setTempo(ratio); }
    void setPitchCents(double cents) { engine.setPitch(0, cents); }
    void setClick(const audio::ClickSettings& click) { engine.setClick(click); }
    void jumpTo(std::int64_t frame, audio::Quantize q) { engine.jumpTo(frame, q); }
    std::size_t sources() const { return engine.clickSource() + 1; }
    void route(std::size_t source, int pair) { engine.setRoute(source, pair); }
    int countInBeatsLeft() const { return engine.countInBeatsLeft(); }
};

// Changes every control the user has, from this (non-audio) thread, as fast as it can
// until `stop` is set.
template <typename Controls>
void hammer(audio::MixControls& mix, Controls transport, audio::LatencyMonitor* monitor,
            std::atomic<bool>& stop, bool seek) {
    std::mt19937 rng(42);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    for (int i = 0; !stop.load(); ++i) {
        const std::size_t s = rng() % mix.stemCount();
        mix.setGainDb(s, -40.0f + 46.0f * unit(rng));
        mix.setPan(s, 2.0f * unit(rng) - 1.0f);
        mix.setMuted(s, rng() % 2);
        mix.setSolo(s, rng() % 5 == 0);
        if (i % 7 == 0) mix.clearSolo();
        mix.setMasterGainDb(-12.0f + 12.0f * unit(rng));
        if (seek && i % 50 == 0)
            transport.seek(static_cast<std::int64_t>(unit(rng) * transport.length() * 0.5));
        if (seek && i % 97 == 0) transport.pause();
        if (seek && i % 97 == 3) transport.play();
        // Rehearsal tools: loop, tempo and pitch, click and count-in, jumps, routes.
        const std::int64_t length = transport.length();
        if (i % 11 == 0) {
            const auto a = static_cast<std::int64_t>(unit(rng) * length * 0.5);
            transport.setLoop(a, a + length / 8 + static_cast<std::int64_t>(unit(rng) * 4800));
        }
        if (i % 13 == 0) transport.setLoopEnabled(rng() % 3 != 0);
        if (i % 101 == 0) transport.clearLoop();
        if (i % 9 == 0) transport.setTempo(0.5 + unit(rng));
        if (i % 10 == 0) transport.setPitchCents(2400.0 * unit(rng) - 1200.0);
        if (i % 37 == 0) transport.setTempo(1.0), transport.setPitchCents(0.0);  // bypass
        if (i % 17 == 0) {
            audio::ClickSettings click;
            click.enabled = rng() % 2;
            click.levelDb = -30.0f * unit(rng);
            click.bpm = 60.0 + 120.0 * unit(rng);
            click.beatsPerBar = 2 + static_cast<int>(rng() % 5);
            click.countInBars = static_cast<int>(rng() % 2);
            transport.setClick(click);
        }
        if (seek && i % 23 == 0)
            transport.jumpTo(static_cast<std::int64_t>(unit(rng) * length * 0.5),
                             rng() % 2 ? audio::Quantize::NextBar : audio::Quantize::Immediate);
        if (i % 19 == 0) transport.route(rng() % transport.sources(), static_cast<int>(rng() % 4));
        if (i % 29 == 0) (void)transport.countInBeatsLeft();
        if (monitor && i % 30 == 0) monitor->setEnabled(!monitor->enabled());
        if (monitor && i % 40 == 0) (void)monitor->stats();
        if (monitor && i % 500 == 0) monitor->reset();
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
}

// Plays `engine` for `duration` while hammer() changes its controls from another thread;
// `tick` runs on this (control) thread every 20 ms. Returns the device error, if any.
template <typename Tick>
std::string playHammered(audio::Engine& engine, std::chrono::seconds duration, Tick tick) {
    engine.play();
    std::atomic<bool> stop{false};
    std::mutex controlThread;
    std::thread control([&] {
        hammer(engine.mix(), EngineControls{engine, controlThread}, nullptr, stop, true);
    });
    const auto until = std::chrono::steady_clock::now() + duration;
    std::string deviceError;
    while (std::chrono::steady_clock::now() < until && deviceError.empty()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        tick();
        const std::lock_guard lock(controlThread);
        if (engine.consumeEndOfSong()) engine.play();
        if (engine.state() != audio::PlayState::Playing) engine.play();
        if (!engine.service()) deviceError = engine.deviceError();
    }
    stop = true;
    control.join();
    return deviceError;
}

}  // namespace

// The counter itself must see an allocation on a realtime thread, or the zeros below prove
// nothing.
TEST(AllocationCounter, CountsAllocationsInsideARealtimeScopeOnly) {
    AllocationCounter::reset();
    {
        std::vector<int> outside(100);
        ASSERT_EQ(AllocationCounter::allocations(), 0u);
    }
    {
        const audio::RealtimeScope realtime;
        std::vector<int> inside(100);
        EXPECT_NE(inside.data(), nullptr);
    }
    EXPECT_GE(AllocationCounter::allocations(), 1u);
    EXPECT_GE(AllocationCounter::deallocations(), 1u);
}

void expectNoBlockingCalls() {
    if (!BlockingCallCounter::active()) return;  // a sanitizer owns these functions
    EXPECT_EQ(BlockingCallCounter::locks(), 0u) << BlockingCallCounter::firstCall();
    EXPECT_EQ(BlockingCallCounter::sleeps(), 0u) << BlockingCallCounter::firstCall();
    EXPECT_EQ(BlockingCallCounter::io(), 0u) << BlockingCallCounter::firstCall();
    EXPECT_EQ(BlockingCallCounter::syscalls(), 0u) << BlockingCallCounter::firstCall();
}

// Likewise the lock and system-call counter: each kind it counts must show up, inside a
// RealtimeScope only.
TEST(BlockingCallCounter, CountsLocksSleepsIoAndSyscallsInsideARealtimeScopeOnly) {
    if (!BlockingCallCounter::active()) GTEST_SKIP() << "a sanitizer intercepts these calls";
    std::mutex mutex;
    const int devNull = ::open("/dev/null", O_WRONLY);
    ASSERT_GE(devNull, 0);
    std::FILE* file = std::fopen("/dev/null", "w");
    ASSERT_NE(file, nullptr);
    BlockingCallCounter::reset();
    {
        const std::lock_guard lock(mutex);
        std::this_thread::sleep_for(std::chrono::microseconds(1));
        ASSERT_EQ(::write(devNull, "x", 1), 1);
    }
    EXPECT_EQ(BlockingCallCounter::total(), 0u) << BlockingCallCounter::firstCall();
    {
        const audio::RealtimeScope realtime;
        { const std::lock_guard lock(mutex); }
        EXPECT_EQ(BlockingCallCounter::locks(), 1u);
        std::this_thread::sleep_for(std::chrono::microseconds(1));
        EXPECT_EQ(BlockingCallCounter::sleeps(), 1u);
        ASSERT_EQ(::write(devNull, "x", 1), 1);
        std::fprintf(file, "%d", 42);
        EXPECT_EQ(BlockingCallCounter::io(), 2u);
        EXPECT_GT(::syscall(SYS_gettid), 0);
        EXPECT_EQ(BlockingCallCounter::syscalls(), 1u);
    }
    EXPECT_EQ(BlockingCallCounter::firstCall(), "pthread_mutex_lock");
    std::fclose(file);
    ::close(devNull);
}

// The callback's work (audio::renderCallback: Transport::process, timed into the LatencyMonitor
// when it is on) on a thread of its own, as fast as it can, while every control changes.
// Returns whether every sample it wrote was finite.
bool renderWhileControlsChange(const audio::Song& song) {
    constexpr int kHammeredBlocks = test::hammeredBlocks(20000);
    const int rate = song.sampleRate;
    audio::MixControls mix(song.stems.size());
    audio::Transport transport;
    audio::LatencyMonitor monitor;
    // Four output pairs with time stretch, restarts spread as in real-time playback: every
    // rehearsal path (split routing included).
    transport.prepare(&song, &mix, rate, audio::TransportSetup{4, true, true});
    monitor.configure(rate, 256, 0.0);
    transport.play();

    AllocationCounter::reset();
    BlockingCallCounter::reset();
    std::atomic<bool> stop{false};
    std::atomic<std::uint64_t> blocks{0};
    bool finite = true;
    audio::CallbackContext callback{transport, monitor, blocks};
    std::thread audio([&] {
        std::vector<float> out(8 * 256);
        const audio::RealtimeScope realtime;
        for (int b = 0; b < kHammeredBlocks; ++b) {
            if (transport.consumeEndOfSong()) transport.seek(0), transport.play();
            // Stereo and 8-channel blocks: the plain and the split (routed) paths.
            const int channels = (b / 500) % 2 ? 8 : 2;
            audio::renderCallback(callback, out.data(), 256, channels, b % 1000 == 0);
            for (int i = 0; i < 256 * channels; ++i) finite = finite && std::isfinite(out[i]);
        }
    });
    std::thread control([&] { hammer(mix, TransportControls{transport}, &monitor, stop, true); });
    audio.join();
    stop = true;
    control.join();

    EXPECT_EQ(blocks.load(), static_cast<std::uint64_t>(kHammeredBlocks));
    EXPECT_TRUE(transport.canStretch()) << "the stretcher was never in the path";
    EXPECT_EQ(AllocationCounter::allocations(), 0u);
    EXPECT_EQ(AllocationCounter::deallocations(), 0u);
    expectNoBlockingCalls();
    return finite;
}

TEST(RealtimeSafety, RenderingAllocatesNothingWhileControlsChange) {
    EXPECT_TRUE(renderWhileControlsChange(makeSong(48000, 16, 3.0)));
}

// The same with NaN, infinities and 3e38 in a stem: the stretcher's guard (silencing before
// Rubber Band) and the limiter's (silencing instead of limiting) run on the audio thread, and
// Rubber Band prints nothing (its "MovingMedian: NaN" warning was a write from the callback).
TEST(RealtimeSafety, SilencingNonFiniteSamplesAllocatesNothing) {
    EXPECT_TRUE(renderWhileControlsChange(makeSong(48000, 16, 3.0, true)))
        << "a NaN or an infinity reached the output";
}

// The real thing: the Engine's PortAudio callback on a JACK dummy server (run by the CTest
// wrapper), monitor switching on and off, while controls, seeks and stats reads hammer it.
TEST(RealtimeSafety, EngineCallbackOnARealStreamAllocatesNothing) {
    audio::Engine engine;
    ASSERT_NO_THROW(engine.openOutput({}));
    engine.setSong(makeSong(engine.sampleRate(), 8, 6.0));
    engine.setLatencyMonitorEnabled(true);

    AllocationCounter::reset();
    BlockingCallCounter::reset();
    int toggles = 0;
    const std::string deviceError = playHammered(engine, std::chrono::seconds(3), [&] {
        engine.setLatencyMonitorEnabled(++toggles % 2 == 0);
        (void)engine.latencyStats();
    });
    engine.setLatencyMonitorEnabled(true);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_EQ(deviceError, "");
    const auto stats = engine.latencyStats();
    engine.stop();
    engine.closeOutput();

    EXPECT_GT(stats.callbacks, 0u) << "the callback never ran: nothing was proven";
    EXPECT_EQ(AllocationCounter::allocations(), 0u);
    EXPECT_EQ(AllocationCounter::deallocations(), 0u);
    expectNoBlockingCalls();
}

// The Engine's callback on a real stream while the song is still being decoded by SongDecode's
// worker (one, so it lasts): the callback reads stems whose watermark moves, seeks land past
// it (the transport buffers there, and decoding jumps there: islands) and the controls are
// hammered. Resampled (the files at another rate than the stream) so decoding takes real time.
// Counted: the callbacks that ran while the decode was still going, or the proof would prove
// nothing about it.
TEST(RealtimeSafety, EngineCallbackWhileTheSongStillDecodesAllocatesNothing) {
    audio::Engine engine;
    ASSERT_NO_THROW(engine.openOutput({}));
    const int fileRate = engine.sampleRate() == 44100 ? 48000 : 44100;
    test::TempDir dir;
    const auto frames = static_cast<std::int64_t>(90.0 * fileRate);
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE(test::writeAudioFile(
            dir / ("stem" + std::to_string(i) + ".wav"),
            {test::sine(110.0 * (i + 1), 0.1, fileRate, frames), test::noise(0.05, frames, i)},
            fileRate, SF_FORMAT_WAV | SF_FORMAT_PCM_16));
    audio::LoadOptions options;
    options.targetRate = engine.sampleRate();
    options.workers = 1;
    // Held at its first audio until the callback has read it a while (LoadProgress::hold),
    // then let go so that the seeks make decoding jump: however fast the worker runs beside
    // the callback, the song still decodes while it plays.
    auto progress = std::make_shared<audio::LoadProgress>();
    progress->hold(true);
    auto decode = audio::SongDecode::start(audio::StemLoader::scan(dir.path()), options, progress);
    decode->waitFirstAudio();
    engine.setSong(decode);

    AllocationCounter::reset();
    BlockingCallCounter::reset();
    const std::uint64_t before = engine.callbackCount();
    std::uint64_t callbacksWhileDecoding = 0;
    const std::string deviceError = playHammered(engine, std::chrono::seconds(3), [&] {
        if (engine.decoding()) callbacksWhileDecoding = engine.callbackCount() - before;
        if (callbacksWhileDecoding > 50) progress->hold(false);
    });
    EXPECT_EQ(deviceError, "");
    int islands = 0;  // seeks far ahead made the decoder jump: the callback read islands
    for (const auto& stem : engine.song()->stems) islands += stem.audio.islandCount();
    EXPECT_GT(islands, 0) << "no seek made decoding jump: reading islands was not proven";
    engine.stop();
    engine.closeOutput();

    EXPECT_GT(callbacksWhileDecoding, 10u) << "the song was decoded before it played";
    EXPECT_EQ(AllocationCounter::allocations(), 0u);
    EXPECT_EQ(AllocationCounter::deallocations(), 0u);
    expectNoBlockingCalls();
}

// A set on the audio thread: hand-overs at a segue, a gap, and through crossfades (two songs
// summed), a song with time stretch, and the next song still decoding while it is cued and
// while it starts. The control thread builds and cues each next song, and frees the finished
// one, meanwhile; the audio thread never allocates, frees nor blocks.
TEST(RealtimeSafety, SetTransitionsAllocateNothing) {
    constexpr int rate = 48000;
    using Kind = audio::SongTransition::Kind;
    struct Entry {
        explicit Entry(audio::Song s) : song(std::move(s)), mix(song.stems.size()) {}
        audio::Song song;
        audio::MixControls mix;
        audio::SongTransition lead;
        bool stretch = false;
    };
    std::vector<std::unique_ptr<Entry>> songs;
    auto add = [&](audio::Song song, Kind kind, double gap, double fade, bool stretch) {
        auto e = std::make_unique<Entry>(std::move(song));
        e->lead.kind = kind;
        e->lead.gapSeconds = gap;
        e->lead.crossfadeSeconds = fade;
        e->stretch = stretch;
        songs.push_back(std::move(e));
    };
    add(makeSong(rate, 4, 0.6), Kind::Crossfade, 0, 0.2, false);
    add(makeSong(rate, 4, 0.6), Kind::Segue, 0, 0, true);
    // The decoding song: one stem, appended by a "decoder" thread while the set plays.
    const int decodingFrames = 3 * rate;
    {
        audio::Song song = test::MemorySong(rate).mono("d", {}).build();
        song.frames = decodingFrames;
        song.stems[0].audio = audio::StemAudio(1, audio::SampleFormat::Float32);
        ASSERT_TRUE(song.stems[0].audio.reserve(decodingFrames));
        song.stems[0].audio.setDecoding(true);
        add(std::move(song), Kind::Gap, 0.05, 0, false);
    }
    add(makeSong(rate, 4, 0.6), Kind::Crossfade, 0, 0.3, false);

    auto unitFor = [&](std::size_t i) {
        Entry& e = *songs[i % songs.size()];
        audio::TransportSetup setup{1, e.stretch, true};
        auto unit = std::make_unique<audio::SongUnit>(e.song, e.mix, rate, e.lead, setup);
        if (e.stretch) unit->transport().setTempo(0.9);
        return unit;
    };
    audio::SetTransport set(2);
    set.start(unitFor(0));
    std::size_t cued = 1;
    ASSERT_TRUE(set.cue(unitFor(cued++)));
    set.play();

    AllocationCounter::reset();
    BlockingCallCounter::reset();
    std::atomic<bool> stop{false};
    std::atomic<bool> sawCrossfade{false}, sawGap{false};
    bool finite = true;
    std::thread decoder([&] {
        const auto tone = test::sine(220.0, 0.1, rate, decodingFrames);
        auto& stem = songs[2]->song.stems[0].audio;
        for (int at = 0; at < decodingFrames && !stop; at += 2048) {
            const int n = std::min(2048, decodingFrames - at);
            stem.append(tone.data() + at, n);
            std::this_thread::sleep_for(std::chrono::milliseconds(3));
        }
        stem.setDecoding(false);
    });
    std::thread audio([&] {
        std::vector<float> out(2 * 256);
        for (int b = 0; b < 4000; ++b) {
            {
                const audio::RealtimeScope realtime;
                set.process(out.data(), 256, 2);
                const auto phase = set.phase();
                if (phase == audio::SetTransport::Phase::Crossfading) sawCrossfade = true;
                if (phase == audio::SetTransport::Phase::Gap) sawGap = true;
                for (float v : out) finite = finite && std::isfinite(v);
            }
            // Paced near real time (outside the scope), so the control thread keeps up.
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
        stop = true;
    });
    // The control thread: cue the next song at each hand-over (which frees the finished one).
    while (!stop) {
        if (set.consumeSongChanged()) set.cue(unitFor(cued++));
        set.collect();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    audio.join();
    decoder.join();

    EXPECT_GE(set.handOvers(), 6);
    EXPECT_TRUE(sawCrossfade.load());
    EXPECT_TRUE(sawGap.load());
    EXPECT_TRUE(finite);
    EXPECT_EQ(AllocationCounter::allocations(), 0u);
    EXPECT_EQ(AllocationCounter::deallocations(), 0u);
    expectNoBlockingCalls();
}

}  // namespace unity_RealtimeSafetyTest
