#include "Spawn.h"

#include <fcntl.h>
#include <spawn.h>

extern char** environ;

namespace stemdeck::test {

pid_t spawnChild(std::vector<std::string> args, const ChildStreams& streams) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (streams.in) posix_spawn_file_actions_addopen(&actions, 0, streams.in, O_RDONLY, 0);
    for (const auto& [fd, file] : {std::pair{1, streams.out}, std::pair{2, streams.err}})
        if (file)
            posix_spawn_file_actions_addopen(&actions, fd, file, O_WRONLY | O_CREAT | O_TRUNC,
                                             0644);
    pid_t pid = -1;
    const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

}  // namespace stemdeck::test
