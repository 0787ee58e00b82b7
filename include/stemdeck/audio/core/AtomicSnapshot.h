#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace stemdeck::audio {

// A small plain value (a loop's A and B, a beat grid) that any thread may replace as a whole
// and the audio thread reads without ever waiting. Separate atomics per field would let the
// audio thread see a new A with an old B; this is a sequence lock (Boehm, "Can seqlocks get
// along with programming language memory models?", 2012): writers take turns on an odd
// sequence number (spinning briefly against each other, never against a reader), and a read
// that overlapped a write notices the changed sequence and fails, so the audio thread keeps
// the value it read last time and tries again next block.
//
// No fences (ThreadSanitizer does not model them, and gcc's -Wtsan says so): the payload
// words are atomics themselves, stored with release and loaded with acquire. A reader that
// sees any word of a write therefore also sees that writer's odd sequence on its re-check,
// and a reader that sees the even sequence after a write sees all of its words. On x86 these
// are plain moves.
template <typename T>
class AtomicSnapshot {
    static_assert(std::is_trivially_copyable_v<T>);
    static_assert(std::atomic<std::uint64_t>::is_always_lock_free);

  public:
    explicit AtomicSnapshot(const T& value = T{}) { store(value); }
    AtomicSnapshot(const AtomicSnapshot&) = delete;
    AtomicSnapshot& operator=(const AtomicSnapshot&) = delete;

    // Any thread but the audio thread.
    void store(const T& value) noexcept {
        update([&value](T& current) { current = value; });
    }
    // Any thread but the audio thread: replaces the value by f(value) with no other write in
    // between (a read-modify-write, e.g. enabling a loop without losing a concurrent move).
    template <typename F>
    void update(F&& f) noexcept {
        std::uint64_t seq = sequence_.load(std::memory_order_relaxed);
        for (;;) {
            if (seq & 1u) {  // another writer is at work
                seq = sequence_.load(std::memory_order_relaxed);
                continue;
            }
            if (sequence_.compare_exchange_weak(seq, seq + 1, std::memory_order_acquire,
                                                std::memory_order_relaxed))
                break;
        }
        T value = unpack(readWords());
        f(value);
        Words words{};
        std::memcpy(words.data(), &value, sizeof(T));
        for (std::size_t i = 0; i < kWords; ++i)
            words_[i].store(words[i], std::memory_order_release);
        sequence_.store(seq + 2, std::memory_order_release);
    }

    // Any thread, wait-free (the audio thread's read): false, leaving `out` alone, when a
    // write overlapped the read.
    bool tryLoad(T& out) const noexcept {
        const std::uint64_t before = sequence_.load(std::memory_order_acquire);
        if (before & 1u) return false;
        const Words words = readWords();
        if (sequence_.load(std::memory_order_relaxed) != before) return false;
        out = unpack(words);
        return true;
    }
    // Any thread, wait-free: changes with every write (odd while one is under way), so the
    // audio thread can tell "unchanged since I last read" without reading the value.
    std::uint64_t version() const noexcept { return sequence_.load(std::memory_order_acquire); }
    // Any thread but the audio thread: retries until no write overlaps.
    T load() const noexcept {
        T value{};
        while (!tryLoad(value)) {
        }
        return value;
    }

  private:
    static constexpr std::size_t kWords = (sizeof(T) + 7) / 8;
    using Words = std::array<std::uint64_t, kWords>;

    Words readWords() const noexcept {
        Words words{};
        for (std::size_t i = 0; i < kWords; ++i)
            words[i] = words_[i].load(std::memory_order_acquire);
        return words;
    }
    static T unpack(const Words& words) noexcept {
        T value;
        // T is trivially copyable; the cast only says so to -Wclass-memaccess.
        std::memcpy(static_cast<void*>(&value), words.data(), sizeof(T));
        return value;
    }

    std::atomic<std::uint64_t> sequence_{0};
    std::array<std::atomic<std::uint64_t>, kWords> words_{};
};

}  // namespace stemdeck::audio
