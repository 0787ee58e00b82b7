#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/: the CLI's argument parser, its JSON writer, StemLoader
# on arbitrary file bytes) with clang, AddressSanitizer and UndefinedBehaviorSanitizer into
# build-fuzz/, and runs each for SECONDS (default 60) starting from its seed corpus in
# fuzz/corpus/<target>/. New inputs go to build-fuzz/corpus/<target>/ (the committed seeds
# stay as they are); a crashing input is saved as build-fuzz/artifacts/<target>/crash-* and
# the script fails. Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
jobs="${STEMDECK_JOBS:-2}"
targets=(cli_options json_writer stem_loader)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DSTEMDECK_WERROR=ON \
  -DSTEMDECK_BUILD_FUZZ=ON -DSTEMDECK_BUILD_TESTS=OFF -DSTEMDECK_BUILD_BENCH=OFF \
  "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
  "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j "$jobs" --target "${targets[@]/#/stemdeck_fuzz_}" >/dev/null

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
status=0
for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target
  artifacts=build-fuzz/artifacts/$target/
  mkdir -p "$corpus" "$artifacts"
  log=build-fuzz/$target.log
  # -max_len covers the largest seed (4.2 kB); -rss_limit_mb stays the default 2048.
  if build-fuzz/fuzz/stemdeck_fuzz_"$target" -max_total_time="$seconds" -max_len=8192 \
      -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts" \
      "$corpus" "fuzz/corpus/$target" >"$log" 2>&1; then
    runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{ print $2 }')
    echo "fuzz $target: ok, $runs runs in ${seconds}s, coverage $cov edges"
  else
    status=1
    echo "fuzz $target: FAILED (input saved in $artifacts); the end of $log:" >&2
    tail -40 "$log" >&2
  fi
done
exit $status
