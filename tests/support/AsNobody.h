#pragma once

#include <functional>

namespace stemdeck::test {

// What runAsNobody() returns when the child could not run `body` as asked.
inline constexpr int kCouldNotDropPrivileges = 100;
inline constexpr int kBodyThrew = 101;
inline constexpr int kChildDidNotExit = -1;

// Runs `body` in a forked child that, when this process is root (as in CI containers), first
// drops to the user `nobody`: root reads any file whatever its permissions, so a permission
// test would prove nothing. Returns body's result (0 for success, by convention a number
// naming the failed check otherwise), or one of the codes above.
// Thread: the test's main thread, before any other thread has started work that the fork
// would cut in half.
int runAsNobody(const std::function<int()>& body);

}  // namespace stemdeck::test
