#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "JackXruns.h"

struct _jack_client;
struct _jack_port;

namespace stemdeck::test {

// A JACK client that records what another client plays: two input ports connected to the
// first two audio outputs of `client` (PortAudio's, on the wrapper's dummy server), written
// into a buffer sized up front. Tests read what really reached the device, cuts included, and
// where JACK itself missed something: each xrun it reported and each cycle the recorder did not
// get (its frame time jumped), so that a cut JACK made can be told from one stemdeck made.
class JackRecorder {
  public:
    explicit JackRecorder(double maxSeconds = 20.0) : maxSeconds_(maxSeconds) {}
    ~JackRecorder();
    JackRecorder(const JackRecorder&) = delete;
    JackRecorder& operator=(const JackRecorder&) = delete;

    // Opens the recording client and connects it to the outputs of the client whose port
    // names start with `client` + ":" (any client but the dummy driver's when empty).
    // False with the reason in error().
    bool start(const std::string& client = {});
    void stop();
    const std::string& error() const { return error_; }

    // Frames recorded so far (any thread), and one channel of them (after stop() or while
    // recording: frames below frames() are complete).
    std::int64_t frames() const { return written_.load(std::memory_order_acquire); }
    const std::vector<float>& channel(int c) const { return c == 0 ? left_ : right_; }
    // What JACK reported while recording; its marks are frames of this recording.
    const JackXruns& jack() const { return xruns_; }
    int sampleRate() const { return sampleRate_; }
    // Recorded frames on JACK's frame clock. A cycle the recorder did not get is a gap in JACK
    // time but not in the recording: the frame time of each stretch between gaps is kept (at
    // most kMaxStretches; after them the mapping is unknown). After stop().
    // JACK's frame time of recorded frame `index`, -1 if unknown.
    std::int64_t frameTimeOf(std::int64_t index) const;
    // The recorded frame JACK took at frame time `time`, -1 if none (not recorded, or unknown).
    std::int64_t indexOfFrameTime(std::uint32_t time) const;
    static constexpr std::size_t kMaxStretches = 256;

  private:
    static int process(std::uint32_t frames, void* self);

    double maxSeconds_;
    _jack_client* client_ = nullptr;
    _jack_port* ports_[2] = {nullptr, nullptr};
    std::vector<float> left_, right_;
    std::atomic<std::int64_t> written_{0};
    // Where each stretch of consecutive cycles starts: its recorded frame, its JACK frame time.
    std::array<std::int64_t, kMaxStretches> stretchIndex_{};
    std::array<std::uint32_t, kMaxStretches> stretchTime_{};
    std::atomic<std::size_t> stretches_{0};
    bool stretchesFull_ = false;
    int sampleRate_ = 0;
    std::uint32_t nextFrameTime_ = 0;  // the JACK frame time the next cycle should start at
    bool started_ = false;             // a cycle has been recorded (nextFrameTime_ is valid)
    JackXruns xruns_;
    std::string error_;
};

// The steps (differences between neighbouring samples) of a recorded channel, told apart by
// who made them: a cut from a loud signal to silence shows as a step of the signal's size.
struct RecordedSteps {
    float ours = 0.0f;  // the largest step JACK does not explain: stemdeck's
    std::int64_t oursAt = -1;
    float jacks = 0.0f;  // the largest step near a place JACK missed something
    std::int64_t jacksAt = -1;
    std::size_t jackMarks = 0;      // places JACK missed something in the recording
    bool tooManyJackMarks = false;  // more than JackXruns::kMaxMarks: nothing can be judged
    std::string describe() const;
};

// The steps of `channel` over the whole recording (after stop()). A step is JACK's when it lies
// within a few cycles of a mark: from kMarkLeadSeconds before it (an xrun's notice arrives on
// a thread that a busy machine may hold up, after the damage) to two cycles after.
RecordedSteps recordedSteps(const JackRecorder& recorder, int channel);
inline constexpr double kMarkLeadSeconds = 0.25;

}  // namespace stemdeck::test
