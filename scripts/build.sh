#!/usr/bin/env bash
# Configures and builds stemdeck into build/ (the `release` preset of CMakePresets.json:
# RelWithDebInfo, warnings as errors). Arguments go to the configure step (-DSTEMDECK_...).
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake --preset release "${launcher[@]}" "$@" >/dev/null
cmake --build --preset release -j "$(nproc)"
