#!/usr/bin/env bash
# Times loading a 44.1 kHz song resampled for a 48 kHz device against the same song at its own
# rate (issue 11: the resampled load should take at most 1.5x the native one). Makes the song
# on first use: 8 stereo 16-bit FLAC stems x 4 minutes at 44.1 kHz (build/tools/make_bench_song).
# Runs the two loads alternately, RUNS times each, and prints every load_s and the medians.
# Usage: scripts/bench-load.sh [SONG_FOLDER=build/bench-song] [RUNS=3]
# (A folder that already holds FLAC stems is used as it is: build/tools/make_bench_song
# DIR 1 240 makes a one-stem song, whose resampling runs in parallel time segments.)
set -euo pipefail
cd "$(dirname "$0")/.."
song="${1:-build/bench-song}"
runs="${2:-3}"
cli=build/src/cli/stemdeck-cli
[ -x "$cli" ] && [ -x build/tools/make_bench_song ] || {
  echo "build first: scripts/build.sh" >&2
  exit 1
}
if ! compgen -G "$song/*.flac" >/dev/null; then
  echo "writing $song (8 stereo 16-bit FLAC stems x 240 s at 44.1 kHz)" >&2
  build/tools/make_bench_song "$song" 8 240 44100
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
