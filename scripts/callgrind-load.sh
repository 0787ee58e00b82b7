#!/usr/bin/env bash
# Instructions of a whole load, resampled (44.1 -> 48 kHz) against native, counted by callgrind:
# a repeatable proxy for issue 11's load ratio (scripts/bench-load.sh times it on the clock, and
# on a shared 2-core machine the wall and CPU times of consecutive loads spread by more than a
# resampler setting changes them). All threads are counted together: the decode, the
# resampling and the storage. Makes the song on first use: 8 stereo 16-bit FLAC stems x 20 s
# at 44.1 kHz (build/tools/make_bench_song). Prints each total and the ratio.
# Usage: scripts/callgrind-load.sh [SONG_FOLDER=build/bench-song-20s]
set -euo pipefail
cd "$(dirname "$0")/.."
song="${1:-build/bench-song-20s}"
cli=build/src/cli/stemdeck-cli
[ -x "$cli" ] && [ -x build/tools/make_bench_song ] || {
  echo "build first: scripts/build.sh" >&2
  exit 1
}
if ! compgen -G "$song/*.flac" >/dev/null; then
  echo "writing $song (8 stereo 16-bit FLAC stems x 20 s at 44.1 kHz)" >&2
  build/tools/make_bench_song "$song" 8 20 44100
fi
out=$(mktemp -t stemdeck-callgrind-load.XXXXXX)
trap 'rm -f "$out"' EXIT
instructions() {
  valgrind --tool=callgrind --callgrind-out-file="$out" "$cli" bench "$song" --rate "$1" \
    --seconds 0.01 >/dev/null 2>&1
  awk '/^totals:/ { print $2; exit }' "$out"
}
native=$(instructions 44100)
resampled=$(instructions 48000)
echo "--rate 44100: $native instructions"
echo "--rate 48000: $resampled instructions"
awk -v n="$native" -v r="$resampled" 'BEGIN {printf "instruction ratio 48000/44100: %.2f\n", r / n}'
