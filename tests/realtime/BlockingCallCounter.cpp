#include "BlockingCallCounter.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>

#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "stemdeck/audio/core/RealtimeThread.h"

namespace {

using stemdeck::test::detail::Kind;
using enum stemdeck::test::detail::Kind;
std::atomic<std::uint64_t> g_counts[kKinds];
std::atomic<const char*> g_first{nullptr};

}  // namespace

void stemdeck::test::detail::noteBlockingCall(Kind kind, const char* name) noexcept {
    if (!stemdeck::audio::onRealtimeThread()) return;
    g_counts[kind].fetch_add(1, std::memory_order_relaxed);
    const char* none = nullptr;
    g_first.compare_exchange_strong(none, name);
}

namespace stemdeck::test {
std::uint64_t BlockingCallCounter::locks() {
    return g_counts[kLock].load();
}
std::uint64_t BlockingCallCounter::sleeps() {
    return g_counts[kSleep].load();
}
std::uint64_t BlockingCallCounter::io() {
    return g_counts[kIo].load();
}
std::uint64_t BlockingCallCounter::syscalls() {
    return g_counts[kSyscall].load();
}
std::uint64_t BlockingCallCounter::total() {
    return locks() + sleeps() + io() + syscalls();
}
std::string BlockingCallCounter::firstCall() {
    const char* first = g_first.load();
    return first ? first : "";
}
void BlockingCallCounter::reset() {
    for (auto& count : g_counts) count.store(0);
    g_first.store(nullptr);
}
}  // namespace stemdeck::test

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
bool stemdeck::test::BlockingCallCounter::active() {
    return false;
}
#else
bool stemdeck::test::BlockingCallCounter::active() {
    return true;
}

namespace {

void note(Kind kind, const char* name) {
    stemdeck::test::detail::noteBlockingCall(kind, name);
}

// The next definition of `name` after this executable's: libc's (or libpthread's). Resolved
// on first use and cached; glibc's dlsym takes its own locks through internal calls, not
// through these interposers, so resolving cannot recurse. A versioned lookup where glibc
// keeps an old ABI beside the current one (an unversioned dlsym could return the old one).
template <typename Fn>
Fn real(std::atomic<Fn>& cache, const char* name, const char* version = nullptr) {
    Fn fn = cache.load(std::memory_order_acquire);
    if (!fn) {
        void* sym = version ? dlvsym(RTLD_NEXT, name, version) : dlsym(RTLD_NEXT, name);
        if (!sym) std::abort();  // no libc function of that name: nothing sensible to call
        fn = reinterpret_cast<Fn>(sym);
        cache.store(fn, std::memory_order_release);
    }
    return fn;
}

// In an interposer: real_fn is the real function `name` (of an optional symbol version).
#define STEMDECK_REAL(fn_type, name, ...)              \
    static std::atomic<fn_type> cache_##name{nullptr}; \
    auto* real_fn = real(cache_##name, #name __VA_OPT__(, ) __VA_ARGS__)

}  // namespace

extern "C" {

// --- locks and waits ----------------------------------------------------------------------
#define STEMDECK_COUNT_LOCK1(name, arg_t)    \
    int name(arg_t a) noexcept {             \
        note(kLock, #name);                  \
        STEMDECK_REAL(int (*)(arg_t), name); \
        return real_fn(a);                   \
    }
STEMDECK_COUNT_LOCK1(pthread_mutex_lock, pthread_mutex_t*)
STEMDECK_COUNT_LOCK1(pthread_mutex_trylock, pthread_mutex_t*)
STEMDECK_COUNT_LOCK1(pthread_rwlock_rdlock, pthread_rwlock_t*)
STEMDECK_COUNT_LOCK1(pthread_rwlock_wrlock, pthread_rwlock_t*)
STEMDECK_COUNT_LOCK1(pthread_rwlock_tryrdlock, pthread_rwlock_t*)
STEMDECK_COUNT_LOCK1(pthread_rwlock_trywrlock, pthread_rwlock_t*)
STEMDECK_COUNT_LOCK1(pthread_spin_lock, pthread_spinlock_t*)
STEMDECK_COUNT_LOCK1(pthread_spin_trylock, pthread_spinlock_t*)
STEMDECK_COUNT_LOCK1(sem_trywait, sem_t*)
#undef STEMDECK_COUNT_LOCK1

int pthread_mutex_timedlock(pthread_mutex_t* m, const struct timespec* t) noexcept {
    note(kLock, "pthread_mutex_timedlock");
    STEMDECK_REAL(int (*)(pthread_mutex_t*, const struct timespec*), pthread_mutex_timedlock);
    return real_fn(m, t);
}
int pthread_cond_wait(pthread_cond_t* c, pthread_mutex_t* m) {
    note(kLock, "pthread_cond_wait");
    STEMDECK_REAL(int (*)(pthread_cond_t*, pthread_mutex_t*), pthread_cond_wait, "GLIBC_2.3.2");
    return real_fn(c, m);
}
int pthread_cond_timedwait(pthread_cond_t* c, pthread_mutex_t* m, const struct timespec* t) {
    note(kLock, "pthread_cond_timedwait");
    STEMDECK_REAL(int (*)(pthread_cond_t*, pthread_mutex_t*, const struct timespec*),
                  pthread_cond_timedwait, "GLIBC_2.3.2");
    return real_fn(c, m, t);
}
int pthread_cond_clockwait(pthread_cond_t* c, pthread_mutex_t* m, clockid_t clock,
                           const struct timespec* t) {
    note(kLock, "pthread_cond_clockwait");
    STEMDECK_REAL(int (*)(pthread_cond_t*, pthread_mutex_t*, clockid_t, const struct timespec*),
                  pthread_cond_clockwait);
    return real_fn(c, m, clock, t);
}
int sem_wait(sem_t* s) {
    note(kLock, "sem_wait");
    STEMDECK_REAL(int (*)(sem_t*), sem_wait);
    return real_fn(s);
}
int sem_timedwait(sem_t* s, const struct timespec* t) {
    note(kLock, "sem_timedwait");
    STEMDECK_REAL(int (*)(sem_t*, const struct timespec*), sem_timedwait);
    return real_fn(s, t);
}

// --- sleeping and yielding ------------------------------------------------------------------
int nanosleep(const struct timespec* t, struct timespec* rem) {
    note(kSleep, "nanosleep");
    STEMDECK_REAL(int (*)(const struct timespec*, struct timespec*), nanosleep);
    return real_fn(t, rem);
}
int clock_nanosleep(clockid_t clock, int flags, const struct timespec* t, struct timespec* rem) {
    note(kSleep, "clock_nanosleep");
    STEMDECK_REAL(int (*)(clockid_t, int, const struct timespec*, struct timespec*),
                  clock_nanosleep);
    return real_fn(clock, flags, t, rem);
}
int usleep(useconds_t us) {
    note(kSleep, "usleep");
    STEMDECK_REAL(int (*)(useconds_t), usleep);
    return real_fn(us);
}
unsigned int sleep(unsigned int s) {
    note(kSleep, "sleep");
    STEMDECK_REAL(unsigned int (*)(unsigned int), sleep);
    return real_fn(s);
}
int sched_yield() noexcept {
    note(kSleep, "sched_yield");
    STEMDECK_REAL(int (*)(), sched_yield);
    return real_fn();
}

// --- files and the console ------------------------------------------------------------------
ssize_t write(int fd, const void* buf, size_t n) {
    note(kIo, "write");
    STEMDECK_REAL(ssize_t(*)(int, const void*, size_t), write);
    return real_fn(fd, buf, n);
}
ssize_t read(int fd, void* buf, size_t n) {
    note(kIo, "read");
    STEMDECK_REAL(ssize_t(*)(int, void*, size_t), read);
    return real_fn(fd, buf, n);
}
int close(int fd) {
    note(kIo, "close");
    STEMDECK_REAL(int (*)(int), close);
    return real_fn(fd);
}
// open's mode argument is only there with O_CREAT or O_TMPFILE.
static mode_t modeOf(int flags, va_list args) {
    return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? va_arg(args, mode_t) : 0;
}
#define STEMDECK_COUNT_OPEN(name)                            \
    int name(const char* path, int flags, ...) {             \
        note(kIo, #name);                                    \
        va_list args;                                        \
        va_start(args, flags);                               \
        const mode_t mode = modeOf(flags, args);             \
        va_end(args);                                        \
        STEMDECK_REAL(int (*)(const char*, int, ...), name); \
        return real_fn(path, flags, mode);                   \
    }
STEMDECK_COUNT_OPEN(open)
STEMDECK_COUNT_OPEN(open64)
#undef STEMDECK_COUNT_OPEN
#define STEMDECK_COUNT_OPENAT(name)                               \
    int name(int dir, const char* path, int flags, ...) {         \
        note(kIo, #name);                                         \
        va_list args;                                             \
        va_start(args, flags);                                    \
        const mode_t mode = modeOf(flags, args);                  \
        va_end(args);                                             \
        STEMDECK_REAL(int (*)(int, const char*, int, ...), name); \
        return real_fn(dir, path, flags, mode);                   \
    }
STEMDECK_COUNT_OPENAT(openat)
STEMDECK_COUNT_OPENAT(openat64)
#undef STEMDECK_COUNT_OPENAT
FILE* fopen(const char* path, const char* mode) {
    note(kIo, "fopen");
    STEMDECK_REAL(FILE * (*)(const char*, const char*), fopen);
    return real_fn(path, mode);
}
FILE* fopen64(const char* path, const char* mode) {
    note(kIo, "fopen64");
    STEMDECK_REAL(FILE * (*)(const char*, const char*), fopen64);
    return real_fn(path, mode);
}
size_t fwrite(const void* p, size_t size, size_t n, FILE* f) {
    note(kIo, "fwrite");
    STEMDECK_REAL(size_t(*)(const void*, size_t, size_t, FILE*), fwrite);
    return real_fn(p, size, n, f);
}
int fputs(const char* s, FILE* f) {
    note(kIo, "fputs");
    STEMDECK_REAL(int (*)(const char*, FILE*), fputs);
    return real_fn(s, f);
}
int puts(const char* s) {
    note(kIo, "puts");
    STEMDECK_REAL(int (*)(const char*), puts);
    return real_fn(s);
}
int fputc(int c, FILE* f) {
    note(kIo, "fputc");
    STEMDECK_REAL(int (*)(int, FILE*), fputc);
    return real_fn(c, f);
}
int putc(int c, FILE* f) {
    note(kIo, "putc");
    STEMDECK_REAL(int (*)(int, FILE*), putc);
    return real_fn(c, f);
}
int fflush(FILE* f) {
    note(kIo, "fflush");
    STEMDECK_REAL(int (*)(FILE*), fflush);
    return real_fn(f);
}
int vfprintf(FILE* f, const char* format, va_list args) {
    note(kIo, "vfprintf");
    STEMDECK_REAL(int (*)(FILE*, const char*, va_list), vfprintf);
    return real_fn(f, format, args);
}
int vprintf(const char* format, va_list args) {
    note(kIo, "vprintf");
    STEMDECK_REAL(int (*)(FILE*, const char*, va_list), vfprintf);
    return real_fn(stdout, format, args);
}
int fprintf(FILE* f, const char* format, ...) {
    note(kIo, "fprintf");
    STEMDECK_REAL(int (*)(FILE*, const char*, va_list), vfprintf);
    va_list args;
    va_start(args, format);
    const int n = real_fn(f, format, args);
    va_end(args);
    return n;
}
int printf(const char* format, ...) {
    note(kIo, "printf");
    STEMDECK_REAL(int (*)(FILE*, const char*, va_list), vfprintf);
    va_list args;
    va_start(args, format);
    const int n = real_fn(stdout, format, args);
    va_end(args);
    return n;
}

}  // extern "C"
#endif
