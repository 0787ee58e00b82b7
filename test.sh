#!/usr/bin/env bash
# Installs what is needed (Debian 12), builds stemdeck and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh test
scripts/build.sh -DSTEMDECK_BUILD_TESTS=ON -DSTEMDECK_BUILD_BENCH=ON
# Real-stream tests start their own private JACK dummy server (tests/support/with_jack.sh).
ctest --test-dir build --output-on-failure -j 2 --timeout 600
