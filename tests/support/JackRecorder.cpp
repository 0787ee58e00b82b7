#include "JackRecorder.h"

#include <jack/jack.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace stemdeck::test {

JackRecorder::~JackRecorder() {
    stop();
}

int JackRecorder::process(std::uint32_t frames, void* self) {
    auto& r = *static_cast<JackRecorder*>(self);
    const std::int64_t at = r.written_.load(std::memory_order_relaxed);
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
    const auto capacity = static_cast<std::size_t>(maxSeconds_ * jack_get_sample_rate(client_));
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

float largestStep(const std::vector<float>& samples, std::int64_t from, std::int64_t to) {
    float step = 0.0f;
    for (auto i = std::max<std::int64_t>(from, 1); i < to; ++i)
        step = std::max(step, std::abs(samples[static_cast<std::size_t>(i)] -
                                       samples[static_cast<std::size_t>(i - 1)]));
    return step;
}

}  // namespace stemdeck::test
