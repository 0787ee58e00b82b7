// The MIDI input callback runs on JACK's real-time thread: it may not allocate nor lock; its
// only system call is the eventfd write that wakes the control thread (one per message).
#include <gtest/gtest.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <memory>
#include <thread>

#include "AllocationCounter.h"
#include "BlockingCallCounter.h"
#include "stemdeck/audio/core/RealtimeThread.h"
#include "stemdeck/control/backend/MidiInput.h"

// Its own namespace: the tests build as unity builds (tests/CMakeLists.txt).
namespace unity_MidiInputAllocationTest {

using namespace stemdeck;
using control::backend::MidiInput;
using test::AllocationCounter;
using test::BlockingCallCounter;

TEST(MidiInputRealtime, DeliveringAllocatesAndLocksNothing) {
    auto ring = std::make_unique<MidiInput::Ring>();
    const int fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    ASSERT_GE(fd, 0);
    const unsigned char cc[] = {0xB0, 64, 0};
    const unsigned char sysex[] = {0xF0, 1, 2, 0xF7};
    constexpr int kMessages = 200;
    AllocationCounter::reset();
    BlockingCallCounter::reset();
    std::thread producer([&] {
        audio::RealtimeScope scope;
        for (int i = 0; i < kMessages; ++i) {
            MidiInput::deliver(*ring, fd, cc, sizeof cc);
            MidiInput::deliver(*ring, fd, sysex, sizeof sysex);  // ignored
        }
    });
    producer.join();
    EXPECT_EQ(AllocationCounter::allocations(), 0u);
    EXPECT_EQ(AllocationCounter::deallocations(), 0u);
    if (BlockingCallCounter::active()) {
        EXPECT_EQ(BlockingCallCounter::locks(), 0u) << BlockingCallCounter::firstCall();
        EXPECT_EQ(BlockingCallCounter::sleeps(), 0u);
        EXPECT_EQ(BlockingCallCounter::io(), static_cast<std::uint64_t>(kMessages));
    }
    std::uint64_t counter = 0;
    ASSERT_EQ(::read(fd, &counter, sizeof counter), static_cast<ssize_t>(sizeof counter));
    EXPECT_EQ(counter, static_cast<std::uint64_t>(kMessages));
    control::midi::MidiEvent event;
    int popped = 0;
    while (ring->pop(event)) {
        EXPECT_EQ(event.size, 3);
        EXPECT_EQ(event.bytes[2], 0);
        ++popped;
    }
    EXPECT_EQ(popped, kMessages);
    ::close(fd);
}

}  // namespace unity_MidiInputAllocationTest
