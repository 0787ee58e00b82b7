#include "JackRecorder.h"

#include <jack/jack.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace stemdeck::test {

JackRecorder::~JackRecorder() {
    stop();
}

std::int64_t JackRecorder::frameTimeOf(std::int64_t index) const {
    const std::size_t n = stretches_.load(std::memory_order_acquire);
    if (index < 0 || index >= frames() || n == 0 || index < stretchIndex_[0]) return -1;
    std::size_t k = 0;
    while (k + 1 < n && stretchIndex_[k + 1] <= index) ++k;
    if (k + 1 == n && stretchesFull_) return -1;  // a gap after the last kept stretch may hide
    return static_cast<std::uint32_t>(stretchTime_[k] +
                                      static_cast<std::uint32_t>(index - stretchIndex_[k]));
}

std::int64_t JackRecorder::indexOfFrameTime(std::uint32_t time) const {
    const std::size_t n = stretches_.load(std::memory_order_acquire);
    for (std::size_t k = 0; k < n; ++k) {
        const std::int64_t end = k + 1 < n ? stretchIndex_[k + 1] : frames();
        if (k + 1 == n && stretchesFull_) return -1;
        // JACK's frame time wraps at 2^32: the difference in 32 bits is right across it.
        const std::int64_t offset = static_cast<std::int32_t>(time - stretchTime_[k]);
        if (offset >= 0 && stretchIndex_[k] + offset < end) return stretchIndex_[k] + offset;
    }
    return -1;
}

int JackRecorder::process(std::uint32_t frames, void* self) {
    auto& r = *static_cast<JackRecorder*>(self);
    const std::int64_t at = r.written_.load(std::memory_order_relaxed);
    // A cycle the recorder did not get (JACK skipped it, or ran it without this client): what
    // follows is not what came before it, whatever stemdeck played.
    const jack_nframes_t now = jack_last_frame_time(r.client_);
    if (r.started_ && now != r.nextFrameTime_) r.xruns_.mark(at);
    if (!r.started_ || now != r.nextFrameTime_) {
        const std::size_t n = r.stretches_.load(std::memory_order_relaxed);
        if (n < kMaxStretches) {
            r.stretchIndex_[n] = at;
            r.stretchTime_[n] = now;
            r.stretches_.store(n + 1, std::memory_order_release);
        } else {
            r.stretchesFull_ = true;
        }
    }
    r.nextFrameTime_ = now + frames;
    r.started_ = true;
    const auto room = static_cast<std::int64_t>(r.left_.size()) - at;
    const auto n = static_cast<std::size_t>(std::clamp<std::int64_t>(frames, 0, room));
    if (n == 0) return 0;
    for (int c = 0; c < 2; ++c) {
        const auto* in = static_cast<const float*>(jack_port_get_buffer(r.ports_[c], frames));
        std::memcpy((c == 0 ? r.left_ : r.right_).data() + at, in, n * sizeof(float));
    }
    r.written_.store(at + static_cast<std::int64_t>(n), std::memory_order_release);
    return 0;
}

bool JackRecorder::start(const std::string& client) {
    jack_status_t status{};
    client_ = jack_client_open("stemdeck-recorder", JackNoStartServer, &status);
    if (!client_) {
        error_ = "cannot open a JACK client (status " + std::to_string(status) + ")";
        return false;
    }
    // Sized before the process callback can run: it only copies.
    sampleRate_ = static_cast<int>(jack_get_sample_rate(client_));
    const auto capacity = static_cast<std::size_t>(maxSeconds_ * sampleRate_);
    left_.assign(capacity, 0.0f);
    right_.assign(capacity, 0.0f);
    const char* names[2] = {"in_1", "in_2"};
    for (int c = 0; c < 2; ++c) {
        ports_[c] =
            jack_port_register(client_, names[c], JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
        if (!ports_[c]) {
            error_ = "cannot register a JACK input port";
            return false;
        }
    }
    xruns_.watch(client_, &written_);
    if (jack_set_process_callback(client_, &JackRecorder::process, this) != 0 ||
        jack_activate(client_) != 0) {
        error_ = "cannot activate the JACK recorder";
        return false;
    }
    const char** outputs =
        jack_get_ports(client_, nullptr, JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput);
    int connected = 0;
    for (const char** p = outputs; p && *p && connected < 2; ++p) {
        const std::string name = *p;
        const bool wanted =
            client.empty() ? name.rfind("system:", 0) != 0 : name.rfind(client + ":", 0) == 0;
        if (wanted && jack_connect(client_, *p, jack_port_name(ports_[connected])) == 0)
            ++connected;
    }
    if (outputs) jack_free(outputs);
    if (connected < 2) {
        error_ = "found " + std::to_string(connected) + " of 2 output ports to record";
        return false;
    }
    return true;
}

void JackRecorder::stop() {
    if (!client_) return;
    jack_deactivate(client_);
    jack_client_close(client_);
    client_ = nullptr;
}

RecordedSteps recordedSteps(const JackRecorder& recorder, int channel) {
    RecordedSteps steps;
    const JackXruns& jack = recorder.jack();
    const std::vector<std::int64_t> marks = jack.marks();
    steps.jackMarks = marks.size();
    steps.tooManyJackMarks = jack.marksOverflowed();
    const auto period = static_cast<std::int64_t>(std::max(jack.periodFrames(), 1));
    const auto lead = static_cast<std::int64_t>(kMarkLeadSeconds * recorder.sampleRate());
    const auto nearAMark = [&](std::int64_t i) {
        // The first mark at or after i - 2 periods (marks are sorted).
        const auto m = std::lower_bound(marks.begin(), marks.end(), i - 2 * period);
        return m != marks.end() && *m - lead <= i;
    };
    const auto& samples = recorder.channel(channel);
    const std::int64_t frames = recorder.frames();
    for (std::int64_t i = 1; i < frames; ++i) {
        const float step = std::abs(samples[static_cast<std::size_t>(i)] -
                                    samples[static_cast<std::size_t>(i - 1)]);
        const bool jacks = nearAMark(i);
        float& largest = jacks ? steps.jacks : steps.ours;
        std::int64_t& at = jacks ? steps.jacksAt : steps.oursAt;
        if (step > largest) {
            largest = step;
            at = i;
        }
    }
    return steps;
}

std::string RecordedSteps::describe() const {
    char text[200];
    std::snprintf(text, sizeof text,
                  "largest step %.4f at frame %lld; near the %zu place(s) JACK missed something: "
                  "%.4f at frame %lld%s",
                  ours, static_cast<long long>(oursAt), jackMarks, jacks,
                  static_cast<long long>(jacksAt), tooManyJackMarks ? " (too many to keep)" : "");
    return text;
}

}  // namespace stemdeck::test
