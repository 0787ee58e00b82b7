#pragma once

#include <cassert>

#include "stemdeck/audio/core/RealtimeThread.h"

// Checkable thread contracts. An audio-thread-only function states
// STEMDECK_EXPECT_AUDIO_THREAD(): it must run inside a RealtimeScope (the PortAudio callback
// opens one; so do the offline renderer and the tests around what they render). A
// control-thread-only function (one that allocates or resizes what the audio thread reads)
// states STEMDECK_EXPECT_CONTROL_THREAD(): it must not run inside one.
//
// They are assert()s: checked in Debug and in the default RelWithDebInfo build (which keeps
// assertions, so the sanitizer builds of test.sh check them too), compiled out by NDEBUG in
// Release, where they cost nothing. Checked, the audio thread pays one thread-local read per
// call, so only entry points (not per-sample helpers) state them.
#define STEMDECK_EXPECT_AUDIO_THREAD()              \
    assert(::stemdeck::audio::onRealtimeThread() && \
           "audio thread only: call inside a RealtimeScope")
#define STEMDECK_EXPECT_CONTROL_THREAD()             \
    assert(!::stemdeck::audio::onRealtimeThread() && \
           "control thread only: not on the audio "  \
           "thread")
