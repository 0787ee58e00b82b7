#pragma once

#include <atomic>
#include <cstdint>

namespace stemdeck::audio {

class Transport;
class SetTransport;
class LatencyMonitor;

// What the audio callback works on. Owned by the Engine; the callback-cost driver
// (bench/CallbackCost.cpp) builds one of its own.
struct CallbackContext {
    Transport& transport;
    LatencyMonitor& monitor;
    // Bumped once per callback: the control thread's proof that callbacks still arrive.
    std::atomic<std::uint64_t>& heartbeat;
};

// The Engine's: the same, for a set (the current song and the next one in one stream).
struct SetCallbackContext {
    SetTransport& set;
    LatencyMonitor& monitor;
    std::atomic<std::uint64_t>& heartbeat;
};

// The whole body of the audio callback (audio thread; real-time safe): renders `frames`
// interleaved frames into `out` and, when the latency monitor is on, times the work. A free
// function so that the offline driver measures exactly what the PortAudio callback runs.
void renderCallback(CallbackContext& context, float* out, int frames, int channels,
                    bool underflow) noexcept;
void renderCallback(SetCallbackContext& context, float* out, int frames, int channels,
                    bool underflow) noexcept;

// False in a build configured with -DSTEMDECK_LATENCY_MONITOR=OFF, where renderCallback has
// no monitor code at all (the reference for the monitor's cost when switched off).
bool latencyMonitorCompiledIn() noexcept;

}  // namespace stemdeck::audio
