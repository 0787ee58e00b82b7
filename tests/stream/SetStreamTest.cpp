// A set auto-advancing on a real PortAudio stream (the private JACK dummy server of
// with_jack.sh), recorded by a JACK client: what reached the device at a segue seam and
// through a crossfade. Two synthetic songs built in memory; the current song's lead-out and
// the cued song go through the Engine's set API, and the control thread only polls.
//
// A run where JACK itself missed a cycle (the recording skips or repeats one there) or where a
// callback of stemdeck's was late cannot be judged sample by sample: it is run again, as
// EngineStreamTest does, five runs at most (a 2-core VM under a sanitizer, a unit test on the
// other core, missed three JACK cycles in a row once: JACK's own timer, its log says).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <iostream>
#include <numbers>
#include <thread>
#include <vector>

#include "JackRecorder.h"
#include "MemorySong.h"
#include "stemdeck/audio/Engine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_SetStreamTest {

using namespace stemdeck;
using namespace std::chrono_literals;
using audio::Engine;
using Kind = audio::SongTransition::Kind;

namespace {

constexpr float kAudible = 1e-4f;

// x[n] = amplitude cos(2 pi hz n / rate + phase) for n in [first, first + frames): a song that
// starts at `first` continues one that ended at first - 1 without a step.
std::vector<float> tone(double hz, double amplitude, int rate, int first, int frames) {
    std::vector<float> x(static_cast<std::size_t>(frames));
    for (int i = 0; i < frames; ++i)
        x[static_cast<std::size_t>(i)] = static_cast<float>(
            amplitude * std::cos(2.0 * std::numbers::pi * hz * (first + i) / rate + 0.3));
    return x;
}

audio::Song songOf(std::vector<float> samples, int rate) {
    return test::MemorySong(rate).mono("tone", std::move(samples)).build();
}

// Plays the engine's set into a recorder until the set has advanced and ended (or 10 s).
// False when the run cannot be judged (JACK missed a cycle, or a callback was late).
bool recordSet(Engine& engine, test::JackRecorder& recorder, int& changes) {
    engine.setLatencyMonitorEnabled(true);
    if (!recorder.start()) {
        ADD_FAILURE() << recorder.error();
        return false;
    }
    std::this_thread::sleep_for(100ms);  // the recording runs before the song starts
    engine.play();
    const auto until = std::chrono::steady_clock::now() + 10s;
    bool ended = false;
    while (!ended && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(20ms);
        changes += engine.consumeSongChanged();
        ended = engine.consumeEndOfSong();
        engine.service();
    }
    std::this_thread::sleep_for(100ms);
    recorder.stop();
    EXPECT_TRUE(ended) << "the set did not play to its end";
    const auto stats = engine.latencyStats();
    if (stats.lateCallbacks > 0 || !recorder.jack().marks().empty()) {
        std::cout << "unjudged run: " << recorder.jack().marks().size() << " JACK cycle(s) missed, "
                  << stats.lateCallbacks << " late callback(s) of stemdeck's: run again\n";
        return false;
    }
    return true;
}

// The recorded left channel from its first audible sample to its last.
std::vector<float> audible(const test::JackRecorder& recorder) {
    const auto& left = recorder.channel(0);
    const auto end = left.begin() + recorder.frames();
    const auto first =
        std::find_if(left.begin(), end, [](float v) { return std::abs(v) > kAudible; });
    auto last = end;
    while (last != first && std::abs(*(last - 1)) <= kAudible) --last;
    return {first, last};
}

void onAQuietRun(const std::function<bool()>& attempt) {
    constexpr int kRuns = 5;
    for (int run = 0; run < kRuns; ++run)
        if (attempt() || ::testing::Test::HasFailure()) return;
    ADD_FAILURE() << "JACK missed cycles or a callback was late on each of " << kRuns << " runs";
}

}  // namespace

TEST(SetStream, SegueContinuesTheSignalSampleExactlyAcrossTheSeam) {
    onAQuietRun([] {
        Engine engine;
        engine.openOutput({});
        const int rate = engine.sampleRate();
        // The seam falls inside a callback and near the tone's peak, where a lost, repeated or
        // silent frame would be a step of the tone's size.
        const int a = rate + 37, b = rate / 2 + 11;
        const double hz = 375.0;
        engine.setSong(songOf(tone(hz, 0.5, rate, 0, a), rate));
        EXPECT_TRUE(engine.setCurrentLeadOut({Kind::Segue, 0.0, 0.0}));
        EXPECT_TRUE(engine.cueNext(songOf(tone(hz, 0.5, rate, a, b), rate), {}, {}));
        test::JackRecorder recorder;
        int changes = 0;
        if (!recordSet(engine, recorder, changes)) return false;
        engine.closeOutput();
        EXPECT_EQ(changes, 1);
        const auto heard = audible(recorder);
        const auto expected = tone(hz, 0.5, rate, 0, a + b);
        EXPECT_EQ(heard.size(), expected.size()) << "the set's length as heard";
        const std::size_t n = std::min(heard.size(), expected.size());
        float worst = 0.0f;
        std::size_t worstAt = 0;
        // From after a play's de-click fade-in (a play from the top has none, but the seam
        // is what is judged here).
        for (std::size_t i = 1024; i < n; ++i)
            if (const float d = std::abs(heard[i] - expected[i]); d > worst) worst = d, worstAt = i;
        EXPECT_LT(worst, 1e-6f) << "at frame " << worstAt << " (the seam is at " << a << ")";
        return true;
    });
}

TEST(SetStream, CrossfadeKeepsThePowerConstant) {
    onAQuietRun([] {
        Engine engine;
        engine.openOutput({});
        const int rate = engine.sampleRate();
        const int a = 3 * rate / 2, b = 3 * rate / 2, fade = rate / 2;
        const double amplitude = 0.3;
        engine.setSong(songOf(tone(440.0, amplitude, rate, 0, a), rate));
        EXPECT_TRUE(engine.setCurrentLeadOut({Kind::Crossfade, 0.0, 0.5}));
        EXPECT_TRUE(engine.cueNext(songOf(tone(1000.0, amplitude, rate, 0, b), rate), {}, {}));
        test::JackRecorder recorder;
        int changes = 0;
        if (!recordSet(engine, recorder, changes)) return false;
        engine.closeOutput();
        EXPECT_EQ(changes, 1);
        const auto heard = audible(recorder);
        EXPECT_NEAR(static_cast<double>(heard.size()), a + b - fade, 2.0);
        // The 20 ms RMS from before the overlap to after it, against one tone's level.
        const double level = 10.0 * std::log10(amplitude * amplitude / 2.0);
        const std::size_t window = static_cast<std::size_t>(rate) / 50;
        double low = 1000.0, high = -1000.0;
        for (std::size_t at = static_cast<std::size_t>(a - fade) - 5 * window;
             at + window < static_cast<std::size_t>(a) + 5 * window && at + window < heard.size();
             at += window / 4) {
            double sum = 0.0;
            for (std::size_t i = at; i < at + window; ++i) sum += double{heard[i]} * heard[i];
            const double db = 10.0 * std::log10(sum / static_cast<double>(window)) - level;
            low = std::min(low, db);
            high = std::max(high, db);
        }
        EXPECT_GT(low, -0.5);
        EXPECT_LT(high, 0.5);
        return true;
    });
}

}  // namespace unity_SetStreamTest
