#!/usr/bin/env bash
# Installs what is needed (Debian 12), builds stemdeck and plays SONG (a folder of stems),
# or the bundled demo song when none is given. (Until the desktop app lands, this plays
# through the command-line tool.)
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh app
scripts/build.sh -DSTEMDECK_BUILD_TESTS=OFF -DSTEMDECK_BUILD_BENCH=OFF
song="${1:-resources/demo}"
exec build/src/cli/stemdeck-cli play "$song"
