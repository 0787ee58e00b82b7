#pragma once

#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/audio/transport/Transport.h"

namespace stemdeck::test {

// Renders one block as the audio thread does: inside a RealtimeScope, which
// Transport::process asserts (the control-thread calls around it must stay outside one).
inline void processBlock(audio::Transport& transport, float* out, int frames, int channels) {
    const audio::RealtimeScope realtime;
    transport.process(out, frames, channels);
}

}  // namespace stemdeck::test
