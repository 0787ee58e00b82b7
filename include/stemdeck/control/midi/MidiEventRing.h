#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace stemdeck::control::midi {

// One raw message as it arrived: ≤ 3 bytes and the time (CLOCK_MONOTONIC ns).
struct MidiEvent {
    std::uint8_t bytes[3] = {0, 0, 0};
    std::uint8_t size = 0;
    std::int64_t receivedNs = 0;
};

// A single-producer single-consumer ring of MIDI events. push() runs on the MIDI input thread
// (JACK's real-time thread): no allocation, no locks, wait-free. pop() on the control thread.
// When full, push() drops the event and counts it.
template <std::size_t Capacity = 1024>
class MidiEventRing {
    static_assert((Capacity & (Capacity - 1)) == 0, "capacity is a power of two");

  public:
    bool push(const MidiEvent& event) {
        const auto head = head_.load(std::memory_order_relaxed);
        if (head - tail_.load(std::memory_order_acquire) == Capacity) {
            dropped_.fetch_add(1, std::memory_order_relaxed);
            return false;
        }
        slots_[head & (Capacity - 1)] = event;
        head_.store(head + 1, std::memory_order_release);
        return true;
    }
    bool pop(MidiEvent& out) {
        const auto tail = tail_.load(std::memory_order_relaxed);
        if (tail == head_.load(std::memory_order_acquire)) return false;
        out = slots_[tail & (Capacity - 1)];
        tail_.store(tail + 1, std::memory_order_release);
        return true;
    }
    std::uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

  private:
    std::array<MidiEvent, Capacity> slots_{};
    alignas(64) std::atomic<std::uint64_t> head_{0};
    alignas(64) std::atomic<std::uint64_t> tail_{0};
    std::atomic<std::uint64_t> dropped_{0};
};

}  // namespace stemdeck::control::midi
