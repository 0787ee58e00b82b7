#pragma once
// Action → first audible frame on the recorded JACK output: how the latency tests of the MIDI,
// OSC and HTTP doors judge their runs, one way for all three. A muted stem of a tone is
// unmuted once per run; each run's send moment is a JACK frame time.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <ostream>
#include <string>
#include <vector>

#include "JackRecorder.h"
#include "JackServer.h"

namespace stemdeck::test {

struct LatencyRuns {
    std::vector<double> ms;    // measured runs, sorted
    int nearMissedCycles = 0;  // left out: JACK skipped the recorder, or missed a cycle nearby
    int lateCycles = 0;        // left out: already audible at the send (see measureLatencies)

    double quantile(double q) const {
        return ms[static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1))];
    }
    // One line for the test's output: the figures the closing notes quote.
    void print(std::ostream& out, const std::string& what, int period, int rate) const {
        out << what << " -> recorded output at " << period << " frames (" << 1000.0 * period / rate
            << " ms), " << ms.size() << " runs (" << nearMissedCycles
            << " left out near JACK xruns, " << lateCycles << " in cycles JACK ran late): p50 "
            << quantile(0.5) << " ms, p95 " << quantile(0.95) << " ms, max " << ms.back()
            << " ms\n";
    }
};

// Test thread, after recorder.stop(). `sentAt`: each run's send as a JACK frame time. When the
// send moment is an estimate (jack_frame_time on the control thread), a run already audible
// at its frame means JACK ran that cycle late and the estimate was past the cycle that played
// the change: `leaveOutLateCycles` drops those. An exact send frame (a JACK MIDI event's) keeps
// them, so that a stem that was not silent shows as a latency of 0 or less.
inline LatencyRuns measureLatencies(const JackRecorder& recorder,
                                    const std::vector<std::uint32_t>& sentAt,
                                    bool leaveOutLateCycles) {
    LatencyRuns runs;
    const auto& left = recorder.channel(0);
    const std::int64_t frames = recorder.frames();
    const auto marks = recorder.jack().marks();
    const int period = recorder.jack().periodFrames();
    for (std::size_t run = 0; run < sentAt.size(); ++run) {
        const std::int64_t sent = recorder.indexOfFrameTime(sentAt[run]);
        if (sent < 0) {  // JACK skipped the recorder in that cycle
            ++runs.nearMissedCycles;
            continue;
        }
        if (leaveOutLateCycles && std::abs(left[static_cast<std::size_t>(sent)]) > 1e-3f) {
            ++runs.lateCycles;
            continue;
        }
        std::int64_t onset = sent;
        while (onset < frames && std::abs(left[static_cast<std::size_t>(onset)]) <= 1e-3f) ++onset;
        if (onset >= frames) {
            ADD_FAILURE() << "run " << run << ": nothing was heard";
            continue;
        }
        const bool jackMissed = std::any_of(marks.begin(), marks.end(), [&](std::int64_t m) {
            return m >= sent - 2 * period && m <= onset + period;
        });
        if (jackMissed || recorder.jack().marksOverflowed()) {
            ++runs.nearMissedCycles;
            continue;
        }
        const std::int64_t heardAt = recorder.frameTimeOf(onset);
        if (heardAt < 0) {
            ADD_FAILURE() << "run " << run << ": the onset's frame time is unknown";
            continue;
        }
        const auto latency =
            static_cast<std::int32_t>(static_cast<std::uint32_t>(heardAt) - sentAt[run]);
        runs.ms.push_back(1000.0 * latency / recorder.sampleRate());
    }
    std::sort(runs.ms.begin(), runs.ms.end());
    return runs;
}

// Why a latency test cannot measure here, or nullptr: it needs the wrapper's JACK server, and
// timing under a sanitizer measures the sanitizer.
inline const char* latencySkipReason() {
    if (wrapperJackServerName().empty()) return "needs with_jack.sh";
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return "timing under a sanitizer measures the sanitizer";
#else
    return nullptr;
#endif
}

// What each latency test shares: its runs (at least 30 are measured once those near cycles
// JACK missed are left out), how long it waits on one step, and the tone's rate.
inline constexpr int kLatencyRuns = 50;
inline constexpr int kLatencyTimeoutMs = 10000;
inline constexpr int kLatencyRate = 48000;

// Test thread: judges the runs one way for every door: enough measured, the figures printed,
// p95 within one buffer (`period` frames) + 10 ms. With an exact send frame (`exactSend`), a
// run of 0 ms or less means the stem was not silent when the action went out.
inline void expectWithinAPeriodPlusTenMs(const LatencyRuns& runs, const std::string& what,
                                         int period, int rate, bool exactSend) {
    ASSERT_GE(runs.ms.size(), 30u) << runs.nearMissedCycles << " runs near cycles JACK missed, "
                                   << runs.lateCycles << " already audible when sent";
    runs.print(std::cout, what, period, rate);
    EXPECT_LE(runs.quantile(0.95), 1000.0 * period / rate + 10.0);
    if (exactSend) {
        EXPECT_GT(runs.ms.front(), 0.0) << "the stem was not silent at a send";
    }
}

}  // namespace stemdeck::test
