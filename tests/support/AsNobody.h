#pragma once

#include <functional>

namespace stemdeck::test {

// What runAsNobody() returns when it could not run `body` as asked.
inline constexpr int kCouldNotDropPrivileges = 100;
inline constexpr int kBodyThrew = 101;
inline constexpr int kCouldNotRestorePrivileges = 102;

// Runs `body` with the effective user and group `nobody` when this process is root (as in CI
// containers): root reads any file whatever its permissions, so a permission test would prove
// nothing. Only the effective ids change (the saved ids stay root), so the process takes its
// own identity back afterwards; there is no fork, which under AddressSanitizer could leave a
// child hung on a lock another thread held at the fork (seen once in CI). Returns body's
// result (0 for success, by convention a number naming the failed check otherwise), or one of
// the codes above.
// Thread: the test's main thread; threads `body` starts must have ended when it returns.
int runAsNobody(const std::function<int()>& body);

}  // namespace stemdeck::test
