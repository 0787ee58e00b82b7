#include "stemdeck/audio/device/AudioCallback.h"

#include <chrono>

#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/device/LatencyMonitor.h"
#include "stemdeck/audio/transport/SetTransport.h"
#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::audio {

namespace {
// One body for both contexts: `player` is a Transport or a SetTransport.
template <typename Context, typename Player>
void render(Context& context, Player& player, float* out, int frames, int channels,
            bool underflow) noexcept {
    const RealtimeScope realtime;
    // One writer: a plain load and store, no locked read-modify-write.
    context.heartbeat.store(context.heartbeat.load(std::memory_order_relaxed) + 1,
                            std::memory_order_relaxed);
#ifdef STEMDECK_NO_LATENCY_MONITOR
    (void)underflow;
    player.process(out, frames, channels);
#else
    if (underflow) context.monitor.countUnderflow();
    if (!context.monitor.active()) {
        player.process(out, frames, channels);
        return;
    }
    const auto start = std::chrono::steady_clock::now();
    player.process(out, frames, channels);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    context.monitor.record(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count(),
                           frames);
#endif
}

}  // namespace

void renderCallback(CallbackContext& context, float* out, int frames, int channels,
                    bool underflow) noexcept {
    render(context, context.transport, out, frames, channels, underflow);
}

void renderCallback(SetCallbackContext& context, float* out, int frames, int channels,
                    bool underflow) noexcept {
    render(context, context.set, out, frames, channels, underflow);
}

bool latencyMonitorCompiledIn() noexcept {
#ifdef STEMDECK_NO_LATENCY_MONITOR
    return false;
#else
    return true;
#endif
}

}  // namespace stemdeck::audio
