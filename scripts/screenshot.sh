#!/usr/bin/env bash
# Renders docs/screenshot.png: the main window with the demo song playing. Needs no display
# (Qt's offscreen platform) and no sound card (a private JACK dummy server, so the meters and
# the playhead move as they would on a real device).
# Usage: scripts/screenshot.sh [--stage] [OUT.png] | --all
#   --stage: the stage view (View › Stage) at 1280x720 instead, to docs/stage.png by default.
#   --all: both, to docs/ (the README's pictures; docs/remote.png comes from the web remote's
#   browser test, see the README's "Web remote").
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--all" ]; then
  scripts/screenshot.sh
  exec scripts/screenshot.sh --stage
fi
view=()
default=docs/screenshot.png
if [ "${1:-}" = "--stage" ]; then
  view=(--stage --size 1280x720)
  default=docs/stage.png
  shift
fi
out="${1:-$default}"
scripts/install-deps.sh test
scripts/build.sh -DSTEMDECK_BUILD_TESTS=OFF -DSTEMDECK_BUILD_BENCH=OFF
# Default settings, whatever the user's own are.
settings=$(mktemp -t stemdeck-screenshot.XXXXXX)
trap 'rm -f "$settings"' EXIT
mkdir -p "$(dirname "$out")"
# JACK at the app's default block size, so its latency monitor would show a clean run.
STEMDECK_JACK_PERIOD=1024 QT_QPA_PLATFORM=offscreen tests/support/with_jack.sh \
  build/src/ui/stemdeck --settings "$settings" --screenshot "$out" "${view[@]}" resources/demo \
  2> >(grep -v -e '^ALSA lib' -e 'propagateSizeHints' >&2)
echo "wrote $out"
