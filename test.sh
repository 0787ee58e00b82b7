#!/usr/bin/env bash
# Installs what is needed (Debian 12), builds stemdeck and runs the whole test suite.
#   ./test.sh         the normal build (build/) and every CTest test
#   ./test.sh --all   what CI runs: the above, then the engine, CLI and app-layer tests
#                     (ctest -L "engine|app": real streams, device loss, the PlaybackManager)
#                     under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/) and
#                     under ThreadSanitizer (build-tsan/), the callgrind proof that the latency
#                     monitor costs nothing when off, a 60 s soak on the JACK dummy server at
#                     128 frames and 20 s of fuzzing per libFuzzer target. Prints each phase's
#                     time; any sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")"
all=0
case "${1:-}" in
  "") ;;
  --all) all=1 ;;
  *) echo "usage: ./test.sh [--all]" >&2; exit 2 ;;
esac
scripts/install-deps.sh test

timings=()
phase() {  # phase NAME COMMAND...: runs it and records how long it took
  local name=$1 start=$SECONDS
  shift
  echo "== test.sh: $name"
  "$@"
  timings+=("$name: $((SECONDS - start)) s")
}

normal() {
  scripts/build.sh -DSTEMDECK_BUILD_TESTS=ON -DSTEMDECK_BUILD_BENCH=ON
  # Real-stream tests start their own private JACK dummy server (tests/support/with_jack.sh).
  ctest --test-dir build --output-on-failure -j 2 --timeout 600
}

# sanitized DIR FLAGS: the engine, CLI and app-layer tests (the PlaybackManager on a real
# stream included) built with FLAGS (gcc) into DIR and run there.
# GCC's -Wmaybe-uninitialized misfires on instrumented code (libstdc++'s <regex> under ASan),
# so it is off in these builds only; the normal build keeps every warning.
sanitized() {
  local dir=$1 flags=$2 launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S . -B "$dir" -G Ninja -DSTEMDECK_WERROR=ON -DSTEMDECK_BUILD_TESTS=ON \
    -DSTEMDECK_BUILD_BENCH=OFF \
    "-DCMAKE_CXX_FLAGS=$flags -fno-omit-frame-pointer -Wno-maybe-uninitialized" \
    "${launcher[@]}" >/dev/null
  cmake --build "$dir" -j "$(nproc)" --target engine_tests app_tests
  # The real-stream tests run one at a time (RESOURCE_LOCK realtime_device); -j 2 runs the
  # unit tests beside them.
  ctest --test-dir "$dir" -L "engine|app" --output-on-failure -j 2 --timeout 900
}

phase "normal build and full suite" normal
if [ "$all" = 1 ]; then
  # Any report ends the process with a non-zero status, which fails its test.
  export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:strict_string_checks=1"
  export LSAN_OPTIONS="suppressions=$PWD/tests/support/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  export TSAN_OPTIONS="halt_on_error=1:exitcode=66:second_deadlock_stack=1:suppressions=$PWD/tests/support/tsan.supp"
  phase "AddressSanitizer + UBSan (engine, CLI, app layer, real streams)" \
    sanitized build-asan "-fsanitize=address,undefined -fno-sanitize-recover=undefined"
  phase "ThreadSanitizer (engine, CLI, app layer, real streams)" sanitized build-tsan "-fsanitize=thread"
  phase "callgrind: latency monitor off vs compiled out" scripts/callgrind-monitor.sh
  phase "soak 60 s at 128 frames" scripts/soak.sh 60
  phase "fuzzing 20 s per target" scripts/fuzz.sh 20
fi
echo "== test.sh: all passed"
printf '   %s\n' "${timings[@]}"
