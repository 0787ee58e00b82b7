#include "Spawn.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace stemdeck::test {

namespace {

// In the forked child, before exec: only async-signal-safe calls.
void redirect(int fd, const char* file, int flags) {
    if (!file) return;
    const int opened = ::open(file, flags, 0644);
    if (opened < 0) ::_exit(127);
    if (opened != fd) {
        ::dup2(opened, fd);
        ::close(opened);
    }
}

}  // namespace

pid_t spawnChild(std::vector<std::string> args, const ChildStreams& streams) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid != 0) return pid;  // the child's pid, or -1
    // The child dies with the test: a test killed at CTest's timeout leaves no CLI or JACK
    // server behind holding the device (or a lock a developer's wrapper took).
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    redirect(0, streams.in, O_RDONLY);
    redirect(1, streams.out, O_WRONLY | O_CREAT | O_TRUNC);
    redirect(2, streams.err, O_WRONLY | O_CREAT | O_TRUNC);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
}

}  // namespace stemdeck::test
