// The syscall() interposer of BlockingCallCounter, in a file of its own: <unistd.h> declares
// syscall noexcept in C++, but JACK's process thread is cancelled (pthread_cancel) while it
// waits in syscall(SYS_futex), and a cancellation unwinding through a noexcept frame ends the
// program. So this file does not include <unistd.h> and declares syscall without noexcept.
#include <dlfcn.h>

#include <atomic>
#include <cstdarg>
#include <cstdlib>

#include "BlockingCallCounter.h"

#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
extern "C" long syscall(long number, ...) {
    stemdeck::test::detail::noteBlockingCall(stemdeck::test::detail::kSyscall, "syscall");
    using Syscall = long (*)(long, ...);
    static std::atomic<Syscall> cache{nullptr};
    Syscall real = cache.load(std::memory_order_acquire);
    if (!real) {
        real = reinterpret_cast<Syscall>(dlsym(RTLD_NEXT, "syscall"));
        if (!real) std::abort();
        cache.store(real, std::memory_order_release);
    }
    // Six register arguments is the most any Linux system call takes; reading more than the
    // caller passed only reads unused registers or stack slots (x86-64 and AArch64 ABIs).
    va_list args;
    va_start(args, number);
    long a[6];
    for (long& x : a) x = va_arg(args, long);
    va_end(args);
    return real(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}
#endif
