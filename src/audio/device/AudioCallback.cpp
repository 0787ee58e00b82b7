#include "stemdeck/audio/device/AudioCallback.h"

#include <chrono>

#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/device/LatencyMonitor.h"
#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::audio {

void renderCallback(CallbackContext& context, float* out, int frames, int channels,
                    bool underflow) noexcept {
    const RealtimeScope realtime;
    // One writer: a plain load and store, no locked read-modify-write.
    context.heartbeat.store(context.heartbeat.load(std::memory_order_relaxed) + 1,
                            std::memory_order_relaxed);
#ifdef STEMDECK_NO_LATENCY_MONITOR
    (void)underflow;
    context.transport.process(out, frames, channels);
#else
    if (underflow) context.monitor.countUnderflow();
    if (!context.monitor.active()) {
        context.transport.process(out, frames, channels);
        return;
    }
    const auto start = std::chrono::steady_clock::now();
    context.transport.process(out, frames, channels);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    context.monitor.record(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count(),
                           frames);
#endif
}

bool latencyMonitorCompiledIn() noexcept {
#ifdef STEMDECK_NO_LATENCY_MONITOR
    return false;
#else
    return true;
#endif
}

}  // namespace stemdeck::audio
