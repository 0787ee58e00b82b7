#!/usr/bin/env bash
# Installs what is needed (Debian 12), builds stemdeck and runs the whole test suite.
#   ./test.sh         the normal build (build/) and every CTest test
#   ./test.sh --all   what CI runs: the above, then the engine, CLI and app-layer tests
#                     (ctest -L "engine|app": real streams, device loss, the PlaybackManager)
#                     under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/) and
#                     under ThreadSanitizer (build-tsan/; less what is labelled no_tsan: the
#                     single-threaded parsers and DSP suites, the CLI's process-level tests and
#                     the device lost while paused), the callgrind
#                     proof that the latency monitor costs nothing when off, a 60 s soak on the
#                     JACK dummy server at 128 frames and 10 s of fuzzing per libFuzzer target
#                     (15 of them, two at a time). Prints each phase's time; any sanitizer report fails the run.
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
  # The package test installs the .deb: here it must run (root or sudo), never be skipped.
  STEMDECK_REQUIRE_PACKAGE_TEST=1 ctest --preset release
}

# sanitized PRESET: the engine, CLI and app-layer tests (the PlaybackManager on a real stream
# included) built with the sanitizers of PRESET (CMakePresets.json: asan into build-asan/,
# tsan into build-tsan/) and run there with its *SAN_OPTIONS (the preset's test environment).
sanitized() {
  local preset=$1 launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake --preset "$preset" "${launcher[@]}" >/dev/null
  cmake --build --preset "$preset" -j "$(nproc)"
  same_scope "$preset"
  ctest --preset "$preset"
}

# same_scope PRESET: the sanitized build lists every test of its scope that the normal build
# has. A test binary left out of the preset's build targets would otherwise drop out unseen
# (its tests are then a NOT_BUILT placeholder without the scope's labels).
same_scope() {
  local preset=$1 missing
  names() { sed -n 's/^ *Test *#[0-9]*: \([^ ]*\).*/\1/p' | sort; }
  missing=$(comm -23 <(ctest --preset "$preset-scope" -N | names) <(ctest --preset "$preset" -N | names))
  if [ -n "$missing" ]; then
    echo "test.sh: the $preset build has no binary for $(wc -l <<<"$missing") tests of its scope" \
      "(add the binary to its build preset's targets), e.g. $(head -3 <<<"$missing" | paste -sd' ')" >&2
    return 1
  fi
}

phase "normal build and full suite" normal
if [ "$all" = 1 ]; then
  phase "AddressSanitizer + UBSan (engine, CLI, app layer, real streams)" sanitized asan
  phase "ThreadSanitizer (engine, CLI, app layer, real streams)" sanitized tsan
  phase "callgrind: latency monitor off vs compiled out" scripts/callgrind-monitor.sh
  phase "soak 60 s at 128 frames" scripts/soak.sh 60
  phase "fuzzing 10 s per target" scripts/fuzz.sh 10
fi
echo "== test.sh: all passed"
printf '   %s\n' "${timings[@]}"
