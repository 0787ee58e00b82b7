#!/usr/bin/env bash
# Builds every libFuzzer target with clang, AddressSanitizer and UndefinedBehaviorSanitizer and
# runs each for SECONDS (default 60) from its seed corpus, STEMDECK_JOBS of them at a time. Two sets:
#   engine/CLI (fuzz/, built into build-fuzz/ as part of the main project): the CLI's argument
#     parser, its JSON output, StemLoader on arbitrary file bytes, a web action's JSON
#     parameters and a MIDI mapping file (control core), OSC datagrams, lyrics (LRC) and
#     ChordPro chord sheets (words);
#   app layer (fuzz/app/, a project of its own linking QtCore, built into build-fuzz-app/): the
#     per-song mix file, meta.json, the audio profiles, the settings INI, markers.json, set
#     files (.stemset).
# New inputs go to BUILD/corpus/<target>/ (the committed seeds stay as they are); a crashing
# input is saved as BUILD/artifacts/<target>/crash-* and the script fails.
# Usage: scripts/fuzz.sh [SECONDS]        STEMDECK_JOBS (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
jobs="${STEMDECK_JOBS:-2}"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

# The `fuzz` preset (CMakePresets.json) builds the engine targets, `fuzz-app`
# (fuzz/app/CMakePresets.json) the app layer's; the lists below are the ones run.
cmake --preset fuzz "${launcher[@]}" >/dev/null
engine_targets=(cli_options json_text stem_loader action_json osc_packet midi_mapping http_head lrc
  chordpro)
cmake --build --preset fuzz -j "$jobs" >/dev/null

cmake -S fuzz/app --preset fuzz-app "${launcher[@]}" >/dev/null
app_targets=(mix_store song_meta audio_profiles settings marker_store set_file)
(cd fuzz/app && cmake --build --preset fuzz-app -j "$jobs" >/dev/null)

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
status=0

# fuzz_one BUILD BIN_DIR SEEDS LSAN_SUPP MAX_LEN TARGET: one target for $seconds; exit 1 on a
# finding.
fuzz_one() {
  local build=$1 bin=$2 seeds=$3 supp=$4 max_len=$5 target=$6
  local corpus=$build/corpus/$target artifacts=$build/artifacts/$target/ log=$build/$target.log
  mkdir -p "$corpus" "$artifacts"
  if LSAN_OPTIONS="suppressions=$PWD/$supp:print_suppressions=0" \
      "$bin/stemdeck_fuzz_$target" -max_total_time="$seconds" -max_len="$max_len" \
      -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts" \
      "$corpus" "$seeds/$target" >"$log" 2>&1; then
    local runs cov
    runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{ print $2 }')
    echo "fuzz $target: ok, $runs runs in ${seconds}s ($((runs / seconds))/s), coverage $cov edges"
  else
    echo "fuzz $target: FAILED (input saved in $artifacts); the end of $log:" >&2
    tail -40 "$log" >&2
    return 1
  fi
}

# run BUILD BIN_DIR SEEDS LSAN_SUPP MAX_LEN TARGET...: the targets, $jobs at a time (each
# fuzzer is one process on one core).
run() {
  local running=0
  for target in "${@:6}"; do
    if ((running >= jobs)); then
      wait -n || status=1
      running=$((running - 1))
    fi
    fuzz_one "$1" "$2" "$3" "$4" "$5" "$target" &
    running=$((running + 1))
  done
  while ((running > 0)); do
    wait -n || status=1
    running=$((running - 1))
  done
}

# -max_len: the largest engine seed is 4.2 kB; the app's files are small (seeds <= 1.1 kB).
run build-fuzz build-fuzz/fuzz fuzz/corpus fuzz/lsan.supp 8192 "${engine_targets[@]}"
# The settings and profiles targets write a file per input: in memory that is ~5x faster.
[ -w /dev/shm ] && export TMPDIR=/dev/shm
run build-fuzz-app build-fuzz-app fuzz/app/corpus fuzz/app/lsan.supp 16384 "${app_targets[@]}"
exit $status
