#include "AsNobody.h"

#include <grp.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

namespace stemdeck::test {
namespace {

int runBody(const std::function<int()>& body) {
    try {
        return body();
    } catch (...) {
        return kBodyThrew;
    }
}

}  // namespace

int runAsNobody(const std::function<int()>& body) {
    if (::geteuid() != 0) return runBody(body);
    constexpr uid_t kNobody = 65534;
    const gid_t group = ::getegid();
    std::vector<gid_t> groups(static_cast<std::size_t>(std::max(::getgroups(0, nullptr), 0)));
    if (::getgroups(static_cast<int>(groups.size()), groups.data()) < 0) groups.clear();
    // glibc applies each change to every thread of the process (the watchdog's too).
    const bool dropped =
        ::setgroups(0, nullptr) == 0 && ::setegid(kNobody) == 0 && ::seteuid(kNobody) == 0;
    const int result = dropped ? runBody(body) : kCouldNotDropPrivileges;
    const bool restored = ::seteuid(0) == 0 && ::setegid(group) == 0 &&
                          ::setgroups(groups.size(), groups.data()) == 0;
    // Changing the effective user made the process undumpable; core files and the leak
    // checker's thread listing want it back.
    ::prctl(PR_SET_DUMPABLE, 1);
    return restored ? result : kCouldNotRestorePrivileges;
}

}  // namespace stemdeck::test
