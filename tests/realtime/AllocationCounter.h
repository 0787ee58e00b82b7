#pragma once

#include <cstdint>

namespace stemdeck::test {

// Counts heap operations (operator new/delete and, outside sanitizer builds, malloc, calloc,
// realloc, free and the aligned variants) made on a thread inside an audio::RealtimeScope.
// The global allocator of this test executable is replaced to do it.
struct AllocationCounter {
    static std::uint64_t allocations();
    static std::uint64_t deallocations();
    static bool countsMalloc();  // false where a sanitizer owns malloc
    static void reset();
};

}  // namespace stemdeck::test
