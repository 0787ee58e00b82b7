#!/usr/bin/env bash
# Proves with callgrind instruction counts that the audio callback with the latency monitor
# switched off costs the same as in a build without any monitor code (within 1 %), and shows
# what switching it on costs. Builds bench/CallbackCost.cpp twice (CMakePresets.json):
# build-callgrind/monitor (preset callgrind-monitor, the normal build) and
# build-callgrind/nomonitor (callgrind-nomonitor: -DSTEMDECK_LATENCY_MONITOR=OFF), renders
# BLOCKS blocks of 256 frames of an 8-stem song in each under callgrind, prints the counts as
# JSON and exits 1 when "off" costs more than 1 % over "compiled out".
# Usage: scripts/callgrind-monitor.sh [BLOCKS]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
blocks="${1:-2000}"
jobs="${STEMDECK_JOBS:-2}"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# The two builds differ in one file: let ccache share the other objects between the folders.
export CCACHE_NOHASHDIR=1

build() {  # build PRESET
  cmake --preset "$1" "${launcher[@]}" >/dev/null
  cmake --build --preset "$1" -j "$jobs" >/dev/null
}

# Instructions executed inside the driver's rendering loop (the only instrumented part).
instructions() {
  local out
  out=$(mktemp -t stemdeck-callgrind.XXXXXX)
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out" "$@" \
    --blocks "$blocks" >/dev/null 2>&1
  awk '/^totals:/ { print $2; exit }' "$out"
  rm -f "$out"
}

build callgrind-monitor
build callgrind-nomonitor
with=build-callgrind/monitor/bench/stemdeck_callback_cost
without=build-callgrind/nomonitor/bench/stemdeck_callback_cost

off=$(instructions "$with")
on=$(instructions "$with" --monitor)
out=$(instructions "$without")
awk -v off="$off" -v on="$on" -v out="$out" -v blocks="$blocks" 'BEGIN {
  if (off <= 0 || out <= 0) { print "callgrind-monitor: no instruction counts" > "/dev/stderr"; exit 2 }
  offPct = 100 * (off - out) / out
  onPct = 100 * (on - out) / out
  printf "{\"blocks\": %d, \"frames_per_block\": 256, \"stems\": 8,\n", blocks
  printf " \"instructions_per_callback\": {\"compiled_out\": %.1f, \"monitor_off\": %.1f, \"monitor_on\": %.1f},\n", out / blocks, off / blocks, on / blocks
  printf " \"monitor_off_vs_compiled_out_pct\": %.4f, \"monitor_on_vs_compiled_out_pct\": %.4f}\n", offPct, onPct
  if (offPct > 1.0) {
    printf "callgrind-monitor: FAIL: the callback with the monitor off costs %.3f %% more than without the monitor code (limit 1 %%)\n", offPct > "/dev/stderr"
    exit 1
  }
  printf "callgrind-monitor: OK: monitor off is within 1 %% of no monitor code (%+.4f %%)\n", offPct
}'
