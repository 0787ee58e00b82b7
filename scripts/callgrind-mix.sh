#!/usr/bin/env bash
# Instructions per audio callback of the mix hot path (issue 11 item 5), counted by callgrind:
# a stable proxy for the `stemdeck-cli bench` ratios on a busy machine. Runs
# build/bench/stemdeck_callback_cost (scripts/build.sh -DSTEMDECK_BUILD_BENCH=ON) for the cases
# 4x256 and 2x64 with int16 stems and 4x256 and 8x256 with float stems, BLOCKS blocks each,
# and prints one line per case.
# Usage: scripts/callgrind-mix.sh [BLOCKS]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
blocks="${1:-2000}"
bin=build/bench/stemdeck_callback_cost
[[ -x "$bin" ]] || { echo "callgrind-mix: build $bin first (-DSTEMDECK_BUILD_BENCH=ON)" >&2; exit 2; }
out=$(mktemp -t stemdeck-callgrind.XXXXXX)
trap 'rm -f "$out"' EXIT
for spec in "4 256 int16" "2 64 int16" "4 256 float" "8 256 float"; do
  read -r stems frames format <<<"$spec"
  args=(--blocks "$blocks" --stems "$stems" --frames "$frames")
  [[ "$format" == int16 ]] && args+=(--int16)
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out" "$bin" "${args[@]}" \
    >/dev/null 2>&1
  total=$(awk '/^totals:/ { print $2; exit }' "$out")
  printf '%sx%s %s: %d instructions per callback\n' "$stems" "$frames" "$format" \
    $((total / blocks))
done
