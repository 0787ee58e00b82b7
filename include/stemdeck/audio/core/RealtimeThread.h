#pragma once

namespace stemdeck::audio {

// Marks the current thread as running an audio callback for the scope's lifetime, so that
// debug checks and the tests' allocation/lock counters can tell the audio thread apart.
// Costs one thread-local store on entry and exit.
class RealtimeScope {
  public:
    RealtimeScope() noexcept;
    ~RealtimeScope();
    RealtimeScope(const RealtimeScope&) = delete;
    RealtimeScope& operator=(const RealtimeScope&) = delete;

  private:
    bool previous_;
};

// True on a thread inside a RealtimeScope.
bool onRealtimeThread() noexcept;

}  // namespace stemdeck::audio
