// The Engine playing a set without a device: Engine::pullAudio runs the callback body as a
// stream would, block after block. The current song auto-advances to the cued one by its
// lead-out; the song accessors follow after consumeSongChanged(); the end of a song is
// reported only where the set stops.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "AudioFiles.h"
#include "MemorySong.h"
#include "stemdeck/audio/Engine.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/render/OfflineRenderer.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_EngineSetTest {

using namespace stemdeck;
using audio::Engine;
using audio::NextSongSettings;
using audio::SongTransition;
using Kind = SongTransition::Kind;

namespace {

constexpr int kRate = 48000;
constexpr int kBlock = 256;
constexpr float kStep = 1.0f / 131072.0f;  // 2^-17: every ramp value below is exact

// A ramp from first * kStep, one step a frame (exact in float: a seam shows as a wrong step).
audio::Song ramp(int first, int frames) {
    std::vector<float> samples(static_cast<std::size_t>(frames));
    for (int i = 0; i < frames; ++i) samples[static_cast<std::size_t>(i)] = (first + i) * kStep;
    return test::MemorySong(kRate).mono("ramp", std::move(samples)).build();
}

audio::Song constant(float value, int frames) {
    return test::MemorySong(kRate)
        .mono("c", std::vector<float>(static_cast<std::size_t>(frames), value))
        .build();
}

SongTransition lead(Kind kind, double gap = 0.0, double fade = 0.0) {
    SongTransition t;
    t.kind = kind;
    t.gapSeconds = gap;
    t.crossfadeSeconds = fade;
    return t;
}

// Pulls blocks until `blocks` are done; the left channel. `tick` runs between blocks (the
// control thread's poll, here on the same thread).
template <typename Tick>
std::vector<float> pull(Engine& engine, int blocks, Tick tick) {
    std::vector<float> left, out(2 * kBlock);
    for (int b = 0; b < blocks; ++b) {
        engine.pullAudio(out.data(), kBlock, 2);
        for (int i = 0; i < kBlock; ++i) left.push_back(out[2 * static_cast<std::size_t>(i)]);
        tick();
    }
    return left;
}

}  // namespace

TEST(EngineSet, SegueAutoAdvancesWithoutAStepAndTheAccessorsFollow) {
    const int a = 30011, b = 20011;  // the seam falls inside a block
    Engine engine;
    engine.setSong(ramp(0, a));
    ASSERT_TRUE(engine.setCurrentLeadOut(lead(Kind::Segue)));
    ASSERT_TRUE(engine.cueNext(ramp(a, b), {}, lead(Kind::Stop)));
    EXPECT_TRUE(engine.hasCued());
    engine.play();
    int changes = 0;
    std::int64_t durationAfter = 0;
    std::size_t stemsAfter = 0;
    const auto left = pull(engine, (a + b) / kBlock + 8, [&] {
        if (engine.consumeSongChanged()) {
            ++changes;
            durationAfter = engine.durationFrames();
            stemsAfter = engine.mix().snapshot().stems.size();
        }
        EXPECT_FALSE(engine.consumeEndOfSong() && changes == 0) << "the set goes on: no end";
    });
    EXPECT_EQ(changes, 1);
    EXPECT_EQ(durationAfter, b);
    EXPECT_EQ(stemsAfter, 1u);
    EXPECT_FALSE(engine.hasCued());
    EXPECT_EQ(engine.song()->frames, b);
    // After the play's de-click fade-in, every frame is the next step of the ramp: the second
    // song's first sample follows the first one's last.
    for (int i = 1024; i < a + b; ++i)
        ASSERT_EQ(left[static_cast<std::size_t>(i)], i * kStep) << "at " << i;
    for (std::size_t i = a + b; i < left.size(); ++i) ASSERT_EQ(left[i], 0.0f);
}

// A crossfade longer than its songs allow is shortened to them (CrossfadeRule.h), live as in
// an offline render: here to the 4800 frames the next song plays from its start frame. Live
// and offline give the same samples, the same seam and the same length.
TEST(EngineSet, ACrossfadeLongerThanTheSongsIsShortenedLiveAsOffline) {
    const int a = 24000, b = 9600, start = 4800, fade = b - start;
    const float va = 0.25f, vb = -0.125f;
    Engine engine;
    engine.setSong(constant(va, a));
    ASSERT_TRUE(engine.setCurrentLeadOut(lead(Kind::Crossfade, 0.0, 0.5)));  // 24000 asked
    NextSongSettings next;
    next.startFrame = start;
    ASSERT_TRUE(engine.cueNext(constant(vb, b), next, lead(Kind::Stop)));
    engine.play();
    const auto live = pull(engine, (a + b) / kBlock + 8, [&] { engine.consumeSongChanged(); });

    const audio::Song songA = constant(va, a), songB = constant(vb, b);
    const audio::MixControls mixA(1), mixB(1);
    audio::SetRenderEntry first, second;
    first.song = &songA;
    first.mix = &mixA;
    first.leadOut = lead(Kind::Crossfade, 0.0, 0.5);
    second.song = &songB;
    second.mix = &mixB;
    second.startFrame = start;
    EXPECT_EQ(audio::OfflineRenderer::setFrames({first, second}), a);
    const auto offline =
        test::channelOf(audio::OfflineRenderer::renderSetToBuffer({first, second}, kBlock), 2, 0);
    ASSERT_EQ(offline.size(), static_cast<std::size_t>(a));

    // The first song alone (after the play's de-click) until the shortened crossfade starts;
    // then both, and the next song alone at full gain from the overlap's end: nothing after.
    for (int i = 1024; i < a - fade; ++i) ASSERT_EQ(live[static_cast<std::size_t>(i)], va) << i;
    EXPECT_LT(live[static_cast<std::size_t>(a - fade + fade / 2)], va * 0.9f);
    EXPECT_NEAR(live[static_cast<std::size_t>(a - 1)], vb, 1e-3f) << "faded in by the end";
    for (std::size_t i = a; i < live.size(); ++i) ASSERT_EQ(live[i], 0.0f) << i;
    for (std::size_t i = 0; i < offline.size(); ++i)
        ASSERT_NEAR(live[i], offline[i], 1e-6f) << "live and offline differ at " << i;
}

TEST(EngineSet, CueRulesAndUncue) {
    Engine engine;
    EXPECT_FALSE(engine.cueNext(constant(0.1f, 4800), {}, {})) << "no current song";
    engine.setSong(constant(0.1f, 4800));
    EXPECT_TRUE(engine.cueNext(constant(0.2f, 4800), {}, {}));
    EXPECT_FALSE(engine.cueNext(constant(0.3f, 4800), {}, {})) << "one is cued already";
    ASSERT_NE(engine.cuedSong(), nullptr);
    engine.uncueNext();  // no stream runs: at once
    EXPECT_FALSE(engine.hasCued());
    EXPECT_EQ(engine.cuedSong(), nullptr);
    audio::Song other = constant(0.3f, 4800);
    other.sampleRate = 44100;
    EXPECT_THROW(engine.cueNext(std::move(other), {}, {}), std::invalid_argument);
    EXPECT_THROW(engine.cueNext(constant(0.3f, 4800), {}, lead(Kind::Gap, -1.0)),
                 std::invalid_argument);
    EXPECT_THROW(engine.setCurrentLeadOut(lead(Kind::Crossfade, 0.0, -0.5)), std::invalid_argument);
    EXPECT_FALSE(engine.hasCued());
    EXPECT_TRUE(engine.cueNext(constant(0.3f, 4800), {}, {}));
}

TEST(EngineSet, GapPlaysOnAsPlayingAndEndsOnlyAtTheSetsEnd) {
    const int a = 9600, b = 4800, gap = kRate / 10;
    Engine engine;
    engine.setSong(constant(0.5f, a));
    ASSERT_TRUE(engine.setCurrentLeadOut(lead(Kind::Gap, 0.1)));
    ASSERT_TRUE(engine.cueNext(constant(0.25f, b), {}, lead(Kind::Stop)));
    engine.play();
    int ends = 0, changes = 0, gapBlocks = 0;
    const auto left = pull(engine, (a + gap + b) / kBlock + 20, [&] {
        if (engine.setPhase() == audio::SetTransport::Phase::Gap) {
            ++gapBlocks;
            EXPECT_EQ(engine.state(), audio::PlayState::Playing);
        }
        changes += engine.consumeSongChanged();
        ends += engine.consumeEndOfSong();
    });
    EXPECT_GT(gapBlocks, 10);
    EXPECT_EQ(changes, 1);
    EXPECT_EQ(ends, 1) << "only the last song's end stops the set";
    for (int i = a; i < a + gap; ++i) ASSERT_EQ(left[static_cast<std::size_t>(i)], 0.0f);
    EXPECT_EQ(left[static_cast<std::size_t>(a + gap + b / 2)], 0.25f);
}

TEST(EngineSet, LeadOutChangesWhilePlayingUntilTheTransitionStarts) {
    const int a = 24000, b = 24000, fade = kRate / 10;
    Engine engine;
    engine.setSong(constant(0.5f, a));
    ASSERT_TRUE(engine.setCurrentLeadOut(lead(Kind::Gap, 0.5)));
    ASSERT_TRUE(engine.cueNext(constant(0.5f, b), {}, lead(Kind::Stop)));
    engine.play();
    bool changed = false, refusedDuringFade = false;
    int fadeBlocks = 0;
    const auto left = pull(engine, (a + b) / kBlock + 20, [&] {
        // Halfway through the song, the user makes it a crossfade instead.
        if (!changed && engine.positionFrames() > a / 2)
            changed = engine.setCurrentLeadOut(lead(Kind::Crossfade, 0.0, 0.1));
        if (engine.setPhase() == audio::SetTransport::Phase::Crossfading) {
            ++fadeBlocks;
            refusedDuringFade = !engine.setCurrentLeadOut(lead(Kind::Segue));
        }
        engine.consumeSongChanged();
    });
    EXPECT_TRUE(changed);
    EXPECT_GT(fadeBlocks, 10);
    EXPECT_TRUE(refusedDuringFade);
    // A crossfade of two equal constants at equal power: never a silent gap, and the sum's
    // square follows (cos + sin)^2 - always at least the level of one song.
    for (int i = 1024; i < a + b - fade - 1024; ++i)
        ASSERT_GE(left[static_cast<std::size_t>(i)], 0.5f - 1e-6f) << "at " << i;
    EXPECT_EQ(left[static_cast<std::size_t>(a + b - fade - 1)], 0.5f);
    EXPECT_EQ(left[static_cast<std::size_t>(a + b - fade)], 0.0f) << "ended: the gap was not used";
    EXPECT_EQ(left[static_cast<std::size_t>(a + b - fade - 2048)], 0.5f);
}

TEST(EngineSet, StopTransitionWaitsForPlayAndTheNextSongHasItsSettings) {
    const int a = 4800, b = 48000;
    Engine engine;
    engine.setSong(constant(0.5f, a));
    NextSongSettings next;
    next.startFrame = 24000;
    next.click.countInBars = 0;
    ASSERT_TRUE(engine.cueNext(constant(0.25f, b), next, lead(Kind::Stop)));
    engine.play();
    int changes = 0;
    pull(engine, a / kBlock + 8, [&] { changes += engine.consumeSongChanged(); });
    EXPECT_EQ(changes, 1);
    EXPECT_NE(engine.state(), audio::PlayState::Playing);
    const auto silent = pull(engine, 4, [] {});
    for (const float x : silent) ASSERT_EQ(x, 0.0f);
    engine.play();
    const auto played = pull(engine, 20, [] {});
    EXPECT_EQ(played.back(), 0.25f);
    EXPECT_GE(engine.positionFrames(), 24000);
}

// A segued song's own mix is heard from its first sample: set with the cue, nothing ramps from
// the defaults at the seam (a muted click stem must not blast for a moment into the PA).
TEST(EngineSet, ASeguedSongIsHeardAtItsOwnMixFromItsFirstSample) {
    const int a = 4800, b = 4800;
    const float half = 20.0f * std::log10(0.5f);
    Engine engine;
    engine.setSong(constant(0.5f, a));
    ASSERT_TRUE(engine.setCurrentLeadOut(lead(Kind::Segue)));
    NextSongSettings next;
    next.mix = audio::MixSnapshot{{audio::StemMix{half, 0.0f, false, false}}, half};
    ASSERT_TRUE(engine.cueNext(constant(0.5f, b), next, lead(Kind::Stop)));
    ASSERT_TRUE(engine.cuedMix().has_value());
    EXPECT_EQ(*engine.cuedMix(), *next.mix);
    engine.play();
    const auto left = pull(engine, (a + b) / kBlock - 2, [&] { engine.consumeSongChanged(); });
    EXPECT_EQ(left[static_cast<std::size_t>(a - 1)], 0.5f);
    for (int i = a; i < a + 2 * kBlock; ++i)
        ASSERT_NEAR(left[static_cast<std::size_t>(i)], 0.125f, 1e-6f) << "frame " << i - a;
    EXPECT_EQ(engine.mix().snapshot(), *next.mix) << "the song's mix once it is current";
    EXPECT_FALSE(engine.cuedMix().has_value());
}

}  // namespace unity_EngineSetTest
