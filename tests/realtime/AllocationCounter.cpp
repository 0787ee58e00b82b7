#include "AllocationCounter.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <new>

#include "stemdeck/audio/core/RealtimeThread.h"

namespace {
std::atomic<std::uint64_t> g_allocations{0};
std::atomic<std::uint64_t> g_deallocations{0};

void noteAllocation() {
    if (stemdeck::audio::onRealtimeThread()) g_allocations.fetch_add(1, std::memory_order_relaxed);
}
void noteDeallocation() {
    if (stemdeck::audio::onRealtimeThread())
        g_deallocations.fetch_add(1, std::memory_order_relaxed);
}
}  // namespace

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define STEMDECK_COUNT_MALLOC 0
#else
#define STEMDECK_COUNT_MALLOC 1
// glibc's own entry points: the definitions below interpose malloc for the whole process,
// shared libraries (PortAudio, JACK, libsndfile) included.
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void __libc_free(void*);
void* __libc_memalign(std::size_t, std::size_t);

void* malloc(std::size_t size) {
    noteAllocation();
    return __libc_malloc(size);
}
void* calloc(std::size_t n, std::size_t size) {
    noteAllocation();
    return __libc_calloc(n, size);
}
void* realloc(void* p, std::size_t size) {
    noteAllocation();
    return __libc_realloc(p, size);
}
void free(void* p) {
    if (p) noteDeallocation();
    __libc_free(p);
}
void* memalign(std::size_t alignment, std::size_t size) {
    noteAllocation();
    return __libc_memalign(alignment, size);
}
void* aligned_alloc(std::size_t alignment, std::size_t size) {
    noteAllocation();
    return __libc_memalign(alignment, size);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t size) {
    noteAllocation();
    void* p = __libc_memalign(alignment, size);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}
}
#endif

namespace stemdeck::test {
std::uint64_t AllocationCounter::allocations() {
    return g_allocations.load();
}
std::uint64_t AllocationCounter::deallocations() {
    return g_deallocations.load();
}
bool AllocationCounter::countsMalloc() {
    return STEMDECK_COUNT_MALLOC != 0;
}
void AllocationCounter::reset() {
    g_allocations.store(0);
    g_deallocations.store(0);
}
}  // namespace stemdeck::test

// The C++ allocator, counted in every build. Allocation goes through malloc underneath.
void* operator new(std::size_t size) {
    noteAllocation();
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
    return ::operator new(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    noteAllocation();
    return std::malloc(size ? size : 1);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
    return ::operator new(size, tag);
}
void* operator new(std::size_t size, std::align_val_t align) {
    noteAllocation();
    void* p = nullptr;
    if (::posix_memalign(&p, static_cast<std::size_t>(align), size ? size : 1) == 0) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t align) {
    return ::operator new(size, align);
}
void operator delete(void* p) noexcept {
    if (p) noteDeallocation();
    std::free(p);
}
void operator delete[](void* p) noexcept {
    ::operator delete(p);
}
void operator delete(void* p, std::size_t) noexcept {
    ::operator delete(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    ::operator delete(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
    ::operator delete(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
    ::operator delete(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
    ::operator delete(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
    ::operator delete(p);
}
