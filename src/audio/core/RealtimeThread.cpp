#include "stemdeck/audio/core/RealtimeThread.h"

namespace stemdeck::audio {

namespace {
thread_local bool t_realtime = false;
}

RealtimeScope::RealtimeScope() noexcept : previous_(t_realtime) {
    t_realtime = true;
}
RealtimeScope::~RealtimeScope() {
    t_realtime = previous_;
}

bool onRealtimeThread() noexcept {
    return t_realtime;
}

}  // namespace stemdeck::audio
