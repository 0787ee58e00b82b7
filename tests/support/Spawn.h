#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace stemdeck::test {

// Where a child's standard streams go: a file each (opened for it; out and err created or
// truncated), or nullptr to share this process's.
struct ChildStreams {
    const char* in = nullptr;
    const char* out = nullptr;
    const char* err = nullptr;
};

// Starts `args` (args[0] is looked up in PATH when it has no slash) with `streams`; the
// child's pid, or -1 when it cannot be started (a child that cannot exec exits with 127).
// The child is killed when the calling thread ends (PR_SET_PDEATHSIG), so call it from the
// test's own thread. The caller waits for it (waitpid).
pid_t spawnChild(std::vector<std::string> args, const ChildStreams& streams);

}  // namespace stemdeck::test
