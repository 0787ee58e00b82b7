#include <gtest/gtest.h>
#include <rubberband/RubberBandStretcher.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <vector>

#include "AudioFiles.h"
#include "StderrCapture.h"
#include "stemdeck/audio/stretch/TimeStretcher.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_TimeStretcherTest {

using namespace stemdeck;
using audio::TimeStretcher;

namespace {
constexpr int kRate = 48000;
constexpr int kBlock = 256;

// An unstretched stream from a recorded signal (silence after its end), counting what the
// stretcher has read.
struct Stream {
    std::vector<float> left, right;
    std::int64_t read = 0;

    float at(const std::vector<float>& s, std::int64_t i) const {
        return i < static_cast<std::int64_t>(s.size()) ? s[static_cast<std::size_t>(i)] : 0.0f;
    }
    auto source() {
        return [this](float* l, float* r, int frames) {
            for (int i = 0; i < frames; ++i) {
                l[i] = at(left, read + i);
                r[i] = at(right, read + i);
            }
            read += frames;
        };
    }
};

Stream mono(std::vector<float> signal) {
    Stream s;
    s.left = signal;
    s.right = std::move(signal);
    return s;
}

// Renders `frames` output frames in callback-sized blocks; returns the left channel.
std::vector<float> render(TimeStretcher& stretcher, Stream& stream, std::int64_t frames,
                          int block = kBlock) {
    std::vector<float> left(static_cast<std::size_t>(frames)), right(left.size());
    for (std::int64_t off = 0; off < frames; off += block) {
        const int n = static_cast<int>(std::min<std::int64_t>(block, frames - off));
        stretcher.render(left.data() + off, right.data() + off, n, stream.source());
    }
    return left;
}

// Where a tone burst is heard: the first and last frames where a window centred on them holds
// at least half the energy of a window inside the tone, which for a sharp edge is the edge
// itself. Its length (end - start) is what the listener hears as its duration; a constant
// delay of the stretcher cancels out, and a smeared edge moves both ways alike.
struct Burst {
    std::int64_t start = -1;
    std::int64_t end = -1;
    std::int64_t length() const { return end - start; }
};
Burst findBurst(const std::vector<float>& signal) {
    constexpr std::size_t kWindow = 1024;  // several periods of the lowest tone tested
    std::vector<double> energy(signal.size() > kWindow ? signal.size() - kWindow + 1 : 0);
    double sum = 0.0;
    for (std::size_t i = 0; i < signal.size(); ++i) {
        sum += double{signal[i]} * signal[i];
        if (i >= kWindow) sum -= double{signal[i - kWindow]} * signal[i - kWindow];
        if (i + 1 >= kWindow) energy[i + 1 - kWindow] = sum;
    }
    auto crossings = [&energy](double threshold) {
        Burst b;
        for (std::size_t i = 0; i < energy.size(); ++i) {
            if (energy[i] < threshold) continue;
            const auto centre = static_cast<std::int64_t>(i + kWindow / 2);
            if (b.start < 0) b.start = centre;
            b.end = centre;
        }
        return b;
    };
    // The tone's own level: the middle half of where it clearly sounds.
    const Burst rough = crossings(0.25 * *std::max_element(energy.begin(), energy.end()));
    double plateau = 0.0;
    const std::int64_t from = rough.start + rough.length() / 4;
    const std::int64_t to = rough.end - rough.length() / 4;
    for (std::int64_t c = from; c < to; ++c)
        plateau += energy[static_cast<std::size_t>(c) - kWindow / 2];
    return crossings(0.5 * plateau / static_cast<double>(to - from));
}

// Silence, a tone of `frames` frames, silence.
std::vector<float> toneBurst(double hz, double amplitude, std::int64_t lead, std::int64_t frames,
                             std::int64_t total) {
    std::vector<float> signal(static_cast<std::size_t>(total), 0.0f);
    const auto tone = test::sine(hz, amplitude, kRate, frames);
    std::copy(tone.begin(), tone.end(), signal.begin() + lead);
    return signal;
}

std::vector<float> slice(const std::vector<float>& v, std::int64_t from, std::int64_t to) {
    return {v.begin() + from, v.begin() + to};
}

// The level a steady tone settles at in the middle of the output.
// The loudest sample within 4000 frames of `guess`: where an impulse came out.
std::int64_t loudestNear(const std::vector<float>& out, std::int64_t guess) {
    std::int64_t found = guess;
    const auto last = static_cast<std::int64_t>(out.size());
    for (std::int64_t i = std::max<std::int64_t>(0, guess - 4000);
         i < std::min<std::int64_t>(guess + 4000, last); ++i)
        if (std::abs(out[static_cast<std::size_t>(i)]) >
            std::abs(out[static_cast<std::size_t>(found)]))
            found = i;
    return found;
}
}  // namespace

TEST(TimeStretcher, NeutralSettingsBypassBitExactly) {
    TimeStretcher stretcher;
    stretcher.prepare(kRate);
    Stream stream;
    stream.left = test::noise(0.5, 48000, 1);
    stream.right = test::noise(0.5, 48000, 2);
    std::vector<float> left(48000), right(48000);
    for (int off = 0; off < 48000; off += 300) {
        const int n = std::min(300, 48000 - off);
        stretcher.render(left.data() + off, right.data() + off, n, stream.source());
    }
    EXPECT_EQ(left, stream.left);
    EXPECT_EQ(right, stream.right);
    EXPECT_FALSE(stretcher.active());
    EXPECT_EQ(stretcher.latencyFrames(), 0.0);
    EXPECT_EQ(stream.read, 48000);  // reads exactly what it plays
}

TEST(TimeStretcher, ClampsTempoAndPitch) {
    TimeStretcher stretcher;
    stretcher.setTempo(0.2);
    EXPECT_EQ(stretcher.tempo(), 0.5);
    stretcher.setTempo(3.0);
    EXPECT_EQ(stretcher.tempo(), 1.5);
    stretcher.setTempo(std::nan(""));
    EXPECT_EQ(stretcher.tempo(), 1.5);
    stretcher.setPitch(-12, -50);
    EXPECT_EQ(stretcher.pitchCents(), -1200.0);
    stretcher.setPitch(3, 25);
    EXPECT_EQ(stretcher.pitchCents(), 325.0);
    EXPECT_FALSE(stretcher.neutral());
    stretcher.setTempo(1.0);
    stretcher.setPitch(0);
    EXPECT_TRUE(stretcher.neutral());
}

TEST(TimeStretcher, SlowerTempoLastsLongerAtTheSamePitch) {
    const double amplitude = 0.5;
    const std::int64_t toneFrames = 2 * kRate;
    for (double tempo : {0.8, 1.25}) {
        TimeStretcher stretcher;
        stretcher.prepare(kRate);
        stretcher.setTempo(tempo);
        Stream stream = mono(toneBurst(440.0, amplitude, kRate / 4, toneFrames, 4 * kRate));
        const auto out = render(stretcher, stream, 4 * kRate);
        EXPECT_TRUE(stretcher.active());
        const Burst burst = findBurst(out);
        const double expected = static_cast<double>(toneFrames) / tempo;  // 2.5 s at 0.8
        EXPECT_NEAR(static_cast<double>(burst.length()), expected, kBlock) << tempo;
        // ...and it starts when the source says, to within the window's smear.
        EXPECT_NEAR(static_cast<double>(burst.start), kRate / 4 / tempo, 0.01 * kRate) << tempo;
        const auto middle = slice(out, burst.start + kRate / 4, burst.end - kRate / 4);
        EXPECT_NEAR(test::dominantFrequency(middle, kRate, 200.0, 1000.0), 440.0, 0.5) << tempo;
        EXPECT_NEAR(test::rms(middle), amplitude / std::sqrt(2.0), 0.1 * amplitude) << tempo;
    }
}

TEST(TimeStretcher, StartsWithoutAGap) {
    const double amplitude = 0.5;
    TimeStretcher stretcher;
    stretcher.prepare(kRate);
    stretcher.setTempo(0.8);
    Stream stream = mono(test::sine(440.0, amplitude, kRate, kRate));
    const auto out = render(stretcher, stream, kRate / 2);
    // Switched in on the very first frame: the first 10 ms already carry the tone.
    EXPECT_GT(test::rms(slice(out, 0, kRate / 100)), 0.7f * amplitude / std::sqrt(2.0f));
}

// What a new Rubber Band stretcher (no history) makes of `signal`, set up as TimeStretcher
// sets its own up and used as Rubber Band documents for real-time mode: the start pad fed
// first and the start delay trimmed, so its frame 0 is the signal's frame 0.
std::vector<float> newRubberBand(const std::vector<float>& signal, double tempo, double cents) {
    using RubberBand::RubberBandStretcher;
    RubberBandStretcher rb(
        kRate, 2,
        RubberBandStretcher::OptionProcessRealTime | RubberBandStretcher::OptionEngineFaster |
            RubberBandStretcher::OptionPitchHighConsistency |
            RubberBandStretcher::OptionTransientsCrisp | RubberBandStretcher::OptionThreadingNever);
    rb.setMaxProcessSize(kBlock);
    rb.setTimeRatio(1.0 / tempo);
    rb.setPitchScale(std::exp2(cents / 1200.0));
    std::vector<float> in(rb.getPreferredStartPad(), 0.0f);
    in.insert(in.end(), signal.begin(), signal.end());
    std::vector<float> out, left(kBlock), right(kBlock);
    for (std::size_t at = 0; at + kBlock <= in.size(); at += kBlock) {
        const float* const input[2] = {in.data() + at, in.data() + at};
        rb.process(input, kBlock, false);
        for (int available = rb.available(); available > 0; available = rb.available()) {
            const int k = std::min(available, kBlock);
            float* const output[2] = {left.data(), right.data()};
            rb.retrieve(output, static_cast<std::size_t>(k));
            out.insert(out.end(), left.begin(), left.begin() + k);
        }
    }
    out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(rb.getStartDelay()));
    return out;
}

// The shift (output frames) by which `out` follows `reference` best over its first 8000
// frames, and how well it matches there (1: sample for sample).
std::pair<int, double> alignment(const std::vector<float>& out,
                                 const std::vector<float>& reference) {
    int bestLag = 0;
    double best = -1.0, energy = 0.0;
    constexpr int kFrom = 300, kTo = 8000;
    for (int i = kFrom; i < kTo; ++i) energy += double{reference[i]} * reference[i];
    for (int lag = -200; lag <= 200; ++lag) {
        double sum = 0.0;
        for (int i = kFrom; i < kTo; ++i)
            sum += double{out[static_cast<std::size_t>(i + lag)]} * reference[i];
        if (sum > best) {
            best = sum;
            bestLag = lag;
        }
    }
    return {bestLag, best / energy};
}

// A restart (the start of a render, a seek) plays the source from its first frame, exactly
// as a new stretcher would, though this one has played before (its warm-up, the music before
// the seek): Rubber Band's resampler puts what it held before in front of the new output,
// which must be dropped, and only that. (Dropping 128 frames of the source as well made every
// stretched render start 2.7 ms into the song and end 128 frames short.)
TEST(TimeStretcher, RestartStartsOnTheSourcesFirstFrame) {
    const auto music = test::noise(0.3, kRate / 2, 5);
    for (double tempo : {0.8, 1.25}) {
        for (double cents : {0.0, 1200.0, -1200.0}) {
            const auto reference = newRubberBand(music, tempo, cents);
            for (bool afterMusic : {false, true}) {
                TimeStretcher stretcher;
                stretcher.prepare(kRate);
                stretcher.setTempo(tempo);
                stretcher.setPitchCents(cents);
                if (afterMusic) {  // playing something else, then a seek
                    Stream before = mono(test::sine(440.0, 0.5, kRate, kRate));
                    render(stretcher, before, kRate / 4);
                    stretcher.reset();
                } else {  // engaged from silence, as the transport starts a render
                    stretcher.engageWhileSilent(TimeStretcher::Restart::AtOnce);
                }
                Stream stream = mono(music);
                const auto out = render(stretcher, stream, 9000);
                const auto [lag, match] = alignment(out, reference);
                // Within a frame: the resampler's phase carried over can add one.
                EXPECT_LE(std::abs(lag), 1) << "tempo " << tempo << " cents " << cents
                                            << (afterMusic ? " after music" : " from silence");
                EXPECT_GT(match, 0.95) << "tempo " << tempo << " cents " << cents;
            }
        }
    }
}

// Rubber Band never sees a NaN, an infinity or an absurd level: its phase vocoder would keep
// it (the output stuck at full-scale noise or DC for good, "MovingMedian: NaN encountered" on
// stderr from the audio thread every block). Those samples reach it as silence: the output
// stays finite, nothing is printed, and the music comes back a window after them, with no
// restart.
TEST(TimeStretcher, NeverFeedsRubberBandANanOrAnAbsurdLevel) {
    constexpr std::int64_t kFrames = 3 * kRate;
    constexpr std::int64_t kHugeAt = kRate, kNonFiniteAt = 2 * kRate, kBurst = 96;
    constexpr double kTempo = 0.8;
    Stream clean = mono(test::sine(300.0, 0.3, kRate, kFrames));
    Stream bursts = clean;
    constexpr float kInf = std::numeric_limits<float>::infinity();
    constexpr float kNonFinite[] = {std::numeric_limits<float>::quiet_NaN(), kInf, -kInf};
    for (std::int64_t i = 0; i < kBurst; ++i) {
        bursts.left[static_cast<std::size_t>(kHugeAt + i)] = i % 2 ? -3e38f : 3e38f;
        bursts.right[static_cast<std::size_t>(kNonFiniteAt + i)] = kNonFinite[i % 3];
    }
    const auto output = static_cast<std::int64_t>(kFrames / kTempo);
    TimeStretcher reference, guarded;
    for (TimeStretcher* stretcher : {&reference, &guarded}) {
        stretcher->prepare(kRate);
        stretcher->setTempo(kTempo);
        stretcher->setPitch(3);
    }
    const auto expected = render(reference, clean, output);
    test::StderrCapture stderrText;
    const auto out = render(guarded, bursts, output);
    EXPECT_EQ(stderrText.text(), "");
    for (std::size_t i = 0; i < out.size(); ++i) ASSERT_TRUE(std::isfinite(out[i])) << i;
    EXPECT_GE(guarded.silencedPieces(), 2u);
    EXPECT_EQ(reference.silencedPieces(), 0u);
    // The music is back one window (2048 frames) after each burst is heard.
    const auto heard = [](std::int64_t frame) { return static_cast<std::int64_t>(frame / kTempo); };
    const std::int64_t windows[][2] = {{heard(kHugeAt + kBurst) + 2048, heard(kNonFiniteAt) - 2048},
                                       {heard(kNonFiniteAt + kBurst) + 2048, output - 4096}};
    for (const auto& [from, to] : windows) {
        std::vector<float> diff;
        for (std::int64_t i = from; i < to; ++i)
            diff.push_back(out[static_cast<std::size_t>(i)] -
                           expected[static_cast<std::size_t>(i)]);
        EXPECT_LT(test::rms(diff), 0.1f * test::rms(slice(expected, from, to))) << "from " << from;
    }
}

TEST(TimeStretcher, OctaveUpDoublesTheFrequencyAtTheSameLength) {
    const double amplitude = 0.5;
    const std::int64_t toneFrames = 2 * kRate;
    TimeStretcher stretcher;
    stretcher.prepare(kRate);
    stretcher.setPitch(12);
    Stream stream = mono(toneBurst(330.0, amplitude, kRate / 4, toneFrames, 3 * kRate));
    const auto out = render(stretcher, stream, 3 * kRate);
    // Time ratio 1: the same length, to within how far a pitch-shifted tone's edges smear.
    const double tolerance = 0.012 * kRate;
    const Burst burst = findBurst(out);
    EXPECT_NEAR(static_cast<double>(burst.length()), toneFrames, tolerance);
    const auto middle = slice(out, burst.start + kRate / 4, burst.end - kRate / 4);
    EXPECT_NEAR(test::dominantFrequency(middle, kRate, 200.0, 1000.0), 660.0, 0.5);

    TimeStretcher down;
    down.prepare(kRate);
    down.setPitch(-7, -30);  // a fifth and a bit down: 330 * 2^(-730/1200)
    Stream again = mono(toneBurst(330.0, amplitude, kRate / 4, toneFrames, 3 * kRate));
    const auto lower = render(down, again, 3 * kRate);
    const Burst lowBurst = findBurst(lower);
    EXPECT_NEAR(static_cast<double>(lowBurst.length()), toneFrames, tolerance);
    EXPECT_NEAR(
        test::dominantFrequency(slice(lower, lowBurst.start + kRate / 4, lowBurst.end - kRate / 4),
                                kRate, 100.0, 500.0),
        330.0 * std::exp2(-730.0 / 1200.0), 0.5);
}

// Every control moving while it plays, neutral crossed over and over (the stretcher switching
// in and out): never a NaN, never a runaway level.
TEST(TimeStretcher, LiveTempoAndPitchChangesStayFiniteAndBounded) {
    TimeStretcher stretcher;
    stretcher.prepare(kRate);
    Stream stream;
    const std::int64_t frames = 20 * kRate;
    stream.left = test::sine(220.0, 0.3, kRate, frames);
    stream.right = test::sine(331.0, 0.3, kRate, frames);
    const auto noise = test::noise(0.2, frames, 7);
    for (std::size_t i = 0; i < noise.size(); ++i) stream.left[i] += noise[i];
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<float> left(kBlock), right(kBlock);
    int switches = 0;
    bool wasActive = false;
    for (std::int64_t done = 0; done < 15 * kRate; done += kBlock) {
        const auto block = done / kBlock;
        if (block % 7 == 0) stretcher.setTempo(0.5 + unit(rng));
        if (block % 11 == 0) stretcher.setPitchCents(2400.0 * unit(rng) - 1200.0);
        if (block % 50 == 0) {  // back to neutral: switches the stretcher out
            stretcher.setTempo(1.0);
            stretcher.setPitch(0);
        }
        stretcher.render(left.data(), right.data(), kBlock, stream.source());
        for (int i = 0; i < kBlock; ++i) {
            ASSERT_TRUE(std::isfinite(left[i]) && std::isfinite(right[i])) << done + i;
            ASSERT_LE(std::abs(left[i]), 1.5f) << done + i;
            ASSERT_LE(std::abs(right[i]), 1.5f) << done + i;
        }
        ASSERT_GE(stretcher.latencyFrames(), 0.0);
        ASSERT_LT(stretcher.latencyFrames(), 8192.0);
        if (stretcher.active() != wasActive) ++switches;
        wasActive = stretcher.active();
    }
    EXPECT_GE(switches, 10);
}

// Switching in and out crossfades: a sine shows no step bigger than its own slope allows.
TEST(TimeStretcher, SwitchingInAndOutDoesNotClick) {
    const double hz = 440.0;
    const double amplitude = 0.5;
    TimeStretcher stretcher;
    stretcher.prepare(kRate);
    Stream stream = mono(test::sine(hz, amplitude, kRate, 10 * kRate));
    std::vector<float> out;
    std::vector<float> left(kBlock), right(kBlock);
    for (int block = 0; block < 8 * kRate / kBlock; ++block) {
        if (block % 150 == 20) stretcher.setTempo(0.9);
        if (block % 150 == 90) stretcher.setTempo(1.0);
        stretcher.render(left.data(), right.data(), kBlock, stream.source());
        out.insert(out.end(), left.begin(), left.end());
    }
    const float naturalStep =
        static_cast<float>(2.0 * amplitude * std::sin(std::numbers::pi * hz / kRate));
    EXPECT_LE(test::maxStep(out), 2.0f * naturalStep);
}

// Where the listener is: the source position minus latencyFrames(). Impulses in the source
// must come out when that says they are heard, to within 10 ms: a phase vocoder smears an
// impulse over its window, and Rubber Band's own alignment varies by a few ms with the ratio.
TEST(TimeStretcher, LatencyCompensatesThePosition) {
    for (double tempo : {0.8, 1.0 - 1.0 / 64, 1.3}) {
        TimeStretcher stretcher;
        stretcher.prepare(kRate);
        stretcher.setTempo(tempo);
        const std::int64_t frames = 12 * kRate;
        Stream stream = mono(test::sine(300.0, 0.05, kRate, frames));
        std::vector<std::int64_t> clicks;
        for (std::int64_t at = kRate; at < frames - kRate; at += kRate * 3 / 2) {
            clicks.push_back(at);
            stream.left[static_cast<std::size_t>(at)] = stream.right[static_cast<std::size_t>(at)] =
                1.0f;
        }
        std::vector<float> out;
        std::vector<double> heardAtBlockEnd;
        std::vector<float> left(kBlock), right(kBlock);
        while (stream.read < frames) {
            stretcher.render(left.data(), right.data(), kBlock, stream.source());
            out.insert(out.end(), left.begin(), left.end());
            heardAtBlockEnd.push_back(static_cast<double>(stream.read) - stretcher.latencyFrames());
        }
        EXPECT_GT(stretcher.latencyFrames(), 0.0);
        EXPECT_GT(stretcher.startDelay(), 0);
        for (std::int64_t click : clicks) {
            // The click's output frame: the loudest sample near where the tempo puts it.
            const auto guess = static_cast<std::int64_t>(click / tempo);
            const std::int64_t found = loudestNear(out, guess);
            // The heard position at that output frame, interpolated within its block.
            const auto block = static_cast<std::size_t>(found / kBlock);
            const double end = heardAtBlockEnd[block];
            const double heard = end - (kBlock - 1 - found % kBlock) * tempo;
            EXPECT_NEAR(heard, static_cast<double>(click), 0.01 * kRate)
                << "tempo " << tempo << " click at " << click << " heard at output " << found;
        }
    }
}

// A speed trainer: tempo rising step by step for 20 s. The compensation must not drift.
TEST(TimeStretcher, LatencyDoesNotDriftWhileTheTempoRamps) {
    TimeStretcher stretcher;
    stretcher.prepare(kRate);
    stretcher.setTempo(0.7);
    const std::int64_t frames = 24 * kRate;
    Stream stream = mono(test::sine(300.0, 0.05, kRate, frames));
    std::vector<std::int64_t> clicks;
    for (std::int64_t at = kRate; at < frames - 2 * kRate; at += kRate) {
        clicks.push_back(at);
        stream.left[static_cast<std::size_t>(at)] = stream.right[static_cast<std::size_t>(at)] =
            1.0f;
    }
    std::vector<float> out;
    std::vector<double> heardAt;  // per output frame
    std::vector<float> left(kBlock), right(kBlock);
    std::int64_t block = 0;
    while (stream.read < frames - kRate) {
        // +0.005 every 1/8 s: 0.7 to 1.0 in under 8 s, then steady.
        if (block % 23 == 0)
            stretcher.setTempo(std::min(1.0 - 1.0 / 128, 0.7 + 0.005 * (block / 23)));
        const double before = heardAt.empty() ? 0.0 : heardAt.back();
        stretcher.render(left.data(), right.data(), kBlock, stream.source());
        const double after = static_cast<double>(stream.read) - stretcher.latencyFrames();
        for (int i = 0; i < kBlock; ++i)
            heardAt.push_back(before + (after - before) * (i + 1) / kBlock);
        out.insert(out.end(), left.begin(), left.end());
        ++block;
    }
    std::vector<double> errors;
    for (std::int64_t click : clicks) {
        const auto it =
            std::lower_bound(heardAt.begin(), heardAt.end(), static_cast<double>(click));
        if (it == heardAt.end()) break;
        const auto guess = it - heardAt.begin();
        const std::int64_t found = loudestNear(out, guess);
        errors.push_back(heardAt[static_cast<std::size_t>(found)] - static_cast<double>(click));
    }
    ASSERT_GE(errors.size(), 15u);
    double worst = 0.0;
    for (double e : errors) worst = std::max(worst, std::abs(e));
    EXPECT_LT(worst, 0.01 * kRate);
    // No drift: the last clicks are placed as well as the first ones.
    const auto mean = [](auto from, auto to) {
        double sum = 0.0;
        for (auto it = from; it != to; ++it) sum += *it;
        return sum / static_cast<double>(to - from);
    };
    EXPECT_NEAR(mean(errors.end() - 4, errors.end()), mean(errors.begin(), errors.begin() + 4),
                0.004 * kRate);
}

TEST(TimeStretcher, ResetDropsBufferedAudio) {
    TimeStretcher stretcher;
    stretcher.prepare(kRate);
    stretcher.setTempo(0.75);
    Stream stream = mono(test::sine(440.0, 0.5, kRate, kRate));
    const auto before = render(stretcher, stream, kRate / 2);
    EXPECT_GT(test::rms(slice(before, 0, kRate / 2)), 0.3f);
    // The transport jumped to where the song is silent: nothing of the old audio may follow.
    stretcher.reset();
    Stream silence = mono(std::vector<float>(kRate, 0.0f));
    const auto after = render(stretcher, silence, kRate / 4);
    for (float s : after) ASSERT_LT(std::abs(s), 1e-4f);
}

// After a seek in real time the restart is spread over several renders, which give silence
// (its cost per render is in bench/StretchBench.cpp: no more than a steady render's), then
// fades in where the seek went, with the position right all along. At once, the first render
// after the seek already plays.
TEST(TimeStretcher, SpreadRestartTakesSeveralSilentRendersThenFadesInOnTime) {
    constexpr double kTempo = 0.8;
    constexpr std::int64_t kJump = 5 * kRate;
    constexpr std::int64_t kClick = kJump + kRate / 2;  // an impulse half a second after it
    for (const int block : {64, 256, 1024}) {
        TimeStretcher stretcher;
        stretcher.prepare(kRate);
        stretcher.setTempo(kTempo);
        Stream stream = mono(test::sine(300.0, 0.05, kRate, 8 * kRate));
        stream.left[kClick] = stream.right[kClick] = 1.0f;
        render(stretcher, stream, kRate, block);  // steady state, somewhere else in the song

        stream.read = kJump;  // the transport seeked
        stretcher.reset(TimeStretcher::Restart::Spread);
        std::vector<float> out;
        std::vector<double> heardAtBlockEnd;
        std::vector<float> left(static_cast<std::size_t>(block)), right(left.size());
        std::int64_t silentFrames = 0;
        bool primed = false;
        for (std::int64_t done = 0; done < kRate; done += block) {
            stretcher.render(left.data(), right.data(), block, stream.source());
            const bool wasPriming = !primed;
            primed = primed || !stretcher.priming();
            if (wasPriming) {
                // Silence while priming, and the listener is still where the seek went.
                for (float s : left) ASSERT_EQ(s, 0.0f) << "block " << block;
                silentFrames += block;
                EXPECT_NEAR(static_cast<double>(stream.read) - stretcher.latencyFrames(),
                            static_cast<double>(kJump), 1.0);
            }
            out.insert(out.end(), left.begin(), left.end());
            heardAtBlockEnd.push_back(static_cast<double>(stream.read) - stretcher.latencyFrames());
        }
        EXPECT_GE(silentFrames, 2 * block) << "spread over renders";
        EXPECT_LT(silentFrames, kRate / 20) << "block " << block;  // under 50 ms
        // No click where the sound comes back: the fade-in.
        const auto afterGap = slice(out, silentFrames, silentFrames + kRate / 4);
        const float naturalStep =
            static_cast<float>(2.0 * 0.05 * std::sin(std::numbers::pi * 300.0 / kRate));
        EXPECT_LE(test::maxStep(afterGap), 2.0f * naturalStep) << "block " << block;
        // The impulse is heard where the position says, to within 10 ms.
        const auto guess = static_cast<std::int64_t>(silentFrames + (kClick - kJump) / kTempo);
        const std::int64_t found = loudestNear(out, guess);
        const auto b = static_cast<std::size_t>(found / block);
        const double heard = heardAtBlockEnd[b] - (block - 1 - found % block) * kTempo;
        EXPECT_NEAR(heard, static_cast<double>(kClick), 0.01 * kRate) << "block " << block;
    }

    // The same seek restarted at once plays in its first render.
    TimeStretcher stretcher;
    stretcher.prepare(kRate);
    stretcher.setTempo(kTempo);
    Stream stream = mono(test::sine(300.0, 0.05, kRate, 8 * kRate));
    render(stretcher, stream, kRate, 64);
    stretcher.reset(TimeStretcher::Restart::AtOnce);
    const auto first = render(stretcher, stream, 64, 64);
    EXPECT_FALSE(stretcher.priming());
    EXPECT_GT(test::rms(first), 0.01f);
}

// Switching tempo back to 100 % while a spread restart is still silent leaves cleanly.
TEST(TimeStretcher, SwitchingOutDuringASpreadRestartGoesStraightToTheSource) {
    TimeStretcher stretcher;
    stretcher.prepare(kRate);
    stretcher.setTempo(0.8);
    Stream stream = mono(test::sine(440.0, 0.5, kRate, 4 * kRate));
    render(stretcher, stream, kRate / 2, 64);
    stretcher.reset(TimeStretcher::Restart::Spread);
    render(stretcher, stream, 128, 64);
    ASSERT_TRUE(stretcher.priming());
    stretcher.setTempo(1.0);
    const auto out = render(stretcher, stream, kRate / 4, 64);
    EXPECT_FALSE(stretcher.active());
    EXPECT_FALSE(stretcher.priming());
    EXPECT_EQ(stretcher.latencyFrames(), 0.0);
    const float naturalStep =
        static_cast<float>(2.0 * 0.5 * std::sin(std::numbers::pi * 440.0 / kRate));
    EXPECT_LE(test::maxStep(out), 2.0f * naturalStep);
    EXPECT_GT(test::rms(slice(out, kRate / 8, kRate / 4)),
              0.3f);  // the source itself, at full level
}

}  // namespace unity_TimeStretcherTest
