#!/usr/bin/env bash
# Times loading a 44.1 kHz song resampled for a 48 kHz device against the same song at its own
# rate (issue 11: the resampled load should take at most 1.5x the native one). Makes the song
# on first use: 8 stereo 16-bit FLAC stems x 4 minutes at 44.1 kHz (build/tools/make_bench_song).
# Runs the two loads alternately, RUNS times each, and prints every load_s and the medians.
# Usage: scripts/bench-load.sh [SONG_FOLDER=build/bench-song] [RUNS=3]
#        scripts/bench-load.sh --instructions [SONG_FOLDER=build/bench-song-20s]
# (A folder that already holds FLAC stems is used as it is: build/tools/make_bench_song
# DIR 1 240 makes a one-stem song, whose resampling runs in parallel time segments.)
#
# --instructions counts the instructions of each whole load (every thread: the decode, the
# resampling, the storage) with callgrind instead, on 8 stems x 20 s: a repeatable proxy for
# the ratio (within about 1 %), where on a shared 2-core machine the times of consecutive loads
# spread by more than a resampler setting changes them.
set -euo pipefail
cd "$(dirname "$0")/.."
instructions=0 seconds=240 default_song=build/bench-song
if [ "${1:-}" = --instructions ]; then
  instructions=1 seconds=20 default_song=build/bench-song-20s
  shift
fi
song="${1:-$default_song}"
runs="${2:-3}"
cli=build/src/cli/stemdeck-cli
[ -x "$cli" ] && [ -x build/tools/make_bench_song ] || {
  echo "build first: scripts/build.sh" >&2
  exit 1
}
if ! compgen -G "$song/*.flac" >/dev/null; then
  echo "writing $song (8 stereo 16-bit FLAC stems x $seconds s at 44.1 kHz)" >&2
  build/tools/make_bench_song "$song" 8 "$seconds" 44100
fi
if [ "$instructions" = 1 ]; then
  out=$(mktemp -t stemdeck-callgrind-load.XXXXXX)
  trap 'rm -f "$out"' EXIT
  count() {
    valgrind --tool=callgrind --callgrind-out-file="$out" "$cli" bench "$song" --rate "$1" \
      --seconds 0.01 >/dev/null 2>&1
    awk '/^totals:/ { print $2; exit }' "$out"
  }
  native=$(count 44100)
  resampled=$(count 48000)
  echo "--rate 44100: $native instructions"
  echo "--rate 48000: $resampled instructions"
  awk -v n="$native" -v r="$resampled" 'BEGIN {printf "instruction ratio 48000/44100: %.2f\n", r / n}'
  exit 0
fi
load_s() { "$cli" bench "$song" --rate "$1" --seconds 0.05 | sed -n 's/.*"load_s": *\([0-9.e+-]*\).*/\1/p'; }
native=()
resampled=()
for _ in $(seq "$runs"); do
  native+=("$(load_s 44100)")
  resampled+=("$(load_s 48000)")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
n=$(median "${native[@]}")
r=$(median "${resampled[@]}")
echo "--rate 44100 load_s: ${native[*]} (median $n)"
echo "--rate 48000 load_s: ${resampled[*]} (median $r)"
awk -v n="$n" -v r="$r" 'BEGIN {printf "ratio 48000/44100: %.2f (target <= 1.5)\n", r / n}'
