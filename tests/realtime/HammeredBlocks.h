// How many blocks a real-time proof renders while another thread hammers the controls.
#pragma once

namespace stemdeck::test {

// Under ThreadSanitizer a block costs ~20 times as much: a quarter of the blocks still gives the
// control thread tens of thousands of changes to race against the render (what that build looks
// for), while the other builds count allocations and blocking calls over them all.
constexpr int hammeredBlocks(int blocks) {
#if defined(__SANITIZE_THREAD__)
    return blocks / 4;
#else
    return blocks;
#endif
}

}  // namespace stemdeck::test
