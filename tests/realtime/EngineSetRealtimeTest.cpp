// The Engine's callback on a real stream (the private JACK dummy server of with_jack.sh)
// playing a set: crossfade hand-overs (two songs summed, then the set's limiter releasing), the
// next song still decoding while it is cued, while it fades in and while it plays, and a
// crossfade out of it. The control thread cues, seeks and frees songs meanwhile; inside the
// callback's RealtimeScope nothing allocates, frees, locks, sleeps or does I/O.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <chrono>
#include <string>
#include <thread>

#include "AllocationCounter.h"
#include "AudioFiles.h"
#include "BlockingCallCounter.h"
#include "MemorySong.h"
#include "SongDecodeSupport.h"
#include "TempDir.h"
#include "stemdeck/audio/Engine.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_EngineSetRealtimeTest {

using namespace stemdeck;
using test::AllocationCounter;
using test::BlockingCallCounter;

namespace {

audio::Song toneSong(int rate, double seconds, double hz) {
    const auto frames = static_cast<std::int64_t>(seconds * rate);
    return test::MemorySong(rate)
        .stereo("a", test::sine(hz, 0.6, rate, frames), test::sine(hz * 1.5, 0.6, rate, frames))
        .mono("b", test::noise(0.3, frames, 7))
        .build();
}

audio::SongTransition crossfade(double seconds) {
    audio::SongTransition t;
    t.kind = audio::SongTransition::Kind::Crossfade;
    t.crossfadeSeconds = seconds;
    return t;
}

}  // namespace

TEST(RealtimeSafety, EngineSetCrossfadesIntoAndOutOfADecodingSongAllocateNothing) {
    audio::Engine engine;
    ASSERT_NO_THROW(engine.openOutput({}));
    const int rate = engine.sampleRate();
    // The next song from files at another rate, one worker: decoding takes seconds.
    const int fileRate = rate == 44100 ? 48000 : 44100;
    test::TempDir dir;
    const auto fileFrames = static_cast<std::int64_t>(60.0 * fileRate);
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE(test::writeAudioFile(dir / ("stem" + std::to_string(i) + ".wav"),
                                         {test::sine(110.0 * (i + 1), 0.2, fileRate, fileFrames),
                                          test::noise(0.1, fileFrames, i)},
                                         fileRate, SF_FORMAT_WAV | SF_FORMAT_PCM_16));
    // A short first song crossfading into the next one, which is held at its first audio
    // (LoadProgress::hold) until that crossfade has handed over: cued, faded in and playing
    // while it still decodes, however fast the worker runs beside the callback. The fade is
    // long enough for this thread's polls to see it on a busy machine.
    engine.setSong(toneSong(rate, 2.0, 220.0));
    ASSERT_TRUE(engine.setCurrentLeadOut(crossfade(1.5)));
    auto progress = std::make_shared<audio::LoadProgress>();
    progress->hold(true);
    auto decode = test::startDecode(dir.path(), 1, rate, progress);
    decode->waitFirstAudio();
    ASSERT_TRUE(engine.cueNext(decode, {}, crossfade(0.3)));
    engine.setLatencyMonitorEnabled(true);

    AllocationCounter::reset();
    BlockingCallCounter::reset();
    engine.play();
    int changes = 0;
    std::uint64_t callbacksCuedDecoding = 0, fadeTicks = 0, fadeTicksDecoding = 0;
    std::uint64_t lastBeat = engine.callbackCount();
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(12);
    std::string deviceError;
    while (std::chrono::steady_clock::now() < until && changes < 2 && deviceError.empty()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        const std::uint64_t beat = engine.callbackCount();
        const bool decoding = !decode->finished();
        if (engine.hasCued() && decoding) callbacksCuedDecoding += beat - lastBeat;
        lastBeat = beat;
        if (engine.setPhase() == audio::SetTransport::Phase::Crossfading) {
            ++fadeTicks;
            fadeTicksDecoding += decoding;
        }
        engine.mix().setMasterGainDb(-1.0f + 0.1f * static_cast<float>(beat % 10));
        if (!engine.service()) deviceError = engine.deviceError();
        if (!engine.consumeSongChanged()) continue;
        if (++changes == 1) {
            // On the decoding song: on to near its end (decoding jumps there, the song buffers
            // until it has), and the next song cued to crossfade into.
            ASSERT_EQ(engine.decode(), decode.get());
            progress->hold(false);  // decoding goes on, and jumps to where the seek lands
            engine.seekFrames(engine.durationFrames() - rate);
            ASSERT_TRUE(engine.cueNext(toneSong(rate, 1.0, 330.0), {}, {}));
        }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the limiter's release
    const auto stats = engine.latencyStats();
    engine.stop();
    engine.closeOutput();

    EXPECT_EQ(deviceError, "");
    EXPECT_EQ(changes, 2) << "both crossfades must have handed over";
    EXPECT_GT(stats.callbacks, 0u) << "the callback never ran: nothing was proven";
    EXPECT_GT(callbacksCuedDecoding, 10u) << "the next song was decoded before it was cued";
    EXPECT_GT(fadeTicks, 10u);
    EXPECT_GT(fadeTicksDecoding, 0u) << "no crossfade ran while the song decoded";
    EXPECT_EQ(AllocationCounter::allocations(), 0u);
    EXPECT_EQ(AllocationCounter::deallocations(), 0u);
    if (BlockingCallCounter::active()) {
        EXPECT_EQ(BlockingCallCounter::locks(), 0u) << BlockingCallCounter::firstCall();
        EXPECT_EQ(BlockingCallCounter::sleeps(), 0u) << BlockingCallCounter::firstCall();
        EXPECT_EQ(BlockingCallCounter::io(), 0u) << BlockingCallCounter::firstCall();
        EXPECT_EQ(BlockingCallCounter::syscalls(), 0u) << BlockingCallCounter::firstCall();
    }
}

}  // namespace unity_EngineSetRealtimeTest
