#!/usr/bin/env bash
# Installs what is needed (Debian 12), builds stemdeck and opens SONG (a folder of stems, or a
# file in one) in the desktop app, or the bundled demo song when none is given.
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run.sh: no display to open a window on; scripts/screenshot.sh renders one without" >&2
  exit 1
fi
scripts/install-deps.sh app
scripts/build.sh -DSTEMDECK_BUILD_TESTS=OFF -DSTEMDECK_BUILD_BENCH=OFF
song="${1:-resources/demo}"
exec build/src/ui/stemdeck "$song"
