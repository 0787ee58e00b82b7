#include "AsNobody.h"

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

namespace stemdeck::test {

int runAsNobody(const std::function<int()>& body) {
    const pid_t child = ::fork();
    if (child < 0) return kChildDidNotExit;
    if (child == 0) {
        constexpr uid_t kNobody = 65534;
        if (::geteuid() == 0 &&
            (::setgroups(0, nullptr) != 0 || ::setresgid(kNobody, kNobody, kNobody) != 0 ||
             ::setresuid(kNobody, kNobody, kNobody) != 0))
            std::_Exit(kCouldNotDropPrivileges);
        try {
            std::_Exit(body());
        } catch (...) {
            std::_Exit(kBodyThrew);
        }
    }
    int status = 0;
    if (::waitpid(child, &status, 0) != child || !WIFEXITED(status)) return kChildDidNotExit;
    return WEXITSTATUS(status);
}

}  // namespace stemdeck::test
