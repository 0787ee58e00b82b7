#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

struct _jack_client;

namespace stemdeck::test {

// The xruns JACK itself reports while a test runs (jack_set_xrun_callback): its dummy driver
// woken late, or a client that had not finished its cycle in time. On a busy machine these are
// the machine's doing, unless stemdeck's callback was itself late, which the latency monitor
// shows (LatencyStats::lateCallbacks, the callback's own duration against its budget). Tests
// compare what stemdeck saw (underflows, a cut in a recording) with what JACK reported and
// fail only on what JACK cannot explain.
class JackXruns {
  public:
    JackXruns() = default;
    ~JackXruns();
    JackXruns(const JackXruns&) = delete;
    JackXruns& operator=(const JackXruns&) = delete;

    // Opens a client of its own on the wrapper's server and counts from now on. False with the
    // reason in error(). Control thread.
    bool start();
    void stop();
    const std::string& error() const { return error_; }

    // Counts the xruns that `client` (open, not yet activated, owned by the caller) hears of.
    // Each is marked at `*position` (frames of a recording) when its notice arrives.
    void watch(_jack_client* client, const std::atomic<std::int64_t>* position);

    // Any thread.
    std::uint64_t count() const { return count_.load(std::memory_order_acquire); }
    // Frames per JACK cycle (0 before start() or watch()).
    int periodFrames() const { return period_; }

    // The most underflows stemdeck can have been told of for the xruns counted: PortAudio
    // flags every callback it makes in the JACK cycle after an xrun (one status per host
    // buffer), so with 1024-frame cycles and 256-frame callbacks one xrun is 4 underflows.
    std::uint64_t underflowsExplained(int framesPerCallback) const;

    // Marks a place in a recording where JACK missed something (real-time safe: the recorder
    // calls it from its process callback when a cycle went missing). At most kMaxMarks kept.
    void mark(std::int64_t at) noexcept;
    static constexpr std::size_t kMaxMarks = 64;
    // The marks kept, and whether any were dropped (more than kMaxMarks).
    std::vector<std::int64_t> marks() const;
    bool marksOverflowed() const { return marksTaken_.load() > kMaxMarks; }

  private:
    static int onXrun(void* self);

    _jack_client* own_ = nullptr;  // when started with a client of its own
    const std::atomic<std::int64_t>* position_ = nullptr;
    int period_ = 0;
    std::atomic<std::uint64_t> count_{0};
    std::array<std::atomic<std::int64_t>, kMaxMarks> marks_{};
    std::atomic<std::size_t> marksTaken_{0};
    std::string error_;
};

}  // namespace stemdeck::test
