#include "JackXruns.h"

#include <jack/jack.h>

#include <algorithm>

namespace stemdeck::test {

JackXruns::~JackXruns() {
    stop();
}

bool JackXruns::start() {
    jack_status_t status{};
    own_ = jack_client_open("stemdeck-xruns", JackNoStartServer, &status);
    if (!own_) {
        error_ = "cannot open a JACK client (status " + std::to_string(status) + ")";
        return false;
    }
    watch(own_, nullptr);
    if (jack_activate(own_) != 0) {
        error_ = "cannot activate the JACK xrun counter";
        return false;
    }
    return true;
}

void JackXruns::stop() {
    if (!own_) return;
    jack_deactivate(own_);
    jack_client_close(own_);
    own_ = nullptr;
}

void JackXruns::watch(_jack_client* client, const std::atomic<std::int64_t>* position) {
    position_ = position;
    period_ = static_cast<int>(jack_get_buffer_size(client));
    jack_set_xrun_callback(client, &JackXruns::onXrun, this);
}

// JACK's notification thread.
int JackXruns::onXrun(void* self) {
    auto& x = *static_cast<JackXruns*>(self);
    x.count_.fetch_add(1, std::memory_order_acq_rel);
    if (x.position_) x.mark(x.position_->load(std::memory_order_acquire));
    return 0;
}

std::uint64_t JackXruns::underflowsExplained(int framesPerCallback) const {
    const int perCycle = framesPerCallback > 0 ? std::max(1, period_ / framesPerCallback) : 1;
    return count() * static_cast<std::uint64_t>(perCycle);
}

void JackXruns::mark(std::int64_t at) noexcept {
    const std::size_t slot = marksTaken_.fetch_add(1, std::memory_order_acq_rel);
    if (slot < kMaxMarks) marks_[slot].store(at, std::memory_order_release);
}

std::vector<std::int64_t> JackXruns::marks() const {
    const std::size_t n = std::min(marksTaken_.load(std::memory_order_acquire), kMaxMarks);
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(marks_[i].load(std::memory_order_acquire));
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace stemdeck::test
