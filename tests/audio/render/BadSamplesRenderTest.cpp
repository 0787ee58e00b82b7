// Samples that are not audio (NaN, infinities, a float stem's 3e38, which overflows to
// infinity in the mix) in a Song built in memory, which no loader has bounded: the render
// path silences them before the time stretcher and the limiter can keep them, so every output
// sample is finite, nothing is printed from the audio path, and the music comes back right
// after them. (They once left NaN in float output and, with a tempo change, the rest of the
// render stuck at full-scale DC, with Rubber Band printing "MovingMedian: NaN" every block.)
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "AudioFiles.h"
#include "MemorySong.h"
#include "StderrCapture.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/audio/mix/MixControls.h"
#include "stemdeck/audio/render/OfflineRenderer.h"

namespace stemdeck::audio {
namespace {

constexpr int kRate = 48000;
constexpr std::int64_t kFrames = 3 * kRate;
constexpr std::int64_t kBurst = 96;  // 2 ms
// Where the bursts start: +-3e38, NaN, +-infinity.
constexpr std::int64_t kBursts[] = {3 * kRate / 4, 3 * kRate / 2, 9 * kRate / 4};

struct Songs {
    Song clean;
    Song bursts;
};

// Two tones; on the first, 2 ms of each kind of burst.
Songs songs() {
    const auto a = test::sine(220.0, 0.3, kRate, kFrames);
    const auto b = test::sine(330.0, 0.3, kRate, kFrames);
    auto bad = a;
    constexpr float kInf = std::numeric_limits<float>::infinity();
    for (std::int64_t i = 0; i < kBurst; ++i) {
        const float sign = i % 2 ? -1.0f : 1.0f;
        bad[static_cast<std::size_t>(kBursts[0] + i)] = sign * 3e38f;
        bad[static_cast<std::size_t>(kBursts[1] + i)] = std::numeric_limits<float>::quiet_NaN();
        bad[static_cast<std::size_t>(kBursts[2] + i)] = sign * kInf;
    }
    return {test::MemorySong(kRate).mono("a", a).mono("b", b).build(),
            test::MemorySong(kRate).mono("a", bad).mono("b", b).build()};
}

std::vector<float> difference(const std::vector<float>& a, const std::vector<float>& b) {
    std::vector<float> d(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) d[i] = a[i] - b[i];
    return d;
}

struct Setting {
    double tempo;
    double cents;
};

class BadSamplesRender : public testing::TestWithParam<Setting> {};

TEST_P(BadSamplesRender, AreSilencedAndTheMusicComesBack) {
    const auto [tempo, cents] = GetParam();
    const Songs song = songs();
    MixControls mix(song.clean.stems.size());
    RenderOptions options;
    options.tempo = tempo;
    options.pitchCents = cents;
    const auto clean = OfflineRenderer::renderToBuffer(song.clean, mix, options);
    test::StderrCapture stderrText;
    const auto out = OfflineRenderer::renderToBuffer(song.bursts, mix, options);
    EXPECT_EQ(stderrText.text(), "") << "the audio path printed";
    ASSERT_EQ(out.size(), clean.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        ASSERT_TRUE(std::isfinite(out[i])) << "sample " << i << ": " << out[i];

    // Output frames are interleaved stereo; where a burst is heard, at the tempo.
    const auto heard = [tempo](std::int64_t songFrame) {
        return 2 * static_cast<std::int64_t>(static_cast<double>(songFrame) / tempo);
    };
    const auto inBurst = [](std::int64_t frame) {
        for (std::int64_t at : kBursts)
            if (frame >= at && frame < at + kBurst) return true;
        return false;
    };
    if (tempo == 1.0 && cents == 0.0) {
        // No stretcher: exactly the clean render but for the bursts' own frames (silence).
        for (std::size_t i = 0; i < out.size(); ++i) {
            const auto frame = static_cast<std::int64_t>(i / 2);
            ASSERT_EQ(out[i], inBurst(frame) ? 0.0f : clean[i]) << "frame " << frame;
        }
        return;
    }
    // Stretched: the same as the clean render until Rubber Band's window reaches the first
    // burst; a gap of about its window around each; then, one window (2048 frames, 43 ms)
    // after each burst is heard, the music again: within 10 % of the clean render (the phase
    // vocoder's phases after the gap differ a little from those without it: 1-3 %).
    const std::int64_t window = 2 * 2048;
    for (std::int64_t i = 0; i < heard(kBursts[0]) - window; ++i)
        ASSERT_EQ(out[static_cast<std::size_t>(i)], clean[static_cast<std::size_t>(i)]) << i;
    const auto diff = difference(out, clean);
    const auto songEnd = static_cast<std::int64_t>(out.size()) - window;  // the end's own smear
    for (std::size_t k = 0; k < std::size(kBursts); ++k) {
        const std::int64_t end =
            k + 1 < std::size(kBursts) ? heard(kBursts[k + 1]) - window : songEnd;
        for (std::int64_t from = heard(kBursts[k] + kBurst) + window; from + window <= end;
             from += window)
            ASSERT_LT(test::rms(diff, from, from + window),
                      0.1 * test::rms(clean, from, from + window))
                << "burst " << k << ", output frame " << from / 2;
    }
}

INSTANTIATE_TEST_SUITE_P(Render, BadSamplesRender,
                         testing::Values(Setting{1.0, 0.0}, Setting{0.8, 300.0}),
                         [](const auto& info) {
                             return info.param.tempo == 1.0 ? std::string("Plain")
                                                            : std::string("Tempo80Pitch3");
                         });

}  // namespace
}  // namespace stemdeck::audio
