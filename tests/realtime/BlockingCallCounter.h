#pragma once

#include <cstdint>
#include <string>

namespace stemdeck::test {

// Counts calls that may block, made on a thread inside an audio::RealtimeScope: locks and
// waits (pthread mutexes, condition variables, semaphores, rwlocks, spinlocks), sleeps and
// yields, file and console I/O (read, write, open, the stdio writers), and raw syscall()
// (futex waits behind std::atomic::wait and std::counting_semaphore). The libc functions are
// interposed in this test executable and forward to the real ones through dlsym(RTLD_NEXT).
// Only calls that go through the dynamic symbol table are seen: libc's calls to itself (for
// example printf's own write) are not, which is why the stdio writers are counted themselves.
struct BlockingCallCounter {
    static std::uint64_t locks();
    static std::uint64_t sleeps();
    static std::uint64_t io();
    static std::uint64_t syscalls();
    static std::uint64_t total();
    // The first function counted since reset(), or "" (which call to look for).
    static std::string firstCall();
    // False in sanitizer builds: their runtimes intercept these functions themselves, and a
    // second interposer would hide locks from ThreadSanitizer.
    static bool active();
    static void reset();
};

namespace detail {
enum Kind { kLock, kSleep, kIo, kSyscall, kKinds };
// Counts a call of `name` when the calling thread is inside a RealtimeScope.
void noteBlockingCall(Kind kind, const char* name) noexcept;
}  // namespace detail

}  // namespace stemdeck::test
