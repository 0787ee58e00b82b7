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
// child's pid, or -1 when it cannot be started. The caller waits for it (waitpid). Any thread.
pid_t spawnChild(std::vector<std::string> args, const ChildStreams& streams);

}  // namespace stemdeck::test
