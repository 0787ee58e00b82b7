#!/usr/bin/env bash
# Configures and builds stemdeck into build/ (RelWithDebInfo, warnings as errors).
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -G Ninja -DSTEMDECK_WERROR=ON "${launcher[@]}" "$@" >/dev/null
cmake --build build -j "$(nproc)"
